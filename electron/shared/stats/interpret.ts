/**
 * Plain-language reading of a comparison: a translation key with its values, plus caveats. Pure —
 * the UI formats the numbers in the reader's locale and numerals and looks the keys up.
 */
import type { Direction, StatsCaveat, StatsReason, StatsResult } from './types';

/** A group smaller than this gets the `small_sample` caveat (the usual rule of thumb of 30). */
export const SMALL_SAMPLE = 30;

const REASON_KEYS: Record<StatsReason, string> = {
  invalid_input: 'stats.reason.invalid_input',
  not_enough_data: 'stats.reason.not_enough_data',
  no_variance: 'stats.reason.no_variance',
  zero_baseline: 'stats.reason.zero_baseline',
  target_equals_baseline: 'stats.reason.target_equals_baseline',
  target_not_an_improvement: 'stats.reason.target_not_an_improvement',
  no_events: 'stats.reason.no_events',
  no_pre_period: 'stats.reason.no_pre_period',
  no_post_period: 'stats.reason.no_post_period',
  no_effect: 'stats.reason.no_effect',
};

const CAVEAT_KEYS: Record<StatsCaveat, string> = {
  small_sample: 'stats.caveat.small_sample',
  many_comparisons: 'stats.caveat.many_comparisons',
  observational: 'stats.caveat.observational',
  before_after: 'stats.caveat.before_after',
  few_periods: 'stats.caveat.few_periods',
  pre_trends_diverge: 'stats.caveat.pre_trends_diverge',
  pre_trends_untested: 'stats.caveat.pre_trends_untested',
};

/** Translation key explaining why a figure could not be computed. */
export const reasonKey = (reason: StatsReason): string => REASON_KEYS[reason];
/** Translation key of a caveat or difference-in-differences warning. */
export const caveatKey = (caveat: StatsCaveat): string => CAVEAT_KEYS[caveat];

/**
 * The verdicts `interpret` can give: `stats.interpret.<verdict>` in the catalogue for the pilot
 * group against the comparison group, `stats.interpretBefore.<verdict>` against itself before.
 */
export const VERDICTS = ['significant_improvement', 'significant_worsening', 'no_significant_difference'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const verdictKey = (verdict: Verdict, comparedWith: 'comparison' | 'before' = 'comparison') =>
  `stats.${comparedWith === 'before' ? 'interpretBefore' : 'interpret'}.${verdict}`;

export interface Message {
  key: string;
  values: Record<string, number>;
}

export interface Interpretation extends Message {
  /** The verdict, or null when the result was a failure (then `key` is the reason's key). */
  verdict: Verdict | null;
  caveats: Message[];
}

export interface InterpretContext {
  /** Whether higher or lower values of the KPI are better. */
  direction: Direction;
  /** Significance level; default 0.05. */
  alpha?: number;
  /** Observations in each group; any below SMALL_SAMPLE adds `small_sample`. */
  groupSizes?: readonly number[];
  /**
   * How many KPIs or tests the report compares. Above 1, a difference counts as clear only below the
   * Bonferroni threshold alpha / count, and `many_comparisons` says so.
   */
  comparisons?: number;
  /** Whether units were randomly assigned to pilot and comparison; false adds `observational`. */
  randomised: boolean;
  /** What the pilot group is compared with: the comparison group (the default) or itself before the intervention (adds `before_after`). */
  comparedWith?: 'comparison' | 'before';
  /** Warnings the analysis already raised (difference-in-differences), passed on as caveats. */
  warnings?: readonly StatsCaveat[];
}

/**
 * Reads any comparison result that has a headline `estimate` (pilot minus comparison, or the
 * difference-in-differences, or the rank-biserial correlation) and a two-sided `p`. Values:
 * `{ effect, p, threshold }` for the verdict (the threshold it was taken at, so that p is never shown
 * rounded across it); `{ count, threshold }` for `many_comparisons`.
 */
export function interpret(result: StatsResult<{ estimate: number; p: number }>, context: InterpretContext): Interpretation {
  if (!result.ok) return { key: reasonKey(result.reason), values: {}, verdict: null, caveats: [] };
  const count = context.comparisons ?? 1;
  // The verdict and the caveat use one threshold, so the reading never calls clear what it then says is not.
  const threshold = (context.alpha ?? 0.05) / count;
  const better = context.direction === 'higher' ? result.estimate > 0 : result.estimate < 0;
  const verdict: Verdict = result.p >= threshold || result.estimate === 0 ? 'no_significant_difference' : better ? 'significant_improvement' : 'significant_worsening';
  const caveats: Message[] = [];
  const add = (caveat: StatsCaveat, values: Record<string, number> = {}) => {
    if (!caveats.some((c) => c.key === caveatKey(caveat))) caveats.push({ key: caveatKey(caveat), values });
  };
  if ((context.groupSizes ?? []).some((n) => n < SMALL_SAMPLE)) add('small_sample', { minimum: SMALL_SAMPLE });
  if (count > 1) add('many_comparisons', { count, threshold });
  // Against itself before, random assignment does not come into it: time does.
  if (context.comparedWith === 'before') add('before_after');
  else if (!context.randomised) add('observational');
  for (const warning of context.warnings ?? []) add(warning);
  return { key: verdictKey(verdict, context.comparedWith), values: { effect: result.estimate, p: result.p, threshold }, verdict, caveats };
}
