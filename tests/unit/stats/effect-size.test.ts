/** Hedges' g against Borenstein et al.'s worked example. */
import { describe, expect, it } from 'vitest';
import { hedgesG, hedgesGFromSummary } from '../../../electron/shared/stats';

describe('hedgesGFromSummary', () => {
  it('reproduces the worked example of Borenstein et al. (2009), ch. 4', () => {
    // Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis (Wiley), chapter 4 worked example:
    // means 103 and 100, SDs 5.5 and 4.5, n = 50 each → S_within = 5.0249, d = 0.5970,
    // V_d = 0.0418, J = 0.9923, g = 0.5924, V_g = 0.0411, SE_g = 0.2028.
    // Checked by hand: S_within = √25.25; J = 1 − 3/391; V_g = J²·V_d.
    const r = hedgesGFromSummary({ n: 50, mean: 103, sd: 5.5 }, { n: 50, mean: 100, sd: 4.5 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.d).toBeCloseTo(0.597, 4);
    expect(r.j).toBeCloseTo(0.9923, 4);
    expect(r.estimate).toBeCloseTo(0.5924, 4);
    expect(r.se ** 2).toBeCloseTo(0.0411, 4);
    expect(r.se).toBeCloseTo(0.2028, 4);
    // 95 % CI g ± 1.96·SE: 0.5924 ± 0.3976.
    expect(r.ci.lower).toBeCloseTo(0.1949, 4);
    expect(r.ci.upper).toBeCloseTo(0.99, 3);
  });

  it('flips sign when the groups swap', () => {
    const a = hedgesGFromSummary({ n: 12, mean: 4, sd: 2 }, { n: 9, mean: 3, sd: 1 });
    const b = hedgesGFromSummary({ n: 9, mean: 3, sd: 1 }, { n: 12, mean: 4, sd: 2 });
    if (!a.ok || !b.ok) throw new Error('expected results');
    expect(b.estimate).toBeCloseTo(-a.estimate, 12);
    expect(b.ci.lower).toBeCloseTo(-a.ci.upper, 12);
  });

  it('gives reasons instead of NaN', () => {
    expect(hedgesGFromSummary({ n: 1, mean: 1, sd: 0 }, { n: 5, mean: 2, sd: 1 })).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(hedgesGFromSummary({ n: 4, mean: 1, sd: 0 }, { n: 5, mean: 2, sd: 0 })).toEqual({ ok: false, reason: 'no_variance' });
    expect(hedgesGFromSummary({ n: 4, mean: 1, sd: -1 }, { n: 5, mean: 2, sd: 1 })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(hedgesGFromSummary({ n: 4.5, mean: 1, sd: 1 }, { n: 5, mean: 2, sd: 1 })).toEqual({ ok: false, reason: 'invalid_input' });
  });
});

describe('hedgesG', () => {
  it('agrees with the summary form on raw data', () => {
    // R's sleep data (see welch.test.ts): means 0.75 and 2.33, SDs 1.789010 and 2.002249.
    const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const raw = hedgesG(g1, g2);
    const summary = hedgesGFromSummary({ n: 10, mean: 0.75, sd: 1.78901 }, { n: 10, mean: 2.33, sd: 2.002249 });
    if (!raw.ok || !summary.ok) throw new Error('expected results');
    expect(raw.estimate).toBeCloseTo(summary.estimate, 4);
    expect(hedgesG([1, 1], [1, 1])).toEqual({ ok: false, reason: 'no_variance' });
    expect(hedgesG([1], [1, 2])).toEqual({ ok: false, reason: 'not_enough_data' });
  });
});
