/**
 * Migration 0010: pilot ↔ canvas links, the primary KPI and KPI amendments, and the per-cell sums the
 * analysis reads — rebuilt from existing measurements and kept in step by triggers.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';

const now = '2026-11-28T09:00:00.000Z';
const VERSION = MIGRATIONS.find((m) => m.name === 'pilot-links-kpi-protocol')!.version;
const PILOTS = MIGRATIONS.find((m) => m.name === 'pilots')!.version;

/** The sums computed from the measurements themselves, to compare with the kept ones. */
const fromRows = (db: Database.Database) =>
  db
    .prepare(
      `SELECT kpi_id, grp, period, count(*) AS n, count(unit_id) AS unit_rows, total(value) AS total, total(numerator) AS numerator, total(denominator) AS denominator
       FROM pilot_measurements GROUP BY kpi_id, grp, period ORDER BY kpi_id, grp, period`,
    )
    .all();
const kept = (db: Database.Database) => db.prepare('SELECT * FROM pilot_measurement_cells ORDER BY kpi_id, grp, period').all();

describe('migration 0010: pilot links, KPI protocol fields, measurement sums', () => {
  it('rebuilds the sums of existing measurements and keeps them in step with every change', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: Math.max(PILOTS, VERSION - 1) });
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Old', 'old', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO pilots (id, project_id, title, created_at, updated_at) VALUES ('t1', 'p1', 'Pilot', ?, ?)`).run(now, now);
    const kpi = db.prepare(`INSERT INTO pilot_kpis (id, pilot_id, name, direction, kind, frequency, position, created_at, updated_at) VALUES (?, 't1', ?, 'lower', ?, 'monthly', ?, ?, ?)`);
    kpi.run('k1', 'Wait', 'continuous', 0, now, now);
    kpi.run('k2', 'Done', 'rate', 1, now, now);
    const cell = db.prepare(
      `INSERT INTO pilot_measurements (id, kpi_id, grp, period, unit_id, value, numerator, denominator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    cell.run('m1', 'k1', 'pilot', '2026-01-01', 'u1', 4, null, null, now, now);
    cell.run('m2', 'k1', 'pilot', '2026-01-01', 'u2', 6, null, null, now, now);
    cell.run('m3', 'k2', 'comparison', '2026-02-01', null, 0.5, 5, 10, now, now);

    migrate(db, { target: VERSION });
    expect(kept(db)).toEqual(fromRows(db));
    expect(kept(db)[0]).toMatchObject({ kpi_id: 'k1', n: 2, unit_rows: 2, total: 10 });

    // Inserts, the entry grid's replace (an upsert), edits that move a row, and deletes.
    cell.run('m4', 'k1', 'comparison', '2026-01-01', null, 7, null, null, now, now);
    db.prepare(
      `INSERT INTO pilot_measurements (id, kpi_id, grp, period, unit_id, value, created_at, updated_at) VALUES ('m5', 'k1', 'pilot', '2026-01-01', 'u2', 9, ?, ?)
       ON CONFLICT (kpi_id, grp, period, coalesce(unit_id, '')) DO UPDATE SET value = excluded.value`,
    ).run(now, now);
    db.prepare(`UPDATE pilot_measurements SET period = '2026-03-01', numerator = 6 , value = 0.6 WHERE id = 'm3'`).run();
    expect(kept(db)).toEqual(fromRows(db));
    db.prepare(`DELETE FROM pilot_measurements WHERE id = 'm1'`).run();
    expect(kept(db)).toEqual(fromRows(db));
    expect(db.prepare(`SELECT count(*) FROM pilot_measurement_cells WHERE period = '2026-02-01'`).pluck().get()).toBe(0);
    // A deleted KPI takes its measurements and their sums along.
    db.prepare(`DELETE FROM pilot_kpis WHERE id = 'k2'`).run();
    expect(kept(db)).toEqual(fromRows(db));
    expect(db.prepare(`SELECT count(*) FROM pilot_measurement_cells WHERE kpi_id = 'k2'`).pluck().get()).toBe(0);
  });

  it('links pilots to canvases, allows one primary KPI per pilot, and lets an amendment name a KPI', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: VERSION });
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'P', 'p', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO pilots (id, project_id, title, created_at, updated_at) VALUES ('t1', 'p1', 'Pilot', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO canvases (id, template_id, title, created_at, updated_at) VALUES ('c1', 'theory-of-change', 'ToC', ?, ?)`).run(now, now);
    const link = db.prepare(`INSERT INTO pilot_canvases (pilot_id, canvas_id, created_at) VALUES (?, ?, ?)`);
    link.run('t1', 'c1', now);
    expect(() => link.run('t1', 'c1', now)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => link.run('t1', 'nope', now)).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM canvases WHERE id = 'c1'`).run();
    expect(db.prepare('SELECT count(*) FROM pilot_canvases').pluck().get()).toBe(0);

    const kpi = db.prepare(
      `INSERT INTO pilot_kpis (id, pilot_id, name, direction, kind, frequency, position, is_primary, created_at, updated_at) VALUES (?, 't1', ?, 'lower', 'continuous', 'monthly', ?, ?, ?, ?)`,
    );
    kpi.run('k1', 'A', 0, 1, now, now);
    kpi.run('k2', 'B', 1, 0, now, now);
    expect(() => kpi.run('k3', 'C', 2, 1, now, now)).toThrow(/UNIQUE/);
    expect(() => kpi.run('k4', 'D', 3, 2, now, now)).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO pilot_amendments (id, pilot_id, version, reason, changed_fields, before, after, protocol_hash, kpi_id, created_at, updated_at)
       VALUES ('x1', 't1', 1, 'why', '["target"]', '{}', '{}', 'h', 'k1', ?, ?)`,
    ).run(now, now);
    expect(() =>
      db.prepare(
        `INSERT INTO pilot_amendments (id, pilot_id, version, reason, changed_fields, before, after, protocol_hash, kpi_id, created_at, updated_at)
         VALUES ('x2', 't1', 2, 'why', '["target"]', '{}', '{}', 'h', 'nope', ?, ?)`,
      ).run(now, now),
    ).toThrow(/FOREIGN KEY/);
  });
});
