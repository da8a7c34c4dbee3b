/**
 * The only caller of `shell.openExternal` (Electron security checklist, item 15). The operating
 * system hands the URL to whatever program is registered for its scheme, so a link the page controls
 * could start a program (`file:`, `smb:`, `ms-msdt:` and every other registered handler). So: the URL
 * is parsed with `URL` (never compared by prefix), only https: and mailto: pass, and nothing opens
 * until the person at the keyboard says yes in a native dialog, which the page can neither draw nor
 * click.
 */
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { Logger } from '../core/logger';
import { errorData } from '../core/logger';
import type { DesktopTextKey } from './desktop-text';
import { question } from './question';

export const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'mailto:']);

/** Longer than any link a person reads before saying yes; also bounds what reaches the OS. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * mailto: fields every mail program understands. Others are refused: some mail programs read
 * `attach=` or `attachment=` as "attach this local file", which would send a file off the machine.
 */
const MAILTO_FIELDS: ReadonlySet<string> = new Set(['subject', 'body', 'cc', 'bcc', 'to']);

/**
 * The URL to hand to the system, normalised (so the dialog shows exactly what will be opened, with
 * an international host name in its punycode form), or undefined when it may not leave the app.
 */
export function allowedExternalUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return undefined;
  // `https://ministry.example@evil.example/` reads as one host and opens another.
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.protocol === 'mailto:' && [...url.searchParams.keys()].some((field) => !MAILTO_FIELDS.has(field.toLowerCase()))) return undefined;
  return url.href;
}

/** Asks the person whether to open `url`; resolves true only on an explicit yes. */
export type ConfirmLink = (url: string) => Promise<boolean>;

export type LinkOutcome = 'opened' | 'refused' | 'declined' | 'busy' | 'failed';

/**
 * Returns the one function that may open a link outside the app. It never throws: a failure is
 * logged and reported as an outcome, because its callers (a window-open handler) cannot wait or fail.
 */
export function createLinkOpener(deps: { shell: Pick<Shell, 'openExternal'>; confirm: ConfirmLink; logger: Logger }) {
  let asking = false;
  return async function openLink(raw: unknown): Promise<LinkOutcome> {
    const url = allowedExternalUrl(raw);
    if (!url) {
      deps.logger.warn('A link was refused: only https: and mailto: links may open outside the app', { url: String(raw).slice(0, 200) });
      return 'refused';
    }
    // One question at a time: a page that calls window.open in a loop gets one dialog, not a flood.
    if (asking) return 'busy';
    asking = true;
    try {
      if (!(await deps.confirm(url))) return 'declined';
      await deps.shell.openExternal(url);
      return 'opened';
    } catch (error) {
      deps.logger.error('A link could not be opened', { url, ...errorData(error) });
      return 'failed';
    } finally {
      asking = false;
    }
  };
}

/**
 * The confirmation as a native message box, in the UI's language, with Cancel as the default so
 * that Enter or Escape never opens anything.
 */
export function confirmInDialog(deps: {
  dialog: Pick<Dialog, 'showMessageBox'>;
  parent: () => BrowserWindow | null | undefined;
  text: (key: DesktopTextKey) => string;
}): ConfirmLink {
  return async (url) => {
    const options = question({ type: 'question', buttons: [deps.text('externalLink.open'), deps.text('common.cancel')], safe: 1, message: deps.text('externalLink.question'), detail: url });
    const parent = deps.parent();
    const { response } = parent ? await deps.dialog.showMessageBox(parent, options) : await deps.dialog.showMessageBox(options);
    return response === 0;
  };
}
