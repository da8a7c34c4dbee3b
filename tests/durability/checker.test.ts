/**
 * The kill -9 checker catches what it is there to catch. The workload writes a database in-process
 * through core (no kill), the test then breaks it the way a crash could (an acknowledged row gone,
 * one statement of a multi-statement transaction without the others, a damaged page) and expects
 * the checker to say so; on the untouched database it must find nothing.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { databaseFile } from '../../electron/core/paths';
import type { Note } from '../../electron/shared/canvas/model';
import type { Idea } from '../../electron/shared/domain/ideas';
import type { Project } from '../../electron/shared/domain/project';
import { foldForSearch } from '../../electron/shared/text/fold';
import { makeCore, type TestCore } from '../support/core';
import { checkDatabase, createLedger, readChildLines, type Problem } from '../support/durability';
import { runWorkload, type BeginLine, type ChildLine, type WriteInputs } from '../support/durability-workload';
import { removeDir } from '../support/serve';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

/** A database the workload wrote (whole transactions only), its ledger, and a way to tamper with it. */
async function written(options: { writes?: number; after?: (test: TestCore) => Promise<void> } = {}) {
  const test = makeCore();
  dirs.push(test.dataDir);
  const lines: ChildLine[] = [];
  await runWorkload({ call: test.call, seed: 7, maxWrites: options.writes ?? 150, emit: async (line) => void lines.push(line) });
  await options.after?.(test);
  test.core.close();
  const { acks, inFlight } = readChildLines(lines);
  const ledger = createLedger();
  for (const ack of acks) ledger.acknowledge(ack);
  const file = databaseFile(test.dataDir);
  return {
    file,
    ledger,
    acks,
    inFlight,
    lastSeq: acks[acks.length - 1].seq,
    tamper(change: (db: Db) => void) {
      const db = openDatabase(file);
      change(db);
      db.close();
    },
    check: (begun: BeginLine | null = null) => checkDatabase(file, ledger, begun),
  };
}

const kinds = (problems: Problem[]) => [...new Set(problems.map((p) => p.kind))].sort();
const messages = (problems: Problem[], kind: Problem['kind']) => problems.filter((p) => p.kind === kind).map((p) => p.message);

const projectInput = (title: string): WriteInputs['projects.create'] => ({
  title,
  summary: 'ملخص قصير',
  stage: 3,
  status: 'active',
  innovationType: 'service',
  oecdFacet: null,
  pillarIds: [],
  ownerEntityId: null,
  startDate: null,
  endDate: null,
  evidenceLevel: 2,
  evidenceTarget: null,
  challengeId: null,
});

/** The rows one statement of projects.create writes, without the rest of its transaction. */
function insertProjectRowOnly(db: Db, id: string, input: WriteInputs['projects.create'], at: string) {
  db.prepare(
    `INSERT INTO projects (id, title, title_folded, summary, stage, status, innovation_type, evidence_level, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.title, foldForSearch(input.title), input.summary, input.stage, input.status, input.innovationType, input.evidenceLevel, at, at);
}

describe('the kill -9 checker', () => {
  it('finds nothing wrong in a database of whole transactions, and checks every kind of write', async () => {
    const db = await written();
    const result = db.check();
    expect(result.problems).toEqual([]);
    expect(result.acksChecked).toBe(db.acks.length);
    expect(new Set(db.acks.map((a) => a.method))).toEqual(
      new Set(['people.create', 'projects.create', 'projects.update', 'gates.decide', 'ideas.create', 'ideas.score', 'canvases.create', 'notes.create', 'notes.update']),
    );
  });

  it('reports a note edit that was acknowledged but is not in the database', async () => {
    const db = await written();
    const edit = db.acks.filter((a) => a.method === 'notes.update').at(-1)!.value as Note;
    // The note as it was before its last acknowledged edit: the edit lost, as a crash could lose it.
    db.tamper((raw) => raw.prepare("UPDATE canvas_notes SET text = 'before the edit', version = version - 1 WHERE id = ?").run(edit.id));
    const result = db.check();
    expect(kinds(result.problems)).toEqual(['lost']);
    expect(messages(result.problems, 'lost')).toEqual([`note ${edit.id} (${edit.text.slice(0, 40)}) is changed (version ${edit.version - 1}, acknowledged ${edit.version})`]);
  });

  it('accepts a note edit that committed before its acknowledgement', async () => {
    const db = await written();
    const note = [...db.ledger.notes.values()][0];
    const input: WriteInputs['notes.update'] = { canvasId: note.canvasId, edits: [{ id: note.id, baseVersion: note.version, patch: { text: 'committed, never acknowledged' } }] };
    db.tamper((raw) => raw.prepare('UPDATE canvas_notes SET text = ?, version = version + 1 WHERE id = ?').run('committed, never acknowledged', note.id));
    const result = db.check({ t: 'begin', seq: db.lastSeq + 1, method: 'notes.update', input });
    expect(result.problems).toEqual([]);
    expect(result.inFlight).toEqual({ method: 'notes.update', committed: true });
  });

  it('reports an acknowledged write that is not in the database', async () => {
    const db = await written();
    const idea = db.acks.find((a) => a.method === 'ideas.create')!.value as Idea;
    const never = { ...idea, id: '01960000-0000-7000-8000-00000000beef', title: 'never written' };
    db.ledger.acknowledge({ t: 'ack', seq: db.lastSeq + 1, method: 'ideas.create', value: never });
    const result = db.check();
    expect(kinds(result.problems)).toEqual(['lost']);
    expect(messages(result.problems, 'lost')).toEqual(['idea 01960000-0000-7000-8000-00000000beef (never written) is missing']);
  });

  it('reports an acknowledged row that disappeared, with what went with it', async () => {
    const db = await written();
    const idea = db.acks.find((a) => a.method === 'ideas.create')!.value as Idea;
    db.tamper((raw) => {
      raw.prepare("DELETE FROM search_index WHERE rowid = (SELECT row FROM search_records WHERE kind = 'idea' AND record_id = ?)").run(idea.id);
      raw.prepare("DELETE FROM search_records WHERE kind = 'idea' AND record_id = ?").run(idea.id);
      raw.prepare('DELETE FROM ideas WHERE id = ?').run(idea.id);
    });
    const result = db.check();
    expect(kinds(result.problems)).toEqual(['lost']);
    expect(messages(result.problems, 'lost')).toContain(`idea ${idea.id} (${idea.title}) is missing`);
  });

  it('reports a project created without its log line and search entry (half of projects.create)', async () => {
    const db = await written();
    const input = projectInput('نصف مشروع');
    const id = '01960000-0000-7000-8000-00000000cafe';
    db.tamper((raw) => insertProjectRowOnly(raw, id, input, '2030-01-01T00:00:00.000Z'));
    const result = db.check({ t: 'begin', seq: db.lastSeq + 1, method: 'projects.create', input });
    // The row matches the write in flight, so it is not "unexpected": it is the half of it.
    expect(kinds(result.problems)).toEqual(['partial']);
    expect(messages(result.problems, 'partial')).toEqual(
      expect.arrayContaining([`project ${id} has 0 'created' log lines`, `project ${id} has no search entry`]),
    );
  });

  it('reports a project update without its log line and search text (half of projects.update)', async () => {
    const db = await written();
    const project = db.ledger.projects.values().next().value as Project;
    const title = 'عنوان جديد';
    db.tamper((raw) =>
      raw.prepare('UPDATE projects SET title = ?, title_folded = ?, updated_at = ? WHERE id = ?').run(title, foldForSearch(title), '2030-01-01T00:00:00.000Z', project.id),
    );
    const result = db.check();
    expect(kinds(result.problems)).toEqual(['lost', 'partial']);
    expect(messages(result.problems, 'partial')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^project ${project.id} was last changed at 2030-01-01T00:00:00.000Z as "عنوان جديد", but its last log line`)),
        `the search entry of project ${project.id} is not its current text`,
      ]),
    );
  });

  it('reports a gate decision whose effect on the project is missing (half of gates.decide)', async () => {
    const db = await written();
    const decided = [...db.ledger.decisions.values()].find((d) => db.ledger.projects.get(d.projectId)!.status === 'active' && d.toStage < 6)!;
    const project = db.ledger.projects.get(decided.projectId)!;
    const latest = [...db.ledger.decisions.values()].filter((d) => d.projectId === project.id).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
    const input: WriteInputs['gates.decide'] = {
      projectId: project.id,
      decision: 'advance',
      toStage: project.stage + 1,
      evidenceLevel: null,
      checklist: [],
      rationale: 'half a decision',
      decidedById: null,
      decidedByName: 'Lab',
    };
    const id = '01960000-0000-7000-8000-00000000d00d';
    db.tamper((raw) =>
      raw
        .prepare(
          `INSERT INTO gate_decisions (id, project_id, from_stage, to_stage, decision, checklist, rationale, decided_by_name, decided_on, supersedes_id, created_at)
           VALUES (?, ?, ?, ?, 'advance', '[]', ?, 'Lab', '2030-01-01', ?, '2030-01-01T00:00:00.000Z')`,
        )
        .run(id, project.id, project.stage, project.stage + 1, input.rationale, latest.id),
    );
    const result = db.check({ t: 'begin', seq: db.lastSeq + 1, method: 'gates.decide', input });
    expect(kinds(result.problems)).toEqual(['partial']);
    expect(messages(result.problems, 'partial')).toEqual([
      `gate decision ${id} moved project ${project.id} to stage ${project.stage + 1}, but no log line records it`,
      `project ${project.id} is at stage ${project.stage}, but its latest gate decision (${id}) put it at ${project.stage + 1}`,
    ]);
  });

  it('reports an idea without its search entry (half of ideas.create)', async () => {
    const db = await written();
    const input: WriteInputs['ideas.create'] = { title: 'فكرة بلا فهرس', description: '', authorName: 'Lab', challengeId: null, campaignId: null };
    const id = '01960000-0000-7000-8000-00000000f00d';
    db.tamper((raw) =>
      raw
        .prepare("INSERT INTO ideas (id, title, description, author_name, created_at, updated_at) VALUES (?, ?, '', 'Lab', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')")
        .run(id, input.title),
    );
    const result = db.check({ t: 'begin', seq: db.lastSeq + 1, method: 'ideas.create', input });
    expect(result.problems).toEqual([{ kind: 'partial', message: `idea ${id} has no search entry` }]);
  });

  it('reports a scorecard that was replaced by half (half of ideas.score)', async () => {
    const db = await written();
    const card = [...db.ledger.scorecards.values()][0];
    const scores = card.scores.map((s) => ({ ...s, score: 6 - s.score }));
    const input: WriteInputs['ideas.score'] = { ideaId: card.ideaId, reviewerId: card.reviewerId, scores };
    db.tamper((raw) => {
      raw.prepare('DELETE FROM idea_scores WHERE idea_id = ? AND reviewer_id = ?').run(card.ideaId, card.reviewerId);
      const insert = raw.prepare("INSERT INTO idea_scores (idea_id, reviewer_id, criterion_id, score, scored_at) VALUES (?, ?, ?, ?, '2030-01-01T00:00:00.000Z')");
      for (const s of input.scores.slice(0, 2)) insert.run(card.ideaId, card.reviewerId, s.criterionId, s.score);
    });
    const result = db.check({ t: 'begin', seq: db.lastSeq + 1, method: 'ideas.score', input });
    expect(messages(result.problems, 'partial')).toEqual([`the scorecard of reviewer ${card.reviewerId} for idea ${card.ideaId} has 2 of 4 scores from 1 instants`]);
    expect(messages(result.problems, 'lost')).toEqual([`the scorecard of reviewer ${card.reviewerId} for idea ${card.ideaId} is changed`]);
  });

  it.each([
    ['its middle third', (size: number) => ({ at: Math.floor(size / 3), length: Math.floor(size / 3) })],
    ['its last page', (size: number) => ({ at: size - 4096, length: 4096 })],
  ])('reports a database file damaged in %s as an integrity failure', async (_where, region) => {
    const db = await written();
    // Core closed the database, so the WAL is checkpointed into the file.
    const { at, length } = region(statSync(db.file).size);
    const fd = openSync(db.file, 'r+');
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, at);
    closeSync(fd);
    expect(kinds(db.check().problems)).toContain('integrity');
  });

  it('accepts the one write that committed before its acknowledgement, then expects it like any other', async () => {
    const input = projectInput('مشروع بلا إقرار');
    let id = '';
    const db = await written({
      after: async (test) => {
        const result = await test.call('projects.create', input);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        id = (result.value as Project).id;
      },
    });
    // Without the begin line, nothing explains the project.
    expect(db.check().problems).toEqual([{ kind: 'unexpected', message: `project ${id} (${input.title}) was never written` }]);
    const begun: BeginLine = { t: 'begin', seq: db.lastSeq + 1, method: 'projects.create', input };
    expect(db.check(begun)).toMatchObject({ problems: [], inFlight: { method: 'projects.create', committed: true } });
    // Now part of what the database must hold: taking it away is a loss.
    db.tamper((raw) => {
      raw.prepare("DELETE FROM search_index WHERE rowid = (SELECT row FROM search_records WHERE kind = 'project' AND record_id = ?)").run(id);
      raw.prepare("DELETE FROM search_records WHERE kind = 'project' AND record_id = ?").run(id);
      raw.prepare('DELETE FROM projects WHERE id = ?').run(id);
    });
    expect(messages(db.check().problems, 'lost')).toContain(`project ${id} (${input.title}) is missing`);
  });

  it('accepts a write in flight that rolled back', async () => {
    const db = await written();
    const begun: BeginLine = { t: 'begin', seq: db.lastSeq + 1, method: 'projects.create', input: projectInput('لم يكتمل') };
    expect(db.check(begun)).toMatchObject({ problems: [], inFlight: { method: 'projects.create', committed: false } });
  });

  it('reads the child lines: acknowledgements in order, at most one write in flight', () => {
    const input = projectInput('x');
    expect(readChildLines([{ t: 'opening' }, { t: 'ready' }, { t: 'begin', seq: 1, method: 'projects.create', input }])).toEqual({
      acks: [],
      inFlight: { t: 'begin', seq: 1, method: 'projects.create', input },
    });
    const begin = (seq: number): ChildLine => ({ t: 'begin', seq, method: 'projects.create', input });
    expect(() => readChildLines([begin(1), begin(2)])).toThrow(/before write 1/);
    expect(() => readChildLines([begin(1), { t: 'ack', seq: 2, method: 'projects.create', value: {} as Project }])).toThrow(/matches no begun write/);
  });
});
