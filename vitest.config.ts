import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const version = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version as string;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // End-to-end tests walk whole screens with axe-core; each wait inside has its own 10 s limit.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // End-to-end files each start their own server and browser; two cores run two files at once.
    maxWorkers: 2,
  },
});
