/** Migration 0005: canvases, notes and clusters arrive without touching earlier data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-11-28T09:00:00.000Z';

describe('migration 0005: canvases', () => {
  it('keeps projects, holds notes in zones or free, and keeps a canvas when its project goes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: 4 });
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Old', 'old', ?, ?)`).run(now, now);
    migrate(db, { target: 5 });
    expect(db.prepare('SELECT title FROM projects').pluck().get()).toBe('Old');

    db.prepare(`INSERT INTO canvases (id, project_id, stage, template_id, title, created_at, updated_at) VALUES ('c1', 'p1', 4, 'business-model-canvas', 'BMC', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO canvas_clusters (id, canvas_id, zone_key, label, order_index, created_at, updated_at) VALUES ('k1', 'c1', 'segments', 'Families', 'a0', ?, ?)`).run(now, now);
    const note = db.prepare(
      `INSERT INTO canvas_notes (id, canvas_id, zone_key, cluster_id, text, color, order_index, x, y, created_at, updated_at) VALUES (?, 'c1', ?, ?, ?, ?, 'a0', ?, ?, ?, ?)`,
    );
    note.run('n1', 'segments', 'k1', 'Parents', 'yellow', null, null, now, now);
    note.run('n2', null, null, 'Free', 'blue', 10, 20, now, now);
    expect(() => note.run('n3', 'segments', null, 'both', 'yellow', 1, 1, now, now)).toThrow(/CHECK/);
    expect(() => note.run('n4', null, 'k1', 'cluster without zone', 'yellow', null, null, now, now)).toThrow(/CHECK/);
    expect(() => note.run('n5', 'segments', null, 'x'.repeat(5001), 'yellow', null, null, now, now)).toThrow(/CHECK/);
    expect(() => note.run('n6', 'segments', null, 'red', 'red', null, null, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO canvas_templates (id, body, created_at, updated_at) VALUES ('t1', '{not json', ?, ?)`).run(now, now)).toThrow(/CHECK/);

    db.prepare(`DELETE FROM canvas_clusters WHERE id = 'k1'`).run();
    expect(db.prepare(`SELECT cluster_id, version FROM canvas_notes WHERE id = 'n1'`).get()).toEqual({ cluster_id: null, version: 1 });
    db.prepare(`DELETE FROM projects WHERE id = 'p1'`).run();
    expect(db.prepare(`SELECT project_id FROM canvases`).pluck().get()).toBeNull();
    db.prepare(`DELETE FROM canvases`).run();
    expect(db.prepare('SELECT count(*) FROM canvas_notes').pluck().get()).toBe(0);
  });
});
