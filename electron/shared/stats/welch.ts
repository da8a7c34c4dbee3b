/**
 * Welch's two-sample t-test (unequal variances), from @stdlib/stats-ttest2. The library does the
 * arithmetic; this wrapper refuses data it cannot handle (fewer than two values a group, no spread)
 * instead of letting NaN through, and names the figures the way the pilot report uses them.
 */
import ttest2 from '@stdlib/stats-ttest2';
import { meanVariance } from './descriptive';
import { allFinite, fail, finiteFigures, interval, isProbability } from './guards';
import type { Interval, LevelOption, StatsResult } from './types';

export interface WelchResult {
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  /** mean1 − mean2 (pilot minus comparison): the headline estimate. */
  estimate: number;
  /** Welch's t statistic. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (not a whole number in general). */
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** Confidence interval for mean1 − mean2. */
  ci: Interval;
}

/**
 * Welch's t-test of group 1 (pilot) against group 2 (comparison), two-sided.
 * Needs at least two finite values per group and some spread in at least one group.
 */
export function welchTest(
  group1: readonly number[],
  group2: readonly number[],
  options: LevelOption = {},
): StatsResult<WelchResult, 'invalid_input' | 'not_enough_data' | 'no_variance'> {
  const level = options.level ?? 0.95;
  if (!allFinite(group1) || !allFinite(group2) || !isProbability(level)) return fail('invalid_input');
  if (group1.length < 2 || group2.length < 2) return fail('not_enough_data');
  const a = meanVariance(group1);
  const b = meanVariance(group2);
  if (a.variance === 0 && b.variance === 0) return fail('no_variance');
  // ttest2 only reads its arrays; the cast spares a copy of each group.
  const out = ttest2(group1 as number[], group2 as number[], { alpha: 1 - level, variance: 'unequal' });
  const figures = {
    n1: group1.length,
    n2: group2.length,
    mean1: a.mean,
    mean2: b.mean,
    estimate: a.mean - b.mean,
    t: out.statistic,
    df: out.df,
    p: Math.min(1, Math.max(0, out.pValue)),
    ci: interval(out.ci[0], out.ci[1], level),
  };
  return finiteFigures(figures) ? { ok: true, ...figures } : fail('invalid_input');
}
