/** The sample lab: loads a realistic, rule-abiding lab into an empty workspace, and never into one with data. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../electron/shared/domain/portfolio';
import { makeCore, type TestCore } from '../support/core';

let test: TestCore;
beforeEach(() => (test = makeCore()));
afterEach(() => test.close());

describe('the sample lab', () => {
  it('fills an empty workspace with projects on every stage, challenges, scored ideas, a cohort and gate history', async () => {
    expect(await test.call('lab.status', {})).toEqual({ ok: true, value: { empty: true } });
    expect(await test.call('lab.loadSample', {})).toEqual({ ok: true, value: { empty: false } });
    const dashboard = (await test.call('portfolio.dashboard', {})) as { value: Dashboard };
    expect(dashboard.value.total).toBe(13);
    expect(dashboard.value.funnel.map((b) => b.key)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(dashboard.value.status.map((b) => b.key).sort()).toEqual(['active', 'scaled', 'shelved']);
    const count = (table: string) => test.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('gate_decisions')).toBeGreaterThan(20);
    expect(count('challenges')).toBe(2);
    expect(count('ideas')).toBe(5);
    expect(count('idea_scores')).toBe(28);
    expect(count('cohort_projects')).toBe(5);
    const languages = test.core.db.prepare('SELECT title FROM projects').pluck().all() as string[];
    expect(languages.some((t) => /[\u0600-\u06FF]/.test(t))).toBe(true);
    expect(languages.some((t) => /[\u0400-\u04FF]/.test(t))).toBe(true);
    expect(languages.some((t) => /[\u02BB\u02BC]/.test(t))).toBe(true); // Uzbek Latin
  });

  it("shows a workshop's problem tree and the pilot it led to, locked, measured and analysed", async () => {
    await test.call('lab.loadSample', {});
    const canvases = ((await test.call('canvases.list', {})) as { value: { id: string; templateId: string }[] }).value;
    expect(canvases.map((c) => c.templateId)).toEqual(['problem-tree']);
    const board = ((await test.call('canvases.get', { id: canvases[0].id })) as { value: { notes: { zoneKey: string }[] } }).value;
    expect(new Set(board.notes.map((n) => n.zoneKey))).toEqual(new Set(['effects', 'core-problem', 'causes', 'root-causes']));
    const { id: projectId } = test.core.db.prepare("SELECT project_id AS id FROM pilots").get() as { id: string };
    const [pilot] = ((await test.call('pilots.list', { projectId })) as { value: { id: string; lockedAt: string | null }[] }).value;
    expect(pilot.lockedAt).not.toBeNull();
    const analysis = ((await test.call('pilots.analysis', { pilotId: pilot.id })) as { value: { kpis: { headline: string; did: { ok: boolean; estimate?: number } }[] } }).value;
    expect(analysis.kpis[0].headline).toBe('did');
    // By hand: pilot district (98 + 95 + 97) / 3 = 96.67 → (74 + 66 + 61 + 58 + 57) / 5 = 63.2 days, a change of −33.47;
    // comparison 100 → 97.6, −2.4; the difference in differences is −31.07 days.
    expect(analysis.kpis[0].did).toMatchObject({ ok: true, estimate: expect.closeTo(-31.067, 2) });
  });

  it('never loads into a workspace that has data, and changes nothing then', async () => {
    await test.call('people.create', { name: 'Someone' });
    const before = test.snapshot();
    expect(await test.call('lab.loadSample', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(test.snapshot()).toEqual(before);
  });
});
