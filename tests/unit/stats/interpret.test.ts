/** Plain-language interpretation: verdict keys, values and caveats, all present in the catalogues. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caveatKey,
  differenceInDifferences,
  interpret,
  reasonKey,
  STATS_CAVEATS,
  STATS_REASONS,
  VERDICTS,
  verdictKey,
  welchTest,
} from '../../../electron/shared/stats';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const lookup = (language: string, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], JSON.parse(readFileSync(join(ROOT, 'resources', 'locales', `${language}.json`), 'utf8')));


describe('interpret', () => {
  const base = { randomised: true, groupSizes: [40, 40] } as const;

  it('calls a significant rise an improvement when higher is better, a worsening when lower is', () => {
    const result = { ok: true as const, estimate: 2.5, p: 0.01 };
    expect(interpret(result, { ...base, direction: 'higher' })).toEqual({
      key: 'stats.interpret.significant_improvement',
      values: { effect: 2.5, p: 0.01, threshold: 0.05 },
      verdict: 'significant_improvement',
      caveats: [],
    });
    expect(interpret(result, { ...base, direction: 'lower' })).toMatchObject({ key: 'stats.interpret.significant_worsening' });
    expect(interpret({ ok: true, estimate: -2.5, p: 0.01 }, { ...base, direction: 'lower' })).toMatchObject({ verdict: 'significant_improvement' });
  });

  it('does not call a difference at or above alpha significant', () => {
    expect(interpret({ ok: true, estimate: 1, p: 0.05 }, { ...base, direction: 'higher' })).toMatchObject({ verdict: 'no_significant_difference' });
    expect(interpret({ ok: true, estimate: 1, p: 0.04 }, { ...base, direction: 'higher', alpha: 0.01 })).toMatchObject({ verdict: 'no_significant_difference' });
  });

  it('takes the verdict at the Bonferroni threshold its caveat names, so the two never disagree', () => {
    const reading = interpret({ ok: true, estimate: 1, p: 0.032 }, { ...base, direction: 'higher', comparisons: 5 });
    expect(reading).toMatchObject({ verdict: 'no_significant_difference', values: { threshold: 0.01 } });
    expect(reading.caveats).toEqual([{ key: 'stats.caveat.many_comparisons', values: { count: 5, threshold: 0.01 } }]);
    expect(interpret({ ok: true, estimate: 1, p: 0.009 }, { ...base, direction: 'higher', comparisons: 5 })).toMatchObject({ verdict: 'significant_improvement' });
  });

  it('reads a comparison with the pilot group before as a change over time, not against a comparison group', () => {
    const reading = interpret({ ok: true, estimate: 3, p: 0.001 }, { ...base, direction: 'higher', randomised: false, comparedWith: 'before' });
    expect(reading).toMatchObject({ key: 'stats.interpretBefore.significant_improvement', verdict: 'significant_improvement' });
    // Random assignment does not come into it; what else changed over the time does, even in a randomised design.
    expect(reading.caveats).toEqual([{ key: 'stats.caveat.before_after', values: {} }]);
    expect(interpret({ ok: true, estimate: 3, p: 0.001 }, { ...base, direction: 'higher', comparedWith: 'before' }).caveats).toEqual([{ key: 'stats.caveat.before_after', values: {} }]);
  });

  it('reads a real test result: the sleep data are not significant at 5 %', () => {
    const r = welchTest([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0], [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]);
    const reading = interpret(r, { direction: 'higher', randomised: true, groupSizes: [10, 10] });
    expect(reading.verdict).toBe('no_significant_difference');
    expect(reading.caveats).toEqual([{ key: 'stats.caveat.small_sample', values: { minimum: 30 } }]);
  });

  it('adds the caveats for many comparisons, observational designs and difference-in-differences warnings', () => {
    const did = differenceInDifferences([
      { pre: true, pilot: 20.44, comparison: 23.33 },
      { pre: false, pilot: 21.03, comparison: 21.17 },
    ]);
    if (!did.ok) throw new Error('expected a result');
    const reading = interpret(
      { ok: true, estimate: did.estimate, p: 0.04 },
      { direction: 'higher', randomised: false, comparisons: 20, groupSizes: [410, 79], warnings: did.warnings },
    );
    expect(reading.caveats).toEqual([
      { key: 'stats.caveat.many_comparisons', values: { count: 20, threshold: 0.0025 } },
      { key: 'stats.caveat.observational', values: {} },
      { key: 'stats.caveat.few_periods', values: {} },
      { key: 'stats.caveat.pre_trends_untested', values: {} },
    ]);
  });

  it('turns a failure into its reason key, with no verdict', () => {
    expect(interpret({ ok: false, reason: 'not_enough_data' }, { ...base, direction: 'higher' })).toEqual({
      key: 'stats.reason.not_enough_data',
      values: {},
      verdict: null,
      caveats: [],
    });
  });

  it.each(['en', 'ar', 'uz', 'ru'])('every key it can produce is translated in %s', (language) => {
    const keys = [...STATS_REASONS.map(reasonKey), ...STATS_CAVEATS.map(caveatKey), ...VERDICTS.flatMap((v) => [verdictKey(v), verdictKey(v, 'before')]), 'stats.points'];
    for (const key of keys) expect(typeof lookup(language, key), `${language} ${key}`).toBe('string');
  });
});
