import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SettingsSection } from '../../components/SettingsSection';

/**
 * Diagnostics for a support email: the user sees the whole text (versions, settings, recent log
 * lines — no lab data) before copying it. The app itself never sends it anywhere.
 */
export function DiagnosticsSettings() {
  const { t } = useTranslation();
  const diagnostics = useApiMutation('app.diagnostics');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <SettingsSection title={t('diagnostics.heading')} intro={t('diagnostics.intro')}>
      <ErrorAlert error={diagnostics.error} />
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        <Button variant="outlined" onClick={() => diagnostics.mutate({}, { onSuccess: () => setCopied(null) })} disabled={diagnostics.isPending}>
          {t(diagnostics.data ? 'diagnostics.refresh' : 'diagnostics.show')}
        </Button>
        {diagnostics.data && (
          <Button variant="contained" startIcon={<ContentCopyIcon />} onClick={() => void copy(diagnostics.data.text)}>
            {t('diagnostics.copy')}
          </Button>
        )}
      </Stack>
      {copied && (
        <Alert severity={copied === 'yes' ? 'success' : 'warning'} role="status" sx={{ mb: 2 }}>
          {t(copied === 'yes' ? 'diagnostics.copied' : 'diagnostics.copyFailed')}
        </Alert>
      )}
      {diagnostics.data && (
        <TextField
          label={t('diagnostics.text')}
          value={diagnostics.data.text}
          multiline
          minRows={6}
          maxRows={16}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, dir: 'ltr', style: { fontFamily: 'monospace', fontSize: 12 } } }}
        />
      )}
    </SettingsSection>
  );
}
