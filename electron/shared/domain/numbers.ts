/** Numbers typed or imported by people, shared by the measurement grid and file imports. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
/**
 * "1,234" is a thousand and more to a spreadsheet in English and one and a bit to one in Russian:
 * a comma followed by exactly three digits, after a group that does not start with 0, is refused
 * rather than guessed. ("0,250" and "1,5" are decimals.)
 */
const AMBIGUOUS_COMMA = /^[-+]?[1-9]\d{0,2},\d{3}$/;

/**
 * A number as people write it: Arabic-Indic digits, the Arabic decimal separator (٫) or a decimal
 * comma when no dot is present. Anything else (units, thousands separators that are ambiguous) is refused.
 */
/** Arabic-Indic and Persian digits as 0–9; everything else as written. */
export const westernDigits = (text: string) => text.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));

export function parseNumber(text: string): number | undefined {
  let s = westernDigits(text.trim())
    .replace(/\u066B/g, '.')
    .replace(/[\u066C\u00A0\u202F ]/g, '');
  if (AMBIGUOUS_COMMA.test(s)) return undefined;
  if (!s.includes('.') && /^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
