/**
 * Pilot statistics: pure functions, no I/O, usable in core, renderer and reports alike.
 *
 * Every function returns `{ ok: true, ...figures }` or `{ ok: false, reason }` (see types.ts);
 * nothing returns NaN or ±Infinity. Comparisons take group 1 = pilot, group 2 = comparison and report
 * a headline `estimate` (pilot minus comparison) with a two-sided `p`, so `interpret` reads any of
 * them. Reason codes translate as `stats.reason.<code>`, caveats as `stats.caveat.<code>`, verdicts
 * as `stats.interpret.<verdict>` or, against the pilot group before, `stats.interpretBefore.<verdict>` (see interpret.ts). Why @stdlib and what is hand-written:
 * docs/statistics.md.
 */
export * from './types';
export { MAX_COUNT } from './guards';
export { summarize, type Summary } from './descriptive';
export { changeFromBaseline, targetProgress, type BaselineChange, type BaselineInput, type TargetInput, type TargetProgress } from './baseline';
export { welchTest, type WelchResult } from './welch';
export { mannWhitney, EXACT_LIMIT, EXACT_MAX_PAIRS, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney';
export {
  fisherExact,
  riskDifference,
  riskRatio,
  twoProportionTest,
  wilsonInterval,
  type FisherResult,
  type ProportionTestResult,
  type RiskDifferenceResult,
  type RiskRatioResult,
} from './proportions';
export { hedgesG, hedgesGFromSummary, type GroupSummary, type HedgesResult } from './effect-size';
export {
  differenceInDifferences,
  MIN_PERIODS,
  PRE_TREND_ALPHA,
  PRE_TREND_SHARE,
  type DidResult,
  type DidWarning,
  type PeriodMeans,
  type PreTrend,
} from './did';
export {
  powerTwoMeans,
  powerTwoProportions,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
  MAX_N_PER_GROUP,
  type PowerMeansInput,
  type PowerProportionsInput,
  type SampleSize,
} from './power';
export { caveatKey, interpret, reasonKey, SMALL_SAMPLE, VERDICTS, verdictKey, type InterpretContext, type Interpretation, type Message, type Verdict } from './interpret';
