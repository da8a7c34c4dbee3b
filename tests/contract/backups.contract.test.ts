/** Backups through the contract: taken online, listed, checked, and restored after a safety copy. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupBeforeMigration, backupsDir, createBackups, PERIODIC_BACKUP_MS } from '../../electron/core/backups/backups';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import type { Backup } from '../../electron/shared/domain/backups';
import { callValue, makeCore, silentLogger, type TestCore } from '../support/core';
import { removeDir, tempDataDir } from '../support/serve';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());
const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);
const titles = async () => (await value<{ items: { title: string }[] }>('projects.list', { sort: 'title', direction: 'asc' })).items.map((p) => p.title);

describe('backups', () => {
  it('restore the lab to the moment of the backup, after backing up the present', async () => {
    await value('projects.create', { title: 'Before the backup' });
    const backup = await value<Backup>('backups.create', {});
    expect(backup).toMatchObject({ reason: 'manual' });
    expect(backup.bytes).toBeGreaterThan(0);
    await value('projects.create', { title: 'After the backup' });
    expect(await value('backups.check', { fileName: backup.fileName })).toMatchObject({ ok: true, schemaVersion: MIGRATIONS.at(-1)!.version });
    const list = await value<Backup[]>('backups.restore', { fileName: backup.fileName });
    expect(await titles()).toEqual(['Before the backup']);
    expect(list.map((b) => b.reason)).toContain('before_restore');
    // The safety copy holds what the restore replaced: restoring it brings the later project back.
    await value('backups.restore', { fileName: list.find((b) => b.reason === 'before_restore')!.fileName });
    expect(await titles()).toEqual(['After the backup', 'Before the backup']);
    expect((await value<{ items: unknown[] }>('ideas.list', {})).items).toEqual([]); // still a working database
  });

  it('refuse names that are not backups of this lab, and damaged files', async () => {
    for (const fileName of ['../ibtikar.sqlite', 'ibtikar-20261128-090000-000-manual.sqlite/../../x', '/etc/passwd']) {
      expect(await test.call('backups.check', { fileName })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await test.call('backups.restore', { fileName: 'ibtikar-20261128-090000-000-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const damaged = 'ibtikar-20261128-090000-000-manual.sqlite';
    mkdirSync(backupsDir(test.dataDir), { recursive: true });
    writeFileSync(join(backupsDir(test.dataDir), damaged), 'this is not a database');
    expect(await value('backups.check', { fileName: damaged })).toMatchObject({ ok: false });
    const before = test.snapshot();
    expect(await test.call('backups.restore', { fileName: damaged })).toMatchObject({ ok: false, error: { issues: [{ code: 'backup_damaged' }] } });
    expect(test.snapshot()).toEqual(before);
  });

  it('are taken before a migration, and not for a new or current database', async () => {
    const dataDir = tempDataDir();
    try {
      const db = openDatabase(join(dataDir, 'lab.sqlite'));
      expect(await backupBeforeMigration(db, dataDir, new Date())).toBeUndefined(); // brand new
      migrate(db, { target: 2 });
      const fileName = await backupBeforeMigration(db, dataDir, new Date('2026-11-28T09:00:00.000Z'));
      expect(fileName).toBe('ibtikar-20261128-090000-000-migration.sqlite');
      expect(existsSync(join(backupsDir(dataDir), fileName!))).toBe(true);
      migrate(db);
      expect(await backupBeforeMigration(db, dataDir, new Date())).toBeUndefined(); // up to date
      db.close();
    } finally {
      removeDir(dataDir);
    }
  });

  it('drop a refused change’s backup without losing a change made while it ran from the periodic schedule', async () => {
    const dataDir = tempDataDir();
    const db = openDatabase(join(dataDir, 'lab.sqlite'));
    try {
      migrate(db);
      let now = Date.parse('2026-11-28T09:00:00.000Z');
      const backups = createBackups({ db, dataDir, clock: { now: () => new Date(now) }, logger: silentLogger, onRestored: () => undefined });
      const provisional = await backups.provisional('import');
      backups.noteChange(); // someone edits the lab while the import runs
      provisional.drop();
      expect(backups.list()).toEqual([]);
      now += PERIODIC_BACKUP_MS;
      await backups.tick();
      expect(backups.list().map((b) => b.reason)).toEqual(['periodic']);
    } finally {
      db.close();
      removeDir(dataDir);
    }
  });
});
