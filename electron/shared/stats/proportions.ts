/**
 * Rates (events out of a group): the two-proportion z-test, Fisher's exact test, and the risk
 * difference and risk ratio with their confidence intervals. Group 1 is the pilot, group 2 the
 * comparison; every estimate is group 1 against group 2.
 *
 * Risk-difference interval: Newcombe's hybrid score interval (Newcombe 1998, method 10), built from
 * the two Wilson score intervals. It is chosen over the Wald interval p1 − p2 ± z·SE because Wald
 * collapses to zero width at 0 % or 100 % and undercovers badly with the small counts pilots have;
 * Newcombe's stays inside [−1, 1] and keeps near-nominal coverage (Newcombe 1998, Stat Med 17:873).
 *
 * Risk-ratio interval: the log (Katz) interval exp(ln RR ± z·SE), SE² = 1/a − 1/n1 + 1/c − 1/n2.
 * When any cell is zero, 0.5 is added to all four cells (Haldane–Anscombe) and `corrected` says so;
 * with no events in either group the ratio is 0/0 and the result is `no_events`.
 */
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { fail, finiteFigures, interval, isCount, isProbability, isTwoByTwo } from './guards';
import type { Interval, LevelOption, StatsResult, TwoByTwo } from './types';

type RateFailure = 'invalid_input' | 'not_enough_data';

const critical = (level: number) => normalQuantile(1 - (1 - level) / 2, 0, 1);

/**
 * Wilson score interval for one proportion (Wilson 1927). Needs n > 0; stays within [0, 1].
 */
export function wilsonInterval(events: number, n: number, options: LevelOption = {}): StatsResult<{ estimate: number; ci: Interval }, RateFailure> {
  const level = options.level ?? 0.95;
  if (!isCount(events) || !isCount(n) || events > n || !isProbability(level)) return fail('invalid_input');
  if (n === 0) return fail('not_enough_data');
  const z = critical(level);
  const p = events / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // At 0 or n events the bound is exactly 0 or 1; computing it would leave rounding dust (1e-17).
  const lower = events === 0 ? 0 : Math.max(0, centre - half);
  const upper = events === n ? 1 : Math.min(1, centre + half);
  return { ok: true, estimate: p, ci: interval(lower, upper, level) };
}

export interface RiskDifferenceResult {
  p1: number;
  p2: number;
  /** p1 − p2, the headline estimate. */
  estimate: number;
  /** Newcombe hybrid score interval (method 10). */
  ci: Interval;
}

/** Risk difference p1 − p2 with Newcombe's hybrid score interval. Both groups need n > 0. */
export function riskDifference(table: TwoByTwo, options: LevelOption = {}): StatsResult<RiskDifferenceResult, RateFailure> {
  const level = options.level ?? 0.95;
  if (!isTwoByTwo(table) || !isProbability(level)) return fail('invalid_input');
  const w1 = wilsonInterval(table.events1, table.n1, { level });
  const w2 = wilsonInterval(table.events2, table.n2, { level });
  if (!w1.ok || !w2.ok) return fail('not_enough_data');
  const p1 = w1.estimate;
  const p2 = w2.estimate;
  const [l1, u1, l2, u2] = [w1.ci.lower, w1.ci.upper, w2.ci.lower, w2.ci.upper];
  const estimate = p1 - p2;
  const lower = estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { ok: true, p1, p2, estimate, ci: interval(Math.max(-1, lower), Math.min(1, upper), level) };
}

export interface ProportionTestResult extends RiskDifferenceResult {
  /** z = (p1 − p2) / SE with the pooled SE under H0; z² equals R's `prop.test(correct = FALSE)` X-squared. */
  z: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Two-proportion z-test (pooled, no continuity correction — the same p as R's
 * `prop.test(x, n, correct = FALSE)`), with the risk difference and its Newcombe interval.
 * `no_variance` when the pooled rate is 0 % or 100 % (no events at all, or all events).
 */
export function twoProportionTest(
  table: TwoByTwo,
  options: LevelOption = {},
): StatsResult<ProportionTestResult, RateFailure | 'no_variance'> {
  const rd = riskDifference(table, options);
  if (!rd.ok) return rd;
  const pooled = (table.events1 + table.events2) / (table.n1 + table.n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / table.n1 + 1 / table.n2));
  if (!(se > 0)) return fail('no_variance');
  const z = rd.estimate / se;
  const figures = { ...rd, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1)) };
  return finiteFigures(figures) ? figures : fail('invalid_input');
}

export interface FisherResult {
  /** Two-sided p: the total probability of every table, with the same margins, no more likely than the observed one (R's rule, with its 1e-7 relative tolerance). */
  p: number;
  /** p1 − p2, reported so the interpretation has a direction. */
  estimate: number;
}

/**
 * Fisher's exact test for a 2×2 table, two-sided, from the hypergeometric distribution with the
 * margins fixed. Works with zero cells and tiny counts (a table with an empty margin has p = 1).
 * O(min(margins)) evaluations of the @stdlib hypergeometric pmf.
 */
export function fisherExact(table: TwoByTwo): StatsResult<FisherResult, RateFailure> {
  if (!isTwoByTwo(table)) return fail('invalid_input');
  const { events1: a, n1, events2: c, n2 } = table;
  if (n1 === 0 || n2 === 0) return fail('not_enough_data');
  const total = n1 + n2;
  const events = a + c;
  // a ~ Hypergeometric(population total, successes `events`, draws n1)
  const lo = Math.max(0, n1 - (total - events));
  const hi = Math.min(n1, events);
  const observed = hypergeometricPmf(a, total, events, n1);
  // Walk out from the mode in both directions with the pmf's ratio of neighbours,
  //   P(x + 1) / P(x) = (events − x)(n1 − x) / ((x + 1)(total − events − n1 + x + 1)),
  // starting from @stdlib's value at the mode. The distribution is unimodal, so once a term falls
  // below 1e-14 of the observed table's probability the rest of that side cannot change p in any
  // digit that matters; large counts visit a few hundred tables, not the whole support.
  const mode = Math.min(hi, Math.max(lo, Math.floor(((n1 + 1) * (events + 1)) / (total + 2))));
  const atMode = hypergeometricPmf(mode, total, events, n1);
  const threshold = observed * (1 + 1e-7);
  // Floored, so that an observed probability that underflows to 0 (a lopsided table of millions) still stops the walk.
  const negligible = Math.max(observed * 1e-14, 1e-300);
  let p = atMode <= threshold ? atMode : 0;
  for (let x = mode, term = atMode; x < hi; x++) {
    term *= ((events - x) * (n1 - x)) / ((x + 1) * (total - events - n1 + x + 1));
    if (term <= threshold) p += term;
    if (term < negligible) break;
  }
  for (let x = mode, term = atMode; x > lo; x--) {
    term *= (x * (total - events - n1 + x)) / ((events - x + 1) * (n1 - x + 1));
    if (term <= threshold) p += term;
    if (term < negligible) break;
  }
  const figures = { p: Math.min(1, Math.max(0, p)), estimate: a / n1 - c / n2 };
  return finiteFigures(figures) ? { ok: true, ...figures } : fail('invalid_input');
}

export interface RiskRatioResult {
  /** (a / n1) / (c / n2), from the corrected cells when `corrected` is true. */
  estimate: number;
  /** exp(ln RR ± z·SE), the log (Katz) interval. */
  ci: Interval;
  /** True when a zero cell made us add 0.5 to every cell (Haldane–Anscombe). */
  corrected: boolean;
}

/** Risk ratio p1 / p2 with its log interval; see the module comment for zero cells. */
export function riskRatio(
  table: TwoByTwo,
  options: LevelOption = {},
): StatsResult<RiskRatioResult, RateFailure | 'no_events'> {
  const level = options.level ?? 0.95;
  if (!isTwoByTwo(table) || !isProbability(level)) return fail('invalid_input');
  if (table.n1 === 0 || table.n2 === 0) return fail('not_enough_data');
  if (table.events1 === 0 && table.events2 === 0) return fail('no_events');
  const cells = [table.events1, table.n1 - table.events1, table.events2, table.n2 - table.events2];
  const corrected = cells.some((x) => x === 0);
  const [a, b, c, d] = corrected ? cells.map((x) => x + 0.5) : cells;
  const logRatio = Math.log(a / (a + b)) - Math.log(c / (c + d));
  const se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
  const z = critical(level);
  const figures = { estimate: Math.exp(logRatio), ci: interval(Math.exp(logRatio - z * se), Math.exp(logRatio + z * se), level), corrected };
  return finiteFigures(figures) ? { ok: true, ...figures } : fail('invalid_input');
}
