import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCore, steppingClock } from '../support/core';
import { removeDir, tempDataDir } from '../support/serve';

const dataDir = tempDataDir();
afterAll(() => removeDir(dataDir));

/** A file in the bundles folder, last changed `daysAgo` before the core's clock starts. */
function place(path: string, daysAgo: number) {
  const file = join(dataDir, 'bundles', path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'bytes');
  const when = new Date(steppingClock().now().getTime() - daysAgo * 24 * 3600 * 1000);
  utimesSync(file, when, when);
}

describe('what an import or export left behind when its process ended without closing', () => {
  it('is removed when core starts, except what a process still running or the user may need', () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    place(`staging/import-${ended}-a1b2c3/bundle.zip`, 0);
    place(`staging/import-${process.pid}-d4e5f6/bundle.zip`, 3);
    place('staging/import-x7y8z9/bundle.zip', 0);
    place('inbox/opened-old.ibtikar', 2);
    place('inbox/upload-old.ibtikar.part', 2);
    place('inbox/upload-new.ibtikar', 0);
    place('inbox/from-the-ministry.ibtikar', 30);
    place('exports/ibtikar-workspace-old.ibtikar', 2);
    place('exports/ibtikar-project-new.ibtikar', 0);

    makeCore(dataDir).core.close();

    const left = (folder: string) => readdirSync(join(dataDir, 'bundles', folder)).sort();
    // Staging holds a bundle's decrypted contents: it goes as soon as its process has ended, and stays while it runs.
    expect(left('staging')).toEqual([`import-${process.pid}-d4e5f6`]);
    // The app's own copies go after a day; a file the user put in the inbox is theirs.
    expect(left('inbox')).toEqual(['from-the-ministry.ibtikar', 'upload-new.ibtikar']);
    expect(left('exports')).toEqual(['ibtikar-project-new.ibtikar']);
  });
});
