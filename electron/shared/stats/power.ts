/**
 * Sample size and power for the pilot protocol: two groups of equal size, two-sided tests.
 *
 * Means (standardised effect d = difference / sd): the power of the two-sample t-test from the
 * noncentral t distribution, as R's `power.t.test` computes it (strict = FALSE, the default: the
 * far tail, below −t_crit, is ignored, which changes power by less than 0.5·alpha):
 *   ν = 2(n − 1),  δ = d·√(n/2),  power = P(T'(ν, δ) > t_{1−α/2, ν}).
 * No installed library has the noncentral t, so its upper tail is integrated here: with
 * T' = (Z + δ)/S, S = √(χ²_ν/ν), P(T' > q) = E[Φ(δ − qS)], a one-dimensional integral over the
 * density of S (Simpson's rule, 2 000 panels over ±12 standard deviations of S).
 *
 * Proportions: R's `power.prop.test` normal approximation,
 *   power = Φ((√n·|p1 − p2| − z_{1−α/2}·√((p1 + p2)(1 − (p1 + p2)/2))) / √(p1(1 − p1) + p2(1 − p2))),
 * solved for n in closed form.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { fail, isProbability } from './guards';
import type { StatsResult } from './types';

/** Searches for n stop here: an effect needing more than this per group is treated as `no_effect`. */
export const MAX_N_PER_GROUP = 1e7;

const PANELS = 2000;

/** P(T' > q) for the noncentral t with ν degrees of freedom and noncentrality δ. */
export function noncentralTUpper(q: number, nu: number, delta: number): number {
  const centre = Math.sqrt(Math.max(nu - 1, 0) / nu);
  const spread = 1 / Math.sqrt(2 * nu);
  const from = Math.max(0, centre - 12 * spread);
  const to = centre + 12 * spread;
  const h = (to - from) / PANELS;
  // Log-density of S up to a constant; its maximum is at `centre`, so weights stay ≤ 1.
  const logDensity = (s: number) => (nu - 1) * Math.log(s) - (nu * s * s) / 2;
  const top = centre > 0 ? logDensity(centre) : 0;
  let mass = 0;
  let total = 0;
  for (let i = 0; i <= PANELS; i++) {
    const s = from + i * h;
    const simpson = i === 0 || i === PANELS ? 1 : i % 2 === 1 ? 4 : 2;
    const w = s > 0 ? simpson * Math.exp(logDensity(s) - top) : 0;
    mass += w;
    total += w * normalCdf(delta - q * s, 0, 1);
  }
  return total / mass;
}

export interface PowerMeansInput {
  /** Standardised effect: the difference to detect divided by the outcome's standard deviation. */
  effectSize: number;
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
}

export interface PowerProportionsInput {
  /** Expected rate in the comparison group, strictly between 0 and 1. */
  p1: number;
  /** Rate the pilot should reach, strictly between 0 and 1. */
  p2: number;
  alpha?: number;
}

export interface SampleSize {
  /** Participants needed in EACH group, rounded up. */
  nPerGroup: number;
  /** The unrounded solution (what R prints, e.g. 22.02110). */
  exactN: number;
  /** Power actually reached with `nPerGroup`. */
  power: number;
}

type PowerFailure = 'invalid_input' | 'not_enough_data' | 'no_effect';

/** Power of the two-sided two-sample t-test for `nPerGroup` (≥ 2, need not be whole) in each group. */
export function powerTwoMeans(input: PowerMeansInput & { nPerGroup: number }): StatsResult<{ power: number }, Exclude<PowerFailure, 'no_effect'>> {
  const alpha = input.alpha ?? 0.05;
  if (!Number.isFinite(input.effectSize) || !Number.isFinite(input.nPerGroup) || !isProbability(alpha)) return fail('invalid_input');
  if (input.nPerGroup < 2) return fail('not_enough_data');
  const nu = 2 * (input.nPerGroup - 1);
  const power = noncentralTUpper(tQuantile(1 - alpha / 2, nu), nu, Math.abs(input.effectSize) * Math.sqrt(input.nPerGroup / 2));
  return Number.isFinite(power) ? { ok: true, power: Math.min(1, Math.max(0, power)) } : fail('invalid_input');
}

/** Participants per group for the two-sided t-test to reach `power` (default 0.8). */
export function sampleSizeTwoMeans(input: PowerMeansInput & { power?: number }): StatsResult<SampleSize, PowerFailure> {
  const target = input.power ?? 0.8;
  if (!isProbability(target)) return fail('invalid_input');
  const at = (n: number) => powerTwoMeans({ ...input, nPerGroup: n });
  const low = at(2);
  if (!low.ok) return low;
  if (input.effectSize === 0) return fail('no_effect');
  const result = (exactN: number): StatsResult<SampleSize, PowerFailure> => {
    const nPerGroup = Math.max(2, Math.ceil(exactN - 1e-9));
    const reached = at(nPerGroup);
    return reached.ok ? { ok: true, nPerGroup, exactN, power: reached.power } : reached;
  };
  if (low.power >= target) return result(2);
  const high = at(MAX_N_PER_GROUP);
  if (!high.ok || high.power < target) return fail('no_effect');
  // Power rises with n: bisect on n to 1e-9 relative.
  let lo = 2;
  let hi = MAX_N_PER_GROUP;
  while (hi - lo > 1e-9 * hi) {
    const mid = (lo + hi) / 2;
    const p = at(mid);
    if (p.ok && p.power < target) lo = mid;
    else hi = mid;
  }
  return result((lo + hi) / 2);
}

function proportionsValid(input: PowerProportionsInput, alpha: number): boolean {
  return [input.p1, input.p2].every(isProbability) && isProbability(alpha);
}

/** Power of the two-sided two-proportion test for `nPerGroup` (> 0) in each group. */
export function powerTwoProportions(input: PowerProportionsInput & { nPerGroup: number }): StatsResult<{ power: number }, Exclude<PowerFailure, 'no_effect'>> {
  const alpha = input.alpha ?? 0.05;
  if (!proportionsValid(input, alpha) || !Number.isFinite(input.nPerGroup)) return fail('invalid_input');
  if (input.nPerGroup <= 0) return fail('not_enough_data');
  const { p1, p2 } = input;
  const z = normalQuantile(1 - alpha / 2, 0, 1);
  const power = normalCdf(
    (Math.sqrt(input.nPerGroup) * Math.abs(p1 - p2) - z * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)),
    0,
    1,
  );
  return { ok: true, power };
}

/** Participants per group for the two-sided two-proportion test to reach `power` (default 0.8). */
export function sampleSizeTwoProportions(input: PowerProportionsInput & { power?: number }): StatsResult<SampleSize, PowerFailure> {
  const alpha = input.alpha ?? 0.05;
  const target = input.power ?? 0.8;
  if (!proportionsValid(input, alpha) || !isProbability(target)) return fail('invalid_input');
  const { p1, p2 } = input;
  if (p1 === p2) return fail('no_effect');
  const za = normalQuantile(1 - alpha / 2, 0, 1);
  const zb = normalQuantile(target, 0, 1);
  const root = (za * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / Math.abs(p1 - p2);
  // A negative root means even the smallest group already has the power asked for.
  const exactN = root > 0 ? root * root : 0;
  if (!(exactN <= MAX_N_PER_GROUP)) return fail('no_effect');
  const nPerGroup = Math.max(1, Math.ceil(exactN - 1e-9));
  const reached = powerTwoProportions({ ...input, nPerGroup });
  return reached.ok ? { ok: true, nPerGroup, exactN, power: reached.power } : reached;
}
