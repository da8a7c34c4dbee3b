import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../electron/shared/domain/backups';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSettings } from '../../app/settings-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SettingsSection } from '../../components/SettingsSection';
import { backupReasonKey } from '../../i18n/labels';

/** The automatic backups: take one now, check one, or restore one (after backing up the present). */
export function BackupsSettings() {
  const { t } = useTranslation();
  const { format } = useSettings();
  const backups = useApiQuery('backups.list', {});
  const create = useApiMutation('backups.create');
  const check = useApiMutation('backups.check');
  const restore = useApiMutation('backups.restore');
  const [checked, setChecked] = useState<{ fileName: string; ok: boolean } | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [restored, setRestored] = useState(false);
  const size = (bytes: number) => t('backups.size', { size: format.number(Math.max(1, Math.round(bytes / 1024))) });
  return (
    <SettingsSection title={t('backups.heading')} intro={t('backups.intro')}>
      <ErrorAlert error={backups.error ?? create.error ?? check.error ?? restore.error} />
      {restored && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {t('backups.restored')}
        </Alert>
      )}
      <Button variant="outlined" onClick={() => create.mutate({})} disabled={create.isPending}>
        {t('backups.now')}
      </Button>
      {backups.data?.length === 0 && <Typography sx={{ mt: 2 }}>{t('backups.empty')}</Typography>}
      <List>
        {backups.data?.map((b) => (
          <ListItem key={b.fileName} divider disableGutters sx={{ flexWrap: 'wrap', gap: 1 }}>
            <ListItemText primary={format.dateTime(b.createdAt)} secondary={format.parts(t(backupReasonKey(b.reason)), size(b.bytes))} />
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              {checked?.fileName === b.fileName && (
                <Typography role="status" color={checked.ok ? 'success.main' : 'error'}>
                  {t(checked.ok ? 'backups.checkOk' : 'backups.checkFailed')}
                </Typography>
              )}
              <Button
                onClick={() => check.mutate({ fileName: b.fileName }, { onSuccess: (result) => setChecked({ fileName: b.fileName, ok: result.ok }) })}
                aria-label={t('backups.checkOne', { date: format.dateTime(b.createdAt) })}
              >
                {t('backups.check')}
              </Button>
              <Button onClick={() => setRestoring(b)} aria-label={t('backups.restoreOne', { date: format.dateTime(b.createdAt) })}>
                {t('backups.restore')}
              </Button>
            </Stack>
          </ListItem>
        ))}
      </List>
      <ConfirmDialog
        open={restoring !== null}
        title={t('backups.restoreTitle')}
        message={t('backups.restoreMessage', { date: restoring ? format.dateTime(restoring.createdAt) : '' })}
        confirmLabel={t('backups.restore')}
        busy={restore.isPending}
        onClose={() => setRestoring(null)}
        onConfirm={() =>
          restoring &&
          restore.mutate(
            { fileName: restoring.fileName },
            {
              onSuccess: () => {
                setRestoring(null);
                setRestored(true);
              },
            },
          )
        }
      />
    </SettingsSection>
  );
}
