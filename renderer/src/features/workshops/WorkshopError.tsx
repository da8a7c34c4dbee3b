import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';

/** A refused workshop call in the UI language; `error` is its catalogue key (error-key.ts), null when the last call went through. */
export function WorkshopError({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert severity="error" role="alert" data-workshop-error>
      {t(error)}
    </Alert>
  );
}
