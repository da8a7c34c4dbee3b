import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';

/** Says that a field the user is editing was changed elsewhere meanwhile (useRecordForm's `changedElsewhere`). */
export function ChangedElsewhere({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? (
    <Alert severity="warning" role="status" sx={{ my: 2 }}>
      {t('common.changedElsewhere')}
    </Alert>
  ) : null;
}
