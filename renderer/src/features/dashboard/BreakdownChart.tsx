import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context';
import { DirectionScope } from '../../theme/DirectionScope';

export interface Bar {
  label: string;
  count: number;
}

/**
 * One lens as a horizontal bar chart with its figures in a table beneath. The chart keeps its
 * left-to-right axes in Arabic (numbers and scales do not mirror); it is a picture of the table, so
 * it is inert and hidden from screen readers, which read the table.
 */
export function BreakdownChart({ title, bars }: { title: string; bars: Bar[] }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const headingId = useId();
  return (
    <Paper variant="outlined" component="figure" aria-labelledby={headingId} sx={{ p: 2, m: 0 }}>
      <Typography variant="h6" component="figcaption" id={headingId}>
        {title}
      </Typography>
      {/* An empty lab has no bars: said in words, rather than the chart's own English "no data". */}
      {bars.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('dashboard.noProjects')}
        </Typography>
      ) : (
        <>
          {/* Charts keep their left-to-right geometry in Arabic. */}
          <DirectionScope direction="ltr">
            <Box dir="ltr" inert sx={{ height: Math.max(160, 44 * bars.length + 70) }}>
              <BarChart
                layout="horizontal"
                dataset={bars.map((b) => ({ label: b.label, count: b.count }))}
                yAxis={[{ scaleType: 'band', dataKey: 'label', width: 200 }]}
                xAxis={[{ tickMinStep: 1, height: 30, valueFormatter: (v: number) => format.number(v) }]}
                series={[{ dataKey: 'count' }]}
                hideLegend
                margin={{ left: 8, right: 24 }}
              />
            </Box>
          </DirectionScope>
          <Table size="small" sx={{ mt: 1 }}>
            <TableBody>
              {bars.map((b) => (
                <TableRow key={b.label}>
                  <TableCell component="th" scope="row">
                    {b.label}
                  </TableCell>
                  <TableCell>{format.number(b.count)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Paper>
  );
}
