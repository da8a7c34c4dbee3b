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

  it('never loads into a workspace that has data, and changes nothing then', async () => {
    await test.call('people.create', { name: 'Someone' });
    const before = test.snapshot();
    expect(await test.call('lab.loadSample', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(test.snapshot()).toEqual(before);
  });
});
