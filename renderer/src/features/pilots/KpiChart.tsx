import { CacheProvider } from '@emotion/react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { createTheme, ThemeProvider, type Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { LineChart } from '@mui/x-charts/LineChart';
import type { TFunction } from 'i18next';
import type { KpiAnalysis } from '../../../../electron/shared/pilots/analysis';
import type { Formatters } from '../../i18n/format';
import { groupKey } from '../../i18n/labels';
import { cacheFor } from '../../theme/direction-cache';
import { figureFormat } from './figures';

/** Dates without the bidi marks Arabic formats carry, which would reorder them inside the LTR chart. */
const tickLabel = (text: string) => text.replace(/[\u200E\u200F\u061C]/g, '');

// Charts keep their left-to-right geometry in Arabic (as on the dashboard): time runs left to right.
const leftToRight = (outer: Theme) => createTheme(outer, { direction: 'ltr' });

/**
 * A KPI over time by group, with its baseline and target as reference lines. A picture of the
 * figures table beside it, so it is inert and hidden from screen readers.
 */
export function KpiChart({ analysis, t, format, height = 260 }: { analysis: KpiAnalysis; t: TFunction; format: Formatters; height?: number }) {
  const { kpi, series } = analysis;
  const fig = figureFormat(format);
  const hasComparison = series.some((p) => p.comparison !== null);
  // The axis spans the reference lines too, so baseline and target are always on the picture.
  const values = [...series.flatMap((p) => [p.pilot, p.comparison]), kpi.baselineValue, kpi.target].filter((v): v is number => v !== null);
  const [low, high] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  const pad = (high - low) * 0.08 || 1;
  const references = [
    ...(kpi.baselineValue !== null ? [{ value: kpi.baselineValue, label: t('pilot.analysis.baselineLine'), dash: '4 4' }] : []),
    ...(kpi.target !== null ? [{ value: kpi.target, label: t('pilot.analysis.targetLine'), dash: '2 6' }] : []),
  ];
  return (
    <Box>
      <CacheProvider value={cacheFor('ltr')}>
        <ThemeProvider theme={leftToRight}>
          <Box dir="ltr" inert aria-hidden sx={{ height }}>
            <LineChart
              dataset={series.map((p) => ({ period: tickLabel(format.date(p.period)), pilot: p.pilot, comparison: p.comparison }))}
              xAxis={[{ dataKey: 'period', scaleType: 'point', height: 30 }]}
              yAxis={[{ valueFormatter: (v: number) => fig.value(v), width: 56, min: low - pad, max: high + pad }]}
              series={[
                { dataKey: 'pilot', label: t(groupKey('pilot')), connectNulls: true, showMark: true },
                ...(hasComparison ? [{ dataKey: 'comparison', label: t(groupKey('comparison')), connectNulls: true, showMark: true }] : []),
              ]}
              skipAnimation
              // The last month's label is centred on the plot's right edge: room for half of it.
              margin={{ left: 8, right: 56 }}
            >
              {references.map((r) => (
                <ChartsReferenceLine key={r.label} y={r.value} lineStyle={{ strokeDasharray: r.dash }} />
              ))}
            </LineChart>
          </Box>
        </ThemeProvider>
      </CacheProvider>
      {/* The reference lines are named beneath the picture (in the page's direction): a label drawn on the plot lay across the data lines. */}
      {references.length > 0 && (
        <Stack direction="row" spacing={3} aria-hidden sx={{ mt: 0.5, px: 1 }}>
          {references.map((r) => (
            <Typography key={r.label} variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <svg width="32" height="8" aria-hidden>
                <line x1="0" y1="4" x2="32" y2="4" stroke="currentColor" strokeDasharray={r.dash} />
              </svg>
              {r.label}
            </Typography>
          ))}
        </Stack>
      )}
    </Box>
  );
}
