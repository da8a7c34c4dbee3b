/**
 * The facilitator's controls for a live workshop on one canvas: start and end it, open it to the
 * room, run the countdown, private mode, locks and presenting zone by zone. Self-contained: mount it
 * with the canvas's id above the board (`<FacilitatorBar canvasId={id} />`).
 */
import LockIcon from '@mui/icons-material/Lock';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimerAction, Workshop } from '../../../../electron/shared/workshop/model';
import { useHasMethod } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Countdown } from './countdown';
import { LanPanel } from './LanPanel';
import { useWorkshopCall, useWorkshops, type WorkshopCall } from './use-workshop';
import { VotingPanel } from './VotingPanel';
import { WorkshopError } from './WorkshopError';
import { WorkshopSummaries } from './WorkshopSummaries';

function TimerControls({ workshop, call: { run, busy } }: { workshop: Workshop; call: WorkshopCall }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState('5');
  const timer = (action: TimerAction, seconds?: number) => void run('workshops.timer', { id: workshop.id, action, seconds });
  const running = workshop.facilitation.timer.endsAt !== null;
  const validMinutes = Number.isInteger(Number(minutes)) && Number(minutes) >= 1 && Number(minutes) <= 240;
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField size="small" type="number" label={t('workshop.timer.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} sx={{ width: 110 }} slotProps={{ htmlInput: { min: 1, max: 240 } }} />
      <Button variant="contained" disabled={busy || running || !validMinutes} onClick={() => timer('start', Number(minutes) * 60)}>
        {t('workshop.timer.start')}
      </Button>
      <Button disabled={busy || running || workshop.facilitation.timer.durationMs === 0} onClick={() => timer('start')}>
        {t('workshop.timer.resume')}
      </Button>
      <Button disabled={busy || !running} onClick={() => timer('pause')}>
        {t('workshop.timer.pause')}
      </Button>
      <Button disabled={busy || workshop.facilitation.timer.durationMs === 0} onClick={() => timer('addMinute')}>
        {t('workshop.timer.addMinute')}
      </Button>
      <Button disabled={busy || workshop.facilitation.timer.durationMs === 0} onClick={() => timer('reset')}>
        {t('workshop.timer.reset')}
      </Button>
      <Countdown timer={workshop.facilitation.timer} serverNow={workshop.serverNow} />
    </Box>
  );
}

function RoomControls({ workshop, zones, call: { run, busy } }: { workshop: Workshop; zones: { key: string; title: string }[]; call: WorkshopCall }) {
  const { t } = useTranslation();
  const f = workshop.facilitation;
  const lock = (all: boolean, lockedZones: string[]) => void run('workshops.lock', { id: workshop.id, all, zones: lockedZones });
  const at = zones.findIndex((z) => z.key === f.presenting);
  const present = (zoneKey: string | null) => void run('workshops.present', { id: workshop.id, zoneKey });
  // The desktop app opens its own window on the external display; a browser opens a tab.
  const projectorWindow = useHasMethod('desktop.openProjector');
  const openProjector = () =>
    projectorWindow
      ? void run('desktop.openProjector', { canvasId: workshop.canvasId })
      : // window.open keeps this tab's session (its access token) for the projector's tab.
        window.open(`#/projector/${workshop.canvasId}`, '_blank');
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <FormGroup row>
        <FormControlLabel
          control={<Switch checked={f.privateMode} disabled={busy} onChange={(e) => void run('workshops.setPrivate', { id: workshop.id, on: e.target.checked })} />}
          label={f.privateMode ? t('workshop.private.onReveal', { count: workshop.hiddenNoteIds.length }) : t('workshop.private.off')}
        />
        <FormControlLabel control={<Switch checked={f.lockedAll} disabled={busy} onChange={(e) => lock(e.target.checked, f.lockedZones)} />} label={t('workshop.lockAll')} />
      </FormGroup>
      {zones.length > 0 && (
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <Typography component="legend" variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <LockIcon fontSize="inherit" aria-hidden /> {t('workshop.lockZones')}
          </Typography>
          <FormGroup row>
            {zones.map((z) => (
              <FormControlLabel
                key={z.key}
                control={
                  <Checkbox
                    size="small"
                    checked={f.lockedZones.includes(z.key)}
                    disabled={busy}
                    onChange={(e) => lock(f.lockedAll, e.target.checked ? [...f.lockedZones, z.key] : f.lockedZones.filter((k) => k !== z.key))}
                  />
                }
                label={z.title}
              />
            ))}
          </FormGroup>
        </Box>
      )}
      {zones.length > 0 && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button startIcon={<NavigateBeforeIcon className="flip-rtl" />} disabled={busy || at <= 0} onClick={() => present(zones[at - 1].key)}>
            {t('workshop.present.previous')}
          </Button>
          <Typography role="status" data-presenting={f.presenting ?? ''}>
            {at >= 0 ? t('workshop.present.showing', { zone: zones[at].title }) : t('workshop.present.whole')}
          </Typography>
          <Button endIcon={<NavigateNextIcon className="flip-rtl" />} disabled={busy || at >= zones.length - 1} onClick={() => present(zones[at + 1].key)}>
            {t('workshop.present.next')}
          </Button>
          {/* The speaker's view: what comes next, which the room does not see yet. */}
          {at < zones.length - 1 && (
            <Typography color="text.secondary" data-up-next={zones[at + 1].key}>
              {t('workshop.present.upNext', { zone: zones[at + 1].title })}
            </Typography>
          )}
          <Button disabled={busy || f.presenting === null} onClick={() => present(null)}>
            {t('workshop.present.showWhole')}
          </Button>
          <Button onClick={openProjector}>
            {t('workshop.present.projector')}
          </Button>
        </Box>
      )}
    </Box>
  );
}

export function FacilitatorBar({ canvasId }: { canvasId: string }) {
  const { t } = useTranslation();
  const { running, ended, zones, list, board } = useWorkshops(canvasId);
  // One call for every room control, and its refusal shown here: a control refused because the
  // workshop ended elsewhere disappears with the workshop, but its message must stay.
  const call = useWorkshopCall();
  const { run, error, busy } = call;
  const [confirmEnd, setConfirmEnd] = useState(false);
  // Once a workshop the user started is running, focus goes to this section's heading ("Workshop
  // running"): the Start button pressed has given way to End, and focus would fall to the page's body.
  const heading = useRef<HTMLHeadingElement>(null);
  const starting = useRef(false);
  const runningId = running?.id;
  useEffect(() => {
    if (!starting.current || !runningId) return;
    starting.current = false;
    heading.current?.focus();
  }, [runningId]);
  if (list.isPending) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="facilitator-title" sx={{ p: 2, mb: 2, display: 'grid', gap: 2 }} data-facilitator>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography id="facilitator-title" variant="h6" component="h2" ref={heading} tabIndex={-1}>
          {running ? t('workshop.facilitator.running') : t('workshop.facilitator.title')}
        </Typography>
        {running ? (
          <Button color="error" variant="outlined" onClick={() => setConfirmEnd(true)}>
            {t('workshop.facilitator.end')}
          </Button>
        ) : (
          <Button
            variant="contained"
            disabled={busy}
            onClick={() => {
              starting.current = true;
              void run('workshops.start', { canvasId }).then((started) => {
                // Refused: a workshop started later, by someone else, must not take the user's focus.
                if (!started) starting.current = false;
              });
            }}
          >
            {t('workshop.facilitator.start')}
          </Button>
        )}
      </Box>
      <WorkshopError error={error} />
      {running && (
        <>
          <LanPanel workshop={running} call={call} />
          <TimerControls workshop={running} call={call} />
          <RoomControls workshop={running} zones={zones} call={call} />
          <VotingPanel workshop={running} call={call} />
        </>
      )}
      {ended.length > 0 && <WorkshopSummaries workshops={ended} zones={zones} canvasTitle={board.data?.canvas.title ?? ''} />}
      {running && (
        <ConfirmDialog
          open={confirmEnd}
          title={t('workshop.facilitator.endTitle')}
          message={t('workshop.facilitator.endMessage')}
          confirmLabel={t('workshop.facilitator.end')}
          busy={busy}
          onClose={() => setConfirmEnd(false)}
          onConfirm={() => {
            setConfirmEnd(false);
            void run('workshops.end', { id: running.id });
          }}
        />
      )}
    </Paper>
  );
}
