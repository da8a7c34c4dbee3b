/** Gates, evidence and teams through the contract: the rules a lab's audit trail depends on. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../electron/shared/api/contract';
import type { GateDecision } from '../../electron/shared/domain/gates';
import type { Project } from '../../electron/shared/domain/project';
import { callValue, makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);

const decide = (projectId: string, decision: string, extra: Record<string, unknown> = {}) =>
  value<{ decision: GateDecision; project: Project }>('gates.decide', { projectId, decision, rationale: 'Reviewed at the gate', decidedByName: 'Aziza', ...extra });

describe('gate decisions', () => {
  it('are not dated in the future, nor before the decision they supersede, and nothing changes', async () => {
    // The test clock reads 2026-11-28.
    const project = await value<Project>('projects.create', { title: 'Dated decisions' });
    const before = test.snapshot();
    expect(await test.call('gates.decide', { projectId: project.id, decision: 'advance', rationale: 'r', decidedByName: 'Aziza', decidedOn: '2030-01-01' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['decidedOn'], code: 'date_in_future' }] },
    });
    expect(test.snapshot()).toEqual(before);
    await decide(project.id, 'advance', { decidedOn: '2026-11-28' });
    expect(await test.call('gates.decide', { projectId: project.id, decision: 'advance', rationale: 'r', decidedByName: 'Aziza', decidedOn: '2020-01-01' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['decidedOn'], code: 'before_previous_decision' }] },
    });
  });

  it('taken while the project moved elsewhere are refused, and nothing changes', async () => {
    const project = await value<Project>('projects.create', { title: 'Two deciders' });
    // Both saw stage 1; the first advances it.
    await decide(project.id, 'advance', { fromStage: 1 });
    const before = test.snapshot();
    expect(await test.call('gates.decide', { projectId: project.id, fromStage: 1, decision: 'advance', rationale: 'r', decidedByName: 'Bobur' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['fromStage'], code: 'stage_changed', params: { stage: 2 } }] },
    });
    expect(test.snapshot()).toEqual(before);
  });

  it('move a project through the stages, record the checklist and evidence, and supersede each other', async () => {
    const project = await value<Project>('projects.create', { title: 'Clinic queues' });
    const criteria = await value<{ id: string; stage: number }[]>('gates.criteria', {});
    const stage1 = criteria.filter((c) => c.stage === 1);
    const first = await decide(project.id, 'advance', {
      checklist: stage1.map((c, i) => ({ criterionId: c.id, met: i === 0 })),
      evidenceLevel: 1,
    });
    expect(first.project).toMatchObject({ stage: 2, evidenceLevel: 1, status: 'active' });
    expect(first.decision).toMatchObject({ fromStage: 1, toStage: 2, supersedesId: null });
    const second = await decide(project.id, 'advance', { toStage: 4 });
    expect(second.project.stage).toBe(4);
    expect(second.decision.supersedesId).toBe(first.decision.id);
    const third = await decide(project.id, 'iterate', { toStage: 3 });
    expect(third.project.stage).toBe(3);
    const history = await value<GateDecision[]>('gates.history', { projectId: project.id });
    expect(history.map((d) => [d.decision, d.fromStage, d.toStage])).toEqual([
      ['iterate', 4, 3],
      ['advance', 2, 4],
      ['advance', 1, 2],
    ]);
    expect(history[2].checklist).toEqual(stage1.map((c, i) => ({ criterionId: c.id, met: i === 0 })));
    const log = await value<{ fields: string[] }[]>('activity.list', { subjectId: project.id });
    expect(log[0].fields).toEqual(['stage']);
  });

  it('shelve a project onto the shelf and revive it; stop ends it', async () => {
    const project = await value<Project>('projects.create', { title: 'Paperless permits', stage: 3 });
    expect((await decide(project.id, 'shelve')).project.status).toBe('shelved');
    const onShelf = await test.call('gates.decide', { projectId: project.id, decision: 'advance', rationale: 'x', decidedByName: 'y' });
    expect(onShelf).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['decision'], code: 'decision_not_allowed' }] } });
    const revived = await decide(project.id, 'revive');
    expect(revived.project).toMatchObject({ status: 'active', stage: 3 });
    expect((await decide(project.id, 'stop')).project.status).toBe('stopped');
    expect((await test.call('gates.decide', { projectId: project.id, decision: 'revive', rationale: 'x', decidedByName: 'y' })).ok).toBe(false);
  });

  it.each([
    ['advancing to an earlier stage', { decision: 'advance', toStage: 1 }, ['toStage']],
    ['iterating forward', { decision: 'iterate', toStage: 5 }, ['toStage']],
    ['a stage outside 1–7', { decision: 'advance', toStage: 8 }, ['toStage']],
    ['a missing rationale', { decision: 'advance', rationale: '  ' }, ['rationale']],
    ['no one deciding', { decision: 'advance', decidedByName: '' }, ['decidedByName']],
    ['an evidence level of 6', { decision: 'advance', evidenceLevel: 6 }, ['evidenceLevel']],
    ['a criterion of another stage', { decision: 'advance', checklist: [{ criterionId: '01930000-0000-7000-8000-000000000401', met: true }] }, ['checklist', 0, 'criterionId']],
    ['an unknown person', { decision: 'advance', decidedById: '01930000-0000-7000-8000-0000000000ff' }, ['decidedById']],
    ['revive of an active project', { decision: 'revive' }, ['decision']],
  ])('refuse %s and change nothing', async (_what, extra, path) => {
    const project = await value<Project>('projects.create', { title: 'Gatekeeping', stage: 2 });
    const before = test.snapshot();
    const result = await test.call('gates.decide', { projectId: project.id, rationale: 'Because', decidedByName: 'Aziza', ...extra });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.issues?.map((i) => i.path)).toContainEqual(path);
    expect(test.snapshot()).toEqual(before);
  });

  it('cannot be edited or deleted through any API method, nor in SQL', async () => {
    expect(Object.keys(contract).filter((m) => m.startsWith('gates.'))).toEqual([
      'gates.decide',
      'gates.history',
      'gates.criteria',
      'gates.addCriterion',
      'gates.updateCriterion',
    ]);
    const project = await value<Project>('projects.create', { title: 'Audit trail' });
    const { decision } = await decide(project.id, 'advance');
    expect(() => test.core.db.prepare("UPDATE gate_decisions SET rationale = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => test.core.db.prepare('DELETE FROM gate_decisions').run()).toThrow(/append-only/);
    const deletion = await test.call('projects.delete', { id: project.id });
    expect(deletion).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await value<GateDecision[]>('gates.history', { projectId: project.id }))[0]).toEqual(decision);
  });

  it('keeps the stage out of direct edits and shelved status out of direct changes', async () => {
    const project = await value<Project>('projects.create', { title: 'Direct edits' });
    expect(await test.call('projects.update', { id: project.id, patch: { stage: 3 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await test.call('projects.update', { id: project.id, patch: { status: 'shelved' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await value<Project>('projects.update', { id: project.id, patch: { status: 'scaled' } })).status).toBe('scaled');
    await decide(project.id, 'shelve');
    expect(await test.call('projects.update', { id: project.id, patch: { status: 'active' } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['patch', 'status'], code: 'status_through_gate' }] },
    });
  });
});

describe('gate criteria', () => {
  it('have defaults for every stage and can be added, renamed and archived per lab', async () => {
    const defaults = await value<{ stage: number; key: string | null }[]>('gates.criteria', {});
    expect(new Set(defaults.map((c) => c.stage))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    const added = await value<{ id: string; label: string; position: number }>('gates.addCriterion', { stage: 2, label: 'Budget holder consulted' });
    expect(added.position).toBe(3);
    const renamed = await value<{ label: string; archived: boolean }>('gates.updateCriterion', { id: added.id, label: 'Budget holder agrees', archived: true });
    expect(renamed).toMatchObject({ label: 'Budget holder agrees', archived: true });
    expect(await test.call('gates.updateCriterion', { id: '01930000-0000-7000-8000-0000000000ff', archived: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('people, entities and teams', () => {
  it('create entities and people, put people on a project team, and clean up after deletion', async () => {
    const ministry = await value<{ id: string }>('entities.create', { name: 'Ministry of Preschool Education' });
    const person = await value<{ id: string; role: string }>('people.create', { name: 'Dilnoza Karimova', role: 'cio', entityId: ministry.id, email: 'dilnoza@example.uz' });
    const project = await value<Project>('projects.create', { title: 'Kindergarten queue', ownerEntityId: ministry.id });
    const team = await value<{ person: { id: string }; role: string }[]>('projects.setMember', { projectId: project.id, personId: person.id, role: 'lead' });
    expect(team).toEqual([expect.objectContaining({ role: 'lead', person: expect.objectContaining({ id: person.id }) })]);
    await value('entities.delete', { id: ministry.id });
    expect((await value<Project>('projects.get', { id: project.id })).ownerEntityId).toBeNull();
    await value('people.delete', { id: person.id });
    expect(await value('projects.members', { projectId: project.id })).toEqual([]);
  });

  it('refuse a second entity of the same name, whatever its case or spelling of letters, and change nothing', async () => {
    const first = await value<{ id: string }>('entities.create', { name: 'وزارة تنمية المجتمع' });
    const other = await value<{ id: string }>('entities.create', { name: 'Ministry of Health' });
    const before = test.snapshot();
    for (const [method, input] of [
      ['entities.create', { name: 'وزارة تنميه المجتمع' }],
      ['entities.update', { id: other.id, name: 'وزارة تنمية المجتمع' }],
    ] as const) {
      expect(await test.call(method, input)).toMatchObject({ ok: false, error: { issues: [{ path: ['name'], code: 'already_exists' }] } });
    }
    expect(test.snapshot()).toEqual(before);
    // Its own name, unchanged, is no clash.
    expect(await test.call('entities.update', { id: first.id, name: 'وزارة تنمية المجتمع' })).toMatchObject({ ok: true });
  });

  it.each([
    ['people.create', { name: '' }],
    ['people.create', { name: 'A', role: 'king' }],
    ['people.create', { name: 'A', email: 'not-an-email' }],
    ['people.create', { name: 'A', entityId: '01930000-0000-7000-8000-0000000000ff' }],
    ['entities.create', { name: '   ' }],
    ['projects.setMember', { projectId: '01930000-0000-7000-8000-0000000000ff', personId: '01930000-0000-7000-8000-0000000000fe', role: 'lead' }],
  ])('refuse %s %j and change nothing', async (method, input) => {
    const before = test.snapshot();
    expect((await test.call(method, input)).ok).toBe(false);
    expect(test.snapshot()).toEqual(before);
  });
});
