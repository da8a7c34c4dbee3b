/**
 * One workshop's summary as a printable page (A4, the app's frame left out): in a browser it prints
 * through the browser; the desktop app saves a PDF (usePrint). The CSV of the same summary is here too.
 */
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { downloadBlob } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePrint } from '../../components/use-print';
import { fileName } from '../canvases/export-files';
import { SummaryBody } from './SummaryBody';
import { summaryCsv, summaryTitle } from './summary-export';
import { useCanvasZones } from './use-workshop';

const PRINT_CSS = {
  '@page': { size: 'A4', margin: '14mm' },
  '@media print': {
    'header, .no-print': { display: 'none !important' },
    main: { padding: '0 !important', maxWidth: 'none !important' },
    body: { background: '#fff' },
  },
};

export function WorkshopSummaryPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const workshop = useApiQuery('workshops.get', { id });
  const canvasId = workshop.data?.canvasId;
  const { board, zones } = useCanvasZones(canvasId);
  const printer = usePrint();
  const summary = workshop.data?.summary ?? null;
  const canvasTitle = board.data?.canvas.title ?? '';
  const ready = summary !== null && board.data !== undefined;
  const zoneTitle = (key: string | null) => (key === null ? t('workshop.summary.freeNotes') : (zones.find((z) => z.key === key)?.title ?? key));
  const title = summary ? summaryTitle(summary, canvasTitle) : canvasTitle;
  const error = printer.error ?? workshop.error ?? board.error;
  return (
    <Box>
      <GlobalStyles styles={PRINT_CSS} />
      <Stack direction="row" spacing={2} className="no-print" sx={{ mb: 2, flexWrap: 'wrap' }}>
        <Button href={canvasId ? hrefFor({ name: 'canvas', id: canvasId }) : hrefFor({ name: 'canvases' })} startIcon={<ArrowBackIcon className="flip-rtl" />}>
          {t('workshop.export.back')}
        </Button>
        <Button variant="contained" startIcon={<PrintIcon />} disabled={!ready} onClick={() => printer.print(title, false)}>
          {t(printer.savesPdf ? 'print.savePdf' : 'workshop.export.print')}
        </Button>
        <Button startIcon={<DownloadIcon />} disabled={!ready} onClick={() => summary && downloadBlob(summaryCsv(summary, canvasTitle, zoneTitle, t), fileName(title, 'csv', t('workshop.export.title')))}>
          {t('workshop.summary.csv')}
        </Button>
      </Stack>
      <ErrorAlert error={error} />
      {workshop.data && summary === null && <Typography>{t('workshop.export.stillRunning')}</Typography>}
      {!ready && !error && !(workshop.data && summary === null) && <CircularProgress aria-label={t('common.loading')} />}
      {ready && summary && (
        <Box component="article" data-summary-ready="" sx={{ display: 'grid', gap: 1 }}>
          <Typography variant="h4" component="h1">
            {t('workshop.export.title')}
          </Typography>
          <Typography variant="h6" component="p">
            <bdi>{canvasTitle}</bdi>
          </Typography>
          <SummaryBody summary={summary} zoneTitle={zoneTitle} headingLevel="h2" />
        </Box>
      )}
    </Box>
  );
}
