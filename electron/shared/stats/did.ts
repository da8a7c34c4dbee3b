/**
 * Difference-in-differences from per-period group means.
 *
 * Each period gives the pilot group's mean and the comparison group's mean, and whether it is before
 * the pilot started (`pre`). With the gap g_t = pilot_t − comparison_t,
 *   estimate = mean(g over post periods) − mean(g over pre periods)
 *            = (pilot post − pilot pre) − (comparison post − comparison pre), periods weighted equally.
 * The interval and p come from Welch's t-test of the post gaps against the pre gaps: collapsing to
 * one gap per period is the remedy Bertrand, Duflo & Mullainathan (2004, QJE 119:249) recommend for
 * serially correlated panels; it needs two or more periods on each side and is approximate, because
 * neighbouring periods are not independent.
 *
 * Parallel-trends check (`pre_trends_diverge`): over the pre periods, fit the gap against the period
 * position by least squares. If that trend continued, it alone would move the estimate by
 *   shift = slope × (mean position of post periods − mean position of pre periods).
 * The trends are said to diverge when |shift| > PRE_TREND_SHARE (half) of |estimate| — the pre-trend
 * could explain half the effect or more — or, with three or more pre periods, when the slope differs
 * from zero at PRE_TREND_ALPHA (0.10; lenient on purpose, as pre-trend tests have little power).
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { fail, finiteFigures } from './guards';
import type { Interval, LevelOption, StatsCaveat, StatsResult } from './types';
import { welchTest } from './welch';

export const PRE_TREND_SHARE = 0.5;
export const PRE_TREND_ALPHA = 0.1;
/**
 * Fewer periods than this before, or after, the pilot started gives the `few_periods` warning: the
 * spread of the gaps on that side then rests on one or two values (degrees of freedom can fall to 1).
 */
export const MIN_PERIODS = 3;

export interface PeriodMeans {
  /** True for periods before the pilot started. Periods come in time order, all pre before any post. */
  pre: boolean;
  pilot: number;
  comparison: number;
}

export interface PreTrend {
  /** Change of the gap per period over the pre periods. */
  slope: number;
  /** How far the estimate would move if the pre-trend continued (see the module comment). */
  shift: number;
  /** Two-sided p of the slope (t with k − 2 df); null with two pre periods or a perfect line. */
  p: number | null;
}

export type DidWarning = Extract<StatsCaveat, 'few_periods' | 'pre_trends_diverge' | 'pre_trends_untested'>;

export interface DidResult {
  /** The difference-in-differences, the headline estimate, in the KPI's unit. */
  estimate: number;
  /** Pilot group: mean of post periods − mean of pre periods. */
  pilotChange: number;
  /** Comparison group: mean of post periods − mean of pre periods. */
  comparisonChange: number;
  prePeriods: number;
  postPeriods: number;
  /** Interval and p from the gaps; a failure (`not_enough_data`, `no_variance`) when they cannot be computed. */
  inference: StatsResult<{ ci: Interval; p: number; df: number }, 'not_enough_data' | 'no_variance'>;
  /** The pre-period trend of the gap; null with fewer than two pre periods. */
  preTrend: PreTrend | null;
  warnings: DidWarning[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Least-squares slope of ys on xs with its two-sided p (null when it cannot be tested). */
function trend(xs: readonly number[], ys: readonly number[]): { slope: number; p: number | null } {
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (ys[i] - my);
  });
  const slope = sxy / sxx;
  const k = xs.length;
  if (k < 3) return { slope, p: null };
  const rss = ys.reduce((s, y, i) => s + (y - my - slope * (xs[i] - mx)) ** 2, 0);
  const se = Math.sqrt(rss / (k - 2) / sxx);
  if (!(se > 0)) return { slope, p: null };
  return { slope, p: Math.min(1, 2 * tCdf(-Math.abs(slope / se), k - 2)) };
}

/** Difference-in-differences with its warnings; see the module comment for the rules. */
export function differenceInDifferences(
  periods: readonly PeriodMeans[],
  options: LevelOption = {},
): StatsResult<DidResult, 'invalid_input' | 'no_pre_period' | 'no_post_period'> {
  if (!periods.every((p) => Number.isFinite(p.pilot) && Number.isFinite(p.comparison) && typeof p.pre === 'boolean')) return fail('invalid_input');
  const firstPost = periods.findIndex((p) => !p.pre);
  if (firstPost >= 0 && periods.slice(firstPost).some((p) => p.pre)) return fail('invalid_input');
  const pre = periods.filter((p) => p.pre);
  const post = periods.filter((p) => !p.pre);
  if (pre.length === 0) return fail('no_pre_period');
  if (post.length === 0) return fail('no_post_period');

  const gaps = periods.map((p) => p.pilot - p.comparison);
  const preGaps = gaps.slice(0, pre.length);
  const postGaps = gaps.slice(pre.length);
  const pilotChange = mean(post.map((p) => p.pilot)) - mean(pre.map((p) => p.pilot));
  const comparisonChange = mean(post.map((p) => p.comparison)) - mean(pre.map((p) => p.comparison));
  const estimate = mean(postGaps) - mean(preGaps);

  const test = welchTest(postGaps, preGaps, options);
  const inference: DidResult['inference'] = test.ok
    ? { ok: true, ci: test.ci, p: test.p, df: test.df }
    : fail(test.reason === 'no_variance' ? 'no_variance' : 'not_enough_data');

  const warnings: DidWarning[] = [];
  if (pre.length < MIN_PERIODS || post.length < MIN_PERIODS) warnings.push('few_periods');
  let preTrend: PreTrend | null = null;
  if (pre.length < 2) warnings.push('pre_trends_untested');
  else {
    const positions = pre.map((_, i) => i);
    const { slope, p } = trend(positions, preGaps);
    const postCentre = pre.length + (post.length - 1) / 2;
    const shift = slope * (postCentre - mean(positions));
    preTrend = { slope, shift, p };
    // A tolerance relative to the data keeps rounding noise in a flat gap from counting as a trend.
    const noise = 1e-9 * Math.max(1, ...gaps.map(Math.abs));
    if (Math.abs(shift) > PRE_TREND_SHARE * Math.abs(estimate) + noise || (p !== null && p < PRE_TREND_ALPHA)) warnings.push('pre_trends_diverge');
  }
  const figures = { estimate, pilotChange, comparisonChange, prePeriods: pre.length, postPeriods: post.length, preTrend };
  if (!finiteFigures(figures)) return fail('invalid_input');
  return { ok: true, ...figures, inference, warnings };
}
