import { createHash } from 'node:crypto';
import type { Db } from './open';
import { MIGRATIONS, type Migration } from './migrations';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface Applied {
  version: number;
  name: string;
  sha256: string;
}

/**
 * Brings the database up to `target` (default: the newest migration), one transaction per
 * migration. Refuses a database written by a newer app, and one whose applied migrations no longer
 * match their files (an edited migration would leave installed databases silently different).
 */
export function migrate(
  db: Db,
  options: { migrations?: readonly Migration[]; target?: number; now?: () => string } = {},
): { from: number; to: number } {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.target ?? migrations.at(-1)?.version ?? 0;
  const now = options.now ?? (() => new Date().toISOString());

  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as Applied[];
  const known = new Map(migrations.map((m) => [m.version, m]));

  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new MigrationError(
        `The database has schema version ${row.version}, which this version of Ibtikar Lab does not know. Update the app.`,
      );
    }
    if (sha256(migration.sql) !== row.sha256) {
      throw new MigrationError(`Migration ${row.version} (${row.name}) differs from the one applied to this database.`);
    }
  }

  const from = applied.at(-1)?.version ?? 0;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, sha256(migration.sql), now());
    })();
  }
  return { from, to: Math.max(from, Math.min(target, migrations.at(-1)?.version ?? 0)) };
}

export const schemaVersion = (db: Db): number =>
  (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
