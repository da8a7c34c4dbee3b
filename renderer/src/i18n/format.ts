import { useMemo } from 'react';
import type { Settings } from '../../../electron/shared/domain/settings';
import { CATALOGUES, LOCALE_TAGS } from './i18n';
import { dateTimeFormat, numberFormat } from './locale-data';

/**
 * Date and number formatting in the user's language, calendar (Gregorian or Hijri Umm al-Qura)
 * and digits (Latin or Arabic-Indic), through Intl (or locale-data.ts where the browser lacks the language).
 */
export function useFormatters(settings: Pick<Settings, 'language' | 'calendar' | 'numerals'>) {
  return useMemo(() => {
    const locale = `${LOCALE_TAGS[settings.language]}-u-ca-${settings.calendar}-nu-${settings.numerals}`;
    const date = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = numberFormat(locale);
    const decimal = numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const separator = CATALOGUES[settings.language].common.separator;
    return {
      locale,
      /**
       * What stands between parts of one line ("3 · Developing"). The language chooses it: Arabic's
       * is a bar, as a middle dot beside Arabic-Indic digits reads as the digit zero (٠).
       */
      separator,
      /** A label used inside a sentence: its first letter in lower case, unless it begins an abbreviation ("OECD facet"). */
      inSentence: (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase(LOCALE_TAGS[settings.language]) + label.slice(1) : label),
      /** The parts that are set, in order, with the separator between them. */
      parts: (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(separator),
      /** How a date is typed in this language (DD/MM/YYYY, DD.MM.YYYY), in the date pickers' tokens. */
      dateInput: dateInputPattern(LOCALE_TAGS[settings.language]),
      /** A calendar date (YYYY-MM-DD), shown as the same day everywhere. */
      date: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`)),
      dateTime: (isoTimestamp: string) => dateTime.format(new Date(isoTimestamp)),
      number: (n: number) => number.format(n),
      /** Scores and other means, always with two decimals. */
      decimal: (n: number) => decimal.format(n),
      /** A share (0.42) as a whole percentage, for progress. */
      percent: (fraction: number) => percent.format(fraction),
    };
  }, [settings.language, settings.calendar, settings.numerals]);
}

const PATTERN_TOKENS: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: 'DD', month: 'MM', year: 'YYYY' };

/**
 * The language's own numeric date order and separators, from Intl. Bidi marks are dropped: the date
 * field orders its parts itself (DateField).
 */
export function dateInputPattern(tag: string) {
  const parts = dateTimeFormat(`${tag}-u-ca-gregory-nu-latn`, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(0));
  return parts.map((p) => PATTERN_TOKENS[p.type] ?? p.value.replace(/[\u200e\u200f\u061c]/g, '')).join('');
}

export type Formatters = ReturnType<typeof useFormatters>;
