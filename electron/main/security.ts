/**
 * The window's locks (Electron security checklist): only our own origin may be shown or may talk
 * to main; navigation, new windows, webviews and permission requests are refused.
 */
import type { Session, WebContents, WebFrameMain } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ibtikar';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Parsed with URL, never compared by prefix (`app://ibtikar.evil` must not pass). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** IPC is accepted only from our page's main frame, never from a sub-frame or a foreign origin. */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Locks one page's contents. `openLink` (the confirming opener from external-links.ts) receives any
 * link the page asks to open in a new window; the answer to Electron is always `deny`, so no second
 * window ever exists, and what reaches the system browser is decided there, not here.
 */
export function hardenContents(contents: WebContents, openLink?: (url: string) => void) {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    try {
      openLink?.(url);
    } catch {
      // The opener logs its own failures; nothing it does may turn this answer into anything but deny.
    }
    return { action: 'deny' };
  });
}

export function denyPermissions(session: Session) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
