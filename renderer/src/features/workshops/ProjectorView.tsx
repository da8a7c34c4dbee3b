/**
 * What the room sees on the wall: the projector theme (large type, high contrast) following the
 * facilitator — the countdown, the zone being presented (or every zone), and the latest revealed
 * vote. Notes private mode still hides are not shown. Serve mode opens it in its own tab at
 * `#/projector/<canvasId>`; it fills the page over the app's own frame.
 */
import { CacheProvider } from '@emotion/react';
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import Paper from '@mui/material/Paper';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../electron/shared/domain/settings';
import { sortByOrder } from '../../../../electron/shared/canvas/order';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { cacheFor } from '../../theme/direction-cache';
import { useAppTheme } from '../../theme/use-app-theme';
import { Countdown } from './countdown';
import { useWorkshops } from './use-workshop';

function Projected({ canvasId }: { canvasId: string }) {
  const { t } = useTranslation();
  const { running, board, zones } = useWorkshops(canvasId);
  const votes = useApiQuery('workshops.votes', { canvasId });
  const hidden = new Set(running?.hiddenNoteIds ?? []);
  // In private mode a note newer than the workshop's last read may be one of the hidden: the board's
  // read can arrive before the workshop's, and a private note must not flash on the wall meanwhile.
  const unsure = (createdAt: string) => running !== null && running.facilitation.privateMode && createdAt > running.serverNow;
  const notes = sortByOrder((board.data?.notes ?? []).filter((n) => !hidden.has(n.id) && !unsure(n.createdAt)));
  const presenting = running?.facilitation.presenting ?? null;
  const shown = presenting ? zones.filter((z) => z.key === presenting) : zones;
  const latest = votes.data?.filter((v) => v.results !== null).at(-1);
  return (
    <Box sx={{ p: 4, display: 'grid', gap: 3 }} data-projector={presenting ?? ''}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h3" component="h1" dir="auto">
          {board.data?.canvas.title}
        </Typography>
        {running && <Countdown timer={running.facilitation.timer} serverNow={running.serverNow} size="h2" />}
      </Box>
      {!running && <Typography variant="h5">{t('workshop.projector.noWorkshop')}</Typography>}
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: presenting ? '1fr' : 'repeat(auto-fill, minmax(320px, 1fr))' }}>
        {shown.map((z) => (
          <Paper key={z.key} variant="outlined" component="section" aria-label={z.title} sx={{ p: 2 }} data-zone={z.key}>
            <Typography variant={presenting ? 'h3' : 'h4'} component="h2" sx={{ mb: 2 }}>
              {z.title}
            </Typography>
            {/* Room for the bullet on both sides: each note takes its own direction (dir="auto"), so an Arabic note's bullet sits on the right in an English room, and the other way round. */}
            <Box component="ul" sx={{ m: 0, paddingInline: 3, display: 'grid', gap: 1 }}>
              {notes
                .filter((n) => n.zoneKey === z.key)
                .map((n) => (
                  <Typography key={n.id} component="li" variant={presenting ? 'h4' : 'h5'} dir="auto">
                    {n.text}
                  </Typography>
                ))}
            </Box>
          </Paper>
        ))}
      </Box>
      {latest?.results && (
        <Paper variant="outlined" component="section" aria-labelledby="projector-results" sx={{ p: 2 }}>
          <Typography id="projector-results" variant="h4" component="h2">
            {t('workshop.vote.resultsOf')} <bdi>{latest.title}</bdi>
          </Typography>
          <Box component="ol" sx={{ m: 0, paddingInlineStart: 4 }}>
            {latest.results.map((r) => (
              <Typography key={r.noteId} component="li" variant="h5">
                <span dir="auto">{r.text}</span> — {t('workshop.vote.count', { count: r.votes })}
              </Typography>
            ))}
          </Box>
        </Paper>
      )}
    </Box>
  );
}

export function ProjectorView({ canvasId }: { canvasId: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const direction = directionOf(settings.language);
  const theme = useAppTheme('projector', direction);
  return (
    <CacheProvider value={cacheFor(direction)}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <Box component="div" role="region" aria-label={t('workshop.projector.label')} sx={{ position: 'fixed', inset: 0, zIndex: 1300, overflow: 'auto', bgcolor: 'background.default', color: 'text.primary' }}>
          <Projected canvasId={canvasId} />
        </Box>
      </ThemeProvider>
    </CacheProvider>
  );
}
