/**
 * `.ibtikar` files the operating system hands the app: double-clicked (Windows and Linux pass the
 * path on the command line, also to a second launch; macOS sends `open-file`, often before the app
 * is ready). Paths wait in a queue until the window can show the import, then go one by one.
 */
import type { MessageBoxOptions } from 'electron';
import { extname } from 'node:path';
import type { Language } from '../shared/domain/settings';
import { desktopText } from './desktop-text';

export const BUNDLE_EXTENSION = '.ibtikar';

/** The last command-line argument naming a bundle (flags and the app's own path are skipped). */
export function bundleArgument(argv: readonly string[]): string | null {
  const found = argv.filter((arg) => !/^-/.test(arg) && extname(arg).toLowerCase() === BUNDLE_EXTENSION);
  return found.at(-1) ?? null;
}

export interface DocumentQueue {
  /** A path arrived from the OS; opened now if the window is ready, else kept for later. */
  request(path: string): void;
  /** The window can show imports: everything queued is opened, in order. */
  ready(): void;
}

export function createDocumentQueue(open: (path: string) => void): DocumentQueue {
  let isReady = false;
  const pending: string[] = [];
  return {
    request(path) {
      if (isReady) open(path);
      else if (!pending.includes(path)) pending.push(path);
    },
    ready() {
      isReady = true;
      pending.splice(0).forEach(open);
    },
  };
}

/** What the user sees when a file the system handed over cannot be read (moved, deleted, not theirs to read). */
export const unreadableBundleMessage = (language: Language, path: string): MessageBoxOptions => ({
  type: 'error',
  title: desktopText(language, 'menu.bundleUnreadable'),
  message: desktopText(language, 'menu.bundleUnreadable'),
  detail: desktopText(language, 'menu.bundleUnreadableDetail', { path }),
});
