/** Migration 0011: attachments of canvas notes and pilots go with their record (and a pilot's with its project). */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-11-28T09:00:00.000Z';
const sha = 'b'.repeat(64);

describe('migration 0011: note and pilot attachments', () => {
  it('keeps existing attachments and deletes a note’s or pilot’s rows with it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: 10 });
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Clinic', 'clinic', ?, ?), ('p2', 'Permits', 'permits', ?, ?)`).run(now, now, now, now);
    db.prepare(`INSERT INTO canvases (id, template_id, title, created_at, updated_at) VALUES ('c1', 'empathy-map', 'Visit', ?, ?)`).run(now, now);
    const note = db.prepare(`INSERT INTO canvas_notes (id, canvas_id, zone_key, text, order_index, created_at, updated_at) VALUES (?, 'c1', 'see', 'Queue', ?, ?, ?)`);
    note.run('n1', 'a0', now, now);
    note.run('n2', 'a1', now, now);
    db.prepare(`INSERT INTO pilots (id, project_id, title, created_at, updated_at) VALUES ('t1', 'p1', 'Pilot', ?, ?), ('t2', 'p2', 'Other', ?, ?)`).run(now, now, now, now);
    const attach = db.prepare(
      `INSERT INTO attachments (id, owner_type, owner_id, file_name, media_type, size, sha256, created_at, updated_at) VALUES (?, ?, ?, 'f.pdf', 'application/pdf', 3, ?, ?, ?)`,
    );
    attach.run('a-project', 'project', 'p2', sha, now, now);
    migrate(db, { target: 11 });
    expect(db.prepare('SELECT id FROM attachments').pluck().all()).toEqual(['a-project']);

    attach.run('a-n1', 'note', 'n1', sha, now, now);
    attach.run('a-n2', 'note', 'n2', sha, now, now);
    attach.run('a-t1', 'pilot', 't1', sha, now, now);
    attach.run('a-t2', 'pilot', 't2', sha, now, now);

    db.prepare(`DELETE FROM canvas_notes WHERE id = 'n1'`).run();
    db.prepare(`DELETE FROM pilots WHERE id = 't2'`).run();
    // The pilot goes by the foreign-key cascade, and its trigger still fires.
    db.prepare(`DELETE FROM projects WHERE id = 'p1'`).run();
    expect(db.prepare('SELECT id FROM attachments ORDER BY id').pluck().all()).toEqual(['a-n2', 'a-project']);
  });
});
