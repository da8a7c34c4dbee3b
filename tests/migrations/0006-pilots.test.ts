/** Migration 0006 (pilots): migrate to 0004, insert, migrate to the pilots migration by name, assert. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';

const now = '2026-11-28T09:00:00.000Z';
const PILOTS = MIGRATIONS.find((m) => m.name === 'pilots')!.version;

function at(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { target: version });
  return db;
}

describe('migration 0006: pilots', () => {
  it('keeps projects and people, and guards a locked protocol in the database itself', () => {
    const db = at(4);
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Old', 'old', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO people (id, name, role, created_at, updated_at) VALUES ('a1', 'A', 'mentor', ?, ?)`).run(now, now);
    migrate(db, { target: PILOTS });
    expect(db.prepare('SELECT title FROM projects').pluck().get()).toBe('Old');

    db.prepare(`INSERT INTO pilots (id, project_id, title, created_at, updated_at) VALUES ('t1', 'p1', 'Pilot', ?, ?)`).run(now, now);
    expect(() => db.prepare(`UPDATE pilots SET design = 'lottery'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE pilots SET locked_at = ?, protocol_hash = 'h', locked_protocol = '{}' WHERE id = 't1'`).run(now);
    expect(() => db.prepare(`UPDATE pilots SET design = 'randomised'`).run()).toThrow(/protocol_locked/);
    expect(() => db.prepare(`UPDATE pilots SET locked_at = NULL, protocol_hash = NULL, locked_protocol = NULL`).run()).toThrow(/protocol_locked/);
    // Without an amendment row for the next version the protocol stays as it was…
    expect(() => db.prepare(`UPDATE pilots SET design = 'randomised', protocol_version = 1`).run()).toThrow(/protocol_locked/);
    // …and with one it changes; the amendment itself cannot be rewritten.
    db.prepare(
      `INSERT INTO pilot_amendments (id, pilot_id, version, reason, changed_fields, before, after, protocol_hash, created_at, updated_at)
       VALUES ('x1', 't1', 1, 'why', '["design"]', '{}', '{}', 'h2', ?, ?)`,
    ).run(now, now);
    db.prepare(`UPDATE pilots SET design = 'randomised', protocol_version = 1`).run();
    expect(() => db.prepare(`UPDATE pilot_amendments SET reason = 'other'`).run()).toThrow(/append-only/);
    db.prepare(`UPDATE pilots SET title = 'Charter edits stay free'`).run();

    db.prepare(
      `INSERT INTO pilot_kpis (id, pilot_id, name, direction, kind, frequency, position, created_at, updated_at) VALUES ('k1', 't1', 'Wait', 'lower', 'rate', 'monthly', 0, ?, ?)`,
    ).run(now, now);
    const cell = db.prepare(
      `INSERT INTO pilot_measurements (id, kpi_id, grp, period, unit_id, value, numerator, denominator, created_at, updated_at) VALUES (?, 'k1', 'pilot', '2026-01-01', ?, ?, ?, ?, ?, ?)`,
    );
    cell.run('m1', null, 0.5, 5, 10, now, now);
    expect(() => cell.run('m2', null, 0.4, 4, 10, now, now)).toThrow(/UNIQUE/); // one aggregate per cell
    cell.run('m3', 'u-1', 1, 1, 1, now, now); // unit-level rows sit beside it
    expect(() => cell.run('m4', 'u-2', 2, 2, 1, now, now)).toThrow(/CHECK/);
    expect(() => cell.run('m5', 'u-3', 1, 1, null, now, now)).toThrow(/CHECK/);

    db.prepare(
      `INSERT INTO pilot_assessments (id, pilot_id, criterion, assessor_id, rating, created_at, updated_at) VALUES ('s1', 't1', 'relevance', 'a1', 'good', ?, ?)`,
    ).run(now, now);
    expect(() =>
      db.prepare(`INSERT INTO pilot_assessments (id, pilot_id, criterion, assessor_id, rating, created_at, updated_at) VALUES ('s2', 't1', 'beauty', 'a1', 'good', ?, ?)`).run(now, now),
    ).toThrow(/CHECK/);
    db.prepare(`INSERT INTO pilot_decisions (id, pilot_id, decision, evidence_level, decided_on, created_at, updated_at) VALUES ('d1', 't1', 'scale', 3, '2026-11-28', ?, ?)`).run(now, now);
    expect(() =>
      db.prepare(`INSERT INTO pilot_decisions (id, pilot_id, decision, decided_on, created_at, updated_at) VALUES ('d2', 't1', 'stop', '2026-11-28', ?, ?)`).run(now, now),
    ).toThrow(/UNIQUE/);
  });
});
