/** Each later migration: migrate to N-1, insert, migrate to N, assert the data survived and the new rules hold. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-11-28T09:00:00.000Z';

function at(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { target: version });
  return db;
}

describe('migration 0002: gates, evidence, search', () => {
  it('keeps existing projects, adds evidence columns, default criteria and append-only decisions', () => {
    const db = at(1);
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Old', 'old', ?, ?)`).run(now, now);
    migrate(db, { target: 2 });
    expect(db.prepare('SELECT title, evidence_level, evidence_target FROM projects').get()).toEqual({ title: 'Old', evidence_level: null, evidence_target: null });
    expect(db.prepare('SELECT count(DISTINCT stage) FROM gate_criteria').pluck().get()).toBe(7);
    expect(() => db.prepare(`UPDATE projects SET evidence_level = 6`).run()).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO gate_decisions (id, project_id, from_stage, to_stage, decision, rationale, decided_by_name, decided_on, created_at)
       VALUES ('d1', 'p1', 1, 2, 'advance', 'ok', 'A', '2026-11-28', ?)`,
    ).run(now);
    expect(() => db.prepare(`UPDATE gate_decisions SET rationale = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM projects WHERE id = 'p1'`).run()).toThrow(/FOREIGN KEY|append-only/);
  });
});

describe('migration 0003: challenges and ideas', () => {
  it('keeps projects, links them to challenges, and scores ideas by weighted criteria', () => {
    const db = at(2);
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Old', 'old', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO people (id, name, role, created_at, updated_at) VALUES ('r1', 'R', 'mentor', ?, ?)`).run(now, now);
    migrate(db, { target: 3 });
    expect(db.prepare('SELECT challenge_id FROM projects').pluck().get()).toBeNull();
    db.prepare(`INSERT INTO ideas (id, title, created_at, updated_at) VALUES ('i1', 'Idea', ?, ?)`).run(now, now);
    const criteria = db.prepare('SELECT id FROM score_criteria ORDER BY position').pluck().all() as string[];
    expect(criteria).toHaveLength(4);
    db.prepare(`UPDATE score_criteria SET weight = 3 WHERE id = ?`).run(criteria[0]);
    const score = db.prepare(`INSERT INTO idea_scores (idea_id, reviewer_id, criterion_id, score, scored_at) VALUES ('i1', 'r1', ?, ?, ?)`);
    score.run(criteria[0], 5, now);
    score.run(criteria[1], 1, now);
    expect(db.prepare('SELECT score, reviewer_count FROM idea_totals').get()).toEqual({ score: 4, reviewer_count: 1 }); // (3·5 + 1)/4
    expect(() => score.run(criteria[2], 6, now)).toThrow(/CHECK/);
  });
});

describe('migration 0004: cohorts', () => {
  it('keeps projects and groups them in cohorts with milestones', () => {
    const db = at(3);
    db.prepare(`INSERT INTO projects (id, title, title_folded, created_at, updated_at) VALUES ('p1', 'Old', 'old', ?, ?)`).run(now, now);
    migrate(db, { target: 4 });
    db.prepare(`INSERT INTO cohorts (id, name, created_at, updated_at) VALUES ('c1', 'Cohort', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO cohort_projects VALUES ('c1', 'p1', ?)`).run(now);
    db.prepare(`INSERT INTO cohort_milestones (id, cohort_id, title, created_at, updated_at) VALUES ('m1', 'c1', 'Demo', ?, ?)`).run(now, now);
    expect(() => db.prepare(`INSERT INTO cohorts (id, name, starts_on, ends_on, created_at, updated_at) VALUES ('c2', 'x', '2026-05-01', '2026-04-01', ?, ?)`).run(now, now)).toThrow(/CHECK/);
    db.prepare(`DELETE FROM cohorts WHERE id = 'c1'`).run();
    expect(db.prepare('SELECT count(*) FROM cohort_milestones').pluck().get()).toBe(0);
    expect(db.prepare('SELECT title FROM projects').pluck().get()).toBe('Old');
  });
});
