/**
 * The kill -9 harness (issue 7, item 4 "Durability"), shared by the test (tests/durability) and the
 * bench (`npm run bench -- --only durability`): start the child (durability-child.ts), let it write
 * through the real core, SIGKILL it at a random line of its output, then open the database as the
 * app would at its next start (openDatabase + migrate) and check it:
 *
 * - integrity: `PRAGMA integrity_check`, `PRAGMA foreign_key_check` and FTS5's own integrity check;
 * - lost: every acknowledged write is there with the acknowledged value (the ledger below);
 * - partial: no transaction is half-applied, by invariants that tie together the rows each of core's
 *   transactions writes (see `checkInvariants`);
 * - unexpected: nothing is there that no write explains.
 *
 * At most one write can have committed without its acknowledgement (the child flushes `begin`
 * before each call and `ack` after it, and starts nothing in between), so the checker accepts that
 * one write either way, and from then on expects it like an acknowledged one.
 *
 * No test framework in here: esbuild bundles this file into dist/node/bench.mjs too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { migrate } from '../../electron/core/db/migrate';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { databaseFile } from '../../electron/core/paths';
import { indexForm } from '../../electron/core/search/search-index';
import { createCanvasesRepo } from '../../electron/core/services/canvases/canvases-repo';
import { createGatesRepo } from '../../electron/core/services/gates/gates-repo';
import { createIdeasRepo } from '../../electron/core/services/ideas/ideas-repo';
import { createPeopleRepo } from '../../electron/core/services/people/people-repo';
import { createProjectsRepo } from '../../electron/core/services/projects/projects-repo';
import type { Note } from '../../electron/shared/canvas/model';
import type { GateDecision } from '../../electron/shared/domain/gates';
import type { Idea } from '../../electron/shared/domain/ideas';
import type { Person } from '../../electron/shared/domain/people';
import type { Project } from '../../electron/shared/domain/project';
import { normaliseUzbekApostrophes } from '../../electron/shared/text/fold';
import {
  byCriterion,
  seededRandom,
  trialSeed,
  type AckLine,
  type AckValues,
  type BeginLine,
  type ChildConfig,
  type ChildLine,
  type ProjectCreateInput,
  type ProjectPatch,
  type ScoreAck,
  type WriteInputs,
  type WriteMethod,
} from './durability-workload';

export type ProblemKind = 'integrity' | 'lost' | 'partial' | 'unexpected';
export interface Problem {
  kind: ProblemKind;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// The ledger: what the database must hold, from the acknowledgements (and recovered writes).

const scoreKey = (ideaId: string, reviewerId: string) => `${ideaId} ${reviewerId}`;

export function createLedger() {
  const ledger = {
    acks: [] as AckLine[],
    people: new Map<string, Person>(),
    /** The latest known state of each project. */
    projects: new Map<string, Project>(),
    decisions: new Map<string, GateDecision>(),
    ideas: new Map<string, Idea>(),
    scorecards: new Map<string, ScoreAck>(),
    /** Canvases by id, with their titles (only created here; notes touch their dates). */
    canvases: new Map<string, string>(),
    notes: new Map<string, Note>(),

    acknowledge(ack: AckLine) {
      ledger.acks.push(ack);
      ledger.expect(ack.method, ack.value);
    },
    /** Expect a write's effect from now on (an acknowledged one, or one found committed after a kill). */
    expect<M extends WriteMethod>(method: M, value: AckValues[M]) {
      const v = value as AckValues[WriteMethod];
      switch (method) {
        case 'people.create':
          ledger.people.set((v as Person).id, v as Person);
          break;
        case 'projects.create':
        case 'projects.update':
          ledger.projects.set((v as Project).id, v as Project);
          break;
        case 'gates.decide': {
          const { decision, project } = v as AckValues['gates.decide'];
          ledger.decisions.set(decision.id, decision);
          ledger.projects.set(project.id, project);
          break;
        }
        case 'ideas.create':
          ledger.ideas.set((v as Idea).id, v as Idea);
          break;
        case 'ideas.score': {
          const card = v as ScoreAck;
          ledger.scorecards.set(scoreKey(card.ideaId, card.reviewerId), card);
          break;
        }
        case 'canvases.create': {
          const canvas = v as AckValues['canvases.create'];
          ledger.canvases.set(canvas.id, canvas.title);
          break;
        }
        case 'notes.create':
        case 'notes.update':
          ledger.notes.set((v as Note).id, v as Note);
          break;
      }
    },
  };
  return ledger;
}
export type Ledger = ReturnType<typeof createLedger>;

/** The acknowledgements in the child's output, and the write that was begun but not acknowledged, if any. */
export function readChildLines(lines: readonly ChildLine[]): { acks: AckLine[]; inFlight: BeginLine | null } {
  const acks: AckLine[] = [];
  let inFlight: BeginLine | null = null;
  for (const line of lines) {
    if (line.t === 'begin') {
      if (inFlight) throw new Error(`The child began write ${line.seq} before write ${inFlight.seq} was acknowledged.`);
      inFlight = line;
    } else if (line.t === 'ack') {
      if (!inFlight || inFlight.seq !== line.seq || inFlight.method !== line.method) throw new Error(`Acknowledgement ${line.seq} matches no begun write.`);
      acks.push(line);
      inFlight = null;
    }
  }
  return { acks, inFlight };
}

// ---------------------------------------------------------------------------------------------
// The check after a kill.

export interface CheckResult {
  problems: Problem[];
  /** Acknowledged writes whose effect was checked (all of the ledger's). */
  acksChecked: number;
  /** The write that was begun but not acknowledged when the child died, and whether it committed. */
  inFlight: { method: WriteMethod; committed: boolean } | null;
}

const differingKeys = (a: object, b: object) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));

const norm = normaliseUzbekApostrophes;

/** The project an in-flight `projects.create` would have written. */
function matchesCreate(input: ProjectCreateInput, p: Project) {
  return (
    p.title === norm(input.title) &&
    p.summary === norm(input.summary) &&
    p.stage === input.stage &&
    p.status === input.status &&
    p.innovationType === input.innovationType &&
    p.oecdFacet === input.oecdFacet &&
    isDeepStrictEqual(p.pillarIds, input.pillarIds) &&
    p.ownerEntityId === input.ownerEntityId &&
    p.startDate === input.startDate &&
    p.endDate === input.endDate &&
    p.evidenceLevel === input.evidenceLevel &&
    p.evidenceTarget === input.evidenceTarget &&
    p.challengeId === input.challengeId &&
    p.createdAt === p.updatedAt
  );
}

/** `actual` is `expected` with an in-flight `projects.update` applied (and a later timestamp). */
function matchesUpdate(expected: Project, patch: ProjectPatch, actual: Project) {
  const normalised = {
    ...patch,
    ...(patch.title === undefined ? {} : { title: norm(patch.title) }),
    ...(patch.summary === undefined ? {} : { summary: norm(patch.summary) }),
  };
  const { updatedAt: _a, ...want } = { ...expected, ...normalised };
  const { updatedAt: _b, ...got } = actual;
  return isDeepStrictEqual(got, want) && actual.updatedAt > expected.updatedAt;
}

/** `actual` is `expected` moved by the in-flight decision: only stage, status and evidence may differ (the invariants check those). */
function matchesDecision(expected: Project, actual: Project, decision: GateDecision) {
  const rest = (p: Project) => {
    const { stage: _s, status: _st, evidenceLevel: _e, updatedAt: _u, ...others } = p;
    return others;
  };
  return decision.fromStage === expected.stage && actual.stage === decision.toStage && isDeepStrictEqual(rest(actual), rest(expected));
}

const ideaFacts = (i: Idea) => {
  // Score and reviewer count are derived from the scorecards, which are checked on their own.
  const { score: _s, reviewerCount: _r, ...facts } = i;
  return facts;
};

/**
 * Opens `file` the way the app does at its next start and checks it against the ledger. Writes
 * found committed without their acknowledgement (at most `inFlight`) are added to the ledger.
 */
export function checkDatabase(file: string, ledger: Ledger, inFlight: BeginLine | null): CheckResult {
  const problems: Problem[] = [];
  const problem = (kind: ProblemKind, message: string) => problems.push({ kind, message });
  let db: Db;
  try {
    db = openDatabase(file);
    migrate(db);
  } catch (error) {
    problem('integrity', `Opening and migrating the database failed: ${(error as Error).message}`);
    return { problems, acksChecked: ledger.acks.length, inFlight: inFlight && { method: inFlight.method, committed: false } };
  }
  let committed = false;
  try {
    checkIntegrity(db, problem);
    committed = checkLedger(db, ledger, inFlight, problem);
    checkInvariants(db, problem);
  } catch (error) {
    // A malformed database can also fail at the first read of a damaged page.
    problem('integrity', `Reading the database failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  return { problems, acksChecked: ledger.acks.length, inFlight: inFlight && { method: inFlight.method, committed } };
}

type Report = (kind: ProblemKind, message: string) => void;

function checkIntegrity(db: Db, problem: Report) {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') {
    problem('integrity', `integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
  }
  const foreignKeys = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const fk of foreignKeys) problem('integrity', `foreign_key_check: ${fk.table} row ${fk.rowid} refers to a missing ${fk.parent}`);
  try {
    // FTS5's own check that the full-text index agrees with its content (it reads; it changes nothing).
    db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
  } catch (error) {
    problem('integrity', `FTS5 integrity-check: ${(error as Error).message}`);
  }
}

/** Every acknowledged write is there with its value; returns whether the in-flight write committed. */
function checkLedger(db: Db, ledger: Ledger, inFlight: BeginLine | null, problem: Report): boolean {
  const projectsRepo = createProjectsRepo(db);
  const ideasRepo = createIdeasRepo(db);
  const gatesRepo = createGatesRepo(db);
  const peopleRepo = createPeopleRepo(db);
  let committed = false;
  /** Claims the one in-flight write for the first difference it explains. */
  const claim = <M extends WriteMethod>(method: M, explains: (input: Extract<BeginLine, { method: M }>['input']) => boolean) => {
    if (committed || !inFlight || inFlight.method !== method || !explains(inFlight.input as never)) return false;
    committed = true;
    return true;
  };

  // People never change after they are created.
  const people = new Map(peopleRepo.people().map((p) => [p.id, p]));
  for (const [id, expected] of ledger.people) {
    if (!isDeepStrictEqual(people.get(id), expected)) problem('lost', `person ${id} (${expected.name}) is ${people.has(id) ? 'changed' : 'missing'}`);
  }
  for (const [id, actual] of people) {
    if (ledger.people.has(id)) continue;
    if (claim('people.create', (input) => actual.name === input.name && actual.role === input.role)) ledger.expect('people.create', actual);
    else problem('unexpected', `person ${id} (${actual.name}) was never written`);
  }

  const projects = new Map(projectsRepo.allRows().map((row) => [row.id, projectsRepo.get(row.id)!]));
  const decisions = new Map([...projects.keys()].flatMap((id) => gatesRepo.history(id)).map((d) => [d.id, d]));

  // Gate decisions are append-only: each known one is there, unchanged.
  for (const [id, expected] of ledger.decisions) {
    if (!isDeepStrictEqual(decisions.get(id), expected)) {
      problem('lost', `gate decision ${id} (${expected.decision} of project ${expected.projectId}) is ${decisions.has(id) ? 'changed' : 'missing'}`);
    }
  }
  let inFlightDecision: GateDecision | undefined;
  for (const [id, actual] of decisions) {
    if (ledger.decisions.has(id)) continue;
    if (claim('gates.decide', (input) => actual.projectId === input.projectId && actual.decision === input.decision && actual.rationale === input.rationale)) {
      inFlightDecision = actual;
      ledger.decisions.set(id, actual);
    } else {
      problem('unexpected', `gate decision ${id} (${actual.decision} of project ${actual.projectId}) was never written`);
    }
  }

  // Each project as last acknowledged, or as the one in-flight write left it.
  for (const [id, expected] of ledger.projects) {
    const actual = projects.get(id);
    if (!actual) {
      problem('lost', `project ${id} (${expected.title}) is missing`);
    } else if (!isDeepStrictEqual(actual, expected)) {
      if (claim('projects.update', (input) => input.id === id && matchesUpdate(expected, input.patch, actual))) ledger.projects.set(id, actual);
      else if (inFlightDecision?.projectId === id && matchesDecision(expected, actual, inFlightDecision)) ledger.projects.set(id, actual);
      else problem('lost', `project ${id} differs from its last acknowledged state in ${differingKeys(expected, actual).join(', ')}`);
    }
  }
  for (const [id, actual] of projects) {
    if (ledger.projects.has(id)) continue;
    if (claim('projects.create', (input) => matchesCreate(input, actual))) ledger.projects.set(id, actual);
    else problem('unexpected', `project ${id} (${actual.title}) was never written`);
  }

  // Ideas: their own fields never change here.
  const ideaIds = (db.prepare('SELECT id FROM ideas').all() as { id: string }[]).map((r) => r.id);
  const ideas = new Map(ideaIds.map((id) => [id, ideasRepo.idea(id)!]));
  for (const [id, expected] of ledger.ideas) {
    const actual = ideas.get(id);
    if (!actual || !isDeepStrictEqual(ideaFacts(actual), ideaFacts(expected))) {
      problem('lost', `idea ${id} (${expected.title}) is ${actual ? 'changed' : 'missing'}`);
    }
  }
  for (const [id, actual] of ideas) {
    if (ledger.ideas.has(id)) continue;
    const fromInFlight = (input: WriteInputs['ideas.create']) =>
      actual.title === norm(input.title) && actual.description === norm(input.description) && actual.authorName === norm(input.authorName);
    if (claim('ideas.create', fromInFlight)) {
      ledger.ideas.set(id, actual);
    } else {
      problem('unexpected', `idea ${id} (${actual.title}) was never written`);
    }
  }

  // Scorecards: the latest one of each reviewer for each idea.
  const cards = new Map<string, ScoreAck>();
  const scoreRows = db
    .prepare('SELECT idea_id, reviewer_id, criterion_id, score, scored_at FROM idea_scores ORDER BY idea_id, reviewer_id, criterion_id')
    .all() as {
    idea_id: string;
    reviewer_id: string;
    criterion_id: string;
    score: number;
    scored_at: string;
  }[];
  for (const row of scoreRows) {
    const key = scoreKey(row.idea_id, row.reviewer_id);
    const card = cards.get(key) ?? { ideaId: row.idea_id, reviewerId: row.reviewer_id, scores: [], scoredAt: row.scored_at };
    card.scores.push({ criterionId: row.criterion_id, score: row.score });
    if (row.scored_at > card.scoredAt) card.scoredAt = row.scored_at;
    cards.set(key, card);
  }
  const scoredInFlight = (card: ScoreAck) =>
    claim(
      'ideas.score',
      (input) => input.ideaId === card.ideaId && input.reviewerId === card.reviewerId && isDeepStrictEqual([...input.scores].sort(byCriterion), card.scores),
    );
  for (const [key, expected] of ledger.scorecards) {
    const actual = cards.get(key);
    if (isDeepStrictEqual(actual, expected)) continue;
    if (actual && actual.scoredAt > expected.scoredAt && scoredInFlight(actual)) ledger.scorecards.set(key, actual);
    else problem('lost', `the scorecard of reviewer ${expected.reviewerId} for idea ${expected.ideaId} is ${actual ? 'changed' : 'missing'}`);
  }
  for (const [key, actual] of cards) {
    if (ledger.scorecards.has(key)) continue;
    if (scoredInFlight(actual)) ledger.scorecards.set(key, actual);
    else problem('unexpected', `a scorecard of reviewer ${actual.reviewerId} for idea ${actual.ideaId} was never written`);
  }

  // Canvases (only created here), and each note as last acknowledged or as the in-flight write left it.
  const canvasesRepo = createCanvasesRepo(db);
  const canvases = db.prepare('SELECT id, title FROM canvases').all() as { id: string; title: string }[];
  for (const [id, title] of ledger.canvases) if (!canvases.some((c) => c.id === id)) problem('lost', `canvas ${id} (${title}) is missing`);
  for (const c of canvases) {
    if (ledger.canvases.has(c.id)) continue;
    if (claim('canvases.create', (input) => c.title === norm(input.title))) ledger.canvases.set(c.id, c.title);
    else problem('unexpected', `canvas ${c.id} (${c.title}) was never written`);
  }
  const notes = new Map(canvases.flatMap((c) => canvasesRepo.notes(c.id)).map((n) => [n.id, n]));
  for (const [id, expected] of ledger.notes) {
    const actual = notes.get(id);
    if (isDeepStrictEqual(actual, expected)) continue;
    const edited = (input: WriteInputs['notes.update']) => {
      const [edit] = input.edits;
      return edit.id === id && edit.baseVersion === expected.version && actual?.version === expected.version + 1 && actual.text === norm(edit.patch.text);
    };
    if (actual && claim('notes.update', edited)) ledger.notes.set(id, actual);
    else problem('lost', `note ${id} (${expected.text.slice(0, 40)}) is ${actual ? `changed (version ${actual.version}, acknowledged ${expected.version})` : 'missing'}`);
  }
  for (const [id, actual] of notes) {
    if (ledger.notes.has(id)) continue;
    const [input] = inFlight?.method === 'notes.create' ? inFlight.input.notes : [];
    if (input && claim('notes.create', (i) => i.canvasId === actual.canvasId && actual.text === norm(input.text) && actual.zoneKey === input.zoneKey)) ledger.notes.set(id, actual);
    else problem('unexpected', `note ${id} (${actual.text.slice(0, 40)}) was never written`);
  }

  // What each acknowledged project write left in the append-only log, which later writes cannot change.
  const logLine = db.prepare<[string, string, string], { summary: string }>('SELECT summary FROM activity_log WHERE subject_id = ? AND at = ? AND action = ?');
  for (const ack of ledger.acks) {
    if (ack.method !== 'projects.create' && ack.method !== 'projects.update') continue;
    const p = ack.value;
    const action = ack.method === 'projects.create' ? 'created' : 'updated';
    if (logLine.get(p.id, p.updatedAt, action)?.summary !== p.title) problem('lost', `the '${action}' log line of project ${p.id} at ${p.updatedAt} is missing`);
  }
  return committed;
}

/**
 * Invariants that hold after every whole transaction of the workload, each tying together rows
 * that one of core's transactions writes at once, so a half-applied transaction breaks one:
 * - projects.create: the project row, its pillars, its search entry and its 'created' log line;
 * - projects.update: the row, maybe pillars and search entry, and an 'updated' log line;
 * - gates.decide: the decision row, and the project's new stage/status/evidence with its log line;
 * - ideas.create: the idea row and its search entry;
 * - ideas.score: the reviewer's old scores deleted and one row per criterion inserted.
 * (Pillars have no trace outside their rows: the ledger checks them against the acknowledged value.)
 */
export function checkInvariants(db: Db, problem: Report) {
  const partial = (message: string) => problem('partial', message);

  // A project exists iff its one 'created' log line does (no project is deleted here).
  const created = db
    .prepare(
      `SELECT p.id, (SELECT count(*) FROM activity_log a WHERE a.subject_type = 'project' AND a.subject_id = p.id AND a.action = 'created') AS n FROM projects p`,
    )
    .all() as { id: string; n: number }[];
  for (const { id, n } of created) if (n !== 1) partial(`project ${id} has ${n} 'created' log lines`);
  const orphanLogs = db
    .prepare(
      `SELECT a.subject_id AS id FROM activity_log a WHERE a.subject_type = 'project' AND a.action = 'created'
       AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = a.subject_id)
       AND NOT EXISTS (SELECT 1 FROM activity_log d WHERE d.subject_id = a.subject_id AND d.action = 'deleted')`,
    )
    .all() as { id: string }[];
  for (const { id } of orphanLogs) partial(`the log says project ${id} was created, but there is no such project`);

  // Every change to a project writes a log line at the same instant, with the title as it became.
  const latest = db
    .prepare(
      `SELECT p.id, p.title, p.updated_at,
         (SELECT a.at FROM activity_log a WHERE a.subject_id = p.id ORDER BY a.at DESC, a.id DESC LIMIT 1) AS at,
         (SELECT a.summary FROM activity_log a WHERE a.subject_id = p.id ORDER BY a.at DESC, a.id DESC LIMIT 1) AS summary
       FROM projects p`,
    )
    .all() as { id: string; title: string; updated_at: string; at: string | null; summary: string | null }[];
  for (const p of latest) {
    if (p.at !== p.updated_at || p.summary !== p.title) {
      partial(`project ${p.id} was last changed at ${p.updated_at} as "${p.title}", but its last log line is at ${p.at} as "${p.summary}"`);
    }
  }

  // Every project and idea has its one search entry, with its current text; nothing else is indexed.
  for (const [kind, table, body] of [
    ['project', 'projects', 'summary'],
    ['idea', 'ideas', 'description'],
  ] as const) {
    const rows = db
      .prepare(
        `SELECT t.id, t.title, t.${body} AS body, r.row, s.kind, s.record_id, s.title AS indexed_title, s.body AS indexed_body
         FROM ${table} t LEFT JOIN search_records r ON r.kind = ? AND r.record_id = t.id LEFT JOIN search_index s ON s.rowid = r.row`,
      )
      .all(kind) as {
      id: string;
      title: string;
      body: string;
      row: number | null;
      kind: string | null;
      record_id: string | null;
      indexed_title: string | null;
      indexed_body: string | null;
    }[];
    for (const r of rows) {
      if (r.row === null || r.kind !== kind || r.record_id !== r.id) partial(`${kind} ${r.id} has no search entry`);
      else if (r.indexed_title !== indexForm(r.title) || r.indexed_body !== indexForm(r.body)) partial(`the search entry of ${kind} ${r.id} is not its current text`);
    }
  }
  const strayRecords = db
    .prepare(
      `SELECT r.kind, r.record_id FROM search_records r WHERE NOT (
         (r.kind = 'project' AND EXISTS (SELECT 1 FROM projects p WHERE p.id = r.record_id)) OR
         (r.kind = 'idea' AND EXISTS (SELECT 1 FROM ideas i WHERE i.id = r.record_id)) OR
         (r.kind = 'challenge' AND EXISTS (SELECT 1 FROM challenges c WHERE c.id = r.record_id)))
       OR NOT EXISTS (SELECT 1 FROM search_index s WHERE s.rowid = r.row)`,
    )
    .all() as { kind: string; record_id: string }[];
  for (const r of strayRecords) partial(`search entry for ${r.kind} ${r.record_id} points at nothing`);
  const strayTexts = db.prepare('SELECT rowid, kind, record_id FROM search_index WHERE rowid NOT IN (SELECT row FROM search_records)').all() as {
    rowid: number;
    kind: string;
    record_id: string;
  }[];
  for (const s of strayTexts) partial(`indexed text ${s.rowid} (${s.kind} ${s.record_id}) belongs to no search entry`);

  // Gate decisions: a chain per project, and the project where its latest decision put it.
  const decisions = db
    .prepare('SELECT id, project_id, from_stage, to_stage, decision, evidence_level, supersedes_id, created_at FROM gate_decisions ORDER BY project_id, created_at, id')
    .all() as {
    id: string;
    project_id: string;
    from_stage: number;
    to_stage: number;
    decision: GateDecision['decision'];
    evidence_level: number | null;
    supersedes_id: string | null;
    created_at: string;
  }[];
  const project = db.prepare<[string], { stage: number; status: string; evidence_level: number | null }>('SELECT stage, status, evidence_level FROM projects WHERE id = ?');
  const effectLog = db.prepare<[string, string], { fields: string }>("SELECT fields FROM activity_log WHERE subject_id = ? AND at = ? AND action = 'updated'");
  const byProject = new Map<string, typeof decisions>();
  for (const d of decisions) byProject.set(d.project_id, [...(byProject.get(d.project_id) ?? []), d]);
  for (const [projectId, chain] of byProject) {
    chain.forEach((d, i) => {
      const previous = chain[i - 1];
      if (d.supersedes_id !== (previous?.id ?? null)) {
        partial(`gate decision ${d.id} supersedes ${d.supersedes_id}, not the decision before it (${previous?.id ?? 'none'})`);
      }
      if (previous && d.from_stage !== previous.to_stage) {
        partial(`gate decision ${d.id} starts at stage ${d.from_stage}, but the one before left project ${projectId} at ${previous.to_stage}`);
      }
      // A decision that moves the stage or changes the status writes the project and its log line in the same transaction.
      const fields = JSON.parse(effectLog.get(projectId, d.created_at)?.fields ?? '[]') as string[];
      if (d.to_stage !== d.from_stage && !fields.includes('stage')) {
        partial(`gate decision ${d.id} moved project ${projectId} to stage ${d.to_stage}, but no log line records it`);
      }
      if (['shelve', 'stop', 'revive'].includes(d.decision) && !fields.includes('status')) {
        partial(`gate decision ${d.id} (${d.decision}) changed the status of project ${projectId}, but no log line records it`);
      }
    });
    const last = chain[chain.length - 1];
    const p = project.get(projectId);
    if (!p) continue; // foreign_key_check reports it
    if (p.stage !== last.to_stage) partial(`project ${projectId} is at stage ${p.stage}, but its latest gate decision (${last.id}) put it at ${last.to_stage}`);
    const status = { shelve: ['shelved'], stop: ['stopped'], revive: ['active'], advance: ['active', 'scaled'], iterate: ['active', 'scaled'] }[last.decision];
    if (!status.includes(p.status)) partial(`project ${projectId} is ${p.status}, but its latest gate decision is to ${last.decision}`);
    // The workload sets the evidence level only through decisions; one without a level keeps the last.
    const evidence = [...chain].reverse().find((d) => d.evidence_level !== null)?.evidence_level;
    if (evidence !== undefined && p.evidence_level !== evidence) partial(`project ${projectId} has evidence level ${p.evidence_level}, but its gate decisions say ${evidence}`);
  }
  const undecidedMoves = db
    .prepare(
      `SELECT a.subject_id AS id, a.at FROM activity_log a WHERE a.action = 'updated'
       AND EXISTS (SELECT 1 FROM json_each(a.fields) f WHERE f.value = 'stage')
       AND NOT EXISTS (SELECT 1 FROM gate_decisions g WHERE g.project_id = a.subject_id AND g.created_at = a.at)`,
    )
    .all() as { id: string; at: string }[];
  for (const m of undecidedMoves) partial(`project ${m.id} changed stage at ${m.at} without a gate decision`);

  // A scorecard is replaced whole: one row per active criterion, all from the same instant.
  const criteria = (db.prepare('SELECT count(*) AS n FROM score_criteria WHERE archived = 0').get() as { n: number }).n;
  const cards = db
    .prepare('SELECT idea_id, reviewer_id, count(*) AS n, count(DISTINCT scored_at) AS instants FROM idea_scores GROUP BY idea_id, reviewer_id')
    .all() as { idea_id: string; reviewer_id: string; n: number; instants: number }[];
  for (const c of cards) {
    if (c.n !== criteria || c.instants !== 1) {
      partial(`the scorecard of reviewer ${c.reviewer_id} for idea ${c.idea_id} has ${c.n} of ${criteria} scores from ${c.instants} instants`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Trials: start, kill, check.

export interface TrialOptions {
  /** dist/node/durability-child.mjs: the caller knows where the build is. */
  childScript: string;
  trials: number;
  seed: number;
  /** Trials that share a data folder, each child opening what the last kill left (default 10). */
  trialsPerFolder?: number;
  /** Folders run side by side (default 2, one per core of the target machine). */
  concurrency?: number;
  /** The kill comes after a line drawn from 1..maxKillLine of the child's output, about two per write (default 160). */
  maxKillLine?: number;
  onTrial?: (trial: TrialResult) => void;
}

export interface TrialResult {
  index: number;
  folder: number;
  seed: number;
  killLine: number;
  /** Lines the child wrote in all, some of them after the line that triggered the kill. */
  lines: number;
  /** Acknowledgements received in this trial. */
  acks: number;
  acksChecked: number;
  inFlight: CheckResult['inFlight'];
  problems: Problem[];
  /** Kept for inspection when the trial found problems; removed otherwise. */
  dataDir: string;
  ms: number;
}

export interface DurabilityRun {
  seed: number;
  trials: TrialResult[];
  ms: number;
}

export function summarise(run: DurabilityRun) {
  const count = (kind: ProblemKind) => run.trials.reduce((n, t) => n + t.problems.filter((p) => p.kind === kind).length, 0);
  return {
    trials: run.trials.length,
    /** Trials after which the database failed an integrity check. */
    integrityFailures: run.trials.filter((t) => t.problems.some((p) => p.kind === 'integrity')).length,
    lost: count('lost'),
    partial: count('partial'),
    unexpected: count('unexpected'),
    acks: run.trials.reduce((n, t) => n + t.acks, 0),
    acksChecked: run.trials.reduce((n, t) => n + t.acksChecked, 0),
    inFlightCommitted: run.trials.filter((t) => t.inFlight?.committed === true).length,
    inFlightRolledBack: run.trials.filter((t) => t.inFlight?.committed === false).length,
    failed: run.trials.filter((t) => t.problems.length > 0),
  };
}

/** How to see and replay a failed trial. */
export const describeFailure = (run: DurabilityRun, t: TrialResult) =>
  `trial ${t.index} (run seed ${run.seed}, folder ${t.folder}, trial seed ${t.seed}, killed after line ${t.killLine} of ${t.lines}; data kept in ${t.dataDir}):\n` +
  t.problems.map((p) => `  ${p.kind}: ${p.message}`).join('\n');

const BASE_CLOCK = Date.parse('2027-01-01T00:00:00.000Z');
/** Each trial's clock starts this much after the last one's (the child's clock moves 1 ms a reading). */
const CLOCK_STRIDE = 10_000_000;
const MAX_WRITES = 100_000;

interface Child {
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

function startChild(script: string): Child {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  // A child that died before reading its config closes stdin early; its exit says why.
  child.stdin!.on('error', () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return { process: child, exited, stderr: () => stderr };
}

/** Sends the config, waits for the kill line (a signal, never a timer), kills, and reads to the end. */
async function killAtLine(child: Child, config: ChildConfig, killLine: number): Promise<ChildLine[]> {
  const lines: ChildLine[] = [];
  let buffer = '';
  let killed = false;
  let garbled: string | undefined;
  child.process.stdout!.setEncoding('utf8');
  child.process.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n'); end >= 0 && garbled === undefined; end = buffer.indexOf('\n')) {
      const text = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      try {
        lines.push(JSON.parse(text) as ChildLine);
      } catch {
        garbled = text;
        child.process.kill('SIGKILL');
      }
      if (!killed && lines.length >= killLine) {
        killed = true;
        child.process.kill('SIGKILL');
      }
    }
  });
  child.process.stdin!.end(`${JSON.stringify(config)}\n`);
  const { code, signal } = await child.exited;
  if (garbled !== undefined) throw new Error(`The durability child wrote a line that is not JSON: ${garbled.slice(0, 200)}`);
  if (!killed || signal !== 'SIGKILL') {
    throw new Error(
      `The durability child exited by itself (code ${code}, signal ${signal}) after ${lines.length} lines, before the kill after line ${killLine}:\n${child.stderr()}`,
    );
  }
  // Whatever is left in `buffer` is a line cut short by the kill: not an acknowledgement.
  return lines;
}

/** Runs `trials` kill -9 trials; throws only if the harness itself cannot run (the child will not start or exits on its own). */
export async function runTrials(options: TrialOptions): Promise<DurabilityRun> {
  const { childScript, trials, seed, trialsPerFolder = 10, concurrency = 2, maxKillLine = 160 } = options;
  const started = performance.now();
  const results: TrialResult[] = [];
  const folders = Array.from({ length: Math.ceil(trials / trialsPerFolder) }, (_, f) => f);
  let failure: unknown;

  async function worker() {
    // The next child is started while this one runs and is checked, so its load time overlaps.
    let next: Child | undefined;
    try {
      for (let folder = folders.shift(); folder !== undefined && failure === undefined; folder = folders.shift()) {
        const newFolder = () => mkdtempSync(join(tmpdir(), 'ibtikar-durability-'));
        let dataDir = newFolder();
        let ledger = createLedger();
        try {
          const first = folder * trialsPerFolder;
          for (let index = first; index < Math.min(first + trialsPerFolder, trials) && failure === undefined; index++) {
            const start = performance.now();
            const child = next ?? startChild(childScript);
            next = startChild(childScript);
            const childSeed = trialSeed(seed, index);
            const random = seededRandom(childSeed ^ 0x5bd1e995);
            // One trial in ten dies at once: while opening, migrating or on its first write.
            const killLine = random.chance(0.1) ? random.int(1, 3) : random.int(1, maxKillLine);
            const config = { dataDir, seed: childSeed, clockStart: BASE_CLOCK + index * CLOCK_STRIDE, maxWrites: MAX_WRITES };
            const lines = await killAtLine(child, config, killLine);
            const { acks, inFlight } = readChildLines(lines);
            for (const ack of acks) ledger.acknowledge(ack);
            const check = checkDatabase(databaseFile(dataDir), ledger, inFlight);
            const result: TrialResult = {
              index,
              folder,
              seed: childSeed,
              killLine,
              lines: lines.length,
              acks: acks.length,
              acksChecked: check.acksChecked,
              inFlight: check.inFlight,
              problems: check.problems,
              dataDir,
              ms: performance.now() - start,
            };
            results.push(result);
            options.onTrial?.(result);
            if (check.problems.length > 0) {
              // Keep the evidence; the folder's remaining trials go on in a fresh one.
              dataDir = newFolder();
              ledger = createLedger();
            }
          }
        } finally {
          // The current folder never holds a failure (a failed one is kept and replaced).
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    } catch (error) {
      failure ??= error;
    } finally {
      if (next) {
        // Never configured: it exits by itself when its stdin ends.
        next.process.stdin!.end();
        await next.exited;
      }
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failure !== undefined) throw failure;
  results.sort((a, b) => a.index - b.index);
  return { seed, trials: results, ms: performance.now() - started };
}
