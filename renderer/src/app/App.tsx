import { CacheProvider } from '@emotion/react';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../electron/shared/api/client';
import { directionOf, type Settings } from '../../../electron/shared/domain/settings';
import { ApiProvider } from '../api/api-context';
import { useHoldUnloadWhileSaving } from '../api/pending-saves';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { DateLocalization } from '../i18n/date-localization';
import { applyLanguage } from '../i18n/i18n';
import { cacheFor } from '../theme/direction-cache';
import { useAppTheme } from '../theme/use-app-theme';
import { SettingsProvider } from './settings-context';
import { Shell } from './Shell';

/** Language, direction and theme follow the stored settings; the page says when it is ready. */
function Themed({ settings }: { settings: Settings }) {
  const direction = directionOf(settings.language);
  const theme = useAppTheme(settings.theme, direction);
  const [appliedLanguage, setAppliedLanguage] = useState<string | null>(null);
  useLayoutEffect(() => {
    void applyLanguage(settings.language).then(() => setAppliedLanguage(settings.language));
  }, [settings.language]);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  return (
    <CacheProvider value={cacheFor(direction)}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <SettingsProvider settings={settings}>
          <DateLocalization language={settings.language} numerals={settings.numerals}>
            {/* Tests wait for this marker rather than for a timeout. */}
            <div data-app-ready={appliedLanguage === settings.language ? settings.language : undefined}>
              <Shell />
            </div>
          </DateLocalization>
        </SettingsProvider>
      </ThemeProvider>
    </CacheProvider>
  );
}

function SettingsGate() {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  if (settings.data) return <Themed settings={settings.data} />;
  if (settings.error) return <ErrorAlert error={settings.error} />;
  return <CircularProgress aria-label={t('common.loading')} sx={{ m: 4 }} />;
}

export function App({ client }: { client: ApiClient }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 } } }),
  );
  useHoldUnloadWhileSaving();
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={client}>
        <SettingsGate />
      </ApiProvider>
    </QueryClientProvider>
  );
}
