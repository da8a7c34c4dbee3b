/** Mann–Whitney U against R's and SciPy's documented examples, with ties and tiny samples. */
import { describe, expect, it } from 'vitest';
import { mannWhitney } from '../../../electron/shared/stats';
import { exactUDistribution } from '../../../electron/shared/stats/mann-whitney';

describe('mannWhitney', () => {
  it("reproduces R's ?wilcox.test two-sample example (exact, no ties)", () => {
    // Hollander & Wolfe (1973, p. 69f) permeability data, the example in R's ?wilcox.test:
    // wilcox.test(x, y, alternative = "g") gives W = 35, p-value = 0.1272. The exact null
    // distribution of U is symmetric, so the two-sided p is twice that smaller tail: 0.2544.
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = mannWhitney(x, y);
    expect(r).toMatchObject({ ok: true, u: 35, method: 'exact', ties: false, z: null });
    if (!r.ok) return;
    expect(r.p / 2).toBeCloseTo(0.1272, 4);
    expect(r.p).toBeCloseTo(0.2544, 4);
  });

  it("reproduces SciPy's mannwhitneyu documentation example, exact and asymptotic", () => {
    // SciPy 1.17 docs, scipy.stats.mannwhitneyu, diabetes diagnosis ages: U1 = 17,
    // exact p = 0.1111111111111111, asymptotic (continuity-corrected) p = 0.11134688653314041.
    const males = [19, 22, 16, 29, 24];
    const females = [20, 11, 17, 12];
    const exact = mannWhitney(males, females);
    expect(exact).toMatchObject({ ok: true, u: 17, method: 'exact' });
    if (!exact.ok) return;
    expect(exact.p).toBeCloseTo(0.1111111111111111, 12);
    // Rank-biserial r = 2U/(n1 n2) − 1 = 0.70 (Kerby 2014's simple difference: 17/20 − 3/20).
    expect(exact.estimate).toBeCloseTo(0.7, 12);
    const normal = mannWhitney(males, females, { exact: false });
    expect(normal).toMatchObject({ ok: true, method: 'normal' });
    if (!normal.ok) return;
    expect(normal.p).toBeCloseTo(0.11134688653314041, 12);
  });

  it('uses tie-corrected normal approximation with ties, as R does', () => {
    // R output printed at endmemo.com/r/wilcoxon.php ("Wilcoxon rank sum test with continuity
    // correction", "cannot compute exact p-value with ties"):
    // x = c(1,5,9,24,56,21,3,7,21,4); y = c(12,15,5,9,9,14,56,22,3,7,32,5) gives W = 51.5, p = 0.5966;
    // the same x against y = c(1233,4356,987,39999,1111,200000) gives W = 0, p = 0.001364.
    const x = [1, 5, 9, 24, 56, 21, 3, 7, 21, 4];
    const first = mannWhitney(x, [12, 15, 5, 9, 9, 14, 56, 22, 3, 7, 32, 5]);
    expect(first).toMatchObject({ ok: true, u: 51.5, method: 'normal', ties: true });
    if (first.ok) expect(first.p).toBeCloseTo(0.5966, 4);
    const second = mannWhitney(x, [1233, 4356, 987, 39999, 1111, 200000]);
    expect(second).toMatchObject({ ok: true, u: 0, method: 'normal', ties: true, estimate: -1 });
    if (second.ok) expect(second.p).toBeCloseTo(0.001364, 6);
  });

  it('matches an exact p cross-computed with SciPy for larger groups', () => {
    // Cross-computation (not a published value): scipy.stats.mannwhitneyu(x, y, method="exact")
    // with SciPy 1.17.1 gives U = 120, p = 0.0067427840259189405 for these 20 and 23 values.
    const x = Array.from({ length: 20 }, (_, i) => 1 + 2 * i);
    const y = Array.from({ length: 23 }, (_, i) => 10.5 + 2 * i);
    const r = mannWhitney(x, y);
    expect(r).toMatchObject({ ok: true, u: 120, method: 'exact' });
    if (r.ok) expect(r.p).toBeCloseTo(0.0067427840259189405, 12);
  });

  it('has an exact distribution that sums to one and matches counting', () => {
    // For m = n = 3 there are C(6,3) = 20 equally likely arrangements; U = 0 happens once.
    const dist = exactUDistribution(3, 3);
    expect(dist.length).toBe(10);
    expect(dist.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(dist[0]).toBeCloseTo(1 / 20, 12);
    // Counts of U = 0..9 for m = n = 3 (Gaussian binomial [6 choose 3]): 1 1 2 3 3 3 3 2 1 1.
    expect(Array.from(dist, (p) => Math.round(p * 20))).toEqual([1, 1, 2, 3, 3, 3, 3, 2, 1, 1]);
  });

  it('handles tiny samples and complete separation exactly', () => {
    // 3 vs 3 fully separated: P(U = 9) = 1/20, two-sided p = 2/20.
    expect(mannWhitney([4, 5, 6], [1, 2, 3])).toMatchObject({ ok: true, u: 9, p: 0.1, estimate: 1 });
    // One value each: U is 0 or 1 with probability 1/2, so p = 1.
    expect(mannWhitney([2], [1])).toMatchObject({ ok: true, u: 1, method: 'exact', p: 1 });
  });

  it('gives reasons instead of NaN', () => {
    expect(mannWhitney([], [1, 2])).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(mannWhitney([3, 3], [3, 3, 3])).toEqual({ ok: false, reason: 'no_variance' });
    expect(mannWhitney([1], [1])).toEqual({ ok: false, reason: 'no_variance' });
    expect(mannWhitney([1, Number.NaN], [2])).toEqual({ ok: false, reason: 'invalid_input' });
  });

  it('falls back to the normal approximation when exact is asked for with ties', () => {
    expect(mannWhitney([1, 2, 2], [2, 3, 4], { exact: true })).toMatchObject({ ok: true, method: 'normal', ties: true });
  });
});
