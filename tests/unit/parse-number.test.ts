/** Numbers typed in the measurement grid and the KPI form, and read from imported files (electron/shared/domain/numbers.ts). */
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../electron/shared/domain/numbers';

describe('a number as people write it', () => {
  it('reads Latin and Arabic-Indic digits, a decimal dot, a decimal comma and the Arabic decimal separator', () => {
    expect(parseNumber('120')).toBe(120);
    expect(parseNumber(' -3.25 ')).toBe(-3.25);
    expect(parseNumber('١٢٠')).toBe(120);
    expect(parseNumber('۱۲۰')).toBe(120);
    expect(parseNumber('١٢٫٥')).toBe(12.5);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('0,250')).toBe(0.25);
    expect(parseNumber('12,50')).toBe(12.5);
    expect(parseNumber('1 234')).toBe(1234);
    expect(parseNumber('1e3')).toBe(1000);
  });

  it('refuses a comma that may group thousands or mark decimals, rather than guess', () => {
    for (const text of ['1,234', '12,500', '-999,000', '1,234,567', '1,234.5']) expect(parseNumber(text)).toBeUndefined();
  });

  it('refuses units, words, empty text and numbers beyond range', () => {
    for (const text of ['', '12 days', 'twelve', '1e400', '--1', '.']) expect(parseNumber(text)).toBeUndefined();
  });
});
