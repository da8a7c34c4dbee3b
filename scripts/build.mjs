// Builds everything the app runs: the renderer (vite) into dist/renderer, and the Node and
// Electron entry points (esbuild) into dist/node, dist/main and dist/preload.
//   node scripts/build.mjs [--quiet] [--only node]
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { quiet: { type: 'boolean', default: false }, only: { type: 'string' } } });
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

// `import sql from './x.sql?raw'` works in vite; this teaches esbuild the same.
const rawSql = {
  name: 'raw-sql',
  setup(build) {
    build.onResolve({ filter: /\.sql\?raw$/ }, (args) => ({
      path: new URL(args.path.replace(/\?raw$/, ''), `file://${args.resolveDir}/`).pathname,
      namespace: 'raw-sql',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw-sql' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: values.quiet ? 'error' : 'info',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [rawSql],
  // Native and Electron modules are loaded at run time, never bundled.
  external: ['electron', 'better-sqlite3'],
  // yazl's CRC-32 from Node's zlib rather than in JavaScript (electron/core/bundles/crc32.ts says why).
  alias: { 'buffer-crc32': './electron/core/bundles/crc32.ts' },
};
// Bundled CommonJS dependencies call require(); give ESM output a real one.
const esmBanner = { js: "import { createRequire as __ibtikarRequire } from 'node:module'; const require = __ibtikarRequire(import.meta.url);" };

await Promise.all([
  esbuild({ ...common, entryPoints: { serve: 'electron/core/serve.ts' }, outdir: 'dist/node', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  esbuild({ ...common, entryPoints: { bundle: 'electron/core/bundle-cli.ts' }, outdir: 'dist/node', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  // The canvas bench drives Chromium through playwright-core, which must load from node_modules.
  esbuild({ ...common, external: [...common.external, 'playwright-core'], entryPoints: { bench: 'bench/run.ts' }, outdir: 'dist/node', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  // The room of phones the workshop bench group runs in a process of its own.
  esbuild({ ...common, entryPoints: { 'workshop-clients': 'bench/workshop-clients.ts' }, outdir: 'dist/node', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  // The child the kill -9 harness starts and kills (tests/durability and `npm run bench`): core's
  // `?raw` SQL imports need this bundler, so plain node can run it from a fresh clone.
  esbuild({ ...common, entryPoints: { 'durability-child': 'tests/support/durability-child.ts' }, outdir: 'dist/node', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  esbuild({ ...common, entryPoints: { 'bundle-import-child': 'tests/support/bundle-import-child.ts' }, outdir: 'dist/node', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  esbuild({ ...common, entryPoints: { index: 'electron/main/index.ts' }, outdir: 'dist/main', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  // A sandboxed preload must be a single CommonJS file.
  esbuild({ ...common, entryPoints: { index: 'electron/preload/index.ts' }, outdir: 'dist/preload', format: 'cjs', outExtension: { '.js': '.cjs' } }),
]);

if (values.only !== 'node') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: values.quiet ? 'error' : 'info' });
}
