/** Workshops through the contract: facilitator state, participants' own notes, private mode, votes, summary, ending. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Canvas, Note } from '../../electron/shared/canvas/model';
import type { Caller } from '../../electron/core/handlers';
import type { ParticipantView, VoteSession, Workshop } from '../../electron/shared/workshop/model';
import { callValue, makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);

async function setUp() {
  const canvas = await value<Canvas>('canvases.create', { templateId: 'empathy-map', title: 'Visa office visit' });
  const workshop = await value<Workshop>('workshops.start', { canvasId: canvas.id });
  const joinAs = async (displayName: string) => {
    const door: Caller = { role: 'participant', door: 'http', workshop: { id: workshop.id } };
    const joined = await test.call('participant.join', { secret: workshop.joinSecret, displayName }, door);
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
    const { participantId } = joined.value as { participantId: string; token: string };
    const caller: Caller = { ...door, workshop: { id: workshop.id, participantId } };
    return {
      participantId,
      token: (joined.value as { token: string }).token,
      call: (method: string, input: unknown) => test.call(method, input, caller),
      view: async () => {
        const r = await test.call('participant.view', { language: 'en' }, caller);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value as ParticipantView;
      },
    };
  };
  return { canvas, workshop, joinAs };
}

describe('workshops', () => {
  it('run one at a time per canvas; the join secret is long and random', async () => {
    const { canvas, workshop } = await setUp();
    expect(workshop.joinSecret).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const again = await test.call('workshops.start', { canvasId: canvas.id });
    expect(again.ok || again.error.code).toBe('conflict');
    expect((await value<Workshop[]>('workshops.list', { canvasId: canvas.id })).map((w) => w.id)).toEqual([workshop.id]);
  });

  it('let a participant join with the secret only, and keep tokens as hashes', async () => {
    const { workshop, joinAs } = await setUp();
    const wrong = await test.call('participant.join', { secret: 'A'.repeat(24), displayName: 'Mallory' }, { role: 'participant', door: 'http', workshop: { id: workshop.id } });
    expect(wrong.ok || wrong.error.code).toBe('unauthorized');
    const amal = await joinAs('Amal');
    expect(amal.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = test.snapshot().workshop_participants as { display_name: string; token_hash: string }[];
    expect(stored.map((p) => p.display_name)).toEqual(['Amal']);
    expect(JSON.stringify(test.snapshot())).not.toContain(amal.token);
    // Without a workshop (the host door), participant methods have nobody to act as.
    const viaHost = await test.call('participant.view', { language: 'en' });
    expect(viaHost.ok || viaHost.error.code).toBe('unauthorized');
  });

  it('let participants change only their own notes, in unlocked zones, and refuse stale edits visibly', async () => {
    const { canvas, workshop, joinAs } = await setUp();
    const amal = await joinAs('Amal');
    const bek = await joinAs('Bek');
    const added = await amal.call('participant.addNote', { zoneKey: 'see', text: 'Long queue at the door' });
    expect(added.ok).toBe(true);
    const note = (added as { value: Note }).value;
    expect(note).toMatchObject({ author: 'Amal', zoneKey: 'see', mine: true, hidden: false });

    const byOther = await bek.call('participant.editNote', { id: note.id, baseVersion: 1, text: 'mine now' });
    expect(byOther.ok || byOther.error.issues?.[0].code).toBe('not_your_note');
    const hostNote = (await value<Note[]>('notes.create', { canvasId: canvas.id, notes: [{ text: 'Facilitator note', zoneKey: 'hear' }] }))[0];
    const onHost = await amal.call('participant.deleteNote', { id: hostNote.id, baseVersion: 1 });
    expect(onHost.ok || onHost.error.issues?.[0].code).toBe('not_your_note');

    // The facilitator moves the note; Amal's edit made on version 1 is refused, not lost silently.
    await value('notes.update', { canvasId: canvas.id, edits: [{ id: note.id, baseVersion: 1, patch: { zoneKey: 'hear' } }] });
    const stale = await amal.call('participant.editNote', { id: note.id, baseVersion: 1, text: 'Queue of 40 people' });
    expect(stale.ok || [stale.error.code, stale.error.issues?.[0].code]).toEqual(['conflict', 'stale']);
    const edited = await amal.call('participant.editNote', { id: note.id, baseVersion: 2, text: 'Queue of 40 people' });
    expect(edited.ok && (edited.value as Note).text).toBe('Queue of 40 people');

    await value('workshops.lock', { id: workshop.id, all: false, zones: ['see'] });
    const locked = await bek.call('participant.addNote', { zoneKey: 'see', text: 'x' });
    expect(locked.ok || locked.error.issues?.[0].code).toBe('zone_locked');
    expect((await bek.view()).zones.find((z) => z.key === 'see')?.locked).toBe(true);
    await value('workshops.lock', { id: workshop.id, all: true, zones: [] });
    const all = await amal.call('participant.editNote', { id: note.id, baseVersion: 3, text: 'again' });
    expect(all.ok || all.error.issues?.[0].code).toBe('zone_locked');
    await value('workshops.lock', { id: workshop.id, all: false, zones: [] });
    expect((await amal.call('participant.deleteNote', { id: note.id, baseVersion: 3 })).ok).toBe(true);
  });

  it('hide new participant notes from others in private mode until the facilitator reveals them', async () => {
    const { workshop, joinAs } = await setUp();
    const amal = await joinAs('Amal');
    const bek = await joinAs('Bek');
    await value('workshops.setPrivate', { id: workshop.id, on: true });
    const secret = (await amal.call('participant.addNote', { zoneKey: 'pains', text: 'Forms only in English' })) as { value: Note };
    expect((secret.value as Note & { hidden: boolean }).hidden).toBe(true);
    expect((await amal.view()).notes.map((n) => n.text)).toContain('Forms only in English');
    expect((await bek.view()).notes.map((n) => n.text)).not.toContain('Forms only in English');
    expect((await value<Workshop>('workshops.get', { id: workshop.id })).hiddenNoteIds).toEqual([secret.value.id]);
    await value('workshops.setPrivate', { id: workshop.id, on: false });
    expect((await bek.view()).notes.find((n) => n.text === 'Forms only in English')).toMatchObject({ mine: false, hidden: false });
  });

  it('run dot votes with hidden tallies, limits, votes on behalf, and ranked, comparable results', async () => {
    const { canvas, workshop, joinAs } = await setUp();
    const amal = await joinAs('Amal');
    const notes = await value<Note[]>('notes.create', {
      canvasId: canvas.id,
      notes: ['Queue', 'Forms', 'Fees'].map((text) => ({ text, zoneKey: 'pains' })),
    });
    const [queue, forms, fees] = notes.map((n) => n.id);
    const vote = await value<VoteSession>('workshops.startVote', { workshopId: workshop.id, title: 'Biggest pain', votesPerPerson: 2, onePerNote: true });
    expect((await test.call('workshops.startVote', { workshopId: workshop.id, title: 'Another', votesPerPerson: 1 })).ok).toBe(false);
    expect((await amal.call('participant.vote', { voteSessionId: vote.id, noteId: forms })).ok).toBe(true);
    const twice = await amal.call('participant.vote', { voteSessionId: vote.id, noteId: forms });
    expect(twice.ok || twice.error.issues?.[0].code).toBe('one_vote_per_note');
    expect((await amal.call('participant.vote', { voteSessionId: vote.id, noteId: queue })).ok).toBe(true);
    const third = await amal.call('participant.vote', { voteSessionId: vote.id, noteId: fees });
    expect(third.ok || third.error.issues?.[0].code).toBe('no_votes_left');
    expect((await amal.view()).vote).toMatchObject({ id: vote.id, myVotes: [forms, queue] });
    await value('workshops.voteOnBehalf', { voteSessionId: vote.id, noteId: forms, voterName: 'Dilnoza' });
    await value('workshops.voteOnBehalf', { voteSessionId: vote.id, noteId: fees, voterName: 'Dilnoza' });
    const onBehalf = await test.call('workshops.voteOnBehalf', { voteSessionId: vote.id, noteId: queue, voterName: 'Dilnoza' });
    expect(onBehalf.ok || onBehalf.error.issues?.[0].code).toBe('no_votes_left');

    const hidden = (await value<VoteSession[]>('workshops.votes', { canvasId: canvas.id }))[0];
    expect(hidden).toMatchObject({ status: 'open', votesCast: 4, voters: 2, results: null });
    expect((await amal.view()).results).toBeNull();

    const revealed = await value<VoteSession>('workshops.revealVote', { id: vote.id });
    expect(revealed.results?.map((r) => [r.text, r.votes, r.rank])).toEqual([
      ['Forms', 2, 1],
      ['Queue', 1, 2],
      ['Fees', 1, 2],
    ]);
    const late = await amal.call('participant.vote', { voteSessionId: vote.id, noteId: fees });
    expect(late.ok || late.error.issues?.[0].code).toBe('vote_closed');
    expect((await amal.view()).results?.results[0]).toMatchObject({ text: 'Forms', rank: 1 });

    const second = await value<VoteSession>('workshops.startVote', { workshopId: workshop.id, title: 'Easiest to fix', votesPerPerson: 3 });
    await amal.call('participant.vote', { voteSessionId: second.id, noteId: fees });
    await amal.call('participant.vote', { voteSessionId: second.id, noteId: fees });
    await value('workshops.revealVote', { id: second.id });
    const both = await value<VoteSession[]>('workshops.votes', { canvasId: canvas.id });
    expect(both.map((v) => [v.title, v.results?.[0].text])).toEqual([
      ['Biggest pain', 'Forms'],
      ['Easiest to fix', 'Fees'],
    ]);
  });

  it('keep the timer and presenting state, and refuse unknown zones', async () => {
    const { workshop, joinAs } = await setUp();
    const started = await value<Workshop>('workshops.timer', { id: workshop.id, action: 'start', seconds: 300 });
    expect(started.facilitation.timer.endsAt).not.toBeNull();
    const paused = await value<Workshop>('workshops.timer', { id: workshop.id, action: 'pause' });
    expect(paused.facilitation.timer.endsAt).toBeNull();
    expect(paused.facilitation.timer.remainingMs).toBeLessThan(300_000);
    const more = await value<Workshop>('workshops.timer', { id: workshop.id, action: 'addMinute' });
    expect(more.facilitation.timer.remainingMs).toBe(paused.facilitation.timer.remainingMs + 60_000);
    await value('workshops.present', { id: workshop.id, zoneKey: 'pains' });
    const amal = await joinAs('Amal');
    expect((await amal.view()).facilitation).toMatchObject({ presenting: 'pains', timer: { endsAt: null, remainingMs: more.facilitation.timer.remainingMs } });
    const unknown = await test.call('workshops.present', { id: workshop.id, zoneKey: 'nowhere' });
    expect(unknown.ok || unknown.error.issues?.[0].code).toBe('unknown_reference');
  });

  it('end with a summary kept with the canvas, and revoke every token at once', async () => {
    const { canvas, workshop, joinAs } = await setUp();
    const amal = await joinAs('Amal');
    const bek = await joinAs('Bek');
    await amal.call('participant.addNote', { zoneKey: 'see', text: 'Queue' });
    await bek.call('participant.addNote', { zoneKey: 'see', text: 'Signs' });
    await bek.call('participant.addNote', { zoneKey: 'pains', text: 'Fees' });
    const vote = await value<VoteSession>('workshops.startVote', { workshopId: workshop.id, title: 'Top', votesPerPerson: 1 });
    const signs = (await amal.view()).notes.find((n) => n.text === 'Signs')!;
    await amal.call('participant.vote', { voteSessionId: vote.id, noteId: signs.id });

    const ended = await value<Workshop>('workshops.end', { id: workshop.id });
    expect(ended.joinSecret).toBeNull();
    expect(ended.summary).toMatchObject({ participants: 2, notesAdded: 3, voteSessions: [{ title: 'Top', votesCast: 1, top: [{ text: 'Signs', rank: 1 }] }] });
    expect(ended.summary?.durationMs).toBeGreaterThan(0);
    expect(ended.summary?.notesPerZone.find((z) => z.zoneKey === 'see')?.notes).toBe(2);
    expect(ended.summary?.notesPerZone.find((z) => z.zoneKey === 'gains')?.notes).toBe(0);
    // The open vote was closed and revealed by the end.
    expect((await value<VoteSession[]>('workshops.votes', { canvasId: canvas.id }))[0].status).toBe('revealed');

    for (const p of [amal, bek]) {
      const after = await p.call('participant.addNote', { zoneKey: 'see', text: 'too late' });
      expect(after.ok || [after.error.code, after.error.issues?.[0].code]).toEqual(['unauthorized', 'workshop_ended']);
    }
    const revoked = test.snapshot().workshop_participants as { revoked_at: string | null }[];
    expect(revoked.every((p) => p.revoked_at === ended.endedAt)).toBe(true);
    expect((await test.call('workshops.timer', { id: workshop.id, action: 'start', seconds: 60 })).ok).toBe(false);
    // A new workshop can start on the same canvas; the old one stays listed with its summary.
    await value('workshops.start', { canvasId: canvas.id });
    expect((await value<Workshop[]>('workshops.list', { canvasId: canvas.id })).map((w) => w.summary !== null)).toEqual([false, true]);
  });
});
