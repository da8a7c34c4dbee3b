/**
 * The desktop's PDF summaries for bundles (electron/main/bundle-pdf.ts), with Electron's session and
 * window stood in for: the page is served once, only to its own one-time URL on the print session's
 * app: scheme, with the viewer's CSP; it is printed on A4 with backgrounds; the window is destroyed
 * and the page forgotten whether printing works or fails; the print session refuses every permission.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPdfRenderer } from '../../electron/main/bundle-pdf';

type Handler = (request: Request) => Response | Promise<Response>;

function standIns(print: () => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 …')) {
  let handler: Handler | undefined;
  const served: { url: string; status: number; body: string; csp: string | null }[] = [];
  const ask = async (url: string) => {
    const response = await handler!(new Request(url));
    const answer = { url, status: response.status, body: await response.text(), csp: response.headers.get('Content-Security-Policy') };
    served.push(answer);
    return answer;
  };
  const permissionRequest = vi.fn();
  const permissionCheck = vi.fn();
  const session = {
    protocol: { handle: (scheme: string, fn: Handler) => ((handler = fn), expect(scheme).toBe('app')) },
    setPermissionRequestHandler: permissionRequest,
    setPermissionCheckHandler: permissionCheck,
  };
  const windows: { loaded: string[]; destroyed: boolean; printed: unknown[] }[] = [];
  const createWindow = () => {
    const window = { loaded: [] as string[], destroyed: false, printed: [] as unknown[] };
    windows.push(window);
    return {
      // As Chromium would: the window asks the scheme for the URL it loads.
      loadURL: async (url: string) => {
        window.loaded.push(url);
        const { status } = await ask(url);
        if (status !== 200) throw new Error(`ERR_FILE_NOT_FOUND (${status})`);
      },
      destroy: () => void (window.destroyed = true),
      webContents: { printToPDF: async (options: unknown) => (window.printed.push(options), print()) },
    };
  };
  const render = createPdfRenderer({ session: session as never, createWindow: createWindow as never });
  return { render, ask, served, windows, permissionRequest, permissionCheck };
}

describe('bundle PDF summaries (desktop)', () => {
  const page = '<!doctype html><html lang="ar" dir="rtl"><body><h1>مختبر الابتكار</h1></body></html>';

  it('prints the page from a one-time URL of its own, on A4 with backgrounds, then closes the window', async () => {
    const room = standIns();
    const pdf = await room.render(page);
    expect(pdf.toString()).toMatch(/^%PDF-/);
    const [window] = room.windows;
    expect(window.loaded).toHaveLength(1);
    expect(window.loaded[0]).toMatch(/^app:\/\/ibtikar\/print\/[0-9a-f-]{36}\.html$/);
    expect(room.served[0]).toEqual({ url: window.loaded[0], status: 200, body: page, csp: expect.stringContaining("default-src 'none'") });
    expect(room.served[0].csp).not.toMatch(/script-src|'self'/);
    expect(window.printed).toEqual([{ pageSize: 'A4', printBackground: true }]);
    expect(window.destroyed).toBe(true);
    // Once printed, the page is gone: its URL, any other path and any other host answer 404.
    expect((await room.ask(window.loaded[0])).status).toBe(404);
    expect((await room.ask('app://ibtikar/index.html')).status).toBe(404);
    expect((await room.ask(window.loaded[0].replace('ibtikar', 'elsewhere'))).status).toBe(404);
  });

  it('closes the window and forgets the page when printing fails', async () => {
    const room = standIns(async () => {
      throw new Error('printing failed');
    });
    await expect(room.render(page)).rejects.toThrow('printing failed');
    const [window] = room.windows;
    expect(window.destroyed).toBe(true);
    expect((await room.ask(window.loaded[0])).status).toBe(404);
  });

  it('prints two pages at once, each in its own window from its own URL', async () => {
    const room = standIns();
    await Promise.all([room.render(page), room.render('<p>two</p>')]);
    expect(room.windows).toHaveLength(2);
    expect(room.windows[0].loaded[0]).not.toBe(room.windows[1].loaded[0]);
    expect(room.served.map((s) => s.body).sort()).toEqual(['<p>two</p>', page].sort());
  });

  it('refuses every permission the printed page could ask for', () => {
    const room = standIns();
    const answer = vi.fn();
    room.permissionRequest.mock.calls[0][0](null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(room.permissionCheck.mock.calls[0][0]()).toBe(false);
  });
});
