import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, type Language } from '../../../electron/shared/domain/settings';
import ar from '../../../resources/locales/ar.json';
import en from '../../../resources/locales/en.json';
import ru from '../../../resources/locales/ru.json';
import uz from '../../../resources/locales/uz.json';

export const CATALOGUES = { en, ar, uz, ru } as const;

/** Region-qualified locales for Intl (dates, numbers, plural rules): `ar-AE`, not bare `ar`. */
export const LOCALE_TAGS: Record<Language, string> = { en: 'en-AE', ar: 'ar-AE', uz: 'uz-Latn-UZ', ru: 'ru-RU' };

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(CATALOGUES).map(([lng, translation]) => [lng, { translation }])),
    lng: language,
    // Every catalogue is complete (a test checks it), so a missing key is a bug to see, not to hide.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switches the UI language and the page's `lang` and `dir`, which screen readers and the layout follow. */
export async function applyLanguage(language: Language) {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = LOCALE_TAGS[language];
  document.documentElement.dir = directionOf(language);
}
