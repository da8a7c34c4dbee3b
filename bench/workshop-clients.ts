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
 * Run by bench/workshop.ts through child_process.fork; talks over the IPC channel:
 *   parent → { start: ClientsPlan }     child → 'notesDone'     child → { result: ClientsResult }
 */
import type { ParticipantView } from '../electron/shared/workshop/model';

export interface ClientsPlan {
  origin: string;
  secret: string;
  participants: number;
  notesEach: number;
  votesEach: number;
  zones: string[];
  /** performance.timeOrigin-based ms after which nothing more is sent. */
  deadline: number;
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

async function run(plan: ClientsPlan, notesDone: () => void): Promise<ClientsResult> {
  const requestTimes: number[] = [];
  const byMethod: Record<string, number[]> = {};
  const failures: string[] = [];
  const sentAt = new Map<string, number>();
  const post = async <T>(method: string, input: unknown, token?: string): Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }> => {
    const start = now();
    const response = await fetch(`${plan.origin}/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string } };
    requestTimes.push(now() - start);
    (byMethod[method] ??= []).push(now() - start);
    if (!body.ok && failures.length < 20) failures.push(`${method}: ${body.error.code}`);
    return body;
  };

  /** One phone: its copy of the board (note id → when it first held it) and of the open vote. */
  function phone(token: string) {
    const held = new Map<string, number>();
    let vote: ParticipantView['vote'] = null;
    let onVote: (() => void) | undefined;
    /** One read at a time; a signal during a read makes one more read after it, as the page does. */
    const oneAtATime = (read: () => Promise<void>) => {
      let running = false;
      let again = false;
      return async () => {
        if (running) return void (again = true);
        running = true;
        do {
          again = false;
          await read();
        } while (again);
        running = false;
      };
    };
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
      const view = await post<ParticipantView>('participant.view', { language: 'en' }, token);
      if (view.ok) {
        hold(view.value.notes.map((n) => n.id));
        learnVote(view.value.vote);
      }
      loaded();
    });
    const readStatus = oneAtATime(async () => {
      const status = await post<ParticipantView>('participant.status', { language: 'en' }, token);
      if (status.ok) learnVote(status.value.vote);
    });
    const controller = new AbortController();
    const follow = async () => {
      const response = await fetch(`${plan.origin}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            // Server-sent events end with a blank line; a message may arrive in several chunks.
            const from = Math.max(0, buffer.length - 1);
            buffer += value;
            let start = 0;
            for (let end = buffer.indexOf('\n\n', from); end >= 0; end = buffer.indexOf('\n\n', start)) {
              const message = buffer.slice(start, end);
              start = end + 2;
              const event = /^event: (\w+)$/m.exec(message)?.[1];
              const data = /^data: (.*)$/m.exec(message)?.[1];
              if (event === 'connected') void readView();
              else if (event === 'changed') void readStatus();
              else if (event === 'notes' && data) hold((JSON.parse(data) as { notes: { id: string }[] }).notes.map((n) => n.id));
            }
            buffer = buffer.slice(start);
          }
        } catch {
          // aborted at the end of the run
        }
      })();
      await firstView;
    };
    return {
      held,
      follow,
      stop: () => controller.abort(),
      async addNotes(p: number) {
        for (let i = 0; i < plan.notesEach && now() < plan.deadline; i++) {
          const sent = now();
          const r = await post<{ id: string }>('participant.addNote', { zoneKey: plan.zones[(p + i) % plan.zones.length], text: `Note ${i} from participant ${p}` }, token);
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
          if ((await post('participant.vote', { voteSessionId: open.id, noteId: ids[(p * 7 + v * 13) % ids.length] }, token)).ok) answered++;
        }
        return answered;
      },
    };
  }

  const tokens = await Promise.all(
    Array.from({ length: plan.participants }, async (_, i) => {
      const joined = await post<{ token: string }>('participant.join', { secret: plan.secret, displayName: `P${i}` });
      if (!joined.ok) throw new Error(`join failed: ${joined.error.code}`);
      return joined.value.token;
    }),
  );
  const phones = tokens.map(phone);
  // Every phone has its stream open and its first view before the room starts writing.
  await Promise.all(phones.map((p) => p.follow()));

  await Promise.all(phones.map((p, i) => p.addNotes(i)));
  notesDone();
  const votes = await Promise.all(phones.map((p, i) => p.castVotes(i)));

  // Wait (bounded) until every phone holds every acknowledged note.
  const acknowledged = [...sentAt.keys()];
  const everyoneHasAll = () => phones.every((p) => p.held.size >= acknowledged.length && acknowledged.every((id) => p.held.has(id)));
  while (!everyoneHasAll() && now() < plan.deadline) await new Promise((resolve) => setTimeout(resolve, 20));
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

process.on('message', (message: { start?: ClientsPlan }) => {
  if (!message.start) return;
  run(message.start, () => process.send!('notesDone'))
    .then((result) => process.send!({ result }, () => process.exit(0)))
    .catch((error: unknown) => {
      process.stderr.write(`workshop clients failed: ${String(error)} ${String((error as { cause?: unknown }).cause)}\n`);
      process.exit(1);
    });
});
