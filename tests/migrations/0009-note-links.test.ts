/** Migration 0009: note links arrive without touching notes or KPIs, and lab templates can be retired. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-11-28T09:00:00.000Z';

describe('migration 0009: note links', () => {
  it('keeps notes, KPIs and templates, links a note to one note or one KPI, and cascades from either end', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: 8 });
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'P', 'p', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO pilots (id, project_id, title, created_at, updated_at) VALUES ('t1', 'p1', 'Pilot', ?, ?)`).run(now, now);
    db.prepare(
      `INSERT INTO pilot_kpis (id, pilot_id, name, direction, kind, frequency, position, created_at, updated_at) VALUES ('k1', 't1', 'Wait', 'lower', 'rate', 'monthly', 0, ?, ?)`,
    ).run(now, now);
    db.prepare(`INSERT INTO canvases (id, template_id, title, created_at, updated_at) VALUES ('c1', 'assumptions-map', 'Map', ?, ?)`).run(now, now);
    const note = db.prepare(`INSERT INTO canvas_notes (id, canvas_id, text, order_index, created_at, updated_at) VALUES (?, 'c1', ?, 'a0', ?, ?)`);
    note.run('n1', 'Citizens will book online', now, now);
    note.run('n2', 'Booking pilot', now, now);
    note.run('n3', 'Queue time', now, now);
    db.prepare(`INSERT INTO canvas_templates (id, body, created_at, updated_at) VALUES ('tpl', '{}', ?, ?)`).run(now, now);
    migrate(db, { target: 9 });
    expect(db.prepare('SELECT count(*) FROM canvas_notes').pluck().get()).toBe(3);
    expect(db.prepare('SELECT name FROM pilot_kpis').pluck().get()).toBe('Wait');
    expect(db.prepare(`SELECT retired_at FROM canvas_templates WHERE id = 'tpl'`).pluck().get()).toBeNull();
    db.prepare(`UPDATE canvas_templates SET retired_at = ? WHERE id = 'tpl'`).run(now);

    const link = db.prepare('INSERT INTO note_links (id, note_id, target_note_id, target_kpi_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    link.run('l1', 'n1', 'n2', null, now, now);
    link.run('l2', 'n1', null, 'k1', now, now);
    link.run('l3', 'n3', null, 'k1', now, now);
    expect(() => link.run('l4', 'n1', 'n2', null, now, now)).toThrow(/UNIQUE/);
    expect(() => link.run('l5', 'n1', null, 'k1', now, now)).toThrow(/UNIQUE/);
    expect(() => link.run('l6', 'n1', 'n1', null, now, now)).toThrow(/CHECK/);
    expect(() => link.run('l7', 'n1', null, null, now, now)).toThrow(/CHECK/);
    expect(() => link.run('l8', 'n1', 'n3', 'k1', now, now)).toThrow(/CHECK/);
    expect(() => link.run('l9', 'n1', 'gone', null, now, now)).toThrow(/FOREIGN KEY/);

    db.prepare(`DELETE FROM canvas_notes WHERE id = 'n2'`).run();
    expect(db.prepare('SELECT id FROM note_links ORDER BY id').pluck().all()).toEqual(['l2', 'l3']);
    db.prepare(`DELETE FROM pilot_kpis WHERE id = 'k1'`).run();
    expect(db.prepare('SELECT count(*) FROM note_links').pluck().get()).toBe(0);
    link.run('l10', 'n3', 'n1', null, now, now);
    db.prepare(`DELETE FROM canvases`).run();
    expect(db.prepare('SELECT count(*) FROM note_links').pluck().get()).toBe(0);
  });
});
