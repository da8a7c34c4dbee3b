import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { validationKey } from '../../i18n/labels';

/** A refused bundle says what was wrong with it (`validation.bundle_<reason>`); other failures as usual. */
export function BundleError({ error }: { error: ApiCallError | Error | null | undefined }) {
  const { t } = useTranslation();
  const issue = error && 'error' in error && typeof error.error === 'object' ? (error as ApiCallError).error.issues?.find((i) => i.code.startsWith('bundle_')) : undefined;
  if (!issue) return <ErrorAlert error={error} />;
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {t(validationKey(issue.code), {
        name: '',
        key: '',
        line: '',
        count: '',
        depth: '',
        version: '',
        appVersion: '',
        ...issue.params,
        // Table names from core are the registry's; people read the translated record type.
        table: typeof issue.params?.table === 'string' ? t(`bundles.table.${issue.params.table}`) : '',
      })}
    </Alert>
  );
}
