/**
 * Group `workshop`: 200 simulated participants on loopback join one workshop through the LAN
 * server, each keeps an event stream open, adds 10 notes and casts 5 votes once the facilitator
 * opens a vote. The phones run in a child process (bench/workshop-clients.ts) that behaves like the
 * participant page: it parses every pushed note, reads its view again on each change signal, and
 * finds the vote through its own stream. Reports notes lost (acknowledged but not stored), the p95
 * of every participant request (joins and view reads included), and how long from sending a note
 * until every client held it (p95 over every client-note pair), all within a time bound.
 *
 * All simulated phones share one address here, so the per-address rate limit is lifted for the run;
 * the per-participant limit stays as shipped.
 *
 * The targets are on that burst: every phone sends its next request the moment the last is answered.
 * The same room is then run again at a person's pace (a few seconds of thinking and typing before
 * each note and vote) and its request p95 is reported beside, without a target, to show what a
 * room of people meets; the burst is the figure that has to meet 100 ms.
 */
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '../electron/core/dispatch';
import { DEFAULT_LAN_LIMITS } from '../electron/core/workshops/lan-door';
import { benchCore, benchDataDir } from './bench-core';
import { atMost, below, percentile, type Figure } from './figures';
import type { ClientsPlan, ClientsResult } from './workshop-clients';

const PARTICIPANTS = 200;
const NOTES_EACH = 10;
const VOTES_EACH = 5;
const TIME_BOUND_MS = 90_000;
const ZONES = ['see', 'hear', 'say', 'do', 'pains', 'gains'];
/** Thinking and typing before each note or vote, for the run at a person's pace. */
const HUMAN_THINK_MS = { min: 1000, max: 5000 };

/** One room: a fresh core and workshop, the phones in their own process, and what the database holds after. */
async function runRoom(thinkMs?: ClientsPlan['thinkMs']) {
  const dataDir = benchDataDir();
  const logger = { info() {}, warn() {}, error() {} };
  const core = benchCore(dataDir, { lanLimits: { ...DEFAULT_LAN_LIMITS, perAddress: { perSecond: 1e9, burst: 1e9 } } });
  const dispatcher = createDispatcher(core.handlers, logger);
  const host = async <T>(method: string, input: unknown) => {
    const r = await dispatcher.dispatch(method, input, { role: 'host', door: 'inprocess' });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  // The phones: dist/node/workshop-clients.mjs, built beside this bench by scripts/build.mjs.
  const clients = fork(join(import.meta.dirname, 'workshop-clients.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

  try {
    const canvas = await host<{ id: string }>('canvases.create', { templateId: 'empathy-map', title: 'Bench workshop' });
    const workshop = await host<{ id: string }>('workshops.start', { canvasId: canvas.id });
    const serving = await host<{ port: number; joinUrl: string }>('workshops.serve', { workshopId: workshop.id, address: '127.0.0.1' });
    const plan: ClientsPlan = {
      origin: `http://127.0.0.1:${serving.port}`,
      secret: new URL(serving.joinUrl).hash.slice(1),
      participants: PARTICIPANTS,
      notesEach: NOTES_EACH,
      votesEach: VOTES_EACH,
      zones: ZONES,
      deadline: performance.timeOrigin + performance.now() + TIME_BOUND_MS,
      thinkMs,
    };
    const started = performance.now();
    let writesDone = started;
    const result = await new Promise<ClientsResult>((resolve, reject) => {
      clients.on('message', (message: 'notesDone' | { result: ClientsResult }) => {
        // Every phone has added its notes: the facilitator opens the vote, which the phones learn of through their streams.
        if (message === 'notesDone') void host('workshops.startVote', { workshopId: workshop.id, title: 'Bench vote', votesPerPerson: VOTES_EACH }).catch(reject);
        else {
          writesDone = performance.now();
          resolve(message.result);
        }
      });
      clients.on('exit', (code) => reject(new Error(`the workshop clients exited with ${code}`)));
      clients.send({ start: plan });
    });

    const stored = new Set(core.db.prepare('SELECT id FROM canvas_notes WHERE canvas_id = ?').pluck().all(canvas.id) as string[]);
    const votes = core.db.prepare('SELECT count(*) FROM votes').pluck().get() as number;
    if (result.failures.length) process.stderr.write(`workshop: refused requests (first ${result.failures.length}): ${result.failures.join(', ')}\n`);
    return { result, stored, votes, durationMs: writesDone - started };
  } finally {
    if (clients.exitCode === null) clients.kill();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const sortedTimes = (times: readonly number[]) => [...times].sort((a, b) => a - b);

export async function benchWorkshop(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'workshop', ...f });

  const { result, stored, votes, durationMs } = await runRoom();
  const lost = result.acknowledged.filter((id) => !stored.has(id)).length;
  const notAdded = PARTICIPANTS * NOTES_EACH - result.acknowledged.length;
  const requestTimes = sortedTimes(result.requestTimes);
  const visibility = sortedTimes(result.visibility);
  add({ id: 'workshop.notesLost', label: 'notes acknowledged but not stored', value: lost, unit: 'notes', ...atMost(lost, 0) });
  add({ id: 'workshop.notesNotAdded', label: `notes of ${PARTICIPANTS} × ${NOTES_EACH} not added within ${TIME_BOUND_MS / 1000} s`, value: notAdded, unit: 'notes', ...atMost(notAdded, 0) });
  add({ id: 'workshop.votesStored', label: `votes stored (${PARTICIPANTS} × ${VOTES_EACH} cast)`, value: votes, unit: 'votes', ...atMost(PARTICIPANTS * VOTES_EACH - votes, 0), target: `= ${PARTICIPANTS * VOTES_EACH}` });
  const p95 = percentile(requestTimes, 95);
  add({ id: 'workshop.requestP95', label: `participant request p95 (${requestTimes.length} requests)`, value: p95, unit: 'ms', ...below(p95, 100) });
  const seenP95 = result.unseen > 0 ? Infinity : percentile(visibility, 95);
  add({ id: 'workshop.seenP95', label: 'time until every client held a note, p95', value: seenP95, unit: 'ms', ...below(seenP95, 1000) });
  add({ id: 'workshop.unseen', label: 'client-note pairs never held within the bound', value: result.unseen, unit: 'pairs', ...atMost(result.unseen, 0) });
  for (const [method, times] of Object.entries(result.byMethod)) {
    add({ id: `workshop.p95.${method}`, label: `  of which ${method} p95 (${times.length})`, value: percentile(sortedTimes(times), 95), unit: 'ms' });
  }
  add({ id: 'workshop.duration', label: 'whole run (joins, notes, votes, last note held)', value: durationMs, unit: 'ms' });

  // The same room at a person's pace: no target of its own (see the header).
  const human = await runRoom(HUMAN_THINK_MS);
  const humanTimes = sortedTimes(human.result.requestTimes);
  const think = `${HUMAN_THINK_MS.min / 1000}–${HUMAN_THINK_MS.max / 1000} s`;
  add({ id: 'workshop.human.requestP95', label: `same room, ${think} before each note and vote: request p95 (${humanTimes.length})`, value: percentile(humanTimes, 95), unit: 'ms' });
  const humanAddNote = sortedTimes(human.result.byMethod['participant.addNote'] ?? []);
  add({ id: 'workshop.human.p95.addNote', label: `  of which participant.addNote p95 (${humanAddNote.length})`, value: percentile(humanAddNote, 95), unit: 'ms' });
  const humanLost = human.result.acknowledged.filter((id) => !human.stored.has(id)).length;
  add({ id: 'workshop.human.notesLost', label: '  notes acknowledged but not stored', value: humanLost, unit: 'notes', ...atMost(humanLost, 0) });
  return figures;
}
