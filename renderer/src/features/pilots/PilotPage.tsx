import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { hrefFor } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { AnalysisSection } from './AnalysisSection';
import { CanvasLinks } from './CanvasLinks';
import { CharterSection } from './CharterSection';
import { DecisionSection } from './DecisionSection';
import { KpiSection } from './KpiSection';
import { MeasurementsSection } from './MeasurementsSection';
import { ProtocolSection } from './ProtocolSection';
import { ReportLauncher } from './ReportLauncher';
import { RubricSection } from './RubricSection';

/** A pilot from charter to decision: each section saves on its own. */
export function PilotPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useApiQuery('pilots.get', { id });
  const pilot = detail.data?.pilot;
  return (
    <Box>
      {pilot && (
        <Button href={hrefFor({ name: 'project', id: pilot.projectId })} startIcon={<ArrowBackIcon className="flip-rtl" />} sx={{ mb: 2 }}>
          {t('pilot.backToProject')}
        </Button>
      )}
      {detail.isPending && <CircularProgress aria-label={t('common.loading')} />}
      <ErrorAlert error={detail.error} />
      {detail.data && pilot && (
        <>
          <Typography variant="h4" component="h1" dir="auto" sx={{ mb: 2 }}>
            {pilot.title}
          </Typography>
          <ReportLauncher pilotId={pilot.id} />
          <CharterSection key={pilot.id} pilot={pilot}>
            <CanvasLinks detail={detail.data} />
          </CharterSection>
          <ProtocolSection key={pilot.id} detail={detail.data} />
          <KpiSection pilot={pilot} />
          <MeasurementsSection pilot={pilot} />
          <AnalysisSection pilotId={pilot.id} />
          <RubricSection pilotId={pilot.id} />
          <DecisionSection key={pilot.id} pilot={pilot} />
          {/* Consent forms, field photos, the signed protocol: files the evaluation rests on. */}
          <AttachmentsPanel ownerType="pilot" ownerId={pilot.id} />
        </>
      )}
    </Box>
  );
}
