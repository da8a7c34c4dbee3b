/** Migration 0008: workshops, participants, their notes and votes arrive without touching canvases. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-11-28T09:00:00.000Z';
const facilitation = JSON.stringify({ timer: { durationMs: 0, endsAt: null, remainingMs: 0 }, privateMode: false, lockedAll: false, lockedZones: [], presenting: null });

describe('migration 0008: workshops', () => {
  it('keeps canvases, runs one workshop per canvas, and cascades from canvas and notes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: 5 });
    db.prepare(`INSERT INTO canvases (id, template_id, title, created_at, updated_at) VALUES ('c1', 'empathy-map', 'Visit', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO canvas_notes (id, canvas_id, zone_key, text, order_index, created_at, updated_at) VALUES ('n1', 'c1', 'see', 'Queue', 'a0', ?, ?)`).run(now, now);
    migrate(db, { target: 9 });
    expect(db.prepare('SELECT title FROM canvases').pluck().get()).toBe('Visit');

    const workshop = db.prepare(`INSERT INTO workshops (id, canvas_id, join_secret, facilitation, started_at, created_at, updated_at) VALUES (?, 'c1', ?, ?, ?, ?, ?)`);
    workshop.run('w1', 'secret', facilitation, now, now, now);
    expect(() => workshop.run('w2', 'other', facilitation, now, now, now)).toThrow(/UNIQUE/);
    expect(() => workshop.run('w3', 'x', '{bad', now, now, now)).toThrow(/CHECK/);
    // Ending needs a summary and clears the secret together.
    expect(() => db.prepare(`UPDATE workshops SET ended_at = ? WHERE id = 'w1'`).run(now)).toThrow(/CHECK/);

    db.prepare(`INSERT INTO workshop_participants (id, workshop_id, display_name, token_hash, joined_at) VALUES ('p1', 'w1', 'Amal', 'h1', ?)`).run(now);
    expect(() => db.prepare(`INSERT INTO workshop_participants (id, workshop_id, display_name, token_hash, joined_at) VALUES ('p2', 'w1', 'Bek', 'h1', ?)`).run(now)).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO workshop_participants (id, workshop_id, display_name, token_hash, joined_at) VALUES ('p3', 'w1', 'In the room', NULL, ?)`).run(now);
    db.prepare(`INSERT INTO workshop_notes (note_id, workshop_id, participant_id, hidden) VALUES ('n1', 'w1', 'p1', 1)`).run();
    db.prepare(`INSERT INTO vote_sessions (id, workshop_id, canvas_id, title, votes_per_person, one_per_note, created_at) VALUES ('v1', 'w1', 'c1', 'Top', 3, 0, ?)`).run(now);
    expect(() =>
      db.prepare(`INSERT INTO vote_sessions (id, workshop_id, canvas_id, title, votes_per_person, one_per_note, created_at) VALUES ('v2', 'w1', 'c1', 'Two open', 3, 0, ?)`).run(now),
    ).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO votes (id, vote_session_id, note_id, participant_id, cast_at) VALUES ('x1', 'v1', 'n1', 'p3', ?)`).run(now);

    db.prepare(`UPDATE workshops SET ended_at = ?, join_secret = NULL, summary = '{}' WHERE id = 'w1'`).run(now);
    workshop.run('w4', 'next', facilitation, now, now, now);

    db.prepare(`DELETE FROM canvas_notes WHERE id = 'n1'`).run();
    expect(db.prepare('SELECT count(*) FROM workshop_notes').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(0);
    db.prepare(`DELETE FROM canvases`).run();
    for (const table of ['workshops', 'workshop_participants', 'vote_sessions']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });
});
