import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_LEVELS, STAGES } from '../../../../electron/shared/domain/project';
import type { Breakdown } from '../../../../electron/shared/domain/portfolio';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { facetKey, innovationTypeKey, pillarKey, stageKey, statusKey } from '../../i18n/labels';
import { BreakdownChart, type Bar } from './BreakdownChart';

/** The portfolio at a glance: the stage funnel and every public-sector lens. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const dashboard = useApiQuery('portfolio.dashboard', {});
  const pillars = useApiQuery('pillars.list', {});
  const notSet = t('common.notSet');
  const bars = (breakdown: Breakdown, label: (key: string) => string): Bar[] =>
    breakdown.map((b) => ({ label: b.key === null ? notSet : label(b.key), count: b.count }));
  const data = dashboard.data;

  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('dashboard.heading')}
      </Typography>
      <ErrorAlert error={dashboard.error} />
      {data && (
        <>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {t('projects.count', { count: data.total, formatted: format.number(data.total) })}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
            <BreakdownChart
              title={t('dashboard.funnel')}
              // Every stage appears, empty ones too: a funnel shows where projects are missing.
              bars={STAGES.map((s) => ({ label: format.parts(format.number(s), t(stageKey(s))), count: data.funnel.find((b) => b.key === String(s))?.count ?? 0 }))}
            />
            <BreakdownChart title={t('project.field.status')} bars={bars(data.status, (k) => t(statusKey(k as never)))} />
            <BreakdownChart title={t('project.field.innovationType')} bars={bars(data.innovationType, (k) => t(innovationTypeKey(k as never)))} />
            <BreakdownChart title={t('project.field.oecdFacet')} bars={bars(data.oecdFacet, (k) => t(facetKey(k as never)))} />
            <BreakdownChart
              title={t('project.field.pillarIds')}
              bars={bars(data.pillar, (id) => {
                const pillar = pillars.data?.find((p) => p.id === id);
                return pillar?.key ? t(pillarKey(pillar.key)) : (pillar?.label ?? id);
              })}
            />
            <BreakdownChart title={t('project.field.ownerEntityId')} bars={data.entity.map((b) => ({ label: b.label ?? notSet, count: b.count }))} />
            <BreakdownChart
              title={t('project.field.evidenceLevel')}
              bars={[...EVIDENCE_LEVELS.map(String), null].map((key) => ({
                label: key === null ? t('evidence.notAssessed') : format.number(Number(key)),
                count: data.evidenceLevel.find((b) => b.key === key)?.count ?? 0,
              }))}
            />
          </Box>
        </>
      )}
    </Box>
  );
}
