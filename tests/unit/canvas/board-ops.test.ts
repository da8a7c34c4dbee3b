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

/** Board ops over the fixture board and this client; `shown` reads a note as the board shows it. */
function boardOver(client: ApiClient) {
  const queryClient = new QueryClient();
  const key = ['canvases.get', { id: fixtureBoard.canvas.id }];
  queryClient.setQueryData<Board>(key, fixtureBoard);
  const ops = createBoardOps(client, queryClient, fixtureBoard.canvas.id);
  const shown = (id: string) => queryClient.getQueryData<Board>(key)!.notes.find((n) => n.id === id)!;
  return { ops, shown };
}

function setUp() {
  const { client, answer } = pendingClient();
  return { ...boardOver(client), answer };
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

/** A client that records every call and answers each when the test says, in any order. */
function queuedClient() {
  const calls: { method: string; input: any; answer: (result: Result<unknown>) => void }[] = [];
  const client = {
    call: (method: string, input: unknown) => new Promise((resolve) => calls.push({ method, input, answer: resolve })),
    onEvent: () => () => {},
    has: async () => true,
  } as unknown as ApiClient;
  return { client, calls };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('board ops: a note edited again before its save answers', () => {
  function setUpQueued() {
    const { client, calls } = queuedClient();
    return { ...boardOver(client), calls };
  }
  const stored = (note: Note, fields: Partial<Note>, version: number): Note => ({ ...note, ...fields, version, updatedAt: `2026-11-28T09:0${version}:00.000Z` });

  it('goes on top of the first save’s answer instead of being refused as stale', async () => {
    const { ops, calls, shown } = setUpQueued();
    const first = ops.editNotes([{ note: channel, patch: move }], 'canvas.undo.move');
    // Dragged again at once, from the preview (still at version 1).
    const again = { zoneKey: 'segments', orderIndex: 'a3' };
    const second = ops.editNotes([{ note: shown(channel.id), patch: again }], 'canvas.undo.move');
    await settle();
    expect(calls).toHaveLength(1);
    expect(shown(channel.id)).toMatchObject({ orderIndex: 'a3', version: 1 });
    const one = stored(channel, move, 2);
    calls[0].answer({ ok: true, value: [one] });
    await first;
    await settle();
    // Sent on the first save's answer, and shown on top of it meanwhile.
    expect(calls).toHaveLength(2);
    expect(calls[1].input.edits).toEqual([{ id: channel.id, baseVersion: 2, patch: again }]);
    expect(shown(channel.id)).toMatchObject({ orderIndex: 'a3', version: 2 });
    const two = stored(one, again, 3);
    calls[1].answer({ ok: true, value: [two] });
    await second;
    expect(shown(channel.id)).toEqual(two);
  });

  it('goes on top of the answer too when made on the preview just after the save answered (the board not yet redrawn)', async () => {
    const { ops, calls, shown } = setUpQueued();
    const first = ops.editNotes([{ note: channel, patch: move }], 'canvas.undo.move');
    const preview = shown(channel.id);
    await settle();
    calls[0].answer({ ok: true, value: [stored(channel, move, 2)] });
    await first;
    await settle();
    // A key press still carrying the preview's copy (version 1).
    const second = ops.editNotes([{ note: preview, patch: { orderIndex: 'a7' } }], 'canvas.undo.move');
    await settle();
    expect(calls[1].input.edits[0].baseVersion).toBe(2);
    calls[1].answer({ ok: true, value: [stored(channel, { ...move, orderIndex: 'a7' }, 3)] });
    await second;
    expect(shown(channel.id)).toMatchObject({ orderIndex: 'a7', version: 3 });
  });

  it('chains a third edit made before the first answered behind the second', async () => {
    const { ops, calls, shown } = setUpQueued();
    const edits = ['a1', 'a2', 'a3'].map((orderIndex) => ops.editNotes([{ note: shown(channel.id), patch: { ...move, orderIndex } }], 'canvas.undo.move'));
    await settle();
    calls[0].answer({ ok: true, value: [stored(channel, { ...move, orderIndex: 'a1' }, 2)] });
    await settle();
    expect(calls[1].input.edits[0].baseVersion).toBe(2);
    calls[1].answer({ ok: true, value: [stored(channel, { ...move, orderIndex: 'a2' }, 3)] });
    await settle();
    expect(calls[2].input.edits[0].baseVersion).toBe(3);
    calls[2].answer({ ok: true, value: [stored(channel, { ...move, orderIndex: 'a3' }, 4)] });
    await Promise.all(edits);
    expect(shown(channel.id)).toMatchObject({ orderIndex: 'a3', version: 4 });
  });

  it('keeps its own base when the first save is refused, and an edit on a copy someone else changed stays stale', async () => {
    const { ops, calls, shown } = setUpQueued();
    const first = ops.editNotes([{ note: channel, patch: move }], 'canvas.undo.move');
    const second = ops.editNotes([{ note: shown(channel.id), patch: { orderIndex: 'a4' } }], 'canvas.undo.move');
    await settle();
    calls[0].answer({ ok: false, error: { code: 'conflict', message: 'Changed meanwhile.', issues: [{ path: [], code: 'stale' }] } });
    await expect(first).rejects.toThrow();
    await settle();
    expect(calls[1].input.edits[0].baseVersion).toBe(1);
    calls[1].answer({ ok: true, value: [stored(channel, { orderIndex: 'a4' }, 2)] });
    await second;

    // A save answered with a version two higher was not the one the edit was made on: not rebased.
    const old = shown(channel.id);
    const third = ops.editNotes([{ note: old, patch: { orderIndex: 'a5' } }], 'canvas.undo.move');
    const fourth = ops.editNotes([{ note: { ...old, version: 1 }, patch: { orderIndex: 'a6' } }], 'canvas.undo.move');
    await settle();
    calls[2].answer({ ok: true, value: [stored(old, { orderIndex: 'a5' }, 3)] });
    await third;
    await settle();
    expect(calls[3].input.edits[0].baseVersion).toBe(1);
    calls[3].answer({ ok: false, error: { code: 'conflict', message: 'Changed meanwhile.', issues: [{ path: [], code: 'stale' }] } });
    await expect(fourth).rejects.toThrow();
  });
});
