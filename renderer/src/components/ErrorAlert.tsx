import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/hooks';
import { errorKey } from '../i18n/labels';

/** Shows a failed call as a translated message; the code decides the words, never the English text. */
export function ErrorAlert({ error }: { error: ApiCallError | Error | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = 'error' in error && typeof error.error === 'object' ? (error as ApiCallError).error.code : 'network';
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {t(errorKey(code))}
    </Alert>
  );
}
