/**
 * The same contract cases through every door that core serves: in-process and HTTP. What one door
 * accepts or refuses, the other must too, with the same envelope.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcessTransport } from '../../electron/core/in-process-door';
import { createApiClient } from '../../electron/shared/api/client';
import type { Result } from '../../electron/shared/api/envelope';
import type { Project, ProjectPage } from '../../electron/shared/domain/project';
import { makeCore, openHttpDoor, type TestCore } from '../support/core';

type Call = (method: string, input: unknown) => Promise<Result<unknown>>;

const doors: { name: string; open(test: TestCore): Promise<{ call: Call; close(): Promise<void> }> }[] = [
  {
    name: 'in-process',
    open: async (test) => {
      const client = createApiClient(inProcessTransport(test.dispatcher, test.core.events));
      return { call: (m, i) => client.call(m as never, i as never), close: async () => {} };
    },
  },
  { name: 'HTTP', open: (test) => openHttpDoor(test) },
];

const PILLAR = '01930000-0000-7000-8000-000000000002';
const MISSING_ID = '01930000-0000-7000-8000-0000000000ff';

describe.each(doors)('projects through the $name door', (door) => {
  let test: TestCore;
  let call: Call;
  let close: () => Promise<void>;

  beforeEach(async () => {
    test = makeCore();
    ({ call, close } = await door.open(test));
  });
  afterEach(async () => {
    await close();
    test.close();
  });

  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };

  it('creates a project from a title alone, with every other field defaulted', async () => {
    const project = await value<Project>('projects.create', { title: 'مدرسة رقمية' });
    expect(project).toMatchObject({
      title: 'مدرسة رقمية',
      summary: '',
      stage: 1,
      status: 'active',
      innovationType: null,
      oecdFacet: null,
      pillarIds: [],
      ownerEntityId: null,
      startDate: null,
      endDate: null,
    });
    expect(project.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(project.createdAt).toBe(project.updatedAt);
    expect(await value('projects.get', { id: project.id })).toEqual(project);
  });

  it('stores every field and returns it on get and list', async () => {
    const created = await value<Project>('projects.create', {
      title: '  Oʻzbekiston digital permits  ',
      summary: 'Mixed نص عربي and English',
      stage: 4,
      status: 'shelved',
      innovationType: 'service',
      oecdFacet: 'mission_oriented',
      pillarIds: [PILLAR],
      startDate: '2026-01-10',
      endDate: '2026-06-30',
    });
    expect(created.title).toBe('Oʻzbekiston digital permits');
    const page = await value<ProjectPage>('projects.list', {});
    expect(page).toEqual({ items: [created], total: 1 });
  });

  it('updates only what changed and logs it in the activity log', async () => {
    const created = await value<Project>('projects.create', { title: 'Clinic queue' });
    const updated = await value<Project>('projects.update', { id: created.id, patch: { summary: 'Shorter waits', title: 'Clinic queues' } });
    expect(updated).toMatchObject({ summary: 'Shorter waits', title: 'Clinic queues', createdAt: created.createdAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    const same = await value<Project>('projects.update', { id: created.id, patch: { summary: 'Shorter waits' } });
    expect(same.updatedAt).toBe(updated.updatedAt);
    const log = await value<{ action: string; fields: string[] }[]>('activity.list', { subjectId: created.id });
    expect(log.map((e) => [e.action, e.fields])).toEqual([
      ['updated', ['title', 'summary']],
      ['created', []],
    ]);
  });

  it('deletes a project; the log keeps a line saying so', async () => {
    const created = await value<Project>('projects.create', { title: 'To go' });
    expect(await value('projects.delete', { id: created.id })).toEqual({ id: created.id });
    const gone = await call('projects.get', { id: created.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const log = await value<{ action: string }[]>('activity.list', { subjectId: created.id });
    expect(log[0].action).toBe('deleted');
  });

  it('filters by folded title, stage and status, sorts, and pages', async () => {
    for (const [title, stage] of [
      ['أحمد والمدرسة', 1],
      ['Ёлка school', 2],
      ["O'zbekiston roads", 2],
      ['Water', 3],
    ] as const) {
      await value('projects.create', { title, stage });
    }
    const titles = async (input: unknown) => (await value<ProjectPage>('projects.list', input)).items.map((p) => p.title);
    expect(await titles({ search: 'احمد' })).toEqual(['أحمد والمدرسة']);
    expect(await titles({ search: 'елка' })).toEqual(['Ёлка school']);
    expect(await titles({ search: 'Oʻzbekiston' })).toEqual(["Oʻzbekiston roads"]);
    expect(await titles({ search: '100%_' })).toEqual([]);
    expect(await titles({ stage: 2, sort: 'title', direction: 'asc' })).toEqual(['Oʻzbekiston roads', 'Ёлка school']);
    const page = await value<ProjectPage>('projects.list', { sort: 'created', direction: 'asc', limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.title)).toEqual(['Oʻzbekiston roads', 'Water']);
  });

  it.each([
    ['an unknown method', 'projects.explode', {}, 'unknown_method'],
    ['a wrong-typed input', 'projects.create', { title: 42 }, 'invalid_input'],
    ['a missing title', 'projects.create', { summary: 'no title' }, 'invalid_input'],
    ['an empty title', 'projects.create', { title: '   ' }, 'invalid_input'],
    ['a stage outside 1–7', 'projects.create', { title: 'x', stage: 8 }, 'invalid_input'],
    ['an unknown field', 'projects.create', { title: 'x', owner: 'me' }, 'invalid_input'],
    ['an end before the start', 'projects.create', { title: 'x', startDate: '2026-05-01', endDate: '2026-04-01' }, 'invalid_input'],
    ['an unknown pillar', 'projects.create', { title: 'x', pillarIds: [MISSING_ID] }, 'invalid_input'],
    ['control characters', 'projects.create', { title: 'bad\u0007bell' }, 'invalid_input'],
    ['an unknown id', 'projects.update', { id: MISSING_ID, patch: { title: 'x' } }, 'not_found'],
    ['a malformed id', 'projects.get', { id: '../../etc/passwd' }, 'invalid_input'],
    ['a desktop-only method', 'desktop.openDataFolder', {}, 'unknown_method'],
  ])('refuses %s with a stable code and writes nothing', async (_what, method, input, code) => {
    await value('projects.create', { title: 'Existing' });
    const before = test.snapshot();
    const result = await call(method, input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(test.snapshot()).toEqual(before);
  });

  it('names the field and the rule of each input problem, for translated messages', async () => {
    const result = await call('projects.create', { title: 'x'.repeat(201), stage: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: ['title'], code: 'too_long', params: { maximum: 200 } },
        { path: ['stage'], code: 'too_small', params: { minimum: 1 } },
      ]),
    );
  });

  it('lists the methods of this door', async () => {
    const methods = await value<string[]>('app.methods', {});
    expect(methods).toContain('projects.create');
    expect(methods).not.toContain('desktop.openDataFolder');
  });
});

describe('the in-process door', () => {
  it('clones across the boundary and reports events and capabilities like the others', async () => {
    const test = makeCore();
    try {
      const client = createApiClient(inProcessTransport(test.dispatcher, test.core.events));
      const events: string[] = [];
      const stop = client.onEvent((e) => events.push(e.type));
      const input = { title: 'Shared object' };
      const result = await client.call('projects.create', input);
      input.title = 'changed by the caller afterwards';
      expect(result.ok && result.value.title).toBe('Shared object');
      expect(events).toEqual(['data.changed']);
      expect(await client.has('projects.create')).toBe(true);
      expect(await client.has('desktop.openDataFolder')).toBe(false);
      stop();
    } finally {
      test.close();
    }
  });
});
