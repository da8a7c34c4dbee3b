/** Cohorts through the contract: projects, milestones, demo day, and the cohort board's filter. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cohort } from '../../electron/shared/domain/cohorts';
import type { Project } from '../../electron/shared/domain/project';
import { callValue, makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);

describe('cohorts', () => {
  it('group projects, track milestones and a demo day, and filter the board', async () => {
    const cohort = await value<Cohort>('cohorts.create', { name: 'Cohort 2026 — Tashkent', startsOn: '2026-02-01', endsOn: '2026-07-31', demoDay: '2026-07-20' });
    const inside = await value<Project>('projects.create', { title: 'Inside', stage: 3 });
    await value<Project>('projects.create', { title: 'Outside', stage: 3 });
    await value('cohorts.addProject', { cohortId: cohort.id, projectId: inside.id });
    await value('cohorts.addProject', { cohortId: cohort.id, projectId: inside.id }); // twice is once
    const board = await value<{ items: Project[] }>('projects.list', { cohortId: cohort.id, stage: 3 });
    expect(board.items.map((p) => p.title)).toEqual(['Inside']);
    await value<Cohort>('cohorts.addMilestone', { cohortId: cohort.id, title: 'Problem interviews done', dueOn: '2026-03-15' });
    let current = await value<Cohort>('cohorts.addMilestone', { cohortId: cohort.id, title: 'Prototype tested', dueOn: '2026-05-01' });
    expect(current.milestones.map((m) => m.title)).toEqual(['Problem interviews done', 'Prototype tested']);
    current = await value<Cohort>('cohorts.updateMilestone', { id: current.milestones[0].id, done: true });
    expect(current.milestones[0].done).toBe(true);
    current = await value<Cohort>('cohorts.removeProject', { cohortId: cohort.id, projectId: inside.id });
    expect(current.projectIds).toEqual([]);
    await value('projects.delete', { id: inside.id });
    // The demo day stays a day of the cohort when its dates change.
    expect(await test.call('cohorts.update', { id: cohort.id, patch: { endsOn: '2026-07-10' } })).toMatchObject({ ok: false, error: { issues: [{ path: ['patch', 'demoDay'], code: 'demo_day_outside' }] } });
    await value('cohorts.delete', { id: cohort.id });
    expect(await value('cohorts.list', {})).toEqual([]);
  });

  it.each([
    ['cohorts.create', { name: '' }],
    ['cohorts.create', { name: 'x', startsOn: '2026-05-01', endsOn: '2026-04-01' }],
    ['cohorts.create', { name: 'x', demoDay: '20 July' }],
    ['cohorts.create', { name: 'x', startsOn: '2026-02-01', endsOn: '2026-07-31', demoDay: '2030-01-01' }],
    ['cohorts.addProject', { cohortId: '01930000-0000-7000-8000-0000000000ff', projectId: '01930000-0000-7000-8000-0000000000fe' }],
    ['cohorts.updateMilestone', { id: '01930000-0000-7000-8000-0000000000ff', done: true }],
  ])('refuse %s %j and change nothing', async (method, input) => {
    const before = test.snapshot();
    expect((await test.call(method, input)).ok).toBe(false);
    expect(test.snapshot()).toEqual(before);
  });
});
