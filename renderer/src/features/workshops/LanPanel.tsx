/**
 * Opening the workshop to phones in the room: the facilitator picks the network address (and a port,
 * or any free one), and gets
 * the join link and its QR code (drawn by core as SVG). Plain HTTP on a shared network is said
 * plainly, as the LAN server rules require.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../../electron/shared/workshop/model';
import { useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import type { WorkshopCall } from './use-workshop';

/** `call` is the facilitator bar's: a refused serve is shown there. */
export function LanPanel({ workshop, call: { run, busy } }: { workshop: Workshop; call: WorkshopCall }) {
  const { t } = useTranslation();
  const interfaces = useApiQuery('workshops.interfaces', {});
  const serving = useApiQuery('workshops.serving', { workshopId: workshop.id });
  const { settings } = useSettings();
  const [address, setAddress] = useState('');
  // A fixed port lets ministry IT open one rule in the firewall; empty takes any free one. The last
  // workshop's address and port are offered again.
  const [port, setPort] = useState(settings.workshopPort === 0 ? '' : String(settings.workshopPort));
  const portValid = port === '' || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);
  const choices = interfaces.data ?? [];
  const remembered = choices.find((i) => i.address === settings.workshopAddress);
  const chosen = address || (remembered ?? choices.find((i) => !i.internal) ?? choices[0])?.address || '';
  const remote = workshop.participants.filter((p) => p.remote).length;

  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      {serving.data ? (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(serving.data.qrSvg)}`} alt={t('workshop.lan.qr')} width={168} height={168} style={{ background: '#fff' }} />
          <Box sx={{ display: 'grid', gap: 1, minWidth: 0, flex: 1 }}>
            <Typography variant="body2">{t('workshop.lan.joinLink')}</Typography>
            <Typography dir="ltr" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} data-join-url>
              {serving.data.joinUrl}
            </Typography>
            <Typography variant="body2">{t('workshop.lan.participants', { count: remote })}</Typography>
            <Alert severity="warning">{t('workshop.lan.plainHttp')}</Alert>
          </Box>
        </Box>
      ) : (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField select size="small" label={t('workshop.lan.address')} value={chosen} onChange={(e) => setAddress(e.target.value)} sx={{ minWidth: 220 }}>
            {choices.map((i) => (
              <MenuItem key={`${i.name}-${i.address}`} value={i.address} dir="ltr">
                {i.address} ({i.internal ? t('workshop.lan.thisComputer') : i.name})
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={t('workshop.lan.port')}
            value={port}
            onChange={(e) => setPort(e.target.value.trim())}
            error={!portValid}
            helperText={portValid ? t('workshop.lan.portHelp') : t('workshop.lan.portInvalid')}
            slotProps={{ htmlInput: { inputMode: 'numeric', dir: 'ltr' } }}
            sx={{ width: 200 }}
          />
          <Button
            variant="contained"
            disabled={busy || !chosen || !portValid}
            onClick={() => void run('workshops.serve', { workshopId: workshop.id, address: chosen, port: port === '' ? 0 : Number(port) })}
          >
            {t('workshop.lan.open')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
