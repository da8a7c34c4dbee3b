/** Descriptive summary, change from baseline and share of target. */
import { describe, expect, it } from 'vitest';
import { changeFromBaseline, summarize, targetProgress } from '../../../electron/shared/stats';

// R's `sleep` data set (Cushny & Peebles 1905, as in R's datasets package): `extra` for group 1.
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];

describe('summarize', () => {
  it('matches R for the sleep data, group 1', () => {
    // R: mean(sleep$extra[1:10]) = 0.75; sd(...) = 1.78901; median(...) = 0.35 (the mean of 0.0 and 0.7).
    const s = summarize(SLEEP_1);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.n).toBe(10);
    expect(s.mean).toBeCloseTo(0.75, 12);
    expect(s.sd).toBeCloseTo(1.78901, 5);
    expect(s.median).toBeCloseTo(0.35, 12);
    expect([s.min, s.max]).toEqual([-1.6, 3.7]);
  });

  it('gives an odd-length median and no sd for a single value', () => {
    expect(summarize([3, 1, 2])).toMatchObject({ ok: true, median: 2, sd: 1 });
    expect(summarize([5])).toMatchObject({ ok: true, n: 1, mean: 5, sd: null, median: 5 });
  });

  it('refuses empty and non-finite input with a reason', () => {
    expect(summarize([])).toEqual({ ok: false, reason: 'not_enough_data' });
    expect(summarize([1, Number.NaN])).toEqual({ ok: false, reason: 'invalid_input' });
    expect(summarize([1, Number.POSITIVE_INFINITY])).toEqual({ ok: false, reason: 'invalid_input' });
    // Finite inputs whose spread overflows a double are refused, not returned as Infinity.
    expect(summarize([-1e308, 1e308, 1e308])).toEqual({ ok: false, reason: 'invalid_input' });
  });
});

describe('changeFromBaseline', () => {
  it('signs the improvement by the KPI direction', () => {
    const up = changeFromBaseline({ baseline: 40, current: 50, direction: 'higher' });
    expect(up).toMatchObject({ ok: true, change: 10, improvement: 10, relativeChange: { ok: true, value: 0.25 } });
    const waiting = changeFromBaseline({ baseline: 40, current: 30, direction: 'lower' });
    expect(waiting).toMatchObject({ ok: true, change: -10, improvement: 10, relativeChange: { ok: true, value: -0.25 } });
  });

  it('measures relative change against the size of a negative baseline', () => {
    expect(changeFromBaseline({ baseline: -20, current: -10, direction: 'higher' })).toMatchObject({ relativeChange: { ok: true, value: 0.5 } });
  });

  it('explains a zero baseline instead of dividing by it', () => {
    const r = changeFromBaseline({ baseline: 0, current: 3, direction: 'higher' });
    expect(r).toMatchObject({ ok: true, change: 3, relativeChange: { ok: false, reason: 'zero_baseline' } });
  });

  it('refuses non-finite values and unknown directions', () => {
    expect(changeFromBaseline({ baseline: Number.NaN, current: 3, direction: 'higher' })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(changeFromBaseline({ baseline: 1, current: 3, direction: 'up' as never })).toEqual({ ok: false, reason: 'invalid_input' });
  });
});

describe('targetProgress', () => {
  it('is 0 at the baseline, 1 at the target, and respects lower-is-better', () => {
    expect(targetProgress({ baseline: 40, current: 40, target: 60, direction: 'higher' })).toEqual({ ok: true, share: 0, reached: false });
    expect(targetProgress({ baseline: 40, current: 55, target: 60, direction: 'higher' })).toEqual({ ok: true, share: 0.75, reached: false });
    expect(targetProgress({ baseline: 40, current: 60, target: 60, direction: 'higher' })).toEqual({ ok: true, share: 1, reached: true });
    expect(targetProgress({ baseline: 30, current: 18, target: 10, direction: 'lower' })).toEqual({ ok: true, share: 0.6, reached: false });
    expect(targetProgress({ baseline: 30, current: 8, target: 10, direction: 'lower' })).toEqual({ ok: true, share: 1.1, reached: true });
    expect(targetProgress({ baseline: 30, current: 35, target: 10, direction: 'lower' })).toEqual({ ok: true, share: -0.25, reached: false });
  });

  it('explains targets that make the share meaningless', () => {
    expect(targetProgress({ baseline: 5, current: 6, target: 5, direction: 'higher' })).toEqual({ ok: false, reason: 'target_equals_baseline' });
    expect(targetProgress({ baseline: 5, current: 6, target: 3, direction: 'higher' })).toEqual({ ok: false, reason: 'target_not_an_improvement' });
    expect(targetProgress({ baseline: 5, current: 6, target: 8, direction: 'lower' })).toEqual({ ok: false, reason: 'target_not_an_improvement' });
    expect(targetProgress({ baseline: 5, current: Number.NaN, target: 8, direction: 'higher' })).toEqual({ ok: false, reason: 'invalid_input' });
  });
});
