/** Every window is made here, with the same locked options; nothing else calls `new BrowserWindow`. */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle, type Session } from 'electron';
import { hardenContents } from './security';

const DEFAULT_SIZE = { width: 1280, height: 800 };

/**
 * The one `new BrowserWindow` call. The locks are written out in it rather than spread from a
 * constant, so that a reviewer and Electronegativity both see every one where the window is made
 * (docs/security.md, items 2–11); `page` is what differs: the app's preload, or the print window's own
 * session with JavaScript off.
 */
function lockedWindow(frame: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, page: { preload: string } | { preload?: undefined; session: Session; javascript: false }) {
  return new BrowserWindow({
    ...frame,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      preload: page.preload,
      ...('session' in page && { session: page.session, javascript: page.javascript }),
    },
  });
}

export function createWindow(options: {
  preload: string;
  title: string;
  bounds?: Rectangle;
  /** Full screen on the display `bounds` lies on (the projector window). */
  fullscreen?: boolean;
  /** Receives links the page asks to open in a new window (the window itself never opens). */
  openLink?: (url: string) => void;
}): BrowserWindow {
  const window = lockedWindow(
    { ...DEFAULT_SIZE, ...options.bounds, minWidth: 360, minHeight: 480, title: options.title, fullscreen: options.fullscreen ?? false },
    { preload: options.preload },
  );
  hardenContents(window.webContents, options.openLink);
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * A hidden window that only lays a page out for printing (a bundle's PDF summary, bundle-pdf.ts): in
 * its own session, with the same locks, no preload and JavaScript off, since its page is made from
 * records that may come from another lab.
 */
export function createPrintWindow(session: Session): BrowserWindow {
  const window = lockedWindow({}, { session, javascript: false });
  hardenContents(window.webContents);
  return window;
}
