/**
 * Backups of the lab database through SQLite's online backup API: consistent copies taken while
 * the app runs, kept in <dataDir>/backups and rotated. A backup can be checked (integrity) and
 * restored; the current state is backed up first, so a restore can itself be undone.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure } from '../../shared/api/envelope';
import { BACKUP_FILE, type Backup, type BackupReason } from '../../shared/domain/backups';
import { MIGRATIONS } from '../db/migrations';
import { migrate, schemaVersion } from '../db/migrate';
import type { Db } from '../db/open';
import type { Clock } from '../deps';
import { errorData, type Logger } from '../logger';
import { backupsToKeep } from './rotation';

/** How often a changed database is backed up while the app runs. */
export const PERIODIC_BACKUP_MS = 30 * 60_000;

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19);
const createdAtOf = (fileName: string) => {
  const [, date, time, ms] = /^ibtikar-(\d{8})-(\d{6})-(\d{3})-/.exec(fileName)!;
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}.${ms}Z`;
};

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/** Copies a database file to the backups folder with the online backup API. */
export async function backupDatabase(db: Db, dataDir: string, reason: BackupReason, now: Date): Promise<string> {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const fileName = `ibtikar-${stamp(now)}-${reason}.sqlite`;
  await db.backup(join(dir, fileName));
  return fileName;
}

/**
 * Backs up a database whose schema is behind the app's, before core migrates it. The entry points
 * call it before createCore (the backup API is asynchronous; migrating is not).
 */
export async function backupBeforeMigration(db: Db, dataDir: string, now: Date): Promise<string | undefined> {
  const hasSchema = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get() !== undefined;
  if (!hasSchema) return undefined;
  const version = schemaVersion(db);
  if (version === 0 || version >= (MIGRATIONS.at(-1)?.version ?? 0)) return undefined;
  return backupDatabase(db, dataDir, 'migration', now);
}

export function createBackups(deps: { db: Db; dataDir: string; clock: Clock; logger: Logger; onRestored(): void }) {
  const dir = backupsDir(deps.dataDir);
  let changedSinceBackup = false;
  let lastBackup = 0;

  function list(): Backup[] {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => BACKUP_FILE.test(n));
    } catch {
      return [];
    }
    return names
      .map((fileName) => ({
        fileName,
        createdAt: createdAtOf(fileName),
        reason: /-([a-z_]+)\.sqlite$/.exec(fileName)![1] as BackupReason,
        bytes: statSync(join(dir, fileName)).size,
      }))
      .sort((a, b) => b.fileName.localeCompare(a.fileName));
  }

  function rotate() {
    const all = list();
    const keep = backupsToKeep(all.map((b) => new Date(b.createdAt)), deps.clock.now());
    all.forEach((b, index) => keep.has(index) || rmSync(join(dir, b.fileName), { force: true }));
  }

  /** The named backup's path, after making sure it is one of ours and exists. */
  function pathOf(fileName: string) {
    if (!BACKUP_FILE.test(fileName) || !list().some((b) => b.fileName === fileName)) {
      throw new ApiFailure('not_found', `No backup named ${fileName}.`);
    }
    return join(dir, fileName);
  }

  /** Writes a backup without rotating; answers it and how to take it back out of the periodic schedule. */
  async function write(reason: BackupReason) {
    const before = { changedSinceBackup, lastBackup };
    const fileName = await backupDatabase(deps.db, deps.dataDir, reason, deps.clock.now());
    changedSinceBackup = false;
    lastBackup = deps.clock.now().getTime();
    deps.logger.info('Backup written', { fileName });
    const backup = list().find((b) => b.fileName === fileName)!;
    const takenAt = lastBackup;
    // Changes made meanwhile still count, and a backup taken since stays the last one.
    const undo = () => {
      changedSinceBackup ||= before.changedSinceBackup;
      if (lastBackup === takenAt) lastBackup = before.lastBackup;
    };
    return { backup, undo };
  }

  async function create(reason: BackupReason) {
    const { backup } = await write(reason);
    rotate();
    return backup;
  }

  function check(fileName: string) {
    const copy = new Database(pathOf(fileName), { readonly: true, fileMustExist: true });
    try {
      const result = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      const ok = result.length === 1 && result[0] === 'ok';
      const version = copy.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get() ? schemaVersion(copy) : 0;
      return { ok, schemaVersion: version, detail: result.slice(0, 5).join('; ') };
    } catch (error) {
      return { ok: false, schemaVersion: 0, detail: (error as Error).message };
    } finally {
      copy.close();
    }
  }

  return {
    list,
    create,
    check,
    /** Restores a backup over the live database (after backing up the current state), then migrates it forward. */
    async restore(fileName: string) {
      const checked = check(fileName);
      if (!checked.ok) throw new ApiFailure('invalid_input', 'This backup is damaged and cannot be restored.', [{ path: ['fileName'], code: 'backup_damaged' }]);
      if (checked.schemaVersion > (MIGRATIONS.at(-1)?.version ?? 0)) {
        throw new ApiFailure('invalid_input', 'This backup was made by a newer version of Ibtikar Lab.', [{ path: ['fileName'], code: 'backup_newer' }]);
      }
      await create('before_restore');
      const source = new Database(pathOf(fileName), { readonly: true, fileMustExist: true });
      try {
        await source.backup(deps.db.name);
      } finally {
        source.close();
      }
      migrate(deps.db, { now: () => deps.clock.now().toISOString() });
      deps.onRestored();
      return list();
    },
    /**
     * A backup before a change that may yet be refused (an import): rotated in once the change is
     * made, removed when it is refused. The database is then as it was, so the copy would add nothing,
     * and retries in one day would otherwise rotate out that day's older backups.
     */
    async provisional(reason: BackupReason) {
      const { backup, undo } = await write(reason);
      return {
        backup,
        keep() {
          // Called once the change has committed: a failed clean-up must not look like a failed change.
          try {
            rotate();
          } catch (error) {
            deps.logger.error('Backup rotation failed', errorData(error));
          }
        },
        drop() {
          undo();
          // Called with the refusal in hand: a copy that cannot be removed stays (rotated as any other).
          try {
            rmSync(join(dir, backup.fileName), { force: true });
            deps.logger.info('Backup removed: the change it was taken for was refused', { fileName: backup.fileName });
          } catch (error) {
            deps.logger.error('A refused change kept its backup', { fileName: backup.fileName, ...errorData(error) });
          }
        },
      };
    },
    /** Called on every data change; the next tick backs up if it is time. */
    noteChange: () => (changedSinceBackup = true),
    async tick() {
      if (!changedSinceBackup || deps.clock.now().getTime() - lastBackup < PERIODIC_BACKUP_MS) return;
      try {
        await create('periodic');
      } catch (error) {
        deps.logger.error('Periodic backup failed', errorData(error));
      }
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
