/** A core on a fresh data folder for a bench group: real database and ids, quiet logs, settings in memory. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/create-core';
import { openDatabase } from '../electron/core/db/open';
import type { CoreDeps } from '../electron/core/deps';
import { uuidV7Ids } from '../electron/core/ids';
import { databaseFile } from '../electron/core/paths';
import { createSettingsStore } from '../electron/core/settings-store';

export const benchDataDir = () => mkdtempSync(join(tmpdir(), 'ibtikar-bench-'));

export function benchCore(dataDir: string, extra: Partial<CoreDeps> = {}) {
  return createCore({
    db: openDatabase(databaseFile(dataDir)),
    clock: { now: () => new Date() },
    ids: uuidV7Ids(),
    paths: { dataDir },
    settings: createSettingsStore({ read: () => ({}), write: () => {} }),
    logger: { info() {}, warn() {}, error() {} },
    appVersion: 'bench',
    ...extra,
  });
}
