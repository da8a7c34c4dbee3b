import i18next, { type FormatterModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, type Language, type Settings } from '../../../electron/shared/domain/settings';
import ar from '../../../resources/locales/ar.json';
import en from '../../../resources/locales/en.json';
import ru from '../../../resources/locales/ru.json';
import uz from '../../../resources/locales/uz.json';
import { numberFormat } from './locale-data';

export const CATALOGUES = { en, ar, uz, ru } as const;

/** Region-qualified locales for Intl (dates, numbers, plural rules): `ar-AE`, not bare `ar`. */
export const LOCALE_TAGS: Record<Language, string> = { en: 'en-AE', ar: 'ar-AE', uz: 'uz-Latn-UZ', ru: 'ru-RU' };

/** The digits the lab chose (SettingsProvider keeps it); Latin until the settings arrive, and on participants' phones. */
let numerals: Settings['numerals'] = 'latn';
export const setTextNumerals = (chosen: Settings['numerals']) => {
  numerals = chosen;
};

const digitFormats = new Map<string, { format(n: number): string }>();

/**
 * A number as it is written inside a text (a count, a limit, a line, a minute): in the language's
 * and the lab's digits, without grouping — amounts that need grouping are formatted by the caller
 * (format.number) and passed as `formatted`.
 */
export function textDigits(n: number, language: string = i18next.language, minimumIntegerDigits = 1): string {
  // Text in another language than the UI's (a report's second column) keeps Latin digits, as its formatters do.
  const digits = language === i18next.language ? numerals : 'latn';
  const key = `${language}|${digits}|${minimumIntegerDigits}`;
  let format = digitFormats.get(key);
  if (!format) {
    const tag = LOCALE_TAGS[language as Language] ?? LOCALE_TAGS.en;
    format = numberFormat(`${tag}-u-nu-${digits}`, { useGrouping: false, maximumFractionDigits: 20, minimumIntegerDigits });
    digitFormats.set(key, format);
  }
  return format.format(n);
}

/**
 * Every number interpolated into a catalogue text goes through textDigits: i18next itself would
 * write `{{count}}` in Latin digits whatever the lab chose. (Plural forms still come from the number.)
 */
const numbersInTexts: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format?: string, language?: string) => (typeof value === 'number' ? textDigits(value, language) : value) as string,
};

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).use(numbersInTexts).init({
    resources: Object.fromEntries(Object.entries(CATALOGUES).map(([lng, translation]) => [lng, { translation }])),
    lng: language,
    // Every catalogue is complete (a test checks it), so a missing key is a bug to see, not to hide.
    fallbackLng: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
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
