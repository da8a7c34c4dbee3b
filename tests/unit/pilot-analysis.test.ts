/** How a pilot's analysis picks its statistics from the KPI kind and the protocol (the statistics themselves have their own tests). */
import { describe, expect, it } from 'vitest';
import { analyseKpi, analysePilot, type AnalysisKpi, type KpiData, type PeriodCell } from '../../electron/shared/pilots/analysis';
import { welchTest } from '../../electron/shared/stats';

const kpi = (over: Partial<AnalysisKpi> = {}): AnalysisKpi => ({
  id: 'k',
  name: 'Days waited',
  unit: 'days',
  kind: 'continuous',
  direction: 'lower',
  baselineValue: 40,
  baselineDate: '2026-01-01',
  target: 20,
  successThreshold: 30,
  ...over,
});
interface AnalysisRow {
  group: 'pilot' | 'comparison';
  period: string;
  unitId: string | null;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** What the repository hands the analysis, built from rows in memory (the SQL does the same in core). */
function data(rows: AnalysisRow[], interventionOn: string | null): KpiData {
  const cells = new Map<string, PeriodCell>();
  for (const r of rows) {
    const key = `${r.period}|${r.group}`;
    const c = cells.get(key) ?? { period: r.period, group: r.group, count: 0, sum: 0, numerator: 0, denominator: 0 };
    c.count += 1;
    c.sum += r.value;
    c.numerator += r.numerator ?? 0;
    c.denominator += r.denominator ?? 0;
    cells.set(key, c);
  }
  const unitLevel = rows.some((r) => r.unitId !== null);
  // With unit-level rows, each unit once: its mean over the periods on that side.
  const side = (group: string, post: boolean) => {
    const kept = rows.filter((r) => r.group === group && (r.unitId !== null) === unitLevel && (interventionOn === null || r.period >= interventionOn) === post);
    if (!unitLevel) return kept.map((r) => r.value);
    const units = new Map<string | null, number[]>();
    for (const r of kept) units.set(r.unitId, [...(units.get(r.unitId) ?? []), r.value]);
    return [...units.values()].map((values) => values.reduce((n, v) => n + v, 0) / values.length);
  };
  const comparisonPost = side('comparison', true);
  return { cells: [...cells.values()], pilotPost: side('pilot', true), comparisonPost, pilotPre: comparisonPost.length || interventionOn === null ? [] : side('pilot', false) };
}

const row = (group: 'pilot' | 'comparison', period: string, value: number, unitId: string | null = null): AnalysisRow => ({ group, period, unitId, value, numerator: null, denominator: null });
const rate = (group: 'pilot' | 'comparison', period: string, numerator: number, denominator: number): AnalysisRow => ({
  group,
  period,
  unitId: null,
  value: numerator / denominator,
  numerator,
  denominator,
});

describe('pilot analysis', () => {
  it('compares the groups after the intervention with Welch on unit-level values, and reads the baseline and target', () => {
    const rows = [
      row('pilot', '2026-01-01', 41, 'a'), // before the intervention: left out of the comparison
      ...[30, 28, 25, 27].map((v, i) => row('pilot', '2026-05-01', v, `p${i}`)),
      ...[38, 41, 39, 42].map((v, i) => row('comparison', '2026-05-01', v, `c${i}`)),
    ];
    const a = analyseKpi(kpi(), data(rows, '2026-04-01'), { design: 'comparison_group', interventionOn: '2026-04-01' }, 1);
    expect(a.comparedWith).toBe('comparison');
    expect(a.headline).toBe('welch');
    expect(a.continuous!.welch).toEqual(welchTest([30, 28, 25, 27], [38, 41, 39, 42]));
    expect(a.current).toEqual({ period: '2026-05-01', value: 27.5 });
    expect(a.baselineChange).toMatchObject({ ok: true, change: -12.5, improvement: 12.5 });
    expect(a.targetProgress).toMatchObject({ ok: true, share: 0.625, reached: false });
    expect(a.thresholdMet).toBe(true);
    expect(a.interpretation.verdict).toBe('significant_improvement');
    expect(a.interpretation.caveats.map((c) => c.key)).toEqual(['stats.caveat.small_sample', 'stats.caveat.observational']);
  });

  it('counts for Bonferroni only the KPIs that were tested', () => {
    const rows = [...[30, 28, 25, 27].map((v, i) => row('pilot', '2026-05-01', v, `p${i}`)), ...[38, 41, 39, 42].map((v, i) => row('comparison', '2026-05-01', v, `c${i}`))];
    const tested = kpi();
    const empty = kpi({ id: 'k2', name: 'Complaints' });
    const protocol = { design: 'comparison_group' as const, interventionOn: null };
    const one = analysePilot([tested, empty], (k) => data(k === tested ? rows : [], null), protocol);
    expect(one.kpis[0].interpretation.caveats.map((c) => c.key)).not.toContain('stats.caveat.many_comparisons');
    const two = analysePilot([tested, { ...tested, id: 'k3' }], () => data(rows, null), protocol);
    expect(two.kpis[0].interpretation.caveats).toContainEqual({ key: 'stats.caveat.many_comparisons', values: { count: 2, threshold: 0.025 } });
  });

  it('pools rates into a 2×2 table and heads with Fisher when a cell is small', () => {
    const a = analyseKpi(kpi({ kind: 'rate', direction: 'higher', baselineValue: null }), data([rate('pilot', '2026-05-01', 9, 10), rate('comparison', '2026-05-01', 3, 10)], null), {
      design: 'randomised',
      interventionOn: null,
    }, 2);
    expect(a.rate!.table).toEqual({ events1: 9, n1: 10, events2: 3, n2: 10 });
    expect(a.headline).toBe('fisher');
    expect(a.rate!.fisher).toMatchObject({ ok: true });
    expect(a.baselineChange).toBeNull();
    expect(a.interpretation.caveats.map((c) => c.key)).toContain('stats.caveat.many_comparisons');
  });

  it('heads a difference-in-differences design with the DiD and passes its warnings on', () => {
    const rows = [rate('pilot', '2026-03-01', 5, 10), rate('comparison', '2026-03-01', 5, 10), rate('pilot', '2026-05-01', 8, 10), rate('comparison', '2026-05-01', 5, 10)];
    const a = analyseKpi(kpi({ kind: 'rate', direction: 'higher' }), data(rows, '2026-04-01'), { design: 'difference_in_differences', interventionOn: '2026-04-01' }, 1);
    expect(a.headline).toBe('did');
    expect(a.did).toMatchObject({ ok: true, estimate: expect.closeTo(0.3, 10), warnings: ['few_periods', 'pre_trends_untested'] });
    // One period a side cannot give an interval: the reading says so instead of guessing.
    expect(a.interpretation).toMatchObject({ verdict: null, key: 'stats.reason.not_enough_data' });
  });

  it('says "not enough data" when there is nothing to compare, and never returns NaN', () => {
    const a = analyseKpi(kpi(), data([row('pilot', '2026-05-01', 30)], null), { design: 'before_after', interventionOn: null }, 1);
    expect(a.comparedWith).toBeNull();
    expect(a.interpretation).toMatchObject({ verdict: null, key: 'stats.reason.not_enough_data' });
    expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity|null,"p"/);
    const empty = analyseKpi(kpi(), data([], '2026-04-01'), { design: 'difference_in_differences', interventionOn: '2026-04-01' }, 1);
    expect(empty.current).toBeNull();
    expect(empty.interpretation.key).toBe('stats.reason.not_enough_data');
  });

  it('compares the pilot with itself before the intervention when there is no comparison group', () => {
    const rows = [...[40, 42, 39].map((v, i) => row('pilot', `2026-0${i + 1}-01`, v)), ...[30, 29, 31].map((v, i) => row('pilot', `2026-0${i + 5}-01`, v))];
    const a = analyseKpi(kpi(), data(rows, '2026-04-01'), { design: 'before_after', interventionOn: '2026-04-01' }, 1);
    expect(a.comparedWith).toBe('before');
    expect(a.continuous!.welch).toMatchObject({ ok: true, estimate: expect.closeTo(30 - 121 / 3, 10) }); // 30 after, 40⅓ before
    // Read as a change over time, with what that cannot rule out, not as a difference from a comparison group.
    expect(a.interpretation.key).toBe('stats.interpretBefore.significant_improvement');
    expect(a.interpretation.caveats.map((c) => c.key)).toEqual(['stats.caveat.small_sample', 'stats.caveat.before_after']);
  });
});
