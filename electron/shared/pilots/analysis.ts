/**
 * A pilot's analysis, KPI by KPI, assembled from the statistics in ../stats (nothing here computes
 * a test itself). Which figures apply follows the KPI's kind and the protocol:
 *
 * - What is compared: the pilot group against the comparison group over the post-intervention
 *   periods (all periods when the protocol has no intervention date). Without comparison data the
 *   pilot group after the intervention is compared with itself before (`comparedWith: 'before'`).
 * - Observations: unit-level rows when the KPI has any (one value per unit and period), otherwise
 *   one value per period. Rates pool successes and trials into a 2×2 table.
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

/** One stored measurement, reduced to what the analysis reads. */
export interface AnalysisRow {
  group: Group;
  period: string;
  unitId: string | null;
  value: number;
  numerator: number | null;
  denominator: number | null;
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

/** Per-period values by group: mean of values, or pooled successes over trials for rates. */
function seriesOf(kind: KpiKind, rows: readonly AnalysisRow[]): SeriesPoint[] {
  const cells = new Map<string, { sum: number; count: number; num: number; den: number }>();
  for (const r of rows) {
    const key = `${r.period}|${r.group}`;
    const cell = cells.get(key) ?? { sum: 0, count: 0, num: 0, den: 0 };
    cell.sum += r.value;
    cell.count += 1;
    cell.num += r.numerator ?? 0;
    cell.den += r.denominator ?? 0;
    cells.set(key, cell);
  }
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const at = (period: string, group: Group) => {
    const c = cells.get(`${period}|${group}`);
    if (!c) return null;
    return kind === 'rate' ? (c.den > 0 ? c.num / c.den : null) : c.sum / c.count;
  };
  return periods.map((period) => ({ period, pilot: at(period, 'pilot'), comparison: at(period, 'comparison') }));
}

/** The observations of one side: unit-level values when there are any, else one value per period. */
function observations(rows: readonly AnalysisRow[], unitLevel: boolean): number[] {
  return rows.filter((r) => (r.unitId !== null) === unitLevel).map((r) => r.value);
}

function pooled(rows: readonly AnalysisRow[]): { events: number; n: number } {
  let events = 0;
  let n = 0;
  for (const r of rows) {
    events += r.numerator ?? 0;
    n += r.denominator ?? 0;
  }
  return { events, n };
}

export function analyseKpi(
  kpi: AnalysisKpi,
  rows: readonly AnalysisRow[],
  protocol: { design: PilotDesign; interventionOn: string | null },
  comparisons: number,
): KpiAnalysis {
  const series = seriesOf(kpi.kind, rows);
  const post = (r: AnalysisRow) => protocol.interventionOn === null || r.period >= protocol.interventionOn;
  const pilotPost = rows.filter((r) => r.group === 'pilot' && post(r));
  const comparisonPost = rows.filter((r) => r.group === 'comparison' && post(r));
  const pilotPre = protocol.interventionOn === null ? [] : rows.filter((r) => r.group === 'pilot' && !post(r));
  const comparedWith = comparisonPost.length > 0 ? 'comparison' : pilotPre.length > 0 ? 'before' : null;
  const other = comparedWith === 'comparison' ? comparisonPost : pilotPre;
  const unitLevel = rows.some((r) => r.unitId !== null);

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
    const a = pooled(pilotPost);
    const b = pooled(other);
    const table = { events1: a.events, n1: a.n, events2: b.events, n2: b.n };
    sizes = { pilot: a.n, other: b.n };
    rate = comparedWith
      ? { table, twoProportion: twoProportionTest(table), fisher: fisherExact(table), riskDifference: riskDifference(table), riskRatio: riskRatio(table) }
      : { table, twoProportion: notEnough, fisher: notEnough, riskDifference: notEnough, riskRatio: notEnough };
  } else {
    const x = observations(pilotPost, unitLevel);
    const y = observations(other, unitLevel);
    sizes = { pilot: x.length, other: y.length };
    continuous = { welch: welchTest(x, y), mannWhitney: mannWhitney(x, y), hedges: hedgesG(x, y) };
  }

  let did: KpiAnalysis['did'] = null;
  if (protocol.interventionOn !== null && rows.some((r) => r.group === 'comparison')) {
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
  const interpretation = interpret(result, {
    direction,
    groupSizes: [sizes.pilot, sizes.other],
    comparisons,
    randomised: protocol.design === 'randomised',
    warnings,
  });

  return { kpi, series, comparedWith, sizes, current, baselineChange, targetProgress: progress, thresholdMet, continuous, rate, did, headline, interpretation };
}

/** Every KPI of a pilot; `rowsOf` gives each KPI's measurements. */
export function analysePilot(
  kpis: readonly AnalysisKpi[],
  rowsOf: (kpiId: string) => readonly AnalysisRow[],
  protocol: { design: PilotDesign; interventionOn: string | null },
): PilotAnalysis {
  const comparisons = Math.max(1, kpis.length);
  return { kpis: kpis.map((k) => analyseKpi(k, rowsOf(k.id), protocol, comparisons)) };
}
