/**
 * How a participant's page keeps its copy of the board current without reading it again: the notes
 * the room sends (core/workshops/room-broadcast.ts), and the answers to its own calls, merged by
 * version (house rule 9), so arrival order does not matter. Every copy comes from core, which gives
 * one note one content per version: the higher version wins and an equal one changes nothing.
 *
 * The room's notes are the same bytes for every phone and so cannot say whose they are; a note is
 * `mine` when this page's own call answered with it or its view said so. Ownership never changes,
 * so a `mine` once known is kept. Private mode's reveal does not change a note's version, so
 * `hidden` is merged the same way: once a copy says revealed, it stays revealed (nothing hides a
 * note again).
 */
import type { ParticipantView, RoomNote } from './model';

type ViewNote = ParticipantView['notes'][number];
/** A note as the room or an answer brings it; answers to this page's own calls carry `mine`. */
export type IncomingNote = RoomNote & { mine?: boolean };

export function mergeRoomNotes(notes: readonly ViewNote[], incoming: readonly IncomingNote[], removed: readonly string[] = []): ViewNote[] {
  const byId = new Map(notes.map((n) => [n.id, n]));
  for (const { mine: answered, ...note } of incoming) {
    const local = byId.get(note.id);
    const mine = answered === true || local?.mine === true;
    const hidden = note.hidden && (local?.hidden ?? true);
    const newer = !local || note.version > local.version ? note : local;
    byId.set(note.id, { ...newer, mine, hidden });
  }
  for (const id of removed) byId.delete(id);
  return [...byId.values()];
}
/** The view after this page's own calls were answered. */
export const withNote = (view: ParticipantView, note: ViewNote): ParticipantView => ({ ...view, notes: mergeRoomNotes(view.notes, [note]) });
export const withoutNotes = (view: ParticipantView, ids: readonly string[]): ParticipantView => ({ ...view, notes: mergeRoomNotes(view.notes, [], ids) });
export const withMyVotes = (view: ParticipantView, voteSessionId: string, myVotes: string[]): ParticipantView =>
  view.vote?.id === voteSessionId ? { ...view, vote: { ...view.vote, myVotes } } : view;
