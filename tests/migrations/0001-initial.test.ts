import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-11-28T09:00:00.000Z';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { target: 0 });
  migrate(db, { target: 1 });
  return db;
}

describe('migration 0001: the first schema', () => {
  it('creates the tables and seeds the four default strategy pillars', () => {
    const db = migrated();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['lab_profile', 'entities', 'people', 'strategy_pillars', 'projects', 'project_pillars', 'activity_log']));
    expect(db.prepare('SELECT key FROM strategy_pillars ORDER BY position').pluck().all()).toEqual([
      'education_human_capital',
      'sti_policy',
      'ecosystem_minds_finance',
      'digital_infrastructure',
    ]);
  });

  it('keeps projects on stages 1–7 and known statuses', () => {
    const db = migrated();
    const insert = db.prepare(
      `INSERT INTO projects (id, title, title_folded, stage, status, created_at, updated_at) VALUES (?, 'T', 't', ?, ?, ?, ?)`,
    );
    expect(() => insert.run('p1', 8, 'active', now, now)).toThrow(/CHECK/);
    expect(() => insert.run('p2', 1, 'paused', now, now)).toThrow(/CHECK/);
    insert.run('p3', 7, 'scaled', now, now);
  });

  it('makes the activity log append-only', () => {
    const db = migrated();
    db.prepare(`INSERT INTO activity_log (id, at, subject_type, subject_id, action) VALUES ('a1', ?, 'project', 'p1', 'created')`).run(now);
    expect(() => db.prepare(`UPDATE activity_log SET summary = 'rewritten'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM activity_log`).run()).toThrow(/append-only/);
  });

  it('removes a project’s pillar links with the project, and clears a deleted owning entity', () => {
    const db = migrated();
    db.prepare(`INSERT INTO entities (id, name, created_at, updated_at) VALUES ('e1', 'Ministry', ?, ?)`).run(now, now);
    db.prepare(
      `INSERT INTO projects (id, title, title_folded, owner_entity_id, created_at, updated_at) VALUES ('p1', 'T', 't', 'e1', ?, ?)`,
    ).run(now, now);
    db.prepare(`INSERT INTO project_pillars VALUES ('p1', '01930000-0000-7000-8000-000000000001')`).run();
    db.prepare(`DELETE FROM entities WHERE id = 'e1'`).run();
    expect(db.prepare(`SELECT owner_entity_id FROM projects`).pluck().get()).toBeNull();
    db.prepare(`DELETE FROM projects WHERE id = 'p1'`).run();
    expect(db.prepare(`SELECT count(*) FROM project_pillars`).pluck().get()).toBe(0);
  });
});
