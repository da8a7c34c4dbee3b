/** The summaries kept with the canvas after each workshop: how long, how many people, notes per zone, top votes. */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../../electron/shared/workshop/model';
import { useSettings } from '../../app/settings-context';

export function WorkshopSummaries({ workshops, zones }: { workshops: Workshop[]; zones: { key: string; title: string }[] }) {
  const { t } = useTranslation();
  const { format } = useSettings();
  const zoneTitle = (key: string | null) => (key === null ? t('workshop.summary.freeNotes') : (zones.find((z) => z.key === key)?.title ?? key));
  return (
    <Box component="section" aria-labelledby="summaries-title" sx={{ display: 'grid', gap: 1 }}>
      <Typography id="summaries-title" variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {t('workshop.summary.title')}
      </Typography>
      {workshops.map((w) =>
        w.summary ? (
          <Paper key={w.id} variant="outlined" sx={{ p: 1.5 }} data-summary={w.id}>
            <Typography variant="subtitle2" component="h4">
              {format.dateTime(w.summary.startedAt)}
            </Typography>
            <Typography variant="body2">
              {t('workshop.summary.minutes', { count: Math.round(w.summary.durationMs / 60_000) })} · {t('workshop.summary.participants', { count: w.summary.participants })} ·{' '}
              {t('workshop.summary.notesAdded', { count: w.summary.notesAdded })}
            </Typography>
            <Typography variant="body2">
              {w.summary.notesPerZone.map((z) => `${zoneTitle(z.zoneKey)}: ${z.notes}`).join(' · ')}
            </Typography>
            {w.summary.voteSessions.map((v) => (
              <Typography key={v.id} variant="body2">
                <bdi>{v.title}</bdi>: {v.top.map((r) => `${r.rank}. ${r.text} (${r.votes})`).join(', ')}
              </Typography>
            ))}
          </Paper>
        ) : null,
      )}
    </Box>
  );
}
