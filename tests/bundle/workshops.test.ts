/**
 * Ended workshops travel with their canvas (summary, participants by display name, dot votes), so the
 * receiving lab sees the results; a running workshop never travels, and no join secret or token
 * hash is ever in a bundle. A bundle that tries to bring a running workshop or a token hash is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleRefused } from '../../electron/core/bundles/refusal';
import type { Caller } from '../../electron/core/handlers';
import type { Canvas, Note } from '../../electron/shared/canvas/model';
import type { VoteSession, Workshop } from '../../electron/shared/workshop/model';
import { callValue, makeCore, type TestCore } from '../support/core';
import { carriedRows, exportTo, importFile, readZipEntries, sha256, tempDir, writeZip } from '../support/bundles';
import { removeDir } from '../support/serve';

let from: TestCore;
let dir: string;
let ended: Workshop;
let running: Workshop;
let endedCanvas: Canvas;
let tokens: string[];
let secrets: string[];
let workspaceFile: string;
let projectFile: string;

async function join_(test: TestCore, workshop: Workshop, displayName: string) {
  const door: Caller = { role: 'participant', door: 'http', workshop: { id: workshop.id } };
  const joined = await test.call('participant.join', { secret: workshop.joinSecret, displayName }, door);
  if (!joined.ok) throw new Error(JSON.stringify(joined.error));
  const { participantId, token } = joined.value as { participantId: string; token: string };
  const caller: Caller = { ...door, workshop: { id: workshop.id, participantId } };
  return {
    token,
    call: async (method: string, input: unknown) => {
      const result = await test.call(method, input, caller);
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}

/** A copy of a bundle with one data file rewritten (and its manifest line updated; the signature then no longer verifies). */
async function withData(source: string, table: string, rewrite: (rows: Record<string, unknown>[]) => Record<string, unknown>[]) {
  const parts = await readZipEntries(source);
  const path = `data/${table}.ndjson`;
  const text = `${rewrite(
    parts
      .find((e) => e.name === path)!
      .data.toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  )
    .map((r) => JSON.stringify(r))
    .join('\n')}\n`;
  const manifest = JSON.parse(parts.find((e) => e.name === 'manifest.json')!.data.toString()) as { files: { path: string; bytes: number; sha256: string }[] };
  manifest.files = manifest.files.map((f) => (f.path === path ? { path, bytes: Buffer.byteLength(text), sha256: sha256(text) } : f));
  const file = join(dir, `${table}-${Math.random().toString(36).slice(2)}.ibtikar`);
  writeZip(
    file,
    parts.map((e) => (e.name === path ? { ...e, data: text } : e.name === 'manifest.json' ? { ...e, data: JSON.stringify(manifest) } : e)),
  );
  return file;
}

beforeAll(async () => {
  dir = tempDir();
  from = makeCore();
  const project = await callValue<{ id: string }>(from, 'projects.create', { title: 'Visa office' });
  endedCanvas = await callValue<Canvas>(from, 'canvases.create', { templateId: 'empathy-map', title: 'Visa office visit', projectId: project.id, stage: 1 });
  const liveCanvas = await callValue<Canvas>(from, 'canvases.create', { templateId: 'empathy-map', title: 'Still running', projectId: project.id, stage: 1 });

  const workshop = await callValue<Workshop>(from, 'workshops.start', { canvasId: endedCanvas.id });
  const amal = await join_(from, workshop, 'Amal');
  await amal.call('participant.addNote', { zoneKey: 'pains', text: 'Forms only in English' });
  const notes = await callValue<Note[]>(from, 'notes.create', { canvasId: endedCanvas.id, notes: ['Queue', 'Fees'].map((text) => ({ text, zoneKey: 'pains' })) });
  const vote = await callValue<VoteSession>(from, 'workshops.startVote', { workshopId: workshop.id, title: 'Biggest pain', votesPerPerson: 2, onePerNote: true });
  await amal.call('participant.vote', { voteSessionId: vote.id, noteId: notes[0].id });
  await callValue(from, 'workshops.voteOnBehalf', { voteSessionId: vote.id, noteId: notes[1].id, voterName: 'Dilnoza' });
  ended = await callValue<Workshop>(from, 'workshops.end', { id: workshop.id });

  running = await callValue<Workshop>(from, 'workshops.start', { canvasId: liveCanvas.id });
  const bek = await join_(from, running, 'Bek');
  await bek.call('participant.addNote', { zoneKey: 'pains', text: 'Live note' });
  await callValue(from, 'workshops.startVote', { workshopId: running.id, title: 'Open vote', votesPerPerson: 1, onePerNote: true });
  tokens = [amal.token, bek.token];
  secrets = [workshop.joinSecret!, running.joinSecret!];

  workspaceFile = join(dir, 'workspace.ibtikar');
  await exportTo(from, workspaceFile);
  projectFile = join(dir, 'project.ibtikar');
  await exportTo(from, projectFile, { scope: { kind: 'projects', ids: [project.id] } });
});
afterAll(() => {
  from.close();
  removeDir(dir);
});

describe('workshops in bundles', () => {
  it('carries no join secret, token or token hash, and no running workshop', async () => {
    const hashes = from.core.db.prepare('SELECT token_hash FROM workshop_participants WHERE token_hash IS NOT NULL').pluck().all() as string[];
    expect(hashes.length).toBe(2);
    for (const file of [workspaceFile, projectFile]) {
      for (const entry of await readZipEntries(file)) {
        const text = entry.data.toString('latin1');
        for (const secret of [...secrets, ...tokens, ...hashes]) expect(text, `${String(entry.name)} in ${file}`).not.toContain(secret);
        expect(text).not.toMatch(/join_secret|token_hash/);
        expect(text).not.toContain(running.id);
        expect(text).not.toContain('Open vote');
      }
      const names = (await readZipEntries(file)).map((e) => String(e.name));
      expect(names).toEqual(expect.arrayContaining(['data/workshops.ndjson', 'data/workshop_participants.ndjson', 'data/vote_sessions.ndjson', 'data/votes.ndjson']));
    }
  });

  it('lets the receiving lab see the ended workshop, its summary and its votes with the canvas', async () => {
    for (const file of [workspaceFile, projectFile]) {
      const to = makeCore();
      try {
        await importFile(to, file);
        const list = await callValue<Workshop[]>(to, 'workshops.list', { canvasId: endedCanvas.id });
        expect(list).toEqual([expect.objectContaining({ id: ended.id, endedAt: ended.endedAt, summary: ended.summary, joinSecret: null })]);
        const votes = await callValue<VoteSession[]>(to, 'workshops.votes', { canvasId: endedCanvas.id });
        expect(votes).toEqual(await callValue<VoteSession[]>(from, 'workshops.votes', { canvasId: endedCanvas.id }));
        expect(votes[0]).toMatchObject({ title: 'Biggest pain', votesCast: 2 });
        // Participants arrive by display name, without any token: nobody can act as them here.
        expect(to.core.db.prepare('SELECT display_name, token_hash FROM workshop_participants ORDER BY display_name').all()).toEqual([
          { display_name: 'Amal', token_hash: null },
          { display_name: 'Dilnoza', token_hash: null },
        ]);
        expect(carriedRows(to)).toMatchObject({ workshops: carriedRows(from).workshops, votes: carriedRows(from).votes, vote_sessions: carriedRows(from).vote_sessions });
        // Importing again changes nothing.
        const again = await importFile(to, file);
        expect(again.summary).toMatchObject({ inserted: 0, replaced: 0, copied: 0 });
      } finally {
        to.close();
      }
    }
  });

  it('refuses a bundle that brings a running workshop or a token hash', async () => {
    const to = makeCore();
    try {
      const runningAgain = await withData(workspaceFile, 'workshops', (rows) => rows.map((r) => ({ ...r, ended_at: null })));
      const tokened = await withData(workspaceFile, 'workshop_participants', (rows) => rows.map((r) => ({ ...r, token_hash: 'a'.repeat(64) })));
      const secretive = await withData(workspaceFile, 'workshops', (rows) => rows.map((r) => ({ ...r, join_secret: 'A'.repeat(24) })));
      for (const file of [runningAgain, tokened, secretive]) {
        const before = to.snapshot();
        const error = await to.core.bundles.previewFile(file).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BundleRefused);
        expect((error as BundleRefused).reason).toBe('bad_record');
        expect(to.snapshot()).toEqual(before);
      }
      expect(readFileSync(workspaceFile).length).toBeGreaterThan(0);
    } finally {
      to.close();
    }
  });
});
