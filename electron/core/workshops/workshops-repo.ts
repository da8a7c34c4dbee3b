/** SQL for workshops, their participants and notes, and dot-voting sessions with their votes. */
import type { Db } from '../db/open';
import { FacilitationSchema, SummarySchema, type Facilitation, type Participant, type Summary } from '../../shared/workshop/model';

interface WorkshopRow {
  id: string;
  canvas_id: string;
  join_secret: string | null;
  facilitation: string;
  summary: string | null;
  started_at: string;
  ended_at: string | null;
}
export interface WorkshopRecord {
  id: string;
  canvasId: string;
  joinSecret: string | null;
  facilitation: Facilitation;
  summary: Summary | null;
  startedAt: string;
  endedAt: string | null;
}
interface ParticipantRow {
  id: string;
  workshop_id: string;
  display_name: string;
  token_hash: string | null;
  revoked_at: string | null;
  joined_at: string;
}
export interface ParticipantRecord extends Participant {
  workshopId: string;
  revoked: boolean;
}
interface VoteSessionRow {
  id: string;
  workshop_id: string;
  canvas_id: string;
  title: string;
  votes_per_person: number;
  one_per_note: number;
  revealed_at: string | null;
  created_at: string;
}
export interface VoteSessionRecord {
  id: string;
  workshopId: string;
  canvasId: string;
  title: string;
  votesPerPerson: number;
  onePerNote: boolean;
  revealedAt: string | null;
  createdAt: string;
}

/**
 * Facilitation parsed by its stored text. Every participant request reads its workshop, so a room of
 * phones parsed the same few hundred bytes with the schema thousands of times a minute; the text
 * decides the result, so the same text is parsed once (and a damaged text still fails on every read,
 * as failures are not kept). Frozen, because the one parsed value is shared by every reader.
 */
const parsedFacilitation = new Map<string, Facilitation>();
const FACILITATIONS_KEPT = 64;
function parseFacilitation(text: string): Facilitation {
  let f = parsedFacilitation.get(text);
  if (f === undefined) {
    f = FacilitationSchema.parse(JSON.parse(text));
    Object.freeze(f.timer);
    Object.freeze(f.lockedZones);
    Object.freeze(f);
    if (parsedFacilitation.size >= FACILITATIONS_KEPT) parsedFacilitation.clear();
    parsedFacilitation.set(text, f);
  }
  return f;
}

const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  canvasId: r.canvas_id,
  joinSecret: r.join_secret,
  // Checked with the schema on every read: a damaged row fails loudly instead of being trusted.
  facilitation: parseFacilitation(r.facilitation),
  summary: r.summary === null ? null : SummarySchema.parse(JSON.parse(r.summary)),
  startedAt: r.started_at,
  endedAt: r.ended_at,
});
const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  displayName: r.display_name,
  remote: r.token_hash !== null,
  revoked: r.revoked_at !== null,
  joinedAt: r.joined_at,
});
const toVoteSession = (r: VoteSessionRow): VoteSessionRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  canvasId: r.canvas_id,
  title: r.title,
  votesPerPerson: r.votes_per_person,
  onePerNote: r.one_per_note === 1,
  revealedAt: r.revealed_at,
  createdAt: r.created_at,
});

export function createWorkshopsRepo(db: Db) {
  const q = {
    workshop: db.prepare('SELECT * FROM workshops WHERE id = ?'),
    running: db.prepare('SELECT * FROM workshops WHERE canvas_id = ? AND ended_at IS NULL'),
    allRunning: db.prepare('SELECT * FROM workshops WHERE ended_at IS NULL ORDER BY started_at, id'),
    byCanvas: db.prepare('SELECT * FROM workshops WHERE canvas_id = ? ORDER BY started_at DESC, id DESC'),
    insertWorkshop: db.prepare(
      `INSERT INTO workshops (id, canvas_id, join_secret, facilitation, started_at, created_at, updated_at) VALUES (@id, @canvasId, @joinSecret, @facilitation, @at, @at, @at)`,
    ),
    setFacilitation: db.prepare('UPDATE workshops SET facilitation = ?, updated_at = ? WHERE id = ?'),
    end: db.prepare('UPDATE workshops SET ended_at = @at, join_secret = NULL, summary = @summary, updated_at = @at WHERE id = @id AND ended_at IS NULL'),
    revokeAll: db.prepare('UPDATE workshop_participants SET revoked_at = ? WHERE workshop_id = ? AND revoked_at IS NULL'),
    participants: db.prepare('SELECT * FROM workshop_participants WHERE workshop_id = ? ORDER BY joined_at, id'),
    participant: db.prepare('SELECT * FROM workshop_participants WHERE id = ?'),
    signedIn: db.prepare(
      `SELECT p.id AS participantId, w.id AS workshopId, w.canvas_id AS canvasId FROM workshop_participants p JOIN workshops w ON w.id = p.workshop_id
       WHERE p.token_hash = ? AND p.revoked_at IS NULL AND w.ended_at IS NULL`,
    ),
    inRoom: db.prepare('SELECT * FROM workshop_participants WHERE workshop_id = ? AND token_hash IS NULL AND display_name = ?'),
    insertParticipant: db.prepare(
      `INSERT INTO workshop_participants (id, workshop_id, display_name, token_hash, joined_at) VALUES (@id, @workshopId, @displayName, @tokenHash, @at)`,
    ),
    insertNote: db.prepare('INSERT INTO workshop_notes (note_id, workshop_id, participant_id, hidden) VALUES (?, ?, ?, ?)'),
    noteOwner: db.prepare('SELECT participant_id FROM workshop_notes WHERE note_id = ?').pluck(),
    workshopNote: db.prepare('SELECT workshop_id, participant_id, hidden FROM workshop_notes WHERE note_id = ?'),
    notesOf: db.prepare('SELECT note_id, participant_id, hidden FROM workshop_notes WHERE workshop_id = ?'),
    hidden: db.prepare('SELECT note_id FROM workshop_notes WHERE workshop_id = ? AND hidden = 1 ORDER BY note_id').pluck(),
    reveal: db.prepare('UPDATE workshop_notes SET hidden = 0 WHERE workshop_id = ? AND hidden = 1'),
    notesAdded: db.prepare('SELECT count(*) FROM workshop_notes WHERE workshop_id = ?').pluck(),
    voteSession: db.prepare('SELECT * FROM vote_sessions WHERE id = ?'),
    openVote: db.prepare('SELECT * FROM vote_sessions WHERE workshop_id = ? AND revealed_at IS NULL'),
    votesOfWorkshop: db.prepare('SELECT * FROM vote_sessions WHERE workshop_id = ? ORDER BY created_at, id'),
    votesOfCanvas: db.prepare('SELECT * FROM vote_sessions WHERE canvas_id = ? ORDER BY created_at, id'),
    insertVoteSession: db.prepare(
      `INSERT INTO vote_sessions (id, workshop_id, canvas_id, title, votes_per_person, one_per_note, created_at)
       VALUES (@id, @workshopId, @canvasId, @title, @votesPerPerson, @onePerNote, @createdAt)`,
    ),
    revealVote: db.prepare('UPDATE vote_sessions SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL'),
    insertVote: db.prepare('INSERT INTO votes (id, vote_session_id, note_id, participant_id, cast_at) VALUES (?, ?, ?, ?, ?)'),
    deleteVote: db.prepare(
      `DELETE FROM votes WHERE id = (SELECT id FROM votes WHERE vote_session_id = ? AND participant_id = ? AND note_id = ? ORDER BY cast_at DESC, id DESC LIMIT 1)`,
    ),
    myVotes: db.prepare('SELECT note_id FROM votes WHERE vote_session_id = ? AND participant_id = ? ORDER BY cast_at, id').pluck(),
    // Ties keep the order the notes were written in (ids are UUIDv7).
    tally: db.prepare('SELECT note_id, count(*) AS votes FROM votes WHERE vote_session_id = ? GROUP BY note_id ORDER BY note_id'),
    totals: db.prepare('SELECT count(*) AS votes, count(DISTINCT participant_id) AS voters FROM votes WHERE vote_session_id = ?'),
  };

  return {
    workshop: (id: string) => {
      const row = q.workshop.get(id) as WorkshopRow | undefined;
      return row && toWorkshop(row);
    },
    running: (canvasId: string) => {
      const row = q.running.get(canvasId) as WorkshopRow | undefined;
      return row && toWorkshop(row);
    },
    /** Every workshop not yet ended, on any canvas. */
    allRunning: () => (q.allRunning.all() as WorkshopRow[]).map(toWorkshop),
    ofCanvas: (canvasId: string) => (q.byCanvas.all(canvasId) as WorkshopRow[]).map(toWorkshop),
    insertWorkshop: (w: { id: string; canvasId: string; joinSecret: string; facilitation: Facilitation; at: string }) =>
      q.insertWorkshop.run({ ...w, facilitation: JSON.stringify(w.facilitation) }),
    setFacilitation: (id: string, f: Facilitation, at: string) => q.setFacilitation.run(JSON.stringify(f), at, id),
    /** Ends the workshop and revokes every token it handed out, in one transaction. */
    end: db.transaction((id: string, summary: Summary, at: string) => {
      q.end.run({ id, summary: JSON.stringify(summary), at });
      q.revokeAll.run(at, id);
    }),

    participants: (workshopId: string) => (q.participants.all(workshopId) as ParticipantRow[]).map(toParticipant),
    participant: (id: string) => {
      const row = q.participant.get(id) as ParticipantRow | undefined;
      return row && toParticipant(row);
    },
    /** The participant a token's hash belongs to, while it is not revoked and their workshop runs: one lookup for every request. */
    signedIn: (hash: string) => q.signedIn.get(hash) as { participantId: string; workshopId: string; canvasId: string } | undefined,
    inRoom: (workshopId: string, displayName: string) => {
      const row = q.inRoom.get(workshopId, displayName) as ParticipantRow | undefined;
      return row && toParticipant(row);
    },
    insertParticipant: (p: { id: string; workshopId: string; displayName: string; tokenHash: string | null; at: string }) => q.insertParticipant.run(p),

    insertNote: (noteId: string, workshopId: string, participantId: string, hidden: boolean) => q.insertNote.run(noteId, workshopId, participantId, hidden ? 1 : 0),
    noteOwner: (noteId: string) => q.noteOwner.get(noteId) as string | undefined,
    notesOf: (workshopId: string) =>
      new Map((q.notesOf.all(workshopId) as { note_id: string; participant_id: string; hidden: number }[]).map((r) => [r.note_id, { owner: r.participant_id, hidden: r.hidden === 1 }])),
    workshopNote: (noteId: string) => {
      const row = q.workshopNote.get(noteId) as { workshop_id: string; participant_id: string; hidden: number } | undefined;
      return row && { workshopId: row.workshop_id, owner: row.participant_id, hidden: row.hidden === 1 };
    },
    hiddenNoteIds: (workshopId: string) => q.hidden.all(workshopId) as string[],
    reveal: (workshopId: string) => q.reveal.run(workshopId).changes,
    notesAdded: (workshopId: string) => q.notesAdded.get(workshopId) as number,

    voteSession: (id: string) => {
      const row = q.voteSession.get(id) as VoteSessionRow | undefined;
      return row && toVoteSession(row);
    },
    openVote: (workshopId: string) => {
      const row = q.openVote.get(workshopId) as VoteSessionRow | undefined;
      return row && toVoteSession(row);
    },
    voteSessionsOfWorkshop: (workshopId: string) => (q.votesOfWorkshop.all(workshopId) as VoteSessionRow[]).map(toVoteSession),
    voteSessionsOfCanvas: (canvasId: string) => (q.votesOfCanvas.all(canvasId) as VoteSessionRow[]).map(toVoteSession),
    insertVoteSession: (v: Omit<VoteSessionRecord, 'revealedAt'>) => q.insertVoteSession.run({ ...v, onePerNote: v.onePerNote ? 1 : 0 }),
    revealVote: (id: string, at: string) => q.revealVote.run(at, id).changes,
    insertVote: (id: string, voteSessionId: string, noteId: string, participantId: string, at: string) => q.insertVote.run(id, voteSessionId, noteId, participantId, at),
    deleteVote: (voteSessionId: string, participantId: string, noteId: string) => q.deleteVote.run(voteSessionId, participantId, noteId).changes,
    myVotes: (voteSessionId: string, participantId: string) => q.myVotes.all(voteSessionId, participantId) as string[],
    tally: (voteSessionId: string) => new Map((q.tally.all(voteSessionId) as { note_id: string; votes: number }[]).map((r) => [r.note_id, r.votes])),
    totals: (voteSessionId: string) => q.totals.get(voteSessionId) as { votes: number; voters: number },
  };
}

export type WorkshopsRepo = ReturnType<typeof createWorkshopsRepo>;
