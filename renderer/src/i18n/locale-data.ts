/**
 * Intl formatters that stand in where the browser's ICU has no data for one of our languages.
 * Chromium (and so Electron) ships without Uzbek: it writes "2026 M11 29", "1,234,567.5" and
 * "a and b". For such a language numbers are formatted in English and given its own symbols, and
 * Gregorian dates and lists are written from its CLDR patterns (as Node and Firefox write them).
 * Where the browser has the data, or for another calendar, Intl is used as it is.
 */

/** What CLDR says of a language, for the formats the app uses. */
export interface LocaleFallback {
  decimal: string;
  group: string;
  /** Short unit names that differ from English ("byte"). */
  units: Record<string, string>;
  /** Month abbreviations as they stand inside a date (format context), January first. */
  shortMonths: readonly string[];
  /** Medium date from day, month abbreviation and year, e.g. "29-noy, 2026". */
  mediumDate: (day: string, month: string, year: string) => string;
  /** Between a medium date and its time. */
  dateTimeJoin: string;
  /** The numeric date from two-digit day and month and the year, e.g. "29/11/2026". */
  numericDate: { order: readonly ('day' | 'month' | 'year')[]; separator: string };
  /** The last link of a list ("a, b va c"). */
  and: string;
}

/** Uzbek in Latin script (CLDR, as ICU 74+ writes uz-Latn-UZ). */
export const UZBEK: LocaleFallback = {
  decimal: ',',
  group: '\u00a0',
  units: { byte: 'bayt' },
  shortMonths: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avg', 'sen', 'okt', 'noy', 'dek'],
  mediumDate: (day, month, year) => `${day}-${month}, ${year}`,
  dateTimeJoin: ', ',
  numericDate: { order: ['day', 'month', 'year'], separator: '/' },
  and: 'va',
};

const FALLBACKS: Partial<Record<string, LocaleFallback>> = { uz: UZBEK };

const languageOf = (locale: string) => locale.split('-')[0];
/** A Unicode extension of the locale tag (`nu`, `ca`), if it has one. */
const extension = (locale: string, key: string) => new RegExp(`-u(?:-[a-z0-9]+)*?-${key}-([a-z0-9]+)`).exec(locale)?.[1];

const hasData = new Map<string, boolean>();
/** Without data ICU writes a month as "M01". */
function browserHasData(language: string) {
  let has = hasData.get(language);
  if (has === undefined) {
    has = !/^M\d+$/.test(new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 15))));
    hasData.set(language, has);
  }
  return has;
}

/** The stand-in data for this locale when the browser lacks its own, else undefined. */
export function fallbackFor(locale: string): LocaleFallback | undefined {
  const language = languageOf(locale);
  const fallback = FALLBACKS[language];
  return fallback && !browserHasData(language) ? fallback : undefined;
}

/** English with the same digits, whose parts get the language's symbols. */
const englishWithDigits = (locale: string) => `en-US-u-nu-${extension(locale, 'nu') ?? 'latn'}`;

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}, fallback = fallbackFor(locale)) {
  if (!fallback) return new Intl.NumberFormat(locale, options);
  const english = new Intl.NumberFormat(englishWithDigits(locale), options);
  // Other digits than Latin bring their own separators (Arabic-Indic: ٫ and ٬), whatever the language.
  const latin = (extension(locale, 'nu') ?? 'latn') === 'latn';
  const symbol = (part: Intl.NumberFormatPart) =>
    part.type === 'unit' ? (fallback.units[part.value] ?? part.value)
    : !latin ? part.value
    : part.type === 'group' ? fallback.group
    : part.type === 'decimal' ? fallback.decimal
    : part.value;
  return { format: (n: number) => english.formatToParts(n).map(symbol).join('') };
}

export function listFormat(locale: string, fallback = fallbackFor(locale)) {
  if (!fallback) return new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    format: (items: Iterable<string>) => {
      const all = [...items];
      return all.length < 2 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} ${fallback.and} ${all[all.length - 1]}`;
    },
  };
}

/** The date formats the app uses: a medium date (with a short time), or the numeric date typed in fields. */
export type DateFormatOptions =
  | { dateStyle: 'medium'; timeStyle?: 'short'; timeZone?: 'UTC' }
  | { day: '2-digit'; month: '2-digit'; year: 'numeric'; timeZone?: 'UTC' };

export function dateTimeFormat(locale: string, options: DateFormatOptions, fallback = fallbackFor(locale)) {
  const calendar = extension(locale, 'ca') ?? 'gregory';
  if (!fallback || calendar !== 'gregory') return new Intl.DateTimeFormat(locale, options);
  const digits = new Intl.NumberFormat(englishWithDigits(locale), { useGrouping: false });
  const padded = new Intl.NumberFormat(englishWithDigits(locale), { useGrouping: false, minimumIntegerDigits: 2 });
  const formatToParts = (date: Date): Intl.DateTimeFormatPart[] => {
    const utc = options.timeZone === 'UTC';
    const [year, month, day] = utc ? [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()] : [date.getFullYear(), date.getMonth(), date.getDate()];
    if ('day' in options) {
      const values = { day: padded.format(day), month: padded.format(month + 1), year: digits.format(year) };
      return fallback.numericDate.order.flatMap((type, i): Intl.DateTimeFormatPart[] => [
        ...(i > 0 ? [{ type: 'literal' as const, value: fallback.numericDate.separator }] : []),
        { type, value: values[type] },
      ]);
    }
    const text = fallback.mediumDate(digits.format(day), fallback.shortMonths[month], digits.format(year));
    const time = options.timeStyle ? `${fallback.dateTimeJoin}${padded.format(utc ? date.getUTCHours() : date.getHours())}:${padded.format(utc ? date.getUTCMinutes() : date.getMinutes())}` : '';
    return [{ type: 'literal', value: text + time }];
  };
  return { format: (date: Date) => formatToParts(date).map((p) => p.value).join(''), formatToParts };
}
