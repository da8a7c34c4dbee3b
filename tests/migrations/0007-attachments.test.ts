/** Migration 0007: migrate to 0004, insert, migrate to attachments (by name), assert. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';

const now = '2026-11-28T09:00:00.000Z';
const sha = 'a'.repeat(64);
const attachmentsVersion = MIGRATIONS.find((m) => m.name === 'attachments')!.version;

describe('migration 0007: attachments', () => {
  it('keeps projects, names files by hash, and lets attachments go with their project', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: 4 });
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Old', 'old', ?, ?), ('p2', 'Other', 'other', ?, ?)`).run(now, now, now, now);
    migrate(db, { target: attachmentsVersion });
    expect(db.prepare('SELECT title FROM projects ORDER BY id').pluck().all()).toEqual(['Old', 'Other']);

    const insert = db.prepare(
      `INSERT INTO attachments (id, owner_type, owner_id, file_name, media_type, size, sha256, created_at, updated_at)
       VALUES (?, 'project', ?, ?, 'text/plain', 3, ?, ?, ?)`,
    );
    insert.run('a1', 'p1', 'notes.txt', sha, now, now);
    insert.run('a2', 'p2', 'same.txt', sha, now, now);
    // Owner types are validated by the domain schema, not SQL: a new type needs no migration.
    db.prepare(
      `INSERT INTO attachments (id, owner_type, owner_id, file_name, media_type, size, sha256, created_at, updated_at)
       VALUES ('a3', 'note', 'n1', 'x.txt', 'text/plain', 3, ?, ?, ?)`,
    ).run(sha, now, now);
    expect(() => insert.run('a4', 'p1', 'bad.txt', 'A'.repeat(64), now, now)).toThrow(/CHECK/);
    expect(() => insert.run('a5', 'p1', 'bad.txt', 'abc', now, now)).toThrow(/CHECK/);
    expect(() => insert.run('a6', 'p1', '', sha, now, now)).toThrow(/CHECK/);

    db.prepare(`DELETE FROM projects WHERE id = 'p1'`).run();
    expect(db.prepare('SELECT id FROM attachments ORDER BY id').pluck().all()).toEqual(['a2', 'a3']);
  });
});
