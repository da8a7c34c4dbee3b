/** What one workshop summary says, shared by the canvas's history and the printable page. */
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../../electron/shared/workshop/model';
import { useSettings } from '../../app/settings-context';
import { endedByKey, summaryMinutes } from './summary-export';

export function SummaryBody({ summary, zoneTitle, headingLevel }: { summary: Summary; zoneTitle(key: string | null): string; headingLevel: 'h2' | 'h4' }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const n = format.number;
  return (
    <>
      <Typography variant="subtitle2" component={headingLevel}>
        {format.dateTime(summary.startedAt)}
      </Typography>
      {summary.endedBy === 'restart' && (
        <Alert severity="info" sx={{ my: 0.5 }}>
          {t(endedByKey(summary))}
        </Alert>
      )}
      <Typography variant="body2">
        {t('workshop.summary.minutes', { count: summaryMinutes(summary), n: n(summaryMinutes(summary)) })} ·{' '}
        {t('workshop.summary.participants', { count: summary.participants, n: n(summary.participants) })} ·{' '}
        {t('workshop.summary.notesAdded', { count: summary.notesAdded, n: n(summary.notesAdded) })}
      </Typography>
      <Typography variant="body2">{summary.notesPerZone.map((z) => `${zoneTitle(z.zoneKey)}: ${n(z.notes)}`).join(' · ')}</Typography>
      {summary.voteSessions.map((v) => (
        <Typography key={v.id} variant="body2">
          <bdi>{v.title}</bdi>:{' '}
          {v.top.map((r, i) => (
            <span key={r.noteId}>
              {i > 0 && ', '}
              {n(r.rank)}. <bdi>{r.text}</bdi> ({n(r.votes)})
            </span>
          ))}
        </Typography>
      ))}
    </>
  );
}
