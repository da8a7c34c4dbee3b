import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const version = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version as string;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // End-to-end files each start their own server and browser; two cores run two files at once.
    maxWorkers: 2,
  },
});
