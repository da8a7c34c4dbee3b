import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import type { KpiAnalysis } from '../../../../electron/shared/pilots/analysis';
import { reasonKey, type Interpretation, type StatsResult } from '../../../../electron/shared/stats';
import type { Formatters } from '../../i18n/format';
import { groupKey, kpiKindKey } from '../../i18n/labels';
import { figureFormat, type FigureFormat } from './figures';
import { KpiChart } from './KpiChart';

type Row = [label: string, value: string];

/** A figure, or why it could not be computed ("not enough data", "no variation" …). */
function figure<T>(t: TFunction, result: StatsResult<T> | null, show: (r: T) => string): string {
  if (result === null) return '—';
  return result.ok ? show(result) : t(reasonKey(result.reason));
}

/**
 * The plain-language reading with its numbers in the reader's digits, and its caveats. `shares`: the
 * effect is a difference of two shares (a rate KPI), said in percentage points.
 */
export function readingOf(t: TFunction, fig: FigureFormat, interpretation: Interpretation, shares = false): { text: string; caveats: string[] } {
  const shown = (k: string, n: number, v: Record<string, number>): string => {
    if (k === 'p') return fig.pIs(n, v.threshold);
    if (k === 'threshold') return fig.threshold(n);
    if (k === 'effect' && shares) return t('stats.points', { value: fig.points(n) });
    return fig.value(n);
  };
  // A count stays a number (i18next picks plural forms by it) and also comes `formatted` in the reader's digits.
  type Values = Record<string, string> & { count?: number };
  const values = (v: Record<string, number>) =>
    Object.fromEntries(Object.entries(v).flatMap(([k, n]): [string, string | number][] => (k === 'count' ? [[k, n], ['formatted', fig.value(n)]] : [[k, shown(k, n, v)]]))) as Values;
  return { text: t(interpretation.key, values(interpretation.values)), caveats: interpretation.caveats.map((c) => t(c.key, values(c.values))) };
}

function figureRows(t: TFunction, fig: FigureFormat, format: Formatters, a: KpiAnalysis): Row[] {
  const rows: Row[] = [];
  const { kpi } = a;
  rows.push([t('pilot.analysis.current'), a.current ? `${fig.value(a.current.value)} (${format.date(a.current.period)})` : t('pilot.analysis.noData')]);
  rows.push([t('pilot.kpi.baseline'), kpi.baselineValue === null ? '—' : fig.value(kpi.baselineValue)]);
  rows.push([
    t('pilot.analysis.change'),
    figure(t, a.baselineChange, (c) => `${fig.value(c.change)}${c.relativeChange.ok ? ` (${fig.percent(c.relativeChange.value)})` : ''}`),
  ]);
  rows.push([t('pilot.analysis.targetShare'), figure(t, a.targetProgress, (p) => format.parts(fig.percent(p.share), p.reached && t('pilot.analysis.reached')))]);
  rows.push([t('pilot.analysis.threshold'), a.thresholdMet === null ? '—' : t(a.thresholdMet ? 'pilot.analysis.yes' : 'pilot.analysis.no')]);
  rows.push([
    t('pilot.analysis.comparedWith'),
    a.comparedWith === null
      ? t('pilot.analysis.nothingToCompare')
      : t(a.comparedWith === 'comparison' ? 'pilot.analysis.withComparison' : 'pilot.analysis.withBefore', { pilot: format.number(a.sizes.pilot), other: format.number(a.sizes.other) }),
  ]);
  // The intervals' level, in the reader's digits and percent sign.
  const confidence = { level: fig.percent(0.95) };
  // Each p is shown against the threshold the reading was taken at (Bonferroni, with several KPIs), never rounded across it.
  const threshold = a.interpretation.values.threshold ?? 0.05;
  const pIs = (p: number) => fig.pIs(p, threshold);
  if (a.continuous) {
    rows.push([t('pilot.analysis.welch', confidence), figure(t, a.continuous.welch, (w) => `${fig.value(w.estimate)} ${fig.interval(w.ci)}, ${pIs(w.p)}`)]);
    rows.push([t('pilot.analysis.mannWhitney'), figure(t, a.continuous.mannWhitney, (m) => `U = ${fig.value(m.u)}, r = ${fig.value(m.estimate)}, ${pIs(m.p)}`)]);
    rows.push([t('pilot.analysis.hedges', confidence), figure(t, a.continuous.hedges, (g) => `${fig.value(g.estimate)} ${fig.interval(g.ci)}`)]);
  }
  if (a.rate) {
    const { table } = a.rate;
    const share = (e: number, n: number) => (n > 0 ? `${fig.percent(e / n)} (${format.number(e)}/${format.number(n)})` : '—');
    rows.push([t(groupKey('pilot')), share(table.events1, table.n1)]);
    rows.push([t(a.comparedWith === 'before' ? 'pilot.analysis.before' : groupKey('comparison')), share(table.events2, table.n2)]);
    rows.push([t('pilot.analysis.riskDifference', confidence), figure(t, a.rate.riskDifference, (r) => `${fig.percent(r.estimate)} ${fig.percentInterval(r.ci)}`)]);
    rows.push([
      t('pilot.analysis.riskRatio', confidence),
      figure(t, a.rate.riskRatio, (r) => format.parts(`${fig.value(r.estimate)} ${fig.interval(r.ci)}`, r.corrected && t('pilot.analysis.zeroCellCorrected', { value: fig.value(0.5) }))),
    ]);
    rows.push([t('pilot.analysis.twoProportion'), figure(t, a.rate.twoProportion, (r) => `z = ${fig.value(r.z)}, ${pIs(r.p)}`)]);
    rows.push([t('pilot.analysis.fisher'), figure(t, a.rate.fisher, (r) => `${pIs(r.p)}`)]);
  }
  if (a.did) {
    rows.push([
      t('pilot.analysis.did', confidence),
      figure(t, a.did, (d) => {
        // A rate's difference-in-differences is a difference of shares, said in percentage points with its interval.
        const [estimate, interval] = kpi.kind === 'rate' ? [t('stats.points', { value: fig.points(d.estimate) }), fig.pointsInterval] : [fig.value(d.estimate), fig.interval];
        return `${estimate}${d.inference.ok ? ` ${interval(d.inference.ci)}, ${pIs(d.inference.p)}` : `${format.separator}${t(reasonKey(d.inference.reason))}`}`;
      }),
    ]);
  }
  return rows;
}

/** One KPI's results: chart, figures table and the plain-language reading with its caveats. */
export function KpiResult({ analysis, t, format, headingLevel = 3 }: { analysis: KpiAnalysis; t: TFunction; format: Formatters; headingLevel?: 3 | 4 }) {
  const fig = figureFormat(format);
  const reading = readingOf(t, fig, analysis.interpretation, analysis.kpi.kind === 'rate');
  const { kpi } = analysis;
  return (
    <Box component="article" sx={{ mb: 4, breakInside: 'avoid' }}>
      <Typography variant="h6" component={headingLevel === 3 ? 'h3' : 'h4'}>
        <span dir="auto">{kpi.unit ? `${kpi.name} (${kpi.unit})` : kpi.name}</span>
        {format.separator}
        {t(kpiKindKey(kpi.kind))}
      </Typography>
      {analysis.series.length === 0 ? (
        <Typography color="text.secondary">{t('pilot.analysis.noData')}</Typography>
      ) : (
        <KpiChart analysis={analysis} t={t} format={format} />
      )}
      <Alert severity={analysis.interpretation.verdict === null ? 'warning' : 'info'} sx={{ my: 1 }}>
        <Typography>{reading.text}</Typography>
        {reading.caveats.map((c) => (
          <Typography key={c} variant="body2">
            {c}
          </Typography>
        ))}
      </Alert>
      <Table size="small" aria-label={t('pilot.analysis.figuresFor', { name: kpi.name })}>
        <TableBody>
          {figureRows(t, fig, format, analysis).map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" scope="row" sx={{ width: '40%' }}>
                {label}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {analysis.series.length > 0 && (
        <Table size="small" aria-label={t('pilot.analysis.seriesFor', { name: kpi.name })} sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('pilot.period')}</TableCell>
              <TableCell>{t(groupKey('pilot'))}</TableCell>
              <TableCell>{t(groupKey('comparison'))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {analysis.series.map((p) => (
              <TableRow key={p.period}>
                <TableCell>{format.date(p.period)}</TableCell>
                <TableCell>{p.pilot === null ? '—' : fig.value(p.pilot)}</TableCell>
                <TableCell>{p.comparison === null ? '—' : fig.value(p.comparison)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
