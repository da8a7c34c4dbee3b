import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { decisionKey, evidenceKey } from '../../i18n/labels';

/** Every gate decision, newest first; earlier ones are marked as superseded, never changed. */
export function GateHistory({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const history = useApiQuery('gates.history', { projectId });
  return (
    <section aria-labelledby="gate-history-heading">
      <Typography variant="h5" component="h2" id="gate-history-heading" sx={{ mt: 4, mb: 1 }}>
        {t('gate.history.heading')}
      </Typography>
      <ErrorAlert error={history.error} />
      {history.data?.length === 0 && <Typography color="text.secondary">{t('gate.history.empty')}</Typography>}
      <List>
        {history.data?.map((d, index) => (
          <ListItem key={d.id} disableGutters alignItems="flex-start" divider>
            <ListItemText
              primary={
                <>
                  {format.parts(t(decisionKey(d.decision)), t('gate.history.move', { from: format.number(d.fromStage), to: format.number(d.toStage) }))}{' '}
                  {index > 0 && <Chip size="small" variant="outlined" label={t('gate.history.superseded')} sx={{ ml: 1 }} />}
                </>
              }
              secondary={
                <>
                  <span dir="auto" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                    {d.rationale}
                  </span>
                  {t('gate.history.by', { name: d.decidedByName, date: format.date(d.decidedOn) })}
                  {d.evidenceLevel !== null && `${format.separator}${t('gate.history.evidence', { level: format.number(d.evidenceLevel), meaning: t(evidenceKey(d.evidenceLevel)) })}`}
                  {d.checklist.length > 0 &&
                    `${format.separator}${t('gate.history.checklist', { met: format.number(d.checklist.filter((c) => c.met).length), total: format.number(d.checklist.length) })}`}
                </>
              }
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
}
