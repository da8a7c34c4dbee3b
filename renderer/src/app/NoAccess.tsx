import Alert from '@mui/material/Alert';
import Container from '@mui/material/Container';
import { useTranslation } from 'react-i18next';

/** A browser that opened the page without the access token printed by `npm run serve`. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Container component="main" sx={{ py: 4 }}>
      <Alert severity="warning">{t('errors.noToken')}</Alert>
    </Container>
  );
}
