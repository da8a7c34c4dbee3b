/**
 * Group `workshop`: 200 simulated participants on loopback join one workshop through the LAN server,
 * each keeps an event stream open (reading its view again on every change signal, one read at a
 * time, as the participant page does), adds 10 notes and casts 5 votes. Reports notes lost
 * (acknowledged but not stored), the p95 of participant requests, and how long from sending a note
 * until every client has seen it (p95 over every client-note pair), all within a time bound.
 * Participants' notes reach the room as `notes` events (the notes themselves), not as re-reads.
 *
 * All simulated phones share one address here, so the per-address rate limit is lifted for the run;
 * the per-participant limit stays as shipped.
 */
import { benchCore, benchDataDir } from './bench-core';
import { rmSync } from 'node:fs';
import { createDispatcher } from '../electron/core/dispatch';
import { DEFAULT_LAN_LIMITS } from '../electron/core/workshops/lan-door';
import { atMost, below, percentile, type Figure } from './figures';

const PARTICIPANTS = 200;
const NOTES_EACH = 10;
const VOTES_EACH = 5;
const TIME_BOUND_MS = 90_000;
const ZONES = ['see', 'hear', 'say', 'do', 'pains', 'gains'];

export async function benchWorkshop(): Promise<Figure[]> {
  const dataDir = benchDataDir();
  const logger = { info() {}, warn() {}, error() {} };
  const core = benchCore(dataDir, { lanLimits: { ...DEFAULT_LAN_LIMITS, perAddress: { perSecond: 1e9, burst: 1e9 } } });
  const dispatcher = createDispatcher(core.handlers, logger);
  const host = async <T>(method: string, input: unknown) => {
    const r = await dispatcher.dispatch(method, input, { role: 'host', door: 'inprocess' });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'workshop', ...f });
  const streams: AbortController[] = [];

  try {
    const canvas = await host<{ id: string }>('canvases.create', { templateId: 'empathy-map', title: 'Bench workshop' });
    const workshop = await host<{ id: string }>('workshops.start', { canvasId: canvas.id });
    const serving = await host<{ port: number; joinUrl: string }>('workshops.serve', { workshopId: workshop.id, address: '127.0.0.1' });
    const origin = `http://127.0.0.1:${serving.port}`;
    const secret = new URL(serving.joinUrl).hash.slice(1);
    const requestTimes: number[] = [];
    const post = async (method: string, input: unknown, token?: string) => {
      const start = performance.now();
      const response = await fetch(`${origin}/api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; value: unknown };
      requestTimes.push(performance.now() - start);
      return body;
    };

    const acknowledged = new Map<string, number>();
    const seen: Map<string, number>[] = [];
    const deadline = performance.now() + TIME_BOUND_MS;
    const tokens = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, i) => ((await post('participant.join', { secret, displayName: `P${i}` })).value as { token: string }).token),
    );

    /** One client's event stream: every change signal leads to one more read of the view. */
    const follow = async (token: string, mine: Map<string, number>) => {
      const controller = new AbortController();
      streams.push(controller);
      let reading = false;
      let again = false;
      const read = async () => {
        if (reading) return void (again = true);
        reading = true;
        do {
          again = false;
          try {
            const view = (await post('participant.view', { language: 'en' }, token)).value as { notes: { id: string }[] } | undefined;
            const at = performance.now();
            for (const n of view?.notes ?? []) if (!mine.has(n.id)) mine.set(n.id, at);
          } catch {
            // the run is over and the server gone
          }
        } while (again && !controller.signal.aborted);
        reading = false;
      };
      const response = await fetch(`${origin}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
      void (async () => {
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            if (value.includes('event: changed')) void read();
            const at = performance.now();
            for (const [, data] of value.matchAll(/event: notes\ndata: (.+)\n/g)) {
              for (const n of (JSON.parse(data) as { notes: { id: string }[] }).notes) if (!mine.has(n.id)) mine.set(n.id, at);
            }
          }
        } catch {
          // aborted at the end of the run
        }
      })();
    };
    for (const token of tokens) {
      const mine = new Map<string, number>();
      seen.push(mine);
      await follow(token, mine);
    }

    const started = performance.now();
    await Promise.all(
      tokens.map(async (token, p) => {
        const mine: string[] = [];
        for (let i = 0; i < NOTES_EACH && performance.now() < deadline; i++) {
          const sent = performance.now();
          const r = await post('participant.addNote', { zoneKey: ZONES[(p + i) % ZONES.length], text: `Note ${i} from participant ${p}` }, token);
          if (r.ok) {
            const id = (r.value as { id: string }).id;
            // Seen-by-all is measured from when the note was sent: the room may see it before its author's answer arrives.
            acknowledged.set(id, sent);
            mine.push(id);
          }
        }
        if (p === 0 && performance.now() < deadline) await host('workshops.startVote', { workshopId: workshop.id, title: 'Bench vote', votesPerPerson: VOTES_EACH });
      }),
    );
    // Everyone votes once the vote is open (participant 0 opened it after its notes).
    await Promise.all(
      tokens.map(async (token, p) => {
        if (performance.now() >= deadline) return;
        const view = (await post('participant.view', { language: 'en' }, token)).value as { vote: { id: string } | null; notes: { id: string }[] };
        if (!view.vote) return;
        for (let v = 0; v < VOTES_EACH && performance.now() < deadline; v++) await post('participant.vote', { voteSessionId: view.vote.id, noteId: view.notes[(p * 7 + v * 13) % view.notes.length].id }, token);
      }),
    );
    const writesDone = performance.now();

    // Wait (bounded) until every client has seen every acknowledged note.
    const allSeen = () => seen.every((m) => [...acknowledged.keys()].every((id) => m.has(id)));
    while (!allSeen() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    const stored = new Set(core.db.prepare('SELECT id FROM canvas_notes WHERE canvas_id = ?').pluck().all(canvas.id) as string[]);
    for (const s of streams) s.abort();
    const lost = [...acknowledged.keys()].filter((id) => !stored.has(id)).length;
    const notAdded = PARTICIPANTS * NOTES_EACH - acknowledged.size;
    const votes = core.db.prepare('SELECT count(*) FROM votes').pluck().get() as number;
    const visibility: number[] = [];
    let unseen = 0;
    for (const m of seen) {
      for (const [id, at] of acknowledged) {
        const when = m.get(id);
        if (when === undefined) unseen++;
        else visibility.push(when - at);
      }
    }
    visibility.sort((a, b) => a - b);
    requestTimes.sort((a, b) => a - b);

    add({ id: 'workshop.notesLost', label: 'notes acknowledged but not stored', value: lost, unit: 'notes', ...atMost(lost, 0) });
    add({ id: 'workshop.notesNotAdded', label: `notes of ${PARTICIPANTS} × ${NOTES_EACH} not added within ${TIME_BOUND_MS / 1000} s`, value: notAdded, unit: 'notes', ...atMost(notAdded, 0) });
    add({ id: 'workshop.votesStored', label: `votes stored (${PARTICIPANTS} × ${VOTES_EACH} cast)`, value: votes, unit: 'votes', ...atMost(PARTICIPANTS * VOTES_EACH - votes, 0), target: `= ${PARTICIPANTS * VOTES_EACH}` });
    const p95 = percentile(requestTimes, 95);
    add({ id: 'workshop.requestP95', label: `participant request p95 (${requestTimes.length} requests)`, value: p95, unit: 'ms', ...below(p95, 100) });
    const seenP95 = unseen > 0 ? Infinity : percentile(visibility, 95);
    add({ id: 'workshop.seenP95', label: 'time until every client saw a note, p95', value: seenP95, unit: 'ms', ...below(seenP95, 1000) });
    add({ id: 'workshop.unseen', label: 'client-note pairs never seen within the bound', value: unseen, unit: 'pairs', ...atMost(unseen, 0) });
    add({ id: 'workshop.duration', label: 'writes phase (notes and votes)', value: writesDone - started, unit: 'ms' });
  } finally {
    for (const s of streams) s.abort();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}
