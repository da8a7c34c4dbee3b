import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { CSP_META } from './electron/shared/csp';

const version = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version as string;

/** Writes the one CSP (electron/shared/csp.ts) into index.html, so the page is locked even without headers. */
const cspMeta = (): Plugin => ({
  name: 'csp-meta',
  transformIndexHtml: (html) => html.replace('<!--csp-->', `<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`),
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Fonts and icons stay files: the CSP allows no data: fonts, and the desktop serves them from disk.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    // The workshop participant page is its own small entry, served alone by the workshop server.
    rollupOptions: { input: { main: 'renderer/index.html', participant: 'renderer/participant.html' } },
  },
});
