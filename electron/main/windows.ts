/** Every window is made here, with the same locked options; nothing else calls `new BrowserWindow`. */
import { BrowserWindow, type Rectangle, type Session } from 'electron';
import { hardenContents } from './security';

const DEFAULT_SIZE = { width: 1280, height: 800 };

export function createWindow(options: {
  preload: string;
  title: string;
  bounds?: Rectangle;
  /** Full screen on the display `bounds` lies on (the projector window). */
  fullscreen?: boolean;
  /** Receives links the page asks to open in a new window (the window itself never opens). */
  openLink?: (url: string) => void;
}): BrowserWindow {
  const window = new BrowserWindow({
    ...DEFAULT_SIZE,
    ...options.bounds,
    minWidth: 360,
    minHeight: 480,
    title: options.title,
    fullscreen: options.fullscreen ?? false,
    show: false,
    // Written out in the constructor call rather than spread from a constant, so that a reviewer and
    // Electronegativity both see every lock where the window is made (docs/security.md, items 2–11).
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
      preload: options.preload,
    },
  });
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
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session,
      javascript: false,
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
    },
  });
  hardenContents(window.webContents);
  return window;
}
