/** Difference-in-differences against Card & Krueger (1994), and its warnings. */
import { describe, expect, it } from 'vitest';
import { differenceInDifferences, type PeriodMeans } from '../../../electron/shared/stats';

describe('differenceInDifferences', () => {
  it('reproduces Card & Krueger (1994), Table 3', () => {
    // Card D, Krueger AB (1994), "Minimum wages and employment", AER 84(4):772–793, Table 3, mean
    // FTE employment per store: New Jersey 20.44 before, 21.03 after; Pennsylvania 23.33 before,
    // 21.17 after. Changes 0.59 and −2.16; difference-in-differences 2.76 (row 3, "Change in mean
    // FTE employment", last column; the published 2.76 is from unrounded means, 0.59 + 2.16 = 2.75).
    const r = differenceInDifferences([
      { pre: true, pilot: 20.44, comparison: 23.33 },
      { pre: false, pilot: 21.03, comparison: 21.17 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pilotChange).toBeCloseTo(0.59, 10);
    expect(r.comparisonChange).toBeCloseTo(-2.16, 10);
    expect(r.estimate).toBeCloseTo(2.75, 10);
    expect(Math.abs(r.estimate - 2.76)).toBeLessThanOrEqual(0.011);
    // One period each side: no interval from period means, and both warnings.
    expect(r.inference).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(r.warnings).toEqual(['few_periods', 'pre_trends_untested']);
    expect(r.preTrend).toBeNull();
  });

  const parallel: PeriodMeans[] = [
    { pre: true, pilot: 10, comparison: 8 },
    { pre: true, pilot: 11, comparison: 9.2 },
    { pre: true, pilot: 12, comparison: 9.9 },
    { pre: false, pilot: 16, comparison: 11.1 },
    { pre: false, pilot: 17, comparison: 11.8 },
    { pre: false, pilot: 18, comparison: 13.1 },
  ];

  it('estimates with an interval and no warning when pre-trends are parallel', () => {
    // Gaps 2, 1.8, 2.1 before; 4.9, 5.2, 4.9 after: estimate = 5 − 1.9667 = 3.0333.
    const r = differenceInDifferences(parallel);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.estimate).toBeCloseTo(5 - 5.9 / 3, 10);
    expect(r.prePeriods).toBe(3);
    expect(r.postPeriods).toBe(3);
    expect(r.warnings).toEqual([]);
    expect(r.inference.ok).toBe(true);
    if (r.inference.ok) {
      expect(r.inference.ci.lower).toBeLessThan(r.estimate);
      expect(r.inference.ci.upper).toBeGreaterThan(r.estimate);
      expect(r.inference.p).toBeLessThan(0.01);
    }
    // Slope of 2, 1.8, 2.1 on 0, 1, 2 is 0.05; post centre 4 vs pre centre 1, so shift 0.15.
    expect(r.preTrend?.slope).toBeCloseTo(0.05, 10);
    expect(r.preTrend?.shift).toBeCloseTo(0.15, 10);
  });

  it('warns when the gap was already widening before the pilot', () => {
    // Gap 0, 1, 2 before and 3, 4 after: the whole "effect" (3.5 − 1 = 2.5) is the old trend.
    const r = differenceInDifferences([
      { pre: true, pilot: 10, comparison: 10 },
      { pre: true, pilot: 12, comparison: 11 },
      { pre: true, pilot: 14, comparison: 12 },
      { pre: false, pilot: 16, comparison: 13 },
      { pre: false, pilot: 18, comparison: 14 },
    ]);
    // Two post periods: the test itself also rests on very little.
    expect(r.ok && r.warnings).toEqual(['few_periods', 'pre_trends_diverge']);
    if (r.ok) expect(r.preTrend).toMatchObject({ slope: 1, p: null });
  });

  it('warns on a significant pre-trend even when the shift is small against the estimate', () => {
    const pre = [0, 0.1, 0.21, 0.29, 0.4, 0.5].map((gap) => ({ pre: true, pilot: 50 + gap, comparison: 50 }));
    const post = [30, 31, 30].map((gap) => ({ pre: false, pilot: 50 + gap, comparison: 50 }));
    const r = differenceInDifferences([...pre, ...post]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(r.preTrend!.shift)).toBeLessThan(0.5 * Math.abs(r.estimate));
    expect(r.preTrend!.p).toBeLessThan(0.1);
    expect(r.warnings).toEqual(['pre_trends_diverge']);
  });

  it('checks a two-period pre-trend by its shift alone', () => {
    const r = differenceInDifferences([
      { pre: true, pilot: 5, comparison: 5 },
      { pre: true, pilot: 5, comparison: 5 },
      { pre: false, pilot: 9, comparison: 5 },
    ]);
    expect(r).toMatchObject({ ok: true, estimate: 4, warnings: ['few_periods'], preTrend: { slope: 0, shift: 0, p: null } });
  });

  it('warns of few periods while either side has fewer than three, however many the other has', () => {
    const side = (pre: boolean, n: number) => Array.from({ length: n }, (_, i) => ({ pre, pilot: 5 + (pre ? 0 : 4) + (i % 2) * 0.1, comparison: 5 }));
    expect(differenceInDifferences([...side(true, 12), ...side(false, 2)])).toMatchObject({ ok: true, warnings: ['few_periods'] });
    expect(differenceInDifferences([...side(true, 3), ...side(false, 3)])).toMatchObject({ ok: true, warnings: [] });
  });

  it('refuses data without both sides, or out of time order', () => {
    expect(differenceInDifferences([])).toEqual({ ok: false, reason: 'no_pre_period' });
    expect(differenceInDifferences([{ pre: false, pilot: 1, comparison: 2 }])).toEqual({ ok: false, reason: 'no_pre_period' });
    expect(differenceInDifferences([{ pre: true, pilot: 1, comparison: 2 }])).toEqual({ ok: false, reason: 'no_post_period' });
    expect(
      differenceInDifferences([
        { pre: true, pilot: 1, comparison: 2 },
        { pre: false, pilot: 1, comparison: 2 },
        { pre: true, pilot: 1, comparison: 2 },
      ]),
    ).toEqual({ ok: false, reason: 'invalid_input' });
    expect(differenceInDifferences([{ pre: true, pilot: Number.NaN, comparison: 2 }, { pre: false, pilot: 1, comparison: 2 }])).toEqual({
      ok: false,
      reason: 'invalid_input',
    });
  });
});
