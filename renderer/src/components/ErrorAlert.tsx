import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/hooks';
import { errorKey, validationKey } from '../i18n/labels';

/**
 * Shows a failed call as a translated message; the code decides the words, never the English text.
 * The first issue's own message stands in for the code's with `withReason` (where it says what to
 * do), and always for refused input: "some fields need attention" would point at no field.
 */
export function ErrorAlert({ error, withReason }: { error: ApiCallError | Error | null | undefined; withReason?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const failure = 'error' in error && typeof error.error === 'object' ? (error as ApiCallError).error : null;
  const issue = withReason || failure?.code === 'invalid_input' ? failure?.issues?.[0] : undefined;
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {issue ? t(validationKey(issue.code), issue.params) : t(errorKey(failure?.code ?? 'network'))}
    </Alert>
  );
}
