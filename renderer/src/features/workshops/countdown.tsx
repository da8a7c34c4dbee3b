/**
 * The workshop countdown as people see it: minutes and seconds, recomputed every second from the
 * stored facts (shared/workshop/model `timerView`) and the core's clock, so every screen agrees.
 * The end is announced in words and by the status region, not by colour or sound alone.
 */
import TimerIcon from '@mui/icons-material/Timer';
import TimerOffIcon from '@mui/icons-material/TimerOff';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timerView, type Timer } from '../../../../electron/shared/workshop/model';
import { textDigits } from '../../i18n/i18n';

/** Milliseconds to add to this device's clock to read core's clock. */
export const clockOffset = (serverNow: string) => Date.parse(serverNow) - Date.now();

/** Minutes and seconds (12:05), in the lab's digits. */
export function formatRemaining(ms: number) {
  const total = Math.ceil(ms / 1000);
  return `${textDigits(Math.floor(total / 60))}:${textDigits(total % 60, undefined, 2)}`;
}

export function useTimerView(timer: Timer, serverNow: string) {
  const offset = useMemo(() => clockOffset(serverNow), [serverNow]);
  const [now, setNow] = useState(() => Date.now() + offset);
  const running = timer.endsAt !== null;
  useEffect(() => {
    setNow(Date.now() + offset);
    if (!running) return;
    // Display only: the timer's state lives in core; this just repaints the digits.
    const tick = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(tick);
  }, [running, offset, timer]);
  return timerView(timer, now);
}

export function Countdown({ timer, serverNow, size = 'h5' }: { timer: Timer; serverNow: string; size?: 'h5' | 'h2' }) {
  const { t } = useTranslation();
  const view = useTimerView(timer, serverNow);
  if (view.status === 'idle' && timer.durationMs === 0) return null;
  const ended = view.status === 'ended';
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-timer-status={view.status}>
      {ended ? <TimerOffIcon aria-hidden /> : <TimerIcon aria-hidden />}
      <Typography variant={size} component="p" dir="ltr" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700 }} aria-label={t('workshop.timer.remaining', { time: formatRemaining(view.remainingMs) })}>
        {formatRemaining(view.remainingMs)}
      </Typography>
      <Typography role="status" variant="body2" sx={{ fontWeight: ended ? 700 : 400 }}>
        {t(`workshop.timer.status.${view.status}`)}
      </Typography>
    </Box>
  );
}
