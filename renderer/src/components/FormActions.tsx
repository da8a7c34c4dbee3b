import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';

/** Save (submits the form), an optional delete, and a "Saved" note after a successful save. */
export function FormActions({ busy, saved, deleteLabel, onDelete }: { busy: boolean; saved: boolean; deleteLabel?: string; onDelete?(): void }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={2} sx={{ mt: 3, alignItems: 'center' }}>
      <Button type="submit" variant="contained" disabled={busy}>
        {t('common.save')}
      </Button>
      {onDelete && (
        <Button color="error" onClick={onDelete}>
          {deleteLabel}
        </Button>
      )}
      {saved && (
        <Alert severity="success" role="status" sx={{ py: 0 }}>
          {t('project.saved')}
        </Alert>
      )}
    </Stack>
  );
}
