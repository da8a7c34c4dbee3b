/** Sample size and power against R's power.t.test and power.prop.test examples. */
import { describe, expect, it } from 'vitest';
import { powerTwoMeans, powerTwoProportions, sampleSizeTwoMeans, sampleSizeTwoProportions } from '../../../electron/shared/stats';
import { noncentralTUpper } from '../../../electron/shared/stats/power';

describe('two means (noncentral t, as power.t.test)', () => {
  it("reproduces R's ?power.t.test examples", () => {
    // R ?power.t.test: power.t.test(n = 20, delta = 1) gives power = 0.8689528;
    // power.t.test(power = .90, delta = 1) gives n = 22.02110.
    const power = powerTwoMeans({ effectSize: 1, nPerGroup: 20 });
    expect(power.ok && power.power).toBeCloseTo(0.8689528, 6);
    const size = sampleSizeTwoMeans({ effectSize: 1, power: 0.9 });
    expect(size).toMatchObject({ ok: true, nPerGroup: 23 });
    if (!size.ok) return;
    expect(size.exactN).toBeCloseTo(22.0211, 3);
    expect(size.power).toBeGreaterThanOrEqual(0.9);
  });

  it('reduces to the central t when there is no effect', () => {
    // δ = 0: P(T > t_{0.975, 10}) = 0.025 exactly.
    expect(noncentralTUpper(2.2281388519649385, 10, 0)).toBeCloseTo(0.025, 8);
  });

  it('treats a negative effect like its size and refuses impossible requests', () => {
    const a = powerTwoMeans({ effectSize: -0.5, nPerGroup: 30 });
    const b = powerTwoMeans({ effectSize: 0.5, nPerGroup: 30 });
    expect(a).toEqual(b);
    expect(sampleSizeTwoMeans({ effectSize: 0 })).toEqual({ ok: false, reason: 'no_effect' });
    expect(sampleSizeTwoMeans({ effectSize: 1e-5 })).toEqual({ ok: false, reason: 'no_effect' });
    expect(sampleSizeTwoMeans({ effectSize: 1, power: 1 })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(powerTwoMeans({ effectSize: 1, nPerGroup: 1 })).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(powerTwoMeans({ effectSize: Number.NaN, nPerGroup: 10 })).toEqual({ ok: false, reason: 'invalid_input' });
  });

  it('needs only the minimum when the effect is huge', () => {
    expect(sampleSizeTwoMeans({ effectSize: 50, power: 0.8 })).toMatchObject({ ok: true, nPerGroup: 2, exactN: 2 });
  });
});

describe('two proportions (as power.prop.test)', () => {
  it("reproduces R's ?power.prop.test examples", () => {
    // R ?power.prop.test: power.prop.test(n = 50, p1 = .50, p2 = .75) gives power = 0.7401659;
    // power.prop.test(p1 = .50, p2 = .75, power = .90) gives n = 76.7 (as the help page rounds it).
    const power = powerTwoProportions({ p1: 0.5, p2: 0.75, nPerGroup: 50 });
    expect(power.ok && power.power).toBeCloseTo(0.7401659, 7);
    const size = sampleSizeTwoProportions({ p1: 0.5, p2: 0.75, power: 0.9 });
    expect(size).toMatchObject({ ok: true, nPerGroup: 77 });
    if (size.ok) expect(size.exactN).toBeCloseTo(76.7, 1);
  });

  it('refuses equal or impossible rates', () => {
    expect(sampleSizeTwoProportions({ p1: 0.3, p2: 0.3 })).toEqual({ ok: false, reason: 'no_effect' });
    expect(sampleSizeTwoProportions({ p1: 0, p2: 0.3 })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(powerTwoProportions({ p1: 0.2, p2: 0.3, nPerGroup: 0 })).toEqual({ ok: false, reason: 'not_enough_data' });
  });
});
