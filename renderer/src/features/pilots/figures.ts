/** How the pilot's statistics read: numbers in the reader's locale and digits, p-values and intervals. */
import type { Interval } from '../../../../electron/shared/stats';
import { numberFormat } from '../../i18n/locale-data';

// First-strong isolates (U+2066 … U+2069): a formula such as "p < 0.001" or "[0.12, 0.34]" keeps its
// left-to-right order inside an Arabic sentence, also with Arabic-Indic digits (which the bidi
// algorithm treats as right-to-left numbers, so "<" would otherwise flip to the wrong side).
const isolate = (s: string) => `\u2066${s}\u2069`;

export function figureFormat(format: { locale: string }) {
  const two = numberFormat(format.locale, { maximumFractionDigits: 2 });
  const three = numberFormat(format.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const significant = numberFormat(format.locale, { maximumSignificantDigits: 2 });
  const percent = numberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  const value = (n: number) => two.format(n);
  // Where the decimal sign is a comma (Russian, Uzbek), a semicolon parts the bounds: "[-43,01; -25,79]".
  const bounds = value(1.5).includes(',') ? '; ' : ', ';
  return {
    value,
    percent: (n: number) => percent.format(n),
    /** The whole phrase, "p = 0.017" or "p < 0.001" (never "p = < 0.001"): below 0.001 a string of zeros says nothing. */
    pIs: (p: number) => isolate(p < 0.001 ? `p < ${three.format(0.001)}` : `p = ${three.format(p)}`),
    /** A significance threshold such as 0.05 / 20 = 0.0025, with its two significant digits (three decimals would round it to 0.003). */
    threshold: (n: number) => significant.format(n),
    interval: (ci: Interval) => isolate(`[${value(ci.lower)}${bounds}${value(ci.upper)}]`),
    /** An interval of shares, in percent like its estimate: "10% [-3%, 23%]". */
    percentInterval: (ci: Interval) => isolate(`[${percent.format(ci.lower)}${bounds}${percent.format(ci.upper)}]`),
  };
}

export type FigureFormat = ReturnType<typeof figureFormat>;
