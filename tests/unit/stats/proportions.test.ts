/** Rates: two-proportion z-test, Newcombe interval, Fisher's exact test, risk ratio. */
import { describe, expect, it } from 'vitest';
import { fisherExact, riskDifference, riskRatio, twoProportionTest, wilsonInterval } from '../../../electron/shared/stats';

describe('twoProportionTest', () => {
  it("reproduces R's prop.test(correct = FALSE)", () => {
    // R output shown at influentialpoints.com/notes/n9rmf3.htm ("2-sample test for equality of
    // proportions without continuity correction"): X-squared = 6.1026, df = 1, p-value = 0.01350,
    // proportions 0.4392523 and 0.3046875. The page gives the proportions, not the counts; 94/214
    // and 39/128 are the counts that reproduce both proportions and X-squared (checked with
    // scipy.stats.chi2_contingency(correction=False): 6.102602712707848, p 0.013498293163892196).
    const r = twoProportionTest({ events1: 94, n1: 214, events2: 39, n2: 128 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.p1).toBeCloseTo(0.4392523, 7);
    expect(r.p2).toBeCloseTo(0.3046875, 7);
    expect(r.z * r.z).toBeCloseTo(6.1026, 4);
    expect(r.p).toBeCloseTo(0.0135, 4);
    expect(r.ci.lower).toBeLessThan(r.estimate);
    expect(r.ci.upper).toBeGreaterThan(r.estimate);
  });

  it('refuses a pooled rate of 0 % or 100 %, where z is undefined', () => {
    expect(twoProportionTest({ events1: 0, n1: 10, events2: 0, n2: 12 })).toEqual({ ok: false, reason: 'no_variance' });
    expect(twoProportionTest({ events1: 10, n1: 10, events2: 12, n2: 12 })).toEqual({ ok: false, reason: 'no_variance' });
    expect(twoProportionTest({ events1: 0, n1: 0, events2: 1, n2: 12 })).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(twoProportionTest({ events1: 11, n1: 10, events2: 1, n2: 12 })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(twoProportionTest({ events1: 1.5, n1: 10, events2: 1, n2: 12 })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(twoProportionTest({ events1: -1, n1: 10, events2: 1, n2: 12 })).toEqual({ ok: false, reason: 'invalid_input' });
  });
});

describe('riskDifference (Newcombe hybrid score interval)', () => {
  // Newcombe RG (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Stat Med 17:873–890, Table II, method 10 (score, no correction).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
  ])('%i/%i vs %i/%i gives (%f, %f)', (events1, n1, events2, n2, lower, upper) => {
    const r = riskDifference({ events1, n1, events2, n2 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.estimate).toBeCloseTo(events1 / n1 - events2 / n2, 12);
    expect(r.ci.lower).toBeCloseTo(lower, 4);
    expect(r.ci.upper).toBeCloseTo(upper, 4);
  });

  it('stays inside [−1, 1] at the extremes, where Wald would collapse', () => {
    const r = riskDifference({ events1: 5, n1: 5, events2: 0, n2: 5 });
    expect(r).toMatchObject({ ok: true, estimate: 1 });
    if (!r.ok) return;
    expect(r.ci.upper).toBeLessThanOrEqual(1);
    expect(r.ci.lower).toBeGreaterThan(0);
    expect(r.ci.lower).toBeLessThan(1);
  });
});

describe('wilsonInterval', () => {
  it('matches Newcombe (1998) for a single proportion', () => {
    // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
    // seven methods", Stat Med 17:857–872, Table I, method 3 (Wilson score): 81/263 gives
    // 0.2553 to 0.3662; 0/20 gives 0 to 0.1611.
    const a = wilsonInterval(81, 263);
    const b = wilsonInterval(0, 20);
    if (!a.ok || !b.ok) throw new Error('expected results');
    expect(a.ci.lower).toBeCloseTo(0.2553, 4);
    expect(a.ci.upper).toBeCloseTo(0.3662, 4);
    expect(b.ci.lower).toBe(0);
    expect(b.ci.upper).toBeCloseTo(0.1611, 4);
  });
});

describe('fisherExact', () => {
  it("reproduces R's ?fisher.test Tea Tasting example", () => {
    // Agresti (1990, p. 59f), in R's ?fisher.test: TeaTasting <- matrix(c(3, 1, 1, 3), nrow = 2);
    // fisher.test(TeaTasting, alternative = "greater") gives p = 0.2429; two-sided p = 0.4857.
    const r = fisherExact({ events1: 3, n1: 4, events2: 1, n2: 4 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.p).toBeCloseTo(0.4857, 4);
  });

  it("reproduces R's ?fisher.test Convictions example, two-sided", () => {
    // Fisher (1962) twins data in R's ?fisher.test: Convictions <- matrix(c(2, 10, 15, 3), nrow = 2)
    // (dizygotic 2 convicted of 17, monozygotic 10 of 13); fisher.test(Convictions) gives
    // p-value = 0.0005367 (the example itself prints the one-sided "less" p = 0.0004652).
    const r = fisherExact({ events1: 2, n1: 17, events2: 10, n2: 13 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.p).toBeCloseTo(0.0005367, 7);
  });

  it('handles zero cells, empty margins and the smallest tables', () => {
    // 0/5 vs 5/5: only this table and its mirror are as extreme; p = 2/C(10,5) = 2/252.
    const zero = fisherExact({ events1: 0, n1: 5, events2: 5, n2: 5 });
    expect(zero.ok && zero.p).toBeCloseTo(2 / 252, 12);
    // No events at all: one table is possible, p = 1.
    expect(fisherExact({ events1: 0, n1: 3, events2: 0, n2: 4 })).toMatchObject({ ok: true, p: 1 });
    // 1/1 vs 0/1: two equally likely tables, p = 1.
    expect(fisherExact({ events1: 1, n1: 1, events2: 0, n2: 1 })).toMatchObject({ ok: true, p: 1 });
    expect(fisherExact({ events1: 0, n1: 0, events2: 0, n2: 1 })).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(fisherExact({ events1: 2, n1: 1, events2: 0, n2: 1 })).toEqual({ ok: false, reason: 'invalid_input' });
  });

  it('stays accurate with large counts', () => {
    // Large, balanced table: the hypergeometric sum must still total at most 1 and agree in
    // direction with the z-test.
    const r = fisherExact({ events1: 600, n1: 1000, events2: 500, n2: 1000 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.p).toBeGreaterThan(0);
      expect(r.p).toBeLessThan(1e-4);
    }
  });
});

describe('riskRatio', () => {
  it("reproduces SciPy's relative_risk documentation example (log interval)", () => {
    // SciPy docs, scipy.stats.contingency.relative_risk (example 3.1 of Rothman, Greenland & Lash's
    // textbook cited there): 27/122 exposed vs 44/487 control gives RR 2.4495156482861398,
    // 95 % CI (1.5836990926700116, 3.7886786315466354).
    const r = riskRatio({ events1: 27, n1: 122, events2: 44, n2: 487 });
    expect(r).toMatchObject({ ok: true, corrected: false });
    if (!r.ok) return;
    expect(r.estimate).toBeCloseTo(2.4495156482861398, 12);
    expect(r.ci.lower).toBeCloseTo(1.5836990926700116, 6);
    expect(r.ci.upper).toBeCloseTo(3.7886786315466354, 6);
  });

  it('adds 0.5 to every cell when one is zero, and says so', () => {
    // Cells 0, 10, 5, 5 become 0.5, 10.5, 5.5, 5.5: RR = (0.5/11)/(5.5/11) = 1/11.
    const r = riskRatio({ events1: 0, n1: 10, events2: 5, n2: 10 });
    expect(r).toMatchObject({ ok: true, corrected: true });
    if (!r.ok) return;
    expect(r.estimate).toBeCloseTo(1 / 11, 12);
    const se = Math.sqrt(1 / 0.5 - 1 / 11 + 1 / 5.5 - 1 / 11);
    expect(r.ci.upper).toBeCloseTo(Math.exp(Math.log(1 / 11) + 1.959963984540054 * se), 9);
    // All events in both groups: b = d = 0 would give a zero-width interval; corrected cells
    // 4.5, 0.5, 6.5, 0.5 give RR = (4.5/5)/(6.5/7) = 63/65 with a real interval around it.
    const all = riskRatio({ events1: 4, n1: 4, events2: 6, n2: 6 });
    expect(all).toMatchObject({ ok: true, corrected: true });
    if (!all.ok) return;
    expect(all.estimate).toBeCloseTo(63 / 65, 12);
    expect(all.ci.lower).toBeLessThan(all.estimate);
    expect(all.ci.upper).toBeGreaterThan(1);
  });

  it('refuses a ratio of two zero rates', () => {
    expect(riskRatio({ events1: 0, n1: 10, events2: 0, n2: 10 })).toEqual({ ok: false, reason: 'no_events' });
    expect(riskRatio({ events1: 0, n1: 0, events2: 1, n2: 10 })).toEqual({ ok: false, reason: 'not_enough_data' });
  });
});
