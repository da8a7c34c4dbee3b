import { usePrint } from '../../../components/use-print';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import GlobalStyles from '@mui/material/GlobalStyles';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { directionOf, LANGUAGES, type Language } from '../../../../../electron/shared/domain/settings';
import { useApiQuery } from '../../../api/hooks';
import { hrefFor } from '../../../app/router';
import { useSettings } from '../../../app/settings-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFormatters } from '../../../i18n/format';
import { LOCALE_TAGS } from '../../../i18n/i18n';
import { ReportBody, type ReportData } from './ReportBody';
import { DirectionScope } from '../../../theme/DirectionScope';

/** "ar+en" → ['ar', 'en']; anything unknown falls back to the UI language. */
const languagesOf = (text: string, fallback: Language): Language[] => {
  const wanted = text.split('+').filter((l): l is Language => (LANGUAGES as readonly string[]).includes(l));
  return wanted.length ? [...new Set(wanted)].slice(0, 2) : [fallback];
};

// A4 with the app's frame left out; each language column keeps together where it can.
const PRINT_CSS = {
  '@page': { size: 'A4', margin: '14mm' },
  '@media print': {
    'header, .no-print': { display: 'none !important' },
    main: { padding: '0 !important', maxWidth: 'none !important' },
    body: { background: '#fff' },
  },
};

/**
 * The evaluation report as a printable page: charter, protocol and amendments, KPIs, results with
 * charts and statistics, rubric and decision, in one language or two side by side. In a browser
 * it prints through the browser; the desktop app saves an A4 PDF (usePrint).
 */
export function PilotReport({ id, languages }: { id: string; languages: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const detail = useApiQuery('pilots.get', { id });
  const projectId = detail.data?.pilot.projectId;
  const project = useApiQuery('projects.get', { id: projectId ?? '' }, { enabled: projectId !== undefined });
  const kpis = useApiQuery('pilots.kpis', { pilotId: id });
  const analysis = useApiQuery('pilots.analysis', { pilotId: id });
  const assessments = useApiQuery('pilots.assessments', { pilotId: id });
  const people = useApiQuery('people.list', {});
  const langs = languagesOf(languages, settings.language);
  const printer = usePrint();
  const error = printer.error ?? detail.error ?? project.error ?? kpis.error ?? analysis.error ?? assessments.error ?? people.error;
  const data: ReportData | null =
    detail.data && project.data && kpis.data && analysis.data && assessments.data && people.data
      ? { detail: detail.data, project: project.data, kpis: kpis.data, analysis: analysis.data, assessments: assessments.data, people: people.data }
      : null;
  return (
    <Box>
      <GlobalStyles styles={PRINT_CSS} />
      <Stack direction="row" spacing={2} className="no-print" sx={{ mb: 2 }}>
        <Button href={hrefFor({ name: 'pilot', id })} startIcon={<ArrowBackIcon className="flip-rtl" />}>
          {t('pilot.report.back')}
        </Button>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => data && printer.print(data.detail.pilot.title, false)} disabled={!data}>
          {t(printer.savesPdf ? 'print.savePdf' : 'pilot.report.print')}
        </Button>
      </Stack>
      <ErrorAlert error={error} />
      {!data && !error && <CircularProgress aria-label={t('common.loading')} />}
      {data && (
        <Box data-report-ready sx={{ display: 'grid', gridTemplateColumns: `repeat(${langs.length}, minmax(0, 1fr))`, gap: 4 }}>
          {langs.map((l) => (
            <LanguageColumn key={l} language={l} data={data} />
          ))}
        </Box>
      )}
    </Box>
  );
}

function LanguageColumn({ language, data }: { language: Language; data: ReportData }) {
  const { settings } = useSettings();
  // The lab's digits are the UI language's; a column in another language (English beside Arabic)
  // keeps Latin digits, which also keeps its dates and ranges in order.
  const format = useFormatters({ ...settings, language, numerals: language === settings.language ? settings.numerals : 'latn' });
  const t = i18next.getFixedT(language);
  return (
    <DirectionScope direction={directionOf(language)}>
      <Box component="article" lang={LOCALE_TAGS[language]} dir={directionOf(language)} aria-label={t('pilot.report.title')}>
        <ReportBody data={data} t={t} format={format} />
      </Box>
    </DirectionScope>
  );
}
