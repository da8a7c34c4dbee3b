import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { activityKey, fieldKey } from '../../i18n/labels';
import { listFormat } from '../../i18n/locale-data';

/** The project's history from the append-only activity log, newest first. */
export function ActivityList({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const activity = useApiQuery('activity.list', { subjectId, limit: 50 });
  const list = listFormat(format.locale);
  return (
    <section aria-labelledby="activity-heading">
      <Typography variant="h5" component="h2" id="activity-heading" sx={{ mt: 4, mb: 1 }}>
        {t('activity.heading')}
      </Typography>
      <ErrorAlert error={activity.error} />
      <List dense>
        {activity.data?.map((entry) => (
          <ListItem key={entry.id} disableGutters>
            <ListItemText
              primary={
                entry.fields.length > 0
                  ? t('activity.updatedFields', { fields: list.format(entry.fields.map((f) => format.inSentence(t(fieldKey(f))))) })
                  : t(activityKey(entry.action))
              }
              secondary={format.dateTime(entry.at)}
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
}
