import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KpiResult } from './KpiResult';
import { Section } from './Section';

/** Each KPI's results as computed by core from the stored measurements. */
export function AnalysisSection({ pilotId }: { pilotId: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const analysis = useApiQuery('pilots.analysis', { pilotId });
  return (
    <Section title={t('pilot.analysis.heading')}>
      {analysis.isPending && <CircularProgress aria-label={t('common.loading')} />}
      <ErrorAlert error={analysis.error} />
      {analysis.data?.kpis.length === 0 && <Typography color="text.secondary">{t('pilot.measurementsNeedKpi')}</Typography>}
      {analysis.data?.kpis.map((a) => (
        <KpiResult key={a.kpi.id} analysis={a} t={t} format={format} />
      ))}
    </Section>
  );
}
