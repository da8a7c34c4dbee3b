/** How the pilot's statistics read: numbers in the reader's locale and digits, p-values and intervals. */
import type { Interval } from '../../../../electron/shared/stats';
import { numberFormat } from '../../i18n/locale-data';

// Left-to-right isolates (U+2066 … U+2069): a formula such as "p < 0.001" or "[0.12, 0.34]" keeps its
// left-to-right order inside an Arabic sentence, also with Arabic-Indic digits (which the bidi
// algorithm treats as right-to-left numbers, so "<" would otherwise flip to the wrong side). A lone
// signed number needs none: the locale's own marks (U+200E, U+061C) keep its sign in place.
const isolate = (s: string) => `\u2066${s}\u2069`;

export function figureFormat(format: { locale: string }) {
  const two = numberFormat(format.locale, { maximumFractionDigits: 2 });
  const decimals = (n: number) => numberFormat(format.locale, { minimumFractionDigits: n, maximumFractionDigits: n });
  const three = decimals(3);
  const points = numberFormat(format.locale, { maximumSignificantDigits: 3, signDisplay: 'exceptZero' });
  const pointsBound = numberFormat(format.locale, { maximumSignificantDigits: 3 });
  const significant = numberFormat(format.locale, { maximumSignificantDigits: 2 });
  const percent = numberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  const value = (n: number) => two.format(n);
  // Where the decimal sign is a comma (Russian, Uzbek), a semicolon parts the bounds: "[-43,01; -25,79]".
  const bounds = value(1.5).includes(',') ? '; ' : ', ';
  return {
    value,
    percent: (n: number) => percent.format(n),
    /**
     * The whole phrase, "p = 0.017" or "p < 0.001" (never "p = < 0.001"): below 0.001 a string of
     * zeros says nothing. Never rounded across the `threshold` a verdict was taken at: 0.0496 reads
     * "p = 0.0496", not "p = 0.050" beside a verdict that it is below 0.05.
     */
    pIs: (p: number, threshold = 0.05) => {
      if (p < 0.001 && p < threshold) return isolate(`p < ${three.format(0.001)}`);
      const crosses = (shown: number) => shown < threshold !== p < threshold;
      if (p < 0.001) {
        // Not below a threshold smaller still (0.05 / 60): the value itself, in as many digits as keep it on its side.
        let digits = 2;
        while (digits < 8 && crosses(Number(p.toPrecision(digits)))) digits++;
        return isolate(`p = ${numberFormat(format.locale, { maximumSignificantDigits: digits }).format(p)}`);
      }
      let places = 3;
      while (places < 8 && crosses(Number(p.toFixed(places)))) places++;
      return isolate(`p = ${decimals(places).format(p)}`);
    },
    /** A difference of two shares, in percentage points ("+0.4 percentage points"): two decimals of a share would round it to 0. */
    points: (share: number) => points.format(share * 100),
    /** An interval of a difference of shares, in percentage points like its estimate: "[13, 33]". */
    pointsInterval: (ci: Interval) => isolate(`[${pointsBound.format(ci.lower * 100)}${bounds}${pointsBound.format(ci.upper * 100)}]`),
    /** A significance threshold such as 0.05 / 20 = 0.0025, with its two significant digits (three decimals would round it to 0.003). */
    threshold: (n: number) => significant.format(n),
    interval: (ci: Interval) => isolate(`[${two.format(ci.lower)}${bounds}${two.format(ci.upper)}]`),
    /** An interval of shares, in percent like its estimate: "10% [-3%, 23%]". */
    percentInterval: (ci: Interval) => isolate(`[${percent.format(ci.lower)}${bounds}${percent.format(ci.upper)}]`),
  };
}

export type FigureFormat = ReturnType<typeof figureFormat>;
