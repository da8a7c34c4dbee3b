/** The summaries kept with the canvas after each workshop: how long, how many people, notes per zone, top votes; each exportable. */
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../../electron/shared/workshop/model';
import { hrefFor } from '../../app/router';
import { downloadBlob } from '../../components/download';
import { fileName } from '../canvases/export-files';
import { SummaryBody } from './SummaryBody';
import { summaryCsv, summaryTitle } from './summary-export';

export function WorkshopSummaries({ workshops, zones, canvasTitle }: { workshops: Workshop[]; zones: { key: string; title: string }[]; canvasTitle: string }) {
  const { t } = useTranslation();
  const zoneTitle = (key: string | null) => (key === null ? t('workshop.summary.freeNotes') : (zones.find((z) => z.key === key)?.title ?? key));
  return (
    <Box component="section" aria-labelledby="summaries-title" sx={{ display: 'grid', gap: 1 }}>
      <Typography id="summaries-title" variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {t('workshop.summary.title')}
      </Typography>
      {workshops.map((w) => {
        const summary = w.summary;
        return summary ? (
          <Paper key={w.id} variant="outlined" sx={{ p: 1.5 }} data-summary={w.id}>
            <SummaryBody summary={summary} zoneTitle={zoneTitle} headingLevel="h4" />
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <Button size="small" startIcon={<DownloadIcon />} onClick={() => downloadBlob(summaryCsv(summary, canvasTitle, zoneTitle, t), fileName(summaryTitle(summary, canvasTitle), 'csv', t('workshop.export.title')))}>
                {t('workshop.summary.csv')}
              </Button>
              <Button size="small" startIcon={<PrintIcon />} href={hrefFor({ name: 'workshopSummary', id: w.id })}>
                {t('workshop.summary.printable')}
              </Button>
            </Stack>
          </Paper>
        ) : null;
      })}
    </Box>
  );
}
