/**
 * Result and input types shared by every pilot statistic. Every function returns a discriminated
 * result: `{ ok: true, ...figures }` or `{ ok: false, reason }`. No function lets NaN or ±Infinity
 * escape: when the data cannot support a figure the caller gets a reason code instead, which the UI
 * shows through the translation key `stats.reason.<code>`.
 */

/** Why a figure could not be computed. Each code has a translation under `stats.reason.<code>`. */
export const STATS_REASONS = [
  /** A value is not a finite number, a count is negative or not whole, events exceed the group size, a level is outside (0, 1). */
  'invalid_input',
  /** Too few observations for this figure (for example fewer than two per group for a t-test). */
  'not_enough_data',
  /** Every observation is the same, so a spread-based figure (t, z, Hedges' g) is undefined. */
  'no_variance',
  /** The baseline is zero, so a relative (percentage) change is undefined. */
  'zero_baseline',
  /** The target equals the baseline, so "share of target reached" is undefined. */
  'target_equals_baseline',
  /** The target is not an improvement on the baseline in the KPI's direction. */
  'target_not_an_improvement',
  /** Neither group had any event, so a risk ratio is undefined. */
  'no_events',
  /** Difference-in-differences needs at least one period before the pilot started. */
  'no_pre_period',
  /** Difference-in-differences needs at least one period after the pilot started. */
  'no_post_period',
  /** The two groups (or proportions) are the same, so no sample size can detect a difference. */
  'no_effect',
] as const;
export type StatsReason = (typeof STATS_REASONS)[number];

/** A failed figure: the reason is a code, shown through `stats.reason.<code>`. */
export interface StatsFailure<R extends StatsReason = StatsReason> {
  ok: false;
  reason: R;
}
/** Either the figures `T` with `ok: true`, or a failure with one of the reasons `R`. */
export type StatsResult<T, R extends StatsReason = StatsReason> = ({ ok: true } & T) | StatsFailure<R>;

/** Whether a larger value of a KPI is good (enrolment) or bad (waiting days). */
export type Direction = 'higher' | 'lower';

/** A confidence interval; `level` is the coverage, e.g. 0.95. `lower <= upper` always. */
export interface Interval {
  lower: number;
  upper: number;
  level: number;
}

/**
 * Events out of a group size, for a rate KPI: group 1 is the pilot, group 2 the comparison. Counts
 * must be whole, non-negative, with `events <= n`.
 */
export interface TwoByTwo {
  events1: number;
  n1: number;
  events2: number;
  n2: number;
}

/** Options shared by the functions that return a confidence interval. */
export interface LevelOption {
  /** Coverage of the confidence interval, strictly between 0 and 1. Default 0.95. */
  level?: number;
}

/**
 * Caveats and warnings that qualify a result. Each has a translation under `stats.caveat.<code>`.
 * The difference-in-differences warnings use the same codes, so one list of keys serves both.
 */
export const STATS_CAVEATS = [
  /** A group has fewer than SMALL_SAMPLE observations: estimates are imprecise, approximations rough. */
  'small_sample',
  /** Several KPIs or tests were compared: some may look significant by chance (values: count, threshold). */
  'many_comparisons',
  /** Groups were not assigned at random: a difference may come from how they differ, not the pilot. */
  'observational',
  /** No comparison group: the pilot group against itself before, so anything else that changed meanwhile could explain it. */
  'before_after',
  /** Difference-in-differences with fewer than three periods before or after the pilot started. */
  'few_periods',
  /** The gap between the groups already moved before the pilot (see differenceInDifferences). */
  'pre_trends_diverge',
  /** Fewer than two pre-pilot periods, so parallel trends could not be checked at all. */
  'pre_trends_untested',
] as const;
export type StatsCaveat = (typeof STATS_CAVEATS)[number];
