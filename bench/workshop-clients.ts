/**
 * The room of phones for the `workshop` bench group, in a process of its own (phones are not the
 * facilitator's laptop, and their HTTP clients should not share its one JavaScript thread). Each
 * simulated participant behaves like the participant page:
 *  - joins with the secret and keeps the event stream open;
 *  - reads its whole view when its stream connects, then parses every `notes` message and merges
 *    the notes into its copy, and on a `changed` signal reads participant.status (one read at a
 *    time; a burst becomes one more read);
 *  - adds its notes one after another, applying each answer to its copy (no re-read);
 *  - once its copy shows the vote the facilitator opened, casts its votes.
 * All times are taken here, on one clock: a note counts as seen by a client when that client's copy
 * first holds it, measured from when its author sent it.
 *
 * The HTTP client is node:http, kept light on purpose: 200 phones share this one JavaScript thread,
 * and with undici's fetch (web streams, a TextDecoderStream per stream, regexes per message) the
 * thread itself was saturated, so the "latency" measured was mostly this process's own event-loop
 * delay. Each phone has its own keep-alive agent with a few sockets for its calls (as a phone's
 * browser keeps a few connections to one host) and one more connection for its event stream.
 *
 * The same phones also measure the reference the bench compares with: their HTTP client against a
 * server that answers at once and does nothing (ReferencePlan), each phone sending without pause.
 *
 * Run by bench/workshop.ts through child_process.fork; talks over the IPC channel:
 *   parent → { start: ClientsPlan }        child → 'notesDone'     child → { result: ClientsResult }
 *   parent → { reference: ReferencePlan }  child → { result: ReferenceResult }
 */
import { Agent, request, type IncomingMessage } from 'node:http';
import type { ParticipantView } from '../electron/shared/workshop/model';
import { oneAtATime } from '../electron/shared/workshop/one-at-a-time';

export interface ClientsPlan {
  origin: string;
  secret: string;
  participants: number;
  notesEach: number;
  votesEach: number;
  zones: string[];
  /** performance.timeOrigin-based ms after which nothing more is sent. */
  deadline: number;
  /**
   * A person's pace: before each note and each vote the phone waits a random time in this range
   * (thinking, typing). Absent for the burst run, where every phone sends as fast as it is answered.
   */
  thinkMs?: { min: number; max: number };
  /** Phones arrive at random times within this many ms (people scanning the join code); absent: all at once. */
  joinWithinMs?: number;
}

export interface ReferencePlan {
  origin: string;
  participants: number;
  requestsEach: number;
}

export interface ReferenceResult {
  requestTimes: number[];
}

export interface ClientsResult {
  requestTimes: number[];
  /** The same times by method. */
  byMethod: Record<string, number[]>;
  /** Per client-note pair: ms from sending the note until that client held it. */
  visibility: number[];
  unseen: number;
  acknowledged: string[];
  votesAnswered: number;
  failures: string[];
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string } };

/** The phones' HTTP client on node:http, timing every call on this process's clock. */
function httpClient(origin: string) {
  const requestTimes: number[] = [];
  const byMethod: Record<string, number[]> = {};
  const failures: string[] = [];
  const { hostname, port } = new URL(origin);
  const call = (options: { path: string; method: 'GET' | 'POST'; agent: Agent | false; headers: Record<string, string | number> }, body?: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = request({ hostname, port, ...options }, resolve);
      req.on('error', reject);
      req.end(body);
    });
  const post = async <T>(agent: Agent, method: string, input: unknown, token?: string): Promise<Envelope<T>> => {
    const start = now();
    const body = JSON.stringify(input);
    const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
    const response = await call({ path: `/api/call/${method}`, method: 'POST', agent, headers }, body);
    response.setEncoding('utf8');
    let text = '';
    for await (const chunk of response) text += chunk as string;
    const answer = JSON.parse(text) as Envelope<T>;
    requestTimes.push(now() - start);
    (byMethod[method] ??= []).push(now() - start);
    if (!answer.ok && failures.length < 20) failures.push(`${method}: ${answer.error.code}`);
    return answer;
  };
  return { call, post, requestTimes, byMethod, failures };
}

/** A phone's browser keeps a few connections to one host; its calls share them. */
const browser = () => new Agent({ keepAlive: true, maxSockets: 4 });

async function run(plan: ClientsPlan, notesDone: () => void): Promise<ClientsResult> {
  const { call, post, requestTimes, byMethod, failures } = httpClient(plan.origin);
  const sentAt = new Map<string, number>();
  const think = () => (plan.thinkMs ? sleep(plan.thinkMs.min + Math.random() * (plan.thinkMs.max - plan.thinkMs.min)) : undefined);
  /** One phone: its copy of the board (note id → when it first held it) and of the open vote. */
  function phone(token: string, agent: Agent) {
    const held = new Map<string, number>();
    let vote: ParticipantView['vote'] = null;
    let onVote: (() => void) | undefined;
    const hold = (ids: Iterable<string>) => {
      const at = now();
      for (const id of ids) if (!held.has(id)) held.set(id, at);
    };
    const learnVote = (open: ParticipantView['vote']) => {
      vote = open;
      if (vote) onVote?.();
    };
    let loaded: () => void = () => {};
    const firstView = new Promise<void>((resolve) => (loaded = resolve));
    const readView = oneAtATime(async () => {
      const view = await post<ParticipantView>(agent, 'participant.view', { language: 'en' }, token);
      if (view.ok) {
        hold(view.value.notes.map((n) => n.id));
        learnVote(view.value.vote);
      }
      loaded();
    });
    const readStatus = oneAtATime(async () => {
      const status = await post<ParticipantView>(agent, 'participant.status', { language: 'en' }, token);
      if (status.ok) learnVote(status.value.vote);
    });
    let stream: IncomingMessage | undefined;
    /** Dispatches one server-sent message (its lines up to the blank line); only `notes` carries data worth parsing. */
    const onMessage = (message: string) => {
      if (message.startsWith(':')) return; // heartbeat
      const eventEnd = message.indexOf('\n');
      const event = message.startsWith('event: ') ? message.slice('event: '.length, eventEnd < 0 ? undefined : eventEnd) : 'message';
      if (event === 'connected') void readView();
      else if (event === 'changed') void readStatus();
      else if (event === 'notes') {
        const data = message.indexOf('data: ', eventEnd);
        if (data >= 0) hold((JSON.parse(message.slice(data + 'data: '.length)) as { notes: { id: string }[] }).notes.map((n) => n.id));
      }
    };
    const follow = async () => {
      // The event stream has a connection of its own, as EventSource does.
      stream = await call({ path: '/api/events', method: 'GET', agent: false, headers: { Authorization: `Bearer ${token}` } });
      stream.setEncoding('utf8');
      let buffer = '';
      stream.on('data', (chunk: string) => {
        // Server-sent events end with a blank line; a message may arrive in several chunks.
        const from = Math.max(0, buffer.length - 1);
        buffer += chunk;
        let start = 0;
        for (let end = buffer.indexOf('\n\n', from); end >= 0; end = buffer.indexOf('\n\n', start)) {
          onMessage(buffer.slice(start, end));
          start = end + 2;
        }
        buffer = buffer.slice(start);
      });
      stream.on('error', () => {}); // destroyed at the end of the run
      await firstView;
    };
    return {
      held,
      follow,
      stop: () => {
        stream?.destroy();
        agent.destroy();
      },
      async addNotes(p: number) {
        for (let i = 0; i < plan.notesEach && now() < plan.deadline; i++) {
          await think();
          const sent = now();
          const r = await post<{ id: string }>(agent, 'participant.addNote', { zoneKey: plan.zones[(p + i) % plan.zones.length], text: `Note ${i} from participant ${p}` }, token);
          if (r.ok) {
            // Seen-by-all counts from sending: the room may hold the note before its author's answer arrives.
            sentAt.set(r.value.id, sent);
            hold([r.value.id]);
          }
        }
      },
      /** Waits (bounded) until this phone's copy shows the open vote, then votes on notes it holds. */
      async castVotes(p: number) {
        if (!vote) await new Promise<void>((resolve) => ((onVote = resolve), setTimeout(resolve, Math.max(0, plan.deadline - now()))));
        const open = vote;
        if (!open) return 0;
        const ids = [...held.keys()];
        let answered = 0;
        for (let v = 0; v < plan.votesEach && now() < plan.deadline; v++) {
          await think();
          if ((await post(agent, 'participant.vote', { voteSessionId: open.id, noteId: ids[(p * 7 + v * 13) % ids.length] }, token)).ok) answered++;
        }
        return answered;
      },
    };
  }

  // Each phone joins, opens its stream and reads its first view, as the page does; the room starts
  // writing once every phone is in.
  const phones = await Promise.all(
    Array.from({ length: plan.participants }, async (_, i) => {
      if (plan.joinWithinMs) await sleep(Math.random() * plan.joinWithinMs);
      const agent = browser();
      const joined = await post<{ token: string }>(agent, 'participant.join', { secret: plan.secret, displayName: `P${i}` });
      if (!joined.ok) throw new Error(`join failed: ${joined.error.code}`);
      const p = phone(joined.value.token, agent);
      await p.follow();
      return p;
    }),
  );

  await Promise.all(phones.map((p, i) => p.addNotes(i)));
  notesDone();
  const votes = await Promise.all(phones.map((p, i) => p.castVotes(i)));

  // Wait (bounded) until every phone holds every acknowledged note.
  const acknowledged = [...sentAt.keys()];
  const everyoneHasAll = () => phones.every((p) => p.held.size >= acknowledged.length && acknowledged.every((id) => p.held.has(id)));
  while (!everyoneHasAll() && now() < plan.deadline) await sleep(20);
  for (const p of phones) p.stop();

  const visibility: number[] = [];
  let unseen = 0;
  for (const p of phones) {
    for (const [id, sent] of sentAt) {
      const at = p.held.get(id);
      if (at === undefined) unseen++;
      else visibility.push(Math.max(0, at - sent));
    }
  }
  return { requestTimes, byMethod, visibility, unseen, acknowledged: [...sentAt.keys()], votesAnswered: votes.reduce((a, b) => a + b, 0), failures };
}

/** The reference: every phone, its connections open, sends its requests without pause to a server that does nothing. */
async function reference(plan: ReferencePlan): Promise<ReferenceResult> {
  const { post, requestTimes } = httpClient(plan.origin);
  const agents = Array.from({ length: plan.participants }, browser);
  await Promise.all(agents.map((agent) => post(agent, 'participant.join', {})));
  requestTimes.length = 0;
  await Promise.all(
    agents.map(async (agent, p) => {
      for (let i = 0; i < plan.requestsEach; i++) await post(agent, 'participant.addNote', { zoneKey: 'see', text: `Note ${i} from participant ${p}` });
    }),
  );
  agents.forEach((agent) => agent.destroy());
  return { requestTimes };
}

process.on('message', (message: { start?: ClientsPlan; reference?: ReferencePlan }) => {
  const work = message.start ? run(message.start, () => process.send!('notesDone')) : message.reference ? reference(message.reference) : undefined;
  work
    ?.then((result) => process.send!({ result }, () => process.exit(0)))
    .catch((error: unknown) => {
      process.stderr.write(`workshop clients failed: ${String(error)} ${String((error as { cause?: unknown }).cause)}\n`);
      process.exit(1);
    });
});
