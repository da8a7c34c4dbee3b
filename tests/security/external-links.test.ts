/**
 * Checklist item 15: the one way to `shell.openExternal` lets only https: and mailto: URLs through,
 * parsed with URL, and only after the person confirms. The static check that nothing else calls
 * openExternal is in checklist.test.ts (item 15). These modules import only types from electron, so
 * no mock is needed: the shell and the dialog are passed in.
 */
import { describe, expect, it, vi } from 'vitest';
import { desktopText, type DesktopTextKey } from '../../electron/main/desktop-text';
import { allowedExternalUrl, confirmInDialog, createLinkOpener, MAX_EXTERNAL_URL_LENGTH } from '../../electron/main/external-links';
import { hardenContents } from '../../electron/main/security';
import { LANGUAGES } from '../../electron/shared/domain/settings';

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

/** A promise the test settles by hand, to hold a confirmation dialog open. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('which links may leave the app', () => {
  it.each([
    ['https://example.org/report?year=2026#top', 'https://example.org/report?year=2026#top'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['https:example.org/x', 'https://example.org/x'],
    ['  https://example.org/  ', 'https://example.org/'],
    ['https://وزارة.example/', 'https://xn--mgbexc3i.example/'],
    ['mailto:lab@example.org', 'mailto:lab@example.org'],
    ['mailto:lab@example.org?subject=Pilot&body=Hello&cc=a@example.org', 'mailto:lab@example.org?subject=Pilot&body=Hello&cc=a@example.org'],
  ])('%s opens as %s', (raw, expected) => {
    expect(allowedExternalUrl(raw)).toBe(expected);
  });

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'file://server/share/setup.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=setup',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'app://ibtikar/index.html',
    'about:blank',
    'https://ministry.example@evil.example/',
    'https://user:secret@example.org/',
    'mailto:lab@example.org?attach=/etc/passwd',
    'mailto:lab@example.org?Attachment=C:\\secret.docx',
    'not a url',
    '',
    `https://example.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`,
  ])('%s is refused', (raw) => {
    expect(allowedExternalUrl(raw)).toBeUndefined();
  });

  it.each([undefined, null, 42, {}, ['https://example.org/'], new URL('https://example.org/')])('a non-string (%s) is refused', (raw) => {
    expect(allowedExternalUrl(raw)).toBeUndefined();
  });
});

describe('the link opener', () => {
  it('opens an allowed link only after the person confirms, normalised as shown to them', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const confirm = vi.fn(async () => true);
    const openLink = createLinkOpener({ shell, confirm, logger: logger() });
    expect(await openLink('HTTPS://Example.ORG/a')).toBe('opened');
    expect(confirm).toHaveBeenCalledWith('https://example.org/a');
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/a');
  });

  it('opens nothing when the person declines', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const openLink = createLinkOpener({ shell, confirm: async () => false, logger: logger() });
    expect(await openLink('https://example.org/')).toBe('declined');
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses a disallowed link without asking, and logs it', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const confirm = vi.fn(async () => true);
    const log = logger();
    const openLink = createLinkOpener({ shell, confirm, logger: log });
    expect(await openLink('file:///etc/passwd')).toBe('refused');
    expect(confirm).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('refused'), { url: 'file:///etc/passwd' });
  });

  it('asks one question at a time: links arriving while a dialog is open are dropped', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const answer = deferred<boolean>();
    const confirm = vi.fn(() => answer.promise);
    const openLink = createLinkOpener({ shell, confirm, logger: logger() });
    const first = openLink('https://example.org/1');
    expect(await openLink('https://example.org/2')).toBe('busy');
    answer.resolve(true);
    expect(await first).toBe('opened');
    expect(shell.openExternal.mock.calls).toEqual([['https://example.org/1']]);
    confirm.mockResolvedValueOnce(false);
    expect(await openLink('https://example.org/3')).toBe('declined');
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('never throws: a failing dialog or browser is logged, and the next link is asked about again', async () => {
    const shell = { openExternal: vi.fn(async () => Promise.reject(new Error('no browser'))) };
    const confirm = vi.fn(async () => true);
    const log = logger();
    const openLink = createLinkOpener({ shell, confirm, logger: log });
    expect(await openLink('https://example.org/')).toBe('failed');
    expect(log.error).toHaveBeenCalledWith('A link could not be opened', expect.objectContaining({ url: 'https://example.org/', error: 'no browser' }));
    confirm.mockRejectedValueOnce(new Error('dialog failed'));
    expect(await openLink('https://example.org/')).toBe('failed');
    expect(await openLink('https://example.org/')).toBe('failed');
    expect(confirm).toHaveBeenCalledTimes(3);
  });

  it('is what a window.open in the page reaches, while the window itself is denied', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const answer = deferred<boolean>();
    const openLink = createLinkOpener({ shell, confirm: () => answer.promise, logger: logger() });
    const outcomes: Promise<string>[] = [];
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    hardenContents(contents as never, (url) => outcomes.push(openLink(url)));
    const handler = contents.setWindowOpenHandler.mock.calls[0][0];
    expect(handler({ url: 'https://example.org/guide' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    answer.resolve(true);
    expect(await Promise.all(outcomes)).toEqual(['opened']);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/guide');
  });
});

describe('the confirmation dialog', () => {
  const text = (key: DesktopTextKey) => `<${key}>`;

  it('asks in a native message box over the window, with Cancel as the default answer', async () => {
    const parent = { id: 1 };
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };
    const confirm = confirmInDialog({ dialog: dialog as never, parent: () => parent as never, text });
    expect(await confirm('https://example.org/')).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(parent, {
      type: 'question',
      buttons: ['<externalLink.open>', '<common.cancel>'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      message: '<externalLink.question>',
      detail: 'https://example.org/',
    });
  });

  it('says no unless the first button was chosen, with or without a window', async () => {
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })) };
    const confirm = confirmInDialog({ dialog: dialog as never, parent: () => null, text });
    expect(await confirm('https://example.org/')).toBe(false);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: 'https://example.org/' }));
  });

  it.each(LANGUAGES)('is worded in %s from the catalogue', (language) => {
    const words = (['externalLink.question', 'externalLink.open', 'common.cancel'] as const).map((key) => desktopText(language, key));
    for (const [i, key] of (['externalLink.question', 'externalLink.open', 'common.cancel'] as const).entries()) {
      expect(words[i], key).not.toBe(key);
      expect(words[i].trim(), key).not.toBe('');
    }
    if (language !== 'en') expect(words[0]).not.toBe(desktopText('en', 'externalLink.question'));
  });
});
