// Replaced at build time (scripts/build.mjs, vite.config.ts, vitest.config.ts) with package.json's version.
declare const __APP_VERSION__: string;
