/** What one workshop summary says, shared by the canvas's history and the printable page. */
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../../electron/shared/workshop/model';
import { useSettings } from '../../app/settings-context';
import { endedByKey, summaryMinutes } from './summary-export';

/**
 * One line of facts, spaced rather than joined by punctuation: a middle dot reads as the
 * Arabic-Indic zero (٠) next to Arabic digits.
 */
const Facts = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" component="p" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
    {children}
  </Typography>
);

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
      <Facts>
        <span>{t('workshop.summary.minutes', { count: summaryMinutes(summary), n: n(summaryMinutes(summary)) })}</span>
        <span>{t('workshop.summary.participants', { count: summary.participants, n: n(summary.participants) })}</span>
        <span>{t('workshop.summary.notesAdded', { count: summary.notesAdded, n: n(summary.notesAdded) })}</span>
      </Facts>
      <Facts>
        {summary.notesPerZone.map((z) => (
          <span key={z.zoneKey ?? ''}>
            {zoneTitle(z.zoneKey)}: {n(z.notes)}
          </span>
        ))}
      </Facts>
      {summary.voteSessions.map((v) => (
        <Facts key={v.id}>
          <bdi style={{ fontWeight: 700 }}>{v.title}</bdi>
          {v.top.map((r) => (
            <span key={r.noteId}>
              {n(r.rank)}. <bdi>{r.text}</bdi> ({n(r.votes)})
            </span>
          ))}
        </Facts>
      ))}
    </>
  );
}
