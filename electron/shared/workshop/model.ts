/**
 * Live workshops on a canvas: the facilitator's state (timer, private mode, locks, presenting),
 * dot-voting sessions and the summary kept after a workshop. Pure data and pure rules, shared by
 * core (authoritative) and the renderer (which counts the timer down between updates).
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema, userText } from '../domain/common';
import { NoteSchema, noteText, NOTE_COLOR_KEYS, ZoneKeySchema, type Note } from '../canvas/model';

export const DISPLAY_NAME_MAX = 60;
export const VOTE_TITLE_MAX = 200;
export const VOTES_PER_PERSON_MAX = 20;
export const TIMER_SECONDS_MAX = 4 * 60 * 60;

export const displayName = userText(DISPLAY_NAME_MAX).pipe(z.string().min(1));

/**
 * The countdown is stored as facts, never as a running JS timer: while running, the moment it ends;
 * otherwise the time left. Anyone with a clock computes what to show (see `timerView`).
 */
export const TimerSchema = z.object({
  durationMs: z.int().min(0),
  /** Set while running. */
  endsAt: TimestampSchema.nullable(),
  /** Time left while paused or not started. */
  remainingMs: z.int().min(0),
});
export type Timer = z.infer<typeof TimerSchema>;

export const FacilitationSchema = z.object({
  timer: TimerSchema,
  /** New participant notes are hidden from other participants until the facilitator reveals them. */
  privateMode: z.boolean(),
  lockedAll: z.boolean(),
  lockedZones: z.array(ZoneKeySchema),
  /** The zone shown on the projector, or null for the whole canvas. */
  presenting: ZoneKeySchema.nullable(),
});
export type Facilitation = z.infer<typeof FacilitationSchema>;

export const initialFacilitation = (): Facilitation => ({
  timer: { durationMs: 0, endsAt: null, remainingMs: 0 },
  privateMode: false,
  lockedAll: false,
  lockedZones: [],
  presenting: null,
});

export type TimerStatus = 'idle' | 'running' | 'paused' | 'ended';
export interface TimerView {
  status: TimerStatus;
  remainingMs: number;
}

/** What the countdown shows at `now`: a running timer that has reached zero has ended. */
export function timerView(timer: Timer, now: number): TimerView {
  if (timer.endsAt !== null) {
    const remainingMs = Math.max(0, Date.parse(timer.endsAt) - now);
    return { status: remainingMs === 0 ? 'ended' : 'running', remainingMs };
  }
  if (timer.durationMs === 0) return { status: 'idle', remainingMs: 0 };
  return { status: timer.remainingMs === timer.durationMs ? 'idle' : timer.remainingMs === 0 ? 'ended' : 'paused', remainingMs: timer.remainingMs };
}

export const TIMER_ACTIONS = ['start', 'pause', 'addMinute', 'reset'] as const;
export type TimerAction = (typeof TIMER_ACTIONS)[number];

/** The next timer after an action at `now`; `seconds` sets a new duration when starting afresh. */
export function nextTimer(timer: Timer, action: TimerAction, now: number, seconds?: number): Timer {
  const view = timerView(timer, now);
  const at = (ms: number) => new Date(now + ms).toISOString();
  switch (action) {
    case 'start': {
      if (view.status === 'running') return timer;
      if (seconds !== undefined || view.status === 'idle' || view.status === 'ended') {
        const durationMs = seconds !== undefined ? seconds * 1000 : timer.durationMs;
        return { durationMs, endsAt: at(durationMs), remainingMs: durationMs };
      }
      return { ...timer, endsAt: at(view.remainingMs) };
    }
    case 'pause':
      return view.status === 'running' ? { ...timer, endsAt: null, remainingMs: view.remainingMs } : timer;
    case 'addMinute': {
      const remainingMs = view.remainingMs + 60_000;
      const durationMs = timer.durationMs + 60_000;
      return view.status === 'running' || view.status === 'ended'
        ? { durationMs, endsAt: at(remainingMs), remainingMs }
        : { durationMs, endsAt: null, remainingMs };
    }
    case 'reset':
      return { durationMs: timer.durationMs, endsAt: null, remainingMs: timer.durationMs };
  }
}

export const ParticipantSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  /** False for people in the room the facilitator votes for: they have no device and no token. */
  remote: z.boolean(),
  joinedAt: TimestampSchema,
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const VoteResultSchema = z.object({ noteId: IdSchema, text: z.string(), zoneKey: ZoneKeySchema.nullable(), votes: z.int(), rank: z.int() });
export type VoteResult = z.infer<typeof VoteResultSchema>;

export const VoteSessionSchema = z.object({
  id: IdSchema,
  canvasId: IdSchema,
  workshopId: IdSchema,
  title: z.string(),
  votesPerPerson: z.int().min(1).max(VOTES_PER_PERSON_MAX),
  onePerNote: z.boolean(),
  status: z.enum(['open', 'revealed']),
  /** Total votes cast; the tally per note stays hidden until reveal. */
  votesCast: z.int(),
  voters: z.int(),
  /** Ranked results, present only once revealed. */
  results: z.array(VoteResultSchema).nullable(),
  createdAt: TimestampSchema,
  revealedAt: TimestampSchema.nullable(),
});
export type VoteSession = z.infer<typeof VoteSessionSchema>;

/**
 * Standard competition ranking (1, 2, 2, 4): notes with more votes first; ties share a rank and are
 * listed in board order, so every replica lists them the same way.
 */
export function rankVotes<T extends { votes: number }>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.votes - a.votes);
  return sorted.map((item) => ({ ...item, rank: sorted.findIndex((other) => other.votes === item.votes) + 1 }));
}

export const SummarySchema = z.object({
  startedAt: TimestampSchema,
  endedAt: TimestampSchema,
  durationMs: z.int().min(0),
  participants: z.int(),
  notesAdded: z.int(),
  notesPerZone: z.array(z.object({ zoneKey: ZoneKeySchema.nullable(), notes: z.int() })),
  voteSessions: z.array(z.object({ id: IdSchema, title: z.string(), votesCast: z.int(), top: z.array(VoteResultSchema) })),
  /** Why it ended: the facilitator ended it, or the app restarted while it ran (its room was gone). Absent in summaries written before this was kept. */
  endedBy: z.enum(['facilitator', 'restart']).optional(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const WorkshopSchema = z.object({
  id: IdSchema,
  canvasId: IdSchema,
  startedAt: TimestampSchema,
  endedAt: TimestampSchema.nullable(),
  facilitation: FacilitationSchema,
  participants: z.array(ParticipantSchema),
  /** Notes hidden by private mode, until reveal. */
  hiddenNoteIds: z.array(IdSchema),
  /** Only while the workshop runs: the secret that goes into the join link. */
  joinSecret: z.string().nullable(),
  summary: SummarySchema.nullable(),
  /** Core's clock when this was read, so a client can count the timer down from the same origin. */
  serverNow: TimestampSchema,
});
export type Workshop = z.infer<typeof WorkshopSchema>;

// ——— Host inputs ———

const byWorkshop = { id: IdSchema };
export const TimerInputSchema = z.strictObject({ ...byWorkshop, action: z.enum(TIMER_ACTIONS), seconds: z.int().min(1).max(TIMER_SECONDS_MAX).optional() });
export const LockInputSchema = z.strictObject({ ...byWorkshop, all: z.boolean(), zones: z.array(ZoneKeySchema).max(40) });
export const PresentInputSchema = z.strictObject({ ...byWorkshop, zoneKey: ZoneKeySchema.nullable() });
export const PrivateInputSchema = z.strictObject({ ...byWorkshop, on: z.boolean() });
export const VoteStartSchema = z.strictObject({
  workshopId: IdSchema,
  title: userText(VOTE_TITLE_MAX).pipe(z.string().min(1)),
  votesPerPerson: z.int().min(1).max(VOTES_PER_PERSON_MAX),
  onePerNote: z.boolean().default(false),
});
/** The facilitator casts a vote for someone in the room, named as they are called there. */
export const VoteOnBehalfSchema = z.strictObject({ voteSessionId: IdSchema, noteId: IdSchema, voterName: displayName });

// ——— Participant inputs and views ———

export const JOIN_SECRET_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const JoinSchema = z.strictObject({ secret: z.string().regex(JOIN_SECRET_PATTERN), displayName });
export const JoinedSchema = z.object({ token: z.string(), participantId: IdSchema, displayName: z.string() });

export const ParticipantNoteCreateSchema = z.strictObject({ zoneKey: ZoneKeySchema, text: noteText.pipe(z.string().min(1)), color: z.enum(NOTE_COLOR_KEYS).default('yellow') });
export const ParticipantNoteEditSchema = z.strictObject({ id: IdSchema, baseVersion: z.int().min(1), text: noteText.pipe(z.string().min(1)) });
export const ParticipantNoteDeleteSchema = z.strictObject({ id: IdSchema, baseVersion: z.int().min(1) });
export const ParticipantVoteSchema = z.strictObject({ voteSessionId: IdSchema, noteId: IdSchema });

/**
 * A note as the room receives it: what the participant page shows and merges by (house rule 9's
 * version), and whether private mode still hides it. Nothing more: every note goes to every phone
 * in the room, so each field is paid for 200 times (the `workshop` bench group).
 */
export const RoomNoteSchema = NoteSchema.pick({ id: true, zoneKey: true, text: true, author: true, version: true }).extend({ hidden: z.boolean() });
export type RoomNote = z.infer<typeof RoomNoteSchema>;
export const roomNote = ({ id, zoneKey, text, author, version }: Note, hidden: boolean): RoomNote => ({ id, zoneKey, text, author, version, hidden });

/** A note as a participant sees it: as the room has it, and whether they wrote it. */
export const WorkshopNoteSchema = RoomNoteSchema.extend({ mine: z.boolean() });

export const ParticipantZoneSchema = z.object({ key: ZoneKeySchema, title: z.string(), locked: z.boolean() });

/**
 * What a participant sees besides the notes: the canvas's title and zones, the facilitator's timer
 * and modes, the vote running now and the latest results. Small, so a phone reads it again on every
 * change signal; the notes themselves arrive as they change (core/workshops/room-broadcast.ts).
 */
export const ParticipantStatusSchema = z.object({
  canvasTitle: z.string(),
  /** Zone titles in the language asked for. */
  zones: z.array(ParticipantZoneSchema),
  facilitation: FacilitationSchema,
  serverNow: TimestampSchema,
  me: z.object({ id: IdSchema, displayName: z.string() }),
  /** The vote running now, with this participant's own votes. */
  vote: z
    .object({ id: IdSchema, title: z.string(), votesPerPerson: z.int(), onePerNote: z.boolean(), myVotes: z.array(IdSchema) })
    .nullable(),
  /** The latest revealed vote, ranked. */
  results: z.object({ id: IdSchema, title: z.string(), results: z.array(VoteResultSchema) }).nullable(),
});
export type ParticipantStatus = z.infer<typeof ParticipantStatusSchema>;

/** Everything a participant may see: their workshop's one canvas, minus other people's hidden notes. */
export const ParticipantViewSchema = ParticipantStatusSchema.extend({ notes: z.array(WorkshopNoteSchema) });
export type ParticipantView = z.infer<typeof ParticipantViewSchema>;

// ——— The LAN server ———

export const NetworkInterfaceSchema = z.object({ name: z.string(), address: z.string(), internal: z.boolean() });
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;

export const ServeInputSchema = z.strictObject({
  workshopId: IdSchema,
  /** One of `workshops.interfaces`' addresses. */
  address: z.ipv4(),
  /** 0 picks a free port. */
  port: z.int().min(0).max(65535).default(0),
});
export const ServingSchema = z.object({
  workshopId: IdSchema,
  address: z.string(),
  port: z.int(),
  joinUrl: z.string(),
  /** The join link as a QR code, an SVG drawn here (never fetched from a remote service). */
  qrSvg: z.string(),
});
export type Serving = z.infer<typeof ServingSchema>;
