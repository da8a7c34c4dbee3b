/** The participant page's entry: a separate page of the renderer that only talks to participant methods. */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../../../i18n/i18n';
import { ParticipantApp } from './ParticipantApp';
import { preferredLanguage } from './session';

const language = preferredLanguage();
initI18n(language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParticipantApp initialLanguage={language} />
  </StrictMode>,
);
