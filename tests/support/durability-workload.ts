/**
 * The writes of the kill -9 harness (issue 7, item 4): a seeded mix of project creates and edits,
 * gate decisions, idea creation and scoring, and canvas notes added and edited, each through core's dispatcher exactly as a door
 * would call it. Every write is announced before the call (`begin`) and acknowledged only after the
 * call has returned (`ack`), i.e. after its transaction committed; the parent kills the process at a
 * random line and then checks that every acknowledged write survived.
 *
 * The same code runs in the child process (tests/support/durability-child.ts) and in-process in the
 * checker's own tests (tests/durability/checker.test.ts). Plain TypeScript with no test framework,
 * so that esbuild can bundle it into the child and into `npm run bench`.
 */
import type { Canvas, Note } from '../../electron/shared/canvas/model';
import type { Result } from '../../electron/shared/api/envelope';
import type { GateDecision } from '../../electron/shared/domain/gates';
import type { Idea } from '../../electron/shared/domain/ideas';
import type { Person } from '../../electron/shared/domain/people';
import type { Project } from '../../electron/shared/domain/project';

/** The writes the harness makes, and what each one acknowledges. */
export interface ScoreAck {
  ideaId: string;
  reviewerId: string;
  /** Sorted by criterion id. */
  scores: { criterionId: string; score: number }[];
  scoredAt: string;
}
export interface AckValues {
  'people.create': Person;
  'projects.create': Project;
  'projects.update': Project;
  'gates.decide': { decision: GateDecision; project: Project };
  'ideas.create': Idea;
  'ideas.score': ScoreAck;
  'canvases.create': Canvas;
  'notes.create': Note;
  'notes.update': Note;
}
export type WriteMethod = keyof AckValues;

/** Inputs exactly as sent; every optional field is spelled out so a check never depends on defaults. */
export interface ProjectCreateInput {
  title: string;
  summary: string;
  stage: number;
  status: Project['status'];
  innovationType: Project['innovationType'];
  oecdFacet: Project['oecdFacet'];
  pillarIds: string[];
  ownerEntityId: null;
  startDate: null;
  endDate: null;
  evidenceLevel: number | null;
  evidenceTarget: number | null;
  challengeId: null;
}
/** Never stage, status or evidence level: those move only through gates here, which the gate checks rely on. */
export type ProjectPatch = Partial<Pick<Project, 'title' | 'summary' | 'pillarIds' | 'innovationType' | 'oecdFacet' | 'evidenceTarget'>>;
export interface WriteInputs {
  'people.create': { name: string; email: null; role: Person['role']; entityId: null };
  'projects.create': ProjectCreateInput;
  'projects.update': { id: string; patch: ProjectPatch };
  'gates.decide': {
    projectId: string;
    decision: GateDecision['decision'];
    toStage?: number;
    evidenceLevel: number | null;
    checklist: { criterionId: string; met: boolean }[];
    rationale: string;
    decidedById: string | null;
    decidedByName: string;
  };
  'ideas.create': { title: string; description: string; authorName: string; challengeId: null; campaignId: null };
  'ideas.score': { ideaId: string; reviewerId: string; scores: { criterionId: string; score: number }[] };
  'canvases.create': { templateId: string; title: string; projectId: null; stage: null; language: 'en' };
  'notes.create': { canvasId: string; notes: [NoteCreateInput] };
  'notes.update': { canvasId: string; edits: [{ id: string; baseVersion: number; patch: { text: string } }] };
}
export interface NoteCreateInput {
  text: string;
  color: Note['color'];
  status: null;
  author: string;
  zoneKey: string;
  clusterId: null;
  x: null;
  y: null;
}
/** The canvas the notes go on: a SWOT, whose zones are these. */
const SWOT_ZONES = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green'] as const satisfies readonly Note['color'][];

type Begin = { [M in WriteMethod]: { t: 'begin'; seq: number; method: M; input: WriteInputs[M] } }[WriteMethod];
type Ack = { [M in WriteMethod]: { t: 'ack'; seq: number; method: M; value: AckValues[M] } }[WriteMethod];
/** One line of the child's stdout, as JSON. `opening` comes just before the database is opened. */
export type ChildLine = { t: 'opening' } | { t: 'ready' } | Begin | Ack;
export type BeginLine = Begin;
export type AckLine = Ack;

/** What the child reads from stdin before it touches the database. */
export interface ChildConfig {
  dataDir: string;
  seed: number;
  /** Start of the child's clock (ms since the epoch); each later trial on a folder starts later. */
  clockStart: number;
  /** The child stops (exit 3) after this many writes; the parent's kill always comes first. */
  maxWrites: number;
}

/** mulberry32: small, fast and good enough to pick operations; the same seed gives the same run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, chance, weighted };
}
export type Random = ReturnType<typeof seededRandom>;

/** A seed for trial `index` of a run, spread so neighbouring trials do not share streams. */
export function trialSeed(runSeed: number, index: number): number {
  let z = (runSeed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

// Multilingual text as labs write it; Uzbek already uses U+02BB, so no normalisation changes it.
const WORDS = [
  'خدمة', 'رقمية', 'المدرسة', 'الصحة', 'منصة', 'الابتكار', 'المواطن', 'تَحْسِين',
  'digital', 'service', 'school', 'health', 'platform', 'citizen', 'pilot', 'permit',
  'raqamli', 'xizmat', 'maktab', 'sogʻliq', 'fuqaro', 'tajriba', 'Oʻzbekiston', 'ruxsatnoma',
  'цифровая', 'услуга', 'школа', 'здоровье', 'гражданин', 'пилот', 'данные', 'ёлка',
];
const words = (random: Random, min: number, max: number) => Array.from({ length: random.int(min, max) }, () => random.pick(WORDS)).join(' ');

const INNOVATION_TYPES = [null, 'service', 'process', 'technology', 'policy', 'system'] as const;
const OECD_FACETS = [null, 'enhancement', 'mission_oriented', 'adaptive', 'anticipatory'] as const;
const maybeLevel = (random: Random) => (random.chance(0.4) ? null : random.int(1, 5));
/** Binary order, as SQLite's ORDER BY gives it. */
export const byCriterion = (a: { criterionId: string }, b: { criterionId: string }) =>
  a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0;
/** Sorted and without repeats, as core returns them, so a value compares equal after the round trip. */
const subset = (random: Random, ids: readonly string[]) => ids.filter(() => random.chance(0.4)).sort();

export type Call = (method: string, input: unknown) => Promise<Result<unknown>>;

async function read<T>(call: Call, method: string, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} was refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Every page of a paged list. */
async function readAll<T>(call: Call, method: string, query: Record<string, unknown>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await read<{ items: T[]; total: number }>(call, method, { ...query, limit: 500, offset: items.length });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/**
 * Writes until `maxWrites` (the child is normally killed long before). A refused or failed call is
 * a bug in the workload or in core, never expected: it throws, and the child exits non-zero.
 */
export async function runWorkload(options: { call: Call; seed: number; maxWrites: number; emit: (line: ChildLine) => Promise<void> }) {
  const { call, emit, maxWrites } = options;
  const random = seededRandom(options.seed);
  let seq = 0;

  async function write<M extends WriteMethod>(method: M, input: WriteInputs[M], toAck: (value: unknown) => AckValues[M]): Promise<AckValues[M]> {
    seq += 1;
    // The begin line is flushed before the call starts, so the parent always knows which write may
    // have committed without its acknowledgement; the ack is flushed only after the call returned.
    await emit({ t: 'begin', seq, method, input } as ChildLine);
    const value = toAck(await read<unknown>(call, method, input));
    await emit({ t: 'ack', seq, method, value } as ChildLine);
    return value;
  }

  // What is already there (earlier trials on this folder): read through core, like the UI would.
  const people = await read<Person[]>(call, 'people.list', {});
  for (let i = people.length; i < 3; i++) {
    people.push(
      await write(
        'people.create',
        { name: words(random, 2, 3), email: null, role: random.pick(['cio', 'facilitator', 'mentor'] as const), entityId: null },
        (v) => v as Person,
      ),
    );
  }
  const pillarIds = (await read<{ id: string }[]>(call, 'pillars.list', {})).map((p) => p.id);
  const gateCriteria = (await read<{ id: string; stage: number; archived: boolean }[]>(call, 'gates.criteria', {})).filter((c) => !c.archived);
  const scoreCriteria = (await read<{ id: string; archived: boolean }[]>(call, 'scoring.criteria', {})).filter((c) => !c.archived).map((c) => c.id);
  const projects = new Map((await readAll<Project>(call, 'projects.list', { sort: 'created', direction: 'asc' })).map((p) => [p.id, p]));
  const ideas = (await readAll<Idea>(call, 'ideas.list', { sort: 'created' })).map((i) => i.id);
  let canvas = (await read<Canvas[]>(call, 'canvases.list', {}))[0];
  const notes = canvas ? (await read<{ notes: Note[] }>(call, 'canvases.get', { id: canvas.id })).notes : [];
  const onlyNote = (v: unknown) => {
    const [note] = v as Note[];
    return note;
  };

  const operations = {
    async createProject() {
      const project = await write(
        'projects.create',
        {
          title: words(random, 2, 5),
          // Up to a few pages of text, so that some transactions span several database pages.
          summary: words(random, 0, random.chance(0.2) ? 400 : 30),
          stage: random.int(1, 7),
          status: random.chance(0.85) ? 'active' : 'scaled',
          innovationType: random.pick(INNOVATION_TYPES),
          oecdFacet: random.pick(OECD_FACETS),
          pillarIds: subset(random, pillarIds),
          ownerEntityId: null,
          startDate: null,
          endDate: null,
          evidenceLevel: maybeLevel(random),
          evidenceTarget: maybeLevel(random),
          challengeId: null,
        },
        (v) => v as Project,
      );
      projects.set(project.id, project);
    },
    async updateProject() {
      const current = random.pick([...projects.values()]);
      // A new title every time, so every update really changes the project (and writes its log line).
      const patch: ProjectPatch = { title: `${words(random, 1, 4)} ${seq + 1}` };
      if (random.chance(0.4)) patch.summary = words(random, 0, random.chance(0.2) ? 400 : 30);
      if (random.chance(0.4)) patch.pillarIds = subset(random, pillarIds);
      if (random.chance(0.3)) patch.innovationType = random.pick(INNOVATION_TYPES);
      if (random.chance(0.3)) patch.oecdFacet = random.pick(OECD_FACETS);
      if (random.chance(0.3)) patch.evidenceTarget = maybeLevel(random);
      const project = await write('projects.update', { id: current.id, patch }, (v) => v as Project);
      projects.set(project.id, project);
    },
    async decide() {
      const candidates = [...projects.values()].filter((p) => p.status !== 'stopped');
      if (candidates.length === 0) return operations.createProject();
      const project = random.pick(candidates);
      const decision =
        project.status === 'shelved'
          ? random.weighted({ revive: 80, stop: 20 })
          : random.weighted({ advance: project.stage < 7 ? 40 : 0, iterate: 30, shelve: 15, stop: 4 });
      // Advance one or two stages; iterate in place or back; the others keep the stage.
      const toStage =
        decision === 'advance'
          ? random.int(project.stage + 1, Math.min(7, project.stage + 2))
          : decision === 'iterate'
            ? random.int(1, project.stage)
            : undefined;
      const reviewer = random.pick(people);
      const outcome = await write(
        'gates.decide',
        {
          projectId: project.id,
          decision,
          ...(toStage === undefined ? {} : { toStage }),
          evidenceLevel: maybeLevel(random),
          checklist: gateCriteria.filter((c) => c.stage === project.stage && random.chance(0.7)).map((c) => ({ criterionId: c.id, met: random.chance(0.7) })),
          rationale: words(random, 3, 20),
          decidedById: random.chance(0.7) ? reviewer.id : null,
          decidedByName: reviewer.name,
        },
        (v) => v as AckValues['gates.decide'],
      );
      projects.set(project.id, outcome.project);
    },
    async createIdea() {
      const idea = await write(
        'ideas.create',
        { title: words(random, 2, 5), description: words(random, 0, 60), authorName: words(random, 1, 2), challengeId: null, campaignId: null },
        (v) => v as Idea,
      );
      ideas.push(idea.id);
    },
    async scoreIdea() {
      const ideaId = random.pick(ideas);
      const reviewerId = random.pick(people).id;
      // Every active criterion, every time: the checker relies on a scorecard being whole.
      const scores = scoreCriteria.map((criterionId) => ({ criterionId, score: random.int(1, 5) }));
      await write('ideas.score', { ideaId, reviewerId, scores }, (v) => {
        const { scorecards } = v as { scorecards: { reviewerId: string; scoredAt: string }[] };
        const card = scorecards.find((c) => c.reviewerId === reviewerId);
        if (!card) throw new Error(`ideas.score returned no scorecard for reviewer ${reviewerId}`);
        return { ideaId, reviewerId, scores: [...scores].sort(byCriterion), scoredAt: card.scoredAt };
      });
    },
    async addNote() {
      canvas ??= await write('canvases.create', { templateId: 'swot', title: words(random, 1, 3), projectId: null, stage: null, language: 'en' }, (v) => v as Canvas);
      const input: NoteCreateInput = {
        text: words(random, 1, random.chance(0.1) ? 200 : 12),
        color: random.pick(NOTE_COLORS),
        status: null,
        author: words(random, 1, 2),
        zoneKey: random.pick(SWOT_ZONES),
        clusterId: null,
        x: null,
        y: null,
      };
      notes.push(await write('notes.create', { canvasId: canvas.id, notes: [input] }, onlyNote));
    },
    async editNote() {
      const index = random.int(0, notes.length - 1);
      const note = notes[index];
      // New text every time, so every edit really changes the note (and its version).
      const edit = { id: note.id, baseVersion: note.version, patch: { text: `${words(random, 1, 10)} ${seq + 1}` } };
      notes[index] = await write('notes.update', { canvasId: note.canvasId, edits: [edit] }, onlyNote);
    },
  };

  while (seq < maxWrites) {
    const operation = random.weighted({ createProject: 16, updateProject: 20, decide: 20, createIdea: 12, scoreIdea: 12, addNote: 8, editNote: 12 });
    if (operation === 'updateProject' && projects.size === 0) await operations.createProject();
    else if (operation === 'decide' && projects.size === 0) await operations.createProject();
    else if (operation === 'scoreIdea' && ideas.length === 0) await operations.createIdea();
    else if (operation === 'editNote' && notes.length === 0) await operations.addNote();
    else await operations[operation]();
  }
}
