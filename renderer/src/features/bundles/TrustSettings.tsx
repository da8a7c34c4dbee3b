import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { groupFingerprint } from './fingerprint';

/** The lab's name as its bundles show it to other labs. */
export function LabNameField() {
  const { t } = useTranslation();
  const profile = useApiQuery('lab.profile', {});
  const rename = useApiMutation('lab.rename');
  const [name, setName] = useState('');
  useEffect(() => {
    if (profile.data) setName(profile.data.name);
  }, [profile.data]);
  return (
    <Stack
      component="form"
      direction="row"
      spacing={2}
      sx={{ alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        rename.mutate({ name });
      }}
    >
      <TextField
        label={t('bundles.labName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        helperText={t('bundles.labNameHelp')}
        slotProps={{ htmlInput: { dir: 'auto', maxLength: 200 } }}
        sx={{ minWidth: 320, flexGrow: 1 }}
      />
      <Button type="submit" variant="outlined" disabled={rename.isPending || !profile.data || name.trim() === profile.data.name} sx={{ mt: 1 }}>
        {t('bundles.saveLabName')}
      </Button>
      {rename.isSuccess && name.trim() === profile.data?.name && (
        <Typography role="status" color="success.main" sx={{ mt: 2 }}>
          {t('bundles.labNameSaved')}
        </Typography>
      )}
      <ErrorAlert error={rename.error} />
    </Stack>
  );
}

/** The signers this lab marked as trusted when importing their bundles, each removable. */
export function TrustedLabs() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const trusted = useApiQuery('bundles.trusted', {});
  const untrust = useApiMutation('bundles.untrust');
  return (
    <Stack spacing={1} sx={{ mt: 3 }}>
      <Typography variant="subtitle1" component="h3">
        {t('bundles.trustedLabs')}
      </Typography>
      {trusted.data?.length === 0 && <Typography color="text.secondary">{t('bundles.trustedLabsEmpty')}</Typography>}
      {trusted.data && trusted.data.length > 0 && (
        <Table size="small" aria-label={t('bundles.trustedLabs')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('bundles.trustedLab')}</TableCell>
              <TableCell>{t('bundles.trustedFingerprint')}</TableCell>
              <TableCell>{t('bundles.trustedOn')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {trusted.data.map((lab) => {
              const name = lab.labName || t('bundles.unnamedLab');
              return (
                <TableRow key={lab.fingerprint}>
                  <TableCell dir="auto">{name}</TableCell>
                  <TableCell dir="ltr" sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }}>
                    {groupFingerprint(lab.fingerprint)}
                  </TableCell>
                  <TableCell>{format.dateTime(lab.trustedAt)}</TableCell>
                  <TableCell align="right">
                    <Button aria-label={t('bundles.untrust', { lab: name })} disabled={untrust.isPending} onClick={() => untrust.mutate({ fingerprint: lab.fingerprint })}>
                      {t('bundles.remove')}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ErrorAlert error={untrust.error} />
    </Stack>
  );
}
