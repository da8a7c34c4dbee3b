/** How the pilot's statistics read: numbers in the reader's locale and digits, p-values and intervals. */
import type { Formatters } from '../../i18n/format';
import type { Interval } from '../../../../electron/shared/stats';

export function figureFormat(format: Formatters) {
  const two = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 });
  const three = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  const value = (n: number) => two.format(n);
  return {
    value,
    percent: (n: number) => percent.format(n),
    /** p below 0.001 reads as "< 0.001" rather than a string of zeros. */
    p: (p: number) => (p < 0.001 ? `< ${three.format(0.001)}` : three.format(p)),
    /** "p = 0.017", or "p < 0.001". */
    pIs: (p: number) => (p < 0.001 ? `p < ${three.format(0.001)}` : `p = ${three.format(p)}`),
    interval: (ci: Interval) => `[${value(ci.lower)}, ${value(ci.upper)}]`,
  };
}

export type FigureFormat = ReturnType<typeof figureFormat>;
