/**
 * A note edit on the board is shown before core answers (a dropped card stays where it was
 * dropped), replaced by core's copy when it answers, and put back when core refuses it.
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../electron/shared/api/client';
import type { Result } from '../../../electron/shared/api/envelope';
import type { Board, Note } from '../../../electron/shared/canvas/model';
import { createBoardOps } from '../../../renderer/src/features/canvases/board-ops';
import { fixtureBoard } from './fixture-board';

/** A client whose one call waits until the test answers it. */
function pendingClient() {
  let answer: (result: Result<unknown>) => void = () => {};
  const client = {
    call: () => new Promise((resolve) => (answer = resolve)),
    onEvent: () => () => {},
    has: async () => true,
  } as unknown as ApiClient;
  return { client, answer: (result: Result<unknown>) => answer(result) };
}

function setUp() {
  const queryClient = new QueryClient();
  const key = ['canvases.get', { id: fixtureBoard.canvas.id }];
  queryClient.setQueryData<Board>(key, fixtureBoard);
  const { client, answer } = pendingClient();
  const ops = createBoardOps(client, queryClient, fixtureBoard.canvas.id);
  const shown = (id: string) => queryClient.getQueryData<Board>(key)!.notes.find((n) => n.id === id)!;
  return { ops, answer, shown };
}

const channel = fixtureBoard.notes[1];
const move = { zoneKey: 'segments', clusterId: null, x: null, y: null, orderIndex: 'a1' };

describe('board ops: a note edit', () => {
  it('shows the moved note at once, at its version, and takes the answer when it comes', async () => {
    const { ops, answer, shown } = setUp();
    const step = ops.editNotes([{ note: channel, patch: move }], 'canvas.undo.move');
    expect(shown(channel.id)).toMatchObject({ zoneKey: 'segments', orderIndex: 'a1', version: 1 });
    const stored: Note = { ...channel, ...move, version: 2, updatedAt: '2026-11-28T09:05:00.000Z' };
    answer({ ok: true, value: [stored] });
    await step;
    expect(shown(channel.id)).toEqual(stored);
  });

  it('puts the note back where it was when core refuses the edit', async () => {
    const { ops, answer, shown } = setUp();
    const step = ops.editNotes([{ note: channel, patch: move }], 'canvas.undo.move');
    expect(shown(channel.id).zoneKey).toBe('segments');
    answer({ ok: false, error: { code: 'conflict', message: 'Changed meanwhile.', issues: [{ path: [], code: 'stale' }] } });
    await expect(step).rejects.toThrow();
    expect(shown(channel.id)).toEqual(channel);
  });

  it('moves a free note into a zone without its old position, as core stores it', () => {
    const { ops, shown } = setUp();
    const free = fixtureBoard.notes[3];
    void ops.editNotes([{ note: free, patch: { zoneKey: 'channels', orderIndex: 'a2' } }], 'canvas.undo.move');
    expect(shown(free.id)).toMatchObject({ zoneKey: 'channels', x: null, y: null, version: 1 });
  });
});
