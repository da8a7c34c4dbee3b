/**
 * Properties every statistic must keep, checked on random data with fast-check: swapping the groups
 * flips the sign and keeps p, shifting both groups by a constant changes nothing, p lies in [0, 1],
 * intervals contain their estimate, and no NaN or ±Infinity ever escapes (a reason comes instead).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as stats from '../../../electron/shared/stats';

const close = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
const values = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }).map((xs) => xs.map((x) => x / 10));
const shift = fc.integer({ min: -10_000, max: 10_000 });
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 0, -0));
const anyValues = fc.array(anyNumber, { maxLength: 12 });
const table = fc
  .record({ n1: fc.integer({ min: 0, max: 60 }), n2: fc.integer({ min: 0, max: 60 }), f1: fc.double({ min: 0, max: 1, noNaN: true }), f2: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ n1, n2, f1, f2 }) => ({ events1: Math.round(f1 * n1), n1, events2: Math.round(f2 * n2), n2 }));
const anyTable = fc.record({ events1: anyNumber, n1: anyNumber, events2: anyNumber, n2: anyNumber });
const swap = (t: stats.TwoByTwo): stats.TwoByTwo => ({ events1: t.events2, n1: t.n2, events2: t.events1, n2: t.n1 });

/** Every number anywhere in the value is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}
/** A result is either a failure with a known reason, or finite figures with p in [0, 1] and intervals around the estimate. */
function wellFormed(value: { ok: boolean }): boolean {
  const result = value as { ok: boolean } & Record<string, unknown>;
  if (!result.ok) return (stats.STATS_REASONS as readonly unknown[]).includes(result.reason);
  if (!allFinite(result)) return false;
  if (typeof result.p === 'number' && (result.p < 0 || result.p > 1)) return false;
  const ci = result.ci as stats.Interval | undefined;
  if (ci && typeof result.estimate === 'number' && !(ci.lower <= result.estimate + 1e-12 && result.estimate <= ci.upper + 1e-12)) return false;
  return true;
}

describe('no NaN or Infinity escapes, whatever the input', () => {
  it('for the functions of raw observations', () => {
    fc.assert(
      fc.property(anyValues, anyValues, (a, b) => {
        for (const r of [stats.summarize(a), stats.welchTest(a, b), stats.mannWhitney(a, b), stats.hedgesG(a, b)]) expect(wellFormed(r)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('for the functions of counts', () => {
    fc.assert(
      fc.property(anyTable, (t) => {
        for (const r of [stats.twoProportionTest(t), stats.fisherExact(t), stats.riskDifference(t), stats.riskRatio(t)]) expect(wellFormed(r)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('for baseline, target, difference-in-differences and power', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, fc.constantFrom('higher' as const, 'lower' as const), (baseline, current, target, direction) => {
        expect(wellFormed(stats.changeFromBaseline({ baseline, current, direction }))).toBe(true);
        expect(wellFormed(stats.targetProgress({ baseline, current, target, direction }))).toBe(true);
        expect(wellFormed(stats.powerTwoMeans({ effectSize: baseline, nPerGroup: current, alpha: target }))).toBe(true);
        expect(wellFormed(stats.powerTwoProportions({ p1: baseline, p2: current, nPerGroup: target }))).toBe(true);
        expect(wellFormed(stats.sampleSizeTwoProportions({ p1: baseline, p2: current, power: target }))).toBe(true);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.array(fc.record({ pre: fc.boolean(), pilot: anyNumber, comparison: anyNumber }), { maxLength: 8 }), (periods) => {
        const r = stats.differenceInDifferences(periods);
        expect(wellFormed(r)).toBe(true);
        if (r.ok) expect(wellFormed(r.inference)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('for sample sizes across plausible effects', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 0.99, noNaN: true }), (effectSize, power) => {
        const r = stats.sampleSizeTwoMeans({ effectSize, power });
        expect(wellFormed(r)).toBe(true);
        if (r.ok) expect(r.power).toBeGreaterThanOrEqual(power - 1e-6);
      }),
      { numRuns: 60 },
    );
  });
});

describe('swapping the groups flips the sign and keeps p', () => {
  it('Welch', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const r = stats.welchTest(a, b);
        const s = stats.welchTest(b, a);
        expect(r.ok).toBe(s.ok);
        if (!r.ok || !s.ok) return;
        expect(close(r.estimate, -s.estimate) && close(r.t, -s.t) && close(r.p, s.p) && close(r.df, s.df)).toBe(true);
        expect(close(r.ci.lower, -s.ci.upper)).toBe(true);
      }),
    );
  });

  it('Mann–Whitney', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const r = stats.mannWhitney(a, b);
        const s = stats.mannWhitney(b, a);
        expect(r.ok).toBe(s.ok);
        if (!r.ok || !s.ok) return;
        expect(r.u + s.u).toBe(a.length * b.length);
        expect(close(r.estimate, -s.estimate) && close(r.p, s.p)).toBe(true);
      }),
    );
  });

  it("Hedges' g", () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const r = stats.hedgesG(a, b);
        const s = stats.hedgesG(b, a);
        if (!r.ok || !s.ok) {
          expect(r.ok).toBe(s.ok);
          return;
        }
        expect(close(r.estimate, -s.estimate) && close(r.se, s.se)).toBe(true);
      }),
    );
  });

  it('rates: risk difference, z-test, Fisher and risk ratio', () => {
    fc.assert(
      fc.property(table, (t) => {
        const z = stats.twoProportionTest(t);
        const zs = stats.twoProportionTest(swap(t));
        if (z.ok && zs.ok) expect(close(z.estimate, -zs.estimate) && close(z.p, zs.p) && close(z.ci.lower, -zs.ci.upper)).toBe(true);
        else expect(z.ok).toBe(zs.ok);
        const f = stats.fisherExact(t);
        const fs = stats.fisherExact(swap(t));
        if (f.ok && fs.ok) expect(close(f.p, fs.p)).toBe(true);
        else expect(f.ok).toBe(fs.ok);
        const rr = stats.riskRatio(t);
        const rs = stats.riskRatio(swap(t));
        if (rr.ok && rs.ok) expect(close(rr.estimate, 1 / rs.estimate) && close(rr.ci.lower, 1 / rs.ci.upper)).toBe(true);
        else expect(rr.ok).toBe(rs.ok);
      }),
    );
  });

  it('difference-in-differences', () => {
    const periods = fc.tuple(values, values).map(([p, c]) => p.slice(0, Math.min(p.length, c.length)).map((pilot, i) => ({ pre: i < 1 + (i % 2), pilot, comparison: c[i] })));
    fc.assert(
      fc.property(periods, (ps) => {
        const ordered = [...ps.filter((p) => p.pre), ...ps.filter((p) => !p.pre)];
        const r = stats.differenceInDifferences(ordered);
        const s = stats.differenceInDifferences(ordered.map((p) => ({ ...p, pilot: p.comparison, comparison: p.pilot })));
        if (!r.ok || !s.ok) {
          expect(r.ok).toBe(s.ok);
          return;
        }
        expect(close(r.estimate, -s.estimate)).toBe(true);
        expect(r.warnings).toEqual(s.warnings);
      }),
    );
  });
});

describe('shifting both groups by a constant changes nothing', () => {
  it('Welch, Mann–Whitney and Hedges g', () => {
    fc.assert(
      fc.property(values, values, shift, (a, b, c) => {
        const moved = (xs: number[]) => xs.map((x) => x + c);
        const w = stats.welchTest(a, b);
        const ws = stats.welchTest(moved(a), moved(b));
        if (w.ok && ws.ok) expect(close(w.estimate, ws.estimate, 1e-6) && close(w.p, ws.p, 1e-6) && close(w.df, ws.df, 1e-6)).toBe(true);
        else expect(w.ok).toBe(ws.ok);
        const m = stats.mannWhitney(a, b);
        const ms = stats.mannWhitney(moved(a), moved(b));
        expect(ms).toEqual(m);
        const g = stats.hedgesG(a, b);
        const gs = stats.hedgesG(moved(a), moved(b));
        if (g.ok && gs.ok) expect(close(g.estimate, gs.estimate, 1e-6)).toBe(true);
        else expect(g.ok).toBe(gs.ok);
      }),
    );
  });

  it('difference-in-differences ignores a constant added to one group in every period', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })), { minLength: 2, maxLength: 12 }), shift, (pairs, c) => {
        const periods = pairs.map(([pilot, comparison], i) => ({ pre: i < pairs.length / 2, pilot, comparison }));
        const r = stats.differenceInDifferences(periods);
        const s = stats.differenceInDifferences(periods.map((p) => ({ ...p, comparison: p.comparison + c })));
        if (!r.ok || !s.ok) {
          expect(r.ok).toBe(s.ok);
          return;
        }
        expect(close(r.estimate, s.estimate, 1e-9)).toBe(true);
      }),
    );
  });
});

describe('power', () => {
  it('rises with the group size', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 2, noNaN: true }), fc.integer({ min: 2, max: 500 }), (effectSize, n) => {
        const a = stats.powerTwoMeans({ effectSize, nPerGroup: n });
        const b = stats.powerTwoMeans({ effectSize, nPerGroup: n + 5 });
        if (!a.ok || !b.ok) throw new Error('expected results');
        expect(b.power).toBeGreaterThanOrEqual(a.power - 1e-9);
      }),
      { numRuns: 60 },
    );
  });
});
