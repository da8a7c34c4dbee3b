/** Welch's t-test against R's documented example. */
import { describe, expect, it } from 'vitest';
import { welchTest } from '../../../electron/shared/stats';

// R's `sleep` data, `extra` by group (R datasets package; Cushny & Peebles 1905).
const GROUP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const GROUP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchTest', () => {
  it("reproduces R's t.test(extra ~ group, data = sleep) (Welch, the ?t.test example)", () => {
    // R output: t = -1.8608, df = 17.776, p-value = 0.07939,
    // 95 percent confidence interval: -3.3654832  0.2054832; means 0.75 and 2.33.
    const r = welchTest(GROUP_1, GROUP_2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
    expect(r.ci.lower).toBeCloseTo(-3.3654832, 7);
    expect(r.ci.upper).toBeCloseTo(0.2054832, 7);
    expect(r.mean1).toBeCloseTo(0.75, 12);
    expect(r.mean2).toBeCloseTo(2.33, 12);
    expect(r.estimate).toBeCloseTo(-1.58, 12);
    expect(r.ci.level).toBe(0.95);
  });

  it('widens the interval for a higher level', () => {
    const r95 = welchTest(GROUP_1, GROUP_2);
    const r99 = welchTest(GROUP_1, GROUP_2, { level: 0.99 });
    if (!r95.ok || !r99.ok) throw new Error('expected results');
    expect(r99.ci.lower).toBeLessThan(r95.ci.lower);
    expect(r99.ci.upper).toBeGreaterThan(r95.ci.upper);
  });

  it('gives reasons instead of NaN', () => {
    expect(welchTest([1], [2, 3])).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(welchTest([], [])).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(welchTest([4, 4, 4], [4, 4])).toEqual({ ok: false, reason: 'no_variance' });
    expect(welchTest([1, 2], [3, Number.NaN])).toEqual({ ok: false, reason: 'invalid_input' });
    expect(welchTest([1, 2], [3, 4], { level: 1 })).toEqual({ ok: false, reason: 'invalid_input' });
  });

  it('still tests when only one group varies', () => {
    const r = welchTest([5, 5, 5], [1, 2, 3]);
    expect(r).toMatchObject({ ok: true, estimate: 3 });
  });
});
