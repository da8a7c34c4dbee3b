/**
 * Hedges' g: the standardised mean difference with the small-sample correction J, and its
 * confidence interval from the large-sample variance (Borenstein, Hedges, Higgins & Rothstein 2009,
 * Introduction to Meta-Analysis, ch. 4, eq. 4.18–4.24):
 *   d = (m1 − m2) / s_pooled,  V_d = (n1 + n2)/(n1·n2) + d² / (2(n1 + n2)),
 *   J = 1 − 3 / (4(n1 + n2 − 2) − 1),  g = J·d,  V_g = J²·V_d,  CI = g ± z·√V_g.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { meanVariance } from './descriptive';
import { allFinite, fail, finiteFigures, interval, isProbability } from './guards';
import type { Interval, LevelOption, StatsResult } from './types';

/** Summary statistics of one group, as a published table gives them. */
export interface GroupSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 divisor). */
  sd: number;
}

export interface HedgesResult {
  /** Hedges' g (bias-corrected), the headline estimate; positive when group 1 is higher. */
  estimate: number;
  /** Cohen's d before the correction. */
  d: number;
  /** The correction factor J. */
  j: number;
  /** Standard error of g. */
  se: number;
  ci: Interval;
}

type HedgesFailure = 'invalid_input' | 'not_enough_data' | 'no_variance';

/** Hedges' g from group summaries (n, mean, sd); both groups need n ≥ 2. */
export function hedgesGFromSummary(group1: GroupSummary, group2: GroupSummary, options: LevelOption = {}): StatsResult<HedgesResult, HedgesFailure> {
  const level = options.level ?? 0.95;
  const numbers = [group1.n, group1.mean, group1.sd, group2.n, group2.mean, group2.sd];
  if (!allFinite(numbers) || !Number.isInteger(group1.n) || !Number.isInteger(group2.n) || group1.sd < 0 || group2.sd < 0 || !isProbability(level)) {
    return fail('invalid_input');
  }
  const n1 = group1.n;
  const n2 = group2.n;
  if (n1 < 2 || n2 < 2) return fail('not_enough_data');
  const pooled = Math.sqrt(((n1 - 1) * group1.sd ** 2 + (n2 - 1) * group2.sd ** 2) / (n1 + n2 - 2));
  if (!(pooled > 0)) return fail('no_variance');
  const d = (group1.mean - group2.mean) / pooled;
  const varianceD = (n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2));
  const j = 1 - 3 / (4 * (n1 + n2 - 2) - 1);
  const estimate = j * d;
  const se = j * Math.sqrt(varianceD);
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const figures = { estimate, d, j, se, ci: interval(estimate - z * se, estimate + z * se, level) };
  return finiteFigures(figures) ? { ok: true, ...figures } : fail('invalid_input');
}

/** Hedges' g of group 1 (pilot) against group 2 (comparison) from raw observations. */
export function hedgesG(group1: readonly number[], group2: readonly number[], options: LevelOption = {}): StatsResult<HedgesResult, HedgesFailure> {
  if (!allFinite(group1) || !allFinite(group2)) return fail('invalid_input');
  const a = meanVariance(group1);
  const b = meanVariance(group2);
  return hedgesGFromSummary(
    { n: group1.length, mean: a.mean, sd: Math.sqrt(a.variance) },
    { n: group2.length, mean: b.mean, sd: Math.sqrt(b.variance) },
    options,
  );
}
