/**
 * Bundle PDF summaries (core's `renderPdf`): the bundle's viewer page printed by Chromium on A4 with
 * backgrounds, in a hidden window of its own. The page is made from records that may have come from
 * another lab's bundle, so the window has no preload and no JavaScript, and it lives in an in-memory
 * session of its own whose app: scheme answers with nothing but the pages being printed (no app
 * files, no network), with the viewer's own policy as its CSP header.
 */
import type { BrowserWindow, Session } from 'electron';
import { randomUUID } from 'node:crypto';
import { VIEWER_CSP } from '../core/bundles/viewer';
import { APP_HOST, APP_SCHEME, denyPermissions } from './security';

export interface PdfRendererDeps {
  /** The print session (a partition of its own, not the app's). */
  session: Pick<Session, 'protocol' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  /** A hidden, script-less window in that session (windows.ts `createPrintWindow`). */
  createWindow: () => Pick<BrowserWindow, 'loadURL' | 'destroy'> & { webContents: Pick<BrowserWindow['webContents'], 'printToPDF'> };
}

export function createPdfRenderer(deps: PdfRendererDeps): (html: string) => Promise<Buffer> {
  /** Pages being printed, by their one-time path. */
  const pages = new Map<string, string>();
  denyPermissions(deps.session as Session);
  deps.session.protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const html = url.host === APP_HOST ? pages.get(url.pathname) : undefined;
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': VIEWER_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  return async (html) => {
    const path = `/print/${randomUUID()}.html`;
    pages.set(path, html);
    const window = deps.createWindow();
    try {
      await window.loadURL(`${APP_SCHEME}://${APP_HOST}${path}`);
      return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    } finally {
      pages.delete(path);
      window.destroy();
    }
  };
}
