import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { evidenceKey, pilotDecisionKey } from '../../i18n/labels';

/** What the project's pilots decided, shown at its next gate so the gate decides with them in view. */
export function PilotDecisionsNote({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const pilots = useApiQuery('pilots.list', { projectId });
  const decided = (pilots.data ?? []).filter((p) => p.decision !== null);
  if (decided.length === 0) return null;
  return (
    <Alert severity="info" aria-label={t('pilot.gateNote')}>
      <Typography variant="subtitle2" component="p">
        {t('pilot.gateNote')}
      </Typography>
      {decided.map((p) => (
        <Typography key={p.id} variant="body2">
          <span dir="auto">{p.title}</span>: {t(pilotDecisionKey(p.decision!.decision))}
          {p.decision!.evidenceLevel !== null && `${format.separator}${format.parts(format.number(p.decision!.evidenceLevel), t(evidenceKey(p.decision!.evidenceLevel)))}`}
          {p.decision!.conditions && (
            <>
              {' — '}
              <span dir="auto">{p.decision!.conditions}</span>
            </>
          )}
        </Typography>
      ))}
    </Alert>
  );
}
