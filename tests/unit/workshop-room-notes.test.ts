/** A phone's copy of the board: the room's notes merged by version, its own answers marking notes as mine. */
import { describe, expect, it } from 'vitest';
import { mergeRoomNotes } from '../../electron/shared/workshop/room-notes';
import type { RoomNote } from '../../electron/shared/workshop/model';

const note = (id: string, version: number, text = `${id} v${version}`): RoomNote => ({ id, zoneKey: 'see', text, author: null, version, hidden: false });

describe('mergeRoomNotes', () => {
  it('keeps the higher version whatever the order, and drops removed notes', () => {
    const a = mergeRoomNotes([], [note('n1', 2), note('n2', 1)]);
    const b = mergeRoomNotes(a, [note('n1', 1), note('n3', 1)], ['n2']);
    expect(b.map((n) => [n.id, n.version, n.text])).toEqual([
      ['n1', 2, 'n1 v2'],
      ['n3', 1, 'n3 v1'],
    ]);
    expect(mergeRoomNotes(b, [note('n1', 3)])[0].text).toBe('n1 v3');
  });

  it("keeps `mine` from this page's own answer when the room's copy (without it) arrives before or after", () => {
    const roomFirst = mergeRoomNotes(mergeRoomNotes([], [note('n1', 1)]), [{ ...note('n1', 1), mine: true }]);
    const answerFirst = mergeRoomNotes(mergeRoomNotes([], [{ ...note('n1', 1), mine: true }]), [note('n1', 2)]);
    expect(roomFirst[0].mine).toBe(true);
    expect(answerFirst[0]).toMatchObject({ mine: true, version: 2 });
    expect(mergeRoomNotes([], [note('n2', 1)])[0].mine).toBe(false);
  });

  it('reveals a hidden note when a copy of the same version arrives revealed, and never hides it again', () => {
    const hidden = mergeRoomNotes([], [{ ...note('n1', 1), hidden: true, mine: true }]);
    const revealed = mergeRoomNotes(hidden, [note('n1', 1)]);
    expect(revealed[0]).toMatchObject({ hidden: false, mine: true });
    expect(mergeRoomNotes(revealed, [{ ...note('n1', 1), hidden: true }])[0].hidden).toBe(false);
  });
});
