/** A workshop left running when the app quit is ended on the next start: tokens refused, summary kept, restart noted. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../electron/core/handlers';
import type { Canvas } from '../../electron/shared/canvas/model';
import type { VoteSession, Workshop } from '../../electron/shared/workshop/model';
import { callValue, makeCore, type TestCore } from '../support/core';

let cores: TestCore[] = [];
afterEach(() => {
  cores.at(-1)?.close();
  cores = [];
});

describe('workshops after a restart', () => {
  it('end the workshop the previous core left running, as a normal end with the restart noted', async () => {
    const first = makeCore();
    cores.push(first);
    const canvas = await callValue<Canvas>(first, 'canvases.create', { templateId: 'empathy-map', title: 'Visa office visit' });
    const other = await callValue<Canvas>(first, 'canvases.create', { templateId: 'empathy-map', title: 'Already ended' });
    const workshop = await callValue<Workshop>(first, 'workshops.start', { canvasId: canvas.id });
    const ended = await callValue<Workshop>(first, 'workshops.start', { canvasId: other.id });
    await callValue(first, 'workshops.end', { id: ended.id });
    const door: Caller = { role: 'participant', door: 'http', workshop: { id: workshop.id } };
    const joined = await first.call('participant.join', { secret: workshop.joinSecret, displayName: 'Amal' }, door);
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
    const { participantId, token } = joined.value as { participantId: string; token: string };
    const participant: Caller = { ...door, workshop: { id: workshop.id, participantId } };
    expect((await first.call('participant.addNote', { zoneKey: 'see', text: 'Queue too long' }, participant)).ok).toBe(true);
    const vote = await callValue<VoteSession>(first, 'workshops.startVote', { workshopId: workshop.id, title: 'Most urgent', votesPerPerson: 3, onePerNote: false });
    expect(first.core.workshops.authenticate(token)).toBeDefined();
    const endedBefore = JSON.stringify(first.snapshot().workshops.filter((w) => (w as { id: string }).id === ended.id));

    first.closeKeepingData();
    const second = makeCore(first.dataDir);
    cores.push(second);

    const [after] = await callValue<Workshop[]>(second, 'workshops.list', { canvasId: canvas.id });
    expect(after.id).toBe(workshop.id);
    expect(after.endedAt).not.toBeNull();
    expect(after.joinSecret).toBeNull();
    expect(after.summary).toMatchObject({ endedBy: 'restart', participants: 1, notesAdded: 1, startedAt: workshop.startedAt });
    expect(after.summary?.voteSessions.map((v) => v.id)).toEqual([vote.id]);
    // The open vote was closed as a normal end closes it.
    const [closed] = await callValue<VoteSession[]>(second, 'workshops.votes', { canvasId: canvas.id });
    expect(closed.status).toBe('revealed');
    // The participant's token is refused, through authentication and through the service.
    expect(second.core.workshops.authenticate(token)).toBeUndefined();
    const refused = await second.call('participant.view', { language: 'en' }, participant);
    expect(refused.ok || refused.error.issues?.map((i) => i.code)).toEqual(['workshop_ended']);
    const rejoin = await second.call('participant.join', { secret: workshop.joinSecret, displayName: 'Amal' }, door);
    expect(rejoin.ok || rejoin.error.issues?.map((i) => i.code)).toEqual(['workshop_ended']);
    // A workshop the facilitator had ended is left exactly as it was.
    expect(JSON.stringify(second.snapshot().workshops.filter((w) => (w as { id: string }).id === ended.id))).toBe(endedBefore);
    const [byFacilitator] = await callValue<Workshop[]>(second, 'workshops.list', { canvasId: other.id });
    expect(byFacilitator.summary?.endedBy).toBe('facilitator');
    // A new workshop can start on the canvas again.
    expect((await second.call('workshops.start', { canvasId: canvas.id })).ok).toBe(true);
  });
});
