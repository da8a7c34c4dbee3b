/**
 * What a process that ended without closing (a crash, a power cut, a kill) leaves in the bundles
 * folder, removed when core starts. Another process may be working on the same data folder at the
 * same time (the command line beside the app), so only what no live process can still need goes:
 * - staging folders of processes that have ended: they hold a bundle's contents, decrypted;
 * - the app's own copies in the inbox (uploads, half-received uploads, files the system opened) and
 *   exports nobody fetched, once a day old: a preview or download does not wait that long.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The staging folder of one import, named for the process that owns it. */
export const stagingPrefix = () => `import-${process.pid}-`;

/** The app's own copies in the inbox (uploads and files the system opened), as opposed to a file the user put there. */
export const isOwnCopy = (fileName: string) => /^(upload|opened)-/.test(fileName);

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const entries = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

export function removeLeftovers(folders: { staging: string; inbox: string; exports: string }, now: Date) {
  for (const name of entries(folders.staging)) {
    const pid = Number(/^import-(\d+)-/.exec(name)?.[1]);
    if (!pid || !running(pid)) rmSync(join(folders.staging, name), { recursive: true, force: true });
  }
  const stale = (file: string) => now.getTime() - statSync(file).mtimeMs > DAY_MS;
  for (const name of entries(folders.inbox)) {
    const file = join(folders.inbox, name);
    if (isOwnCopy(name) && stale(file)) rmSync(file, { force: true });
  }
  for (const name of entries(folders.exports)) {
    const file = join(folders.exports, name);
    if (stale(file)) rmSync(file, { force: true });
  }
}
