import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/500.css';
import '@fontsource/noto-sans-arabic/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../electron/shared/api/client';
import { LANGUAGES, type Language } from '../../electron/shared/domain/settings';
import { httpTransport, ipcTransport, takeTokenFromAddress } from './api/transports';
import { App } from './app/App';
import { NoAccess } from './app/NoAccess';
import { initI18n } from './i18n/i18n';

// Until the stored settings arrive, speak the browser's language if we have it.
const browserLanguage = navigator.language.slice(0, 2) as Language;
initI18n(LANGUAGES.includes(browserLanguage) ? browserLanguage : 'en');

const bridge = window.ibtikar;
const token = bridge ? undefined : takeTokenFromAddress();
const transport = bridge ? ipcTransport(bridge) : token ? httpTransport(token) : undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>{transport ? <App client={createApiClient(transport)} /> : <NoAccess />}</StrictMode>,
);
