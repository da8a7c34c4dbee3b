/**
 * A pilot's analysis, KPI by KPI, assembled from the statistics in ../stats (nothing here computes
 * a test itself). Which figures apply follows the KPI's kind and the protocol:
 *
 * - What is compared: the pilot group against the comparison group over the post-intervention
 *   periods (all periods when the protocol has no intervention date). Without comparison data the
 *   pilot group after the intervention is compared with itself before (`comparedWith: 'before'`).
 * - Observations: one per unit when the KPI has unit-level rows (the unit's mean over the periods
 *   on that side: a unit measured every month is one observation, not twelve), otherwise one value
 *   per period. Rates pool successes and trials into a 2×2 table.
 * - Continuous and count KPIs: Welch's t-test, Mann–Whitney U and Hedges' g. Rates: the
 *   two-proportion z-test, Fisher's exact test, risk difference and risk ratio.
 * - Headline: difference-in-differences for that design; otherwise Welch (continuous/count), or
 *   for rates Fisher when any cell of the table is below 5 and the z-test when none is.
 * - "Current" for the baseline and target is the pilot group's value in its latest period.
 */
import type { Group, KpiKind, PilotDesign } from '../domain/pilots';
import {
  changeFromBaseline,
  differenceInDifferences,
  fisherExact,
  hedgesG,
  interpret,
  mannWhitney,
  type InterpretContext,
  riskDifference,
  riskRatio,
  targetProgress,
  twoProportionTest,
  welchTest,
  type BaselineChange,
  type DidResult,
  type Direction,
  type FisherResult,
  type HedgesResult,
  type Interpretation,
  type MannWhitneyResult,
  type ProportionTestResult,
  type RiskDifferenceResult,
  type RiskRatioResult,
  type StatsResult,
  type TargetProgress,
  type TwoByTwo,
  type WelchResult,
} from '../stats';

export interface AnalysisKpi {
  id: string;
  name: string;
  unit: string;
  kind: KpiKind;
  direction: Direction;
  baselineValue: number | null;
  baselineDate: string | null;
  target: number | null;
  successThreshold: number | null;
}

/** One period and group of a KPI, summed: rows, values, and for rates successes and trials. */
export interface PeriodCell {
  period: string;
  group: Group;
  count: number;
  sum: number;
  numerator: number;
  denominator: number;
}

/**
 * What the analysis reads of a KPI, as the database can hand it over cheaply: per-period sums, and
 * for continuous and count KPIs the observations of each side of the comparison (unit-level values
 * when the KPI has any, otherwise one value per period), split at the intervention date (all
 * "post" without one). Rates need only the sums, so their observation lists may be empty.
 */
export interface KpiData {
  cells: readonly PeriodCell[];
  pilotPost: readonly number[];
  comparisonPost: readonly number[];
  pilotPre: readonly number[];
}

export interface SeriesPoint {
  period: string;
  pilot: number | null;
  comparison: number | null;
}

export type Headline = 'did' | 'welch' | 'fisher' | 'twoProportion' | null;

export interface KpiAnalysis {
  kpi: AnalysisKpi;
  /** Per period and group: the mean value, or pooled successes / trials for a rate. */
  series: SeriesPoint[];
  comparedWith: 'comparison' | 'before' | null;
  /** Observations (or trials, for rates) on each side of the comparison. */
  sizes: { pilot: number; other: number };
  current: { period: string; value: number } | null;
  baselineChange: StatsResult<BaselineChange> | null;
  targetProgress: StatsResult<TargetProgress> | null;
  /** Whether the current value is at least as good as the success threshold; null without both. */
  thresholdMet: boolean | null;
  continuous: {
    welch: StatsResult<WelchResult>;
    mannWhitney: StatsResult<MannWhitneyResult>;
    hedges: StatsResult<HedgesResult>;
  } | null;
  rate: {
    table: TwoByTwo;
    twoProportion: StatsResult<ProportionTestResult>;
    fisher: StatsResult<FisherResult>;
    riskDifference: StatsResult<RiskDifferenceResult>;
    riskRatio: StatsResult<RiskRatioResult>;
  } | null;
  /** Difference-in-differences, when there is an intervention date and comparison data. */
  did: StatsResult<DidResult> | null;
  headline: Headline;
  interpretation: Interpretation;
}

export interface PilotAnalysis {
  kpis: KpiAnalysis[];
}

const notEnough = { ok: false as const, reason: 'not_enough_data' as const };

/** Per-period values by group: the mean value, or pooled successes over trials for rates. */
function seriesOf(kind: KpiKind, cells: readonly PeriodCell[]): SeriesPoint[] {
  const byPeriod = new Map<string, SeriesPoint>();
  for (const c of cells) {
    let point = byPeriod.get(c.period);
    if (!point) byPeriod.set(c.period, (point = { period: c.period, pilot: null, comparison: null }));
    point[c.group] = kind === 'rate' ? (c.denominator > 0 ? c.numerator / c.denominator : null) : c.count > 0 ? c.sum / c.count : null;
  }
  return [...byPeriod.values()].sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
}

/** Successes and trials pooled over the cells that pass `keep`. */
function pooled(cells: readonly PeriodCell[], keep: (c: PeriodCell) => boolean): { events: number; n: number } {
  let events = 0;
  let n = 0;
  for (const c of cells) {
    if (!keep(c)) continue;
    events += c.numerator;
    n += c.denominator;
  }
  return { events, n };
}

type Protocol = { design: PilotDesign; interventionOn: string | null };

/** A KPI's figures and its headline result, before the reading (which needs to know how many KPIs were tested). */
interface MeasuredKpi extends Omit<KpiAnalysis, 'interpretation'> {
  result: StatsResult<{ estimate: number; p: number }>;
  context: Omit<InterpretContext, 'comparisons'>;
}

function measureKpi(kpi: AnalysisKpi, data: KpiData, protocol: Protocol): MeasuredKpi {
  const { cells } = data;
  const series = seriesOf(kpi.kind, cells);
  const post = (c: PeriodCell) => protocol.interventionOn === null || c.period >= protocol.interventionOn;
  const hasCells = (group: Group, after: boolean) => cells.some((c) => c.group === group && c.count > 0 && post(c) === after);
  const comparedWith =
    kpi.kind === 'rate'
      ? hasCells('comparison', true) ? 'comparison' : protocol.interventionOn !== null && hasCells('pilot', false) ? 'before' : null
      : data.comparisonPost.length > 0 ? 'comparison' : data.pilotPre.length > 0 ? 'before' : null;

  const latest = [...series].reverse().find((p) => p.pilot !== null);
  const current = latest ? { period: latest.period, value: latest.pilot! } : null;
  const direction = kpi.direction;
  const baselineChange = kpi.baselineValue === null || !current ? null : changeFromBaseline({ baseline: kpi.baselineValue, current: current.value, direction });
  const progress =
    kpi.baselineValue === null || kpi.target === null || !current ? null : targetProgress({ baseline: kpi.baselineValue, current: current.value, target: kpi.target, direction });
  const thresholdMet =
    kpi.successThreshold === null || !current ? null : direction === 'higher' ? current.value >= kpi.successThreshold : current.value <= kpi.successThreshold;

  let continuous: KpiAnalysis['continuous'] = null;
  let rate: KpiAnalysis['rate'] = null;
  let sizes: KpiAnalysis['sizes'];
  if (kpi.kind === 'rate') {
    const a = pooled(cells, (c) => c.group === 'pilot' && post(c));
    const b = pooled(cells, comparedWith === 'comparison' ? (c) => c.group === 'comparison' && post(c) : (c) => c.group === 'pilot' && !post(c));
    const table = { events1: a.events, n1: a.n, events2: b.events, n2: b.n };
    sizes = { pilot: a.n, other: b.n };
    rate = comparedWith
      ? { table, twoProportion: twoProportionTest(table), fisher: fisherExact(table), riskDifference: riskDifference(table), riskRatio: riskRatio(table) }
      : { table, twoProportion: notEnough, fisher: notEnough, riskDifference: notEnough, riskRatio: notEnough };
  } else {
    const x = data.pilotPost;
    const y = comparedWith === 'comparison' ? data.comparisonPost : data.pilotPre;
    sizes = { pilot: x.length, other: y.length };
    continuous = { welch: welchTest(x, y), mannWhitney: mannWhitney(x, y), hedges: hedgesG(x, y) };
  }

  let did: KpiAnalysis['did'] = null;
  if (protocol.interventionOn !== null && cells.some((c) => c.group === 'comparison')) {
    const periods = series
      .filter((p) => p.pilot !== null && p.comparison !== null)
      .map((p) => ({ pre: p.period < protocol.interventionOn!, pilot: p.pilot!, comparison: p.comparison! }));
    did = differenceInDifferences(periods);
  }

  let headline: Headline = null;
  let result: StatsResult<{ estimate: number; p: number }> = notEnough;
  let warnings: DidResult['warnings'] = [];
  if (protocol.design === 'difference_in_differences') {
    headline = 'did';
    if (did === null) result = notEnough;
    else if (!did.ok) result = did;
    else {
      warnings = did.warnings;
      result = did.inference.ok ? { ok: true, estimate: did.estimate, p: did.inference.p } : did.inference;
    }
  } else if (continuous) {
    headline = comparedWith ? 'welch' : null;
    result = comparedWith ? continuous.welch : notEnough;
  } else if (rate) {
    const { table } = rate;
    const small = [table.events1, table.n1 - table.events1, table.events2, table.n2 - table.events2].some((c) => c < 5);
    headline = comparedWith ? (small ? 'fisher' : 'twoProportion') : null;
    result = !comparedWith ? notEnough : small ? rate.fisher : rate.twoProportion;
  }
  const context: MeasuredKpi['context'] = {
    direction,
    groupSizes: [sizes.pilot, sizes.other],
    randomised: protocol.design === 'randomised',
    ...(comparedWith && headline !== 'did' ? { comparedWith } : {}),
    warnings,
  };
  return { kpi, series, comparedWith, sizes, current, baselineChange, targetProgress: progress, thresholdMet, continuous, rate, did, headline, result, context };
}

const read = ({ result, context, ...measured }: MeasuredKpi, comparisons: number): KpiAnalysis => ({ ...measured, interpretation: interpret(result, { ...context, comparisons }) });

/** One KPI's analysis, read as one of `comparisons` KPIs tested. */
export const analyseKpi = (kpi: AnalysisKpi, data: KpiData, protocol: Protocol, comparisons: number): KpiAnalysis => read(measureKpi(kpi, data, protocol), comparisons);

/**
 * Every KPI of a pilot; `dataOf` gives each KPI's sums and observations. The Bonferroni count is the
 * KPIs actually tested: one without data to compare is no comparison.
 */
export function analysePilot(kpis: readonly AnalysisKpi[], dataOf: (kpi: AnalysisKpi) => KpiData, protocol: Protocol): PilotAnalysis {
  const measured = kpis.map((k) => measureKpi(k, dataOf(k), protocol));
  const comparisons = Math.max(1, measured.filter((m) => m.result.ok).length);
  return { kpis: measured.map((m) => read(m, comparisons)) };
}
