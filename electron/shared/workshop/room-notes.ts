/**
 * How a participant's page keeps its copy of the board current without reading it again: the notes
 * the room sends (core/workshops/room-broadcast.ts), and the answers to its own calls, merged by
 * version like every other copy of a note (canvas/reconcile.ts), so arrival order does not matter.
 *
 * The room's notes are the same bytes for every phone and so cannot say whose they are; a note is
 * `mine` when this page's own call answered with it or its view said so. Ownership never changes,
 * so a `mine` once known is kept. Private mode's reveal does not change a note's version, so
 * `hidden` is merged the same way: once a copy says revealed, it stays revealed (nothing hides a
 * note again).
 */
import type { Note } from '../canvas/model';
import { reconcile } from '../canvas/reconcile';
import type { ParticipantView } from './model';

type ViewNote = ParticipantView['notes'][number];
/** A note as the room or an answer brings it; answers to this page's own calls carry `mine`. */
export type IncomingNote = Note & { hidden: boolean; mine?: boolean };

export function mergeRoomNotes(notes: readonly ViewNote[], incoming: readonly IncomingNote[], removed: readonly string[] = []): ViewNote[] {
  const byId = new Map(notes.map((n) => [n.id, n]));
  for (const note of incoming) {
    const local = byId.get(note.id);
    const mine = note.mine === true || local?.mine === true;
    const hidden = note.hidden && (local?.hidden ?? true);
    const arrived: ViewNote = { ...note, mine };
    byId.set(note.id, { ...(local ? reconcile(local, arrived) : arrived), mine, hidden });
  }
  for (const id of removed) byId.delete(id);
  return [...byId.values()];
}

/** The view after this page's own calls were answered. */
export const withNote = (view: ParticipantView, note: ViewNote): ParticipantView => ({ ...view, notes: mergeRoomNotes(view.notes, [note]) });
export const withoutNotes = (view: ParticipantView, ids: readonly string[]): ParticipantView => ({ ...view, notes: mergeRoomNotes(view.notes, [], ids) });
export const withMyVotes = (view: ParticipantView, voteSessionId: string, myVotes: string[]): ParticipantView =>
  view.vote?.id === voteSessionId ? { ...view, vote: { ...view.vote, myVotes } } : view;
