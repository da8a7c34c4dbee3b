/**
 * What the room hears over the workshop server's event streams. One subscription to core's events
 * per workshop server (not one per phone), gathered for a moment (GATHER_MS) and then written
 * to every open stream at once:
 *   `notes`   notes that changed, as the room sees them (RoomNote in shared/workshop/model.ts: only
 *             what a phone shows), serialised and encoded ONCE for the whole room (a note that private
 *             mode hides goes only to its author); each phone merges them by version
 *             (shared/workshop/room-notes.ts), so a burst of 200 notes is one message per phone and
 *             no phone reads the board again.
 *   `changed` something else about the canvas or the workshop changed (timer, locks, a vote opening):
 *             a signal to read participant.status, which carries no notes and is cheap.
 *   `ended`   the workshop is over.
 * Participants' own edits arrive as `workshop.notes` events. Anything else that touches the canvas
 * (the facilitator moving notes, private mode revealing them) is only known as "the canvas
 * changed": the broadcast then reads the board ONCE and sends what differs from what the room
 * already has, instead of 200 phones each reading all of it.
 * Gathering also means a group of writes (db/group-commit.ts) is heard after its COMMIT.
 *
 * What arrives within GATHER_MS goes out together. A room writing at a person's pace sends its
 * notes one by one, a few dozen a second; sent as they come, each is one write to each of 200
 * sockets, and those writes were most of what the server did (CPU profile of `npm run bench`,
 * group workshop). Waiting a tenth of a second costs that much of the 1 s a note may take to reach
 * the room. In the bench's burst (200 phones writing without pause) a tenth gave the lowest request
 * p95: at 50 ms the flushes cost more, and from 200 ms on each flush is a stall of its own.
 */
import type { ServerResponse } from 'node:http';
import type { Note } from '../../shared/canvas/model';
import { roomNote, type RoomNote } from '../../shared/workshop/model';
import type { EventHub } from '../event-hub';

type OwnedNote = Note & { hidden: boolean; ownerId: string | null };

const GATHER_MS = 100;

export interface RoomBroadcastOptions {
  canvasId: string;
  events: EventHub;
  /** Every note of the canvas, with its author (null for the facilitator's) and whether it is hidden. */
  board(): OwnedNote[];
}

const stamp = (n: Pick<RoomNote, 'version' | 'hidden'>) => `${n.version}:${n.hidden ? 1 : 0}`;

export function createRoomBroadcast({ canvasId, events, board }: RoomBroadcastOptions) {
  const streams = new Map<ServerResponse, string>();
  /** What the room has been sent (or read when the server opened): note id → version and visibility. */
  const sent = new Map(board().map((n) => [n.id, stamp(n)]));
  let visible = new Map<string, RoomNote>();
  let hiddenByOwner = new Map<string, Map<string, RoomNote>>();
  let removed = new Set<string>();
  let signal = false;
  let diff = false;
  /**
   * The canvas's own change signal for a participant's edit: the canvases service emits it just
   * before the workshop pushes the notes, so it is held until the next event and dropped if that is
   * the notes it announced. Anything else in between makes it a real change.
   */
  let held = false;
  let scheduled: NodeJS.Timeout | undefined;

  const schedule = () => void (scheduled ??= setTimeout(flush, GATHER_MS));

  function take({ ownerId, ...full }: OwnedNote) {
    const note = roomNote(full, full.hidden);
    sent.set(note.id, stamp(note));
    if (note.hidden && ownerId !== null) {
      const own = hiddenByOwner.get(ownerId) ?? new Map<string, RoomNote>();
      own.set(note.id, note);
      hiddenByOwner.set(ownerId, own);
    } else {
      visible.set(note.id, note);
    }
  }
  function drop(id: string) {
    sent.delete(id);
    removed.add(id);
  }

  const unsubscribe = events.subscribe((event) => {
    if (event.type === 'workshop.notes' && event.payload.canvasId === canvasId) {
      held = false;
      event.payload.notes.forEach(take);
      event.payload.removed.forEach(drop);
      schedule();
    } else if (event.type === 'data.changed' && (event.payload.area === 'canvases' || event.payload.area === 'workshops') && event.payload.id === canvasId) {
      if (held) diff = signal = true;
      held = event.payload.area === 'canvases';
      if (!held) diff = signal = true;
      schedule();
    }
  });

  /** Reads the board once and gathers whatever the room does not have yet. */
  function catchUp() {
    const current = board();
    const present = new Set<string>();
    for (const n of current) {
      present.add(n.id);
      if (sent.get(n.id) !== stamp(n)) take(n);
    }
    for (const id of [...sent.keys()]) if (!present.has(id)) drop(id);
  }

  const write = (res: ServerResponse, chunk: Buffer) => void (res.writableEnded || res.write(chunk));
  const message = (notes: Iterable<RoomNote>, gone: Iterable<string>) => `event: notes\ndata: ${JSON.stringify({ notes: [...notes], removed: [...gone] })}\n\n`;

  function flush() {
    scheduled = undefined;
    if (held) diff = signal = true;
    held = false;
    // A canvas deleted under a running workshop cannot be read; the signal still tells the phones.
    if (diff) {
      try {
        catchUp();
      } catch {
        signal = true;
      }
    }
    // One string and one buffer for the whole room; only hidden notes differ from phone to phone.
    const shared = Buffer.from((visible.size || removed.size ? message(visible.values(), removed) : '') + (signal ? 'event: changed\ndata: {}\n\n' : ''));
    const own = hiddenByOwner;
    visible = new Map();
    hiddenByOwner = new Map();
    removed = new Set();
    signal = diff = false;
    for (const [res, participantId] of streams) {
      const mine = own.get(participantId);
      if (mine) write(res, Buffer.from(message(mine.values(), [])));
      if (shared.length) write(res, shared);
    }
  }

  return {
    /** Follows the room for one participant's open stream; gives what stops it. */
    add(res: ServerResponse, participantId: string) {
      streams.set(res, participantId);
      return () => void streams.delete(res);
    },
    /** Tells every open stream the workshop is over and closes it; nothing is written after that. */
    end() {
      unsubscribe();
      clearTimeout(scheduled);
      for (const res of streams.keys()) res.end('event: ended\ndata: {}\n\n');
      streams.clear();
    },
  };
}
