// The p-value phrase and figures of the pilot analysis in every language, also right to left.
import { describe, expect, it } from 'vitest';
import { figureFormat } from '../../renderer/src/features/pilots/figures';
import ar from '../../resources/locales/ar.json';
import en from '../../resources/locales/en.json';
import ru from '../../resources/locales/ru.json';
import uz from '../../resources/locales/uz.json';

const bare = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

describe('pilot figures', () => {
  it('writes "p < 0.001" and "p = 0.034", never "p = < 0.001"', () => {
    const fig = figureFormat({ locale: 'en-GB' });
    expect(bare(fig.pIs(0.0000123))).toBe('p < 0.001');
    expect(bare(fig.pIs(0.0342))).toBe('p = 0.034');
    expect(bare(fig.pIs(1))).toBe('p = 1.000');
  });

  it('never rounds p across the threshold its verdict was taken at', () => {
    const fig = figureFormat({ locale: 'en-GB' });
    expect(bare(fig.pIs(0.0496))).toBe('p = 0.0496');
    expect(bare(fig.pIs(0.0503))).toBe('p = 0.050');
    expect(bare(fig.pIs(0.00996, 0.01))).toBe('p = 0.00996');
    // Below 0.001 but not below a Bonferroni threshold smaller still: the value, not "p < 0.001".
    expect(bare(fig.pIs(0.0009, 0.05 / 60))).toBe('p = 0.0009');
    expect(bare(fig.pIs(0.000834, 0.05 / 60))).toBe('p = 0.000834');
  });

  it('says a difference of shares in percentage points, signed', () => {
    const fig = figureFormat({ locale: 'en-GB' });
    expect(fig.points(0.054 - 0.05)).toBe('+0.4');
    expect(fig.points(-0.1234)).toBe('-12.3');
    expect(bare(fig.pointsInterval({ lower: 0.1312, upper: 0.3333, level: 0.95 }))).toBe('[13.1, 33.3]');
  });

  it('keeps the phrase left to right inside Arabic text, with Arabic-Indic digits too', () => {
    const latin = figureFormat({ locale: 'ar-AE-u-nu-latn' });
    expect(latin.pIs(0.0001)).toBe('\u2066p < 0.001\u2069');
    const indic = figureFormat({ locale: 'ar-AE-u-nu-arab' });
    expect(indic.pIs(0.0342)).toBe('\u2066p = ٠٫٠٣٤\u2069');
    expect(indic.interval({ lower: -0.5, upper: 1.25, level: 0.95 })).toMatch(/^\u2066\[.*٠٫٥.*١٫٢٥\]\u2069$/);
  });

  it('parts an interval’s bounds with a semicolon where the decimal sign is a comma', () => {
    expect(bare(figureFormat({ locale: 'en-GB' }).interval({ lower: -43.01, upper: -25.79, level: 0.95 }))).toBe('[-43.01, -25.79]');
    expect(bare(figureFormat({ locale: 'ru-RU' }).interval({ lower: -43.01, upper: -25.79, level: 0.95 }))).toBe('[-43,01; -25,79]');
    expect(bare(figureFormat({ locale: 'uz-Latn-UZ' }).interval({ lower: 0.5, upper: 1.25, level: 0.95 }))).toBe('[0,5; 1,25]');
  });

  it('gives an interval of shares in percent, like its estimate', () => {
    const fig = figureFormat({ locale: 'en-GB' });
    expect(`${fig.percent(0.1)} ${bare(fig.percentInterval({ lower: -0.0312, upper: 0.2312, level: 0.95 }))}`).toBe('10% [-3.1%, 23.1%]');
    expect(bare(figureFormat({ locale: 'ru-RU' }).percentInterval({ lower: -0.03, upper: 0.235, level: 0.95 }))).toBe('[-3\u00a0%; 23,5\u00a0%]');
  });

  it('shows a Bonferroni threshold with its significant digits', () => {
    const fig = figureFormat({ locale: 'en-GB' });
    expect(fig.threshold(0.05 / 20)).toBe('0.0025');
    expect(fig.threshold(0.05 / 60)).toBe('0.00083');
  });

  it('writes the count of comparisons in the reader’s digits', async () => {
    const { readingOf } = await import('../../renderer/src/features/pilots/KpiResult');
    const fig = figureFormat({ locale: 'ar-AE-u-nu-arab' });
    const seen: Record<string, unknown>[] = [];
    const t = ((key: string, values: Record<string, unknown>) => (seen.push(values), key)) as never;
    readingOf(t, fig, { key: 'k', values: {}, verdict: null, caveats: [{ key: 'c', values: { count: 20, threshold: 0.0025 } }] });
    expect(seen[1]).toEqual({ count: 20, formatted: '٢٠', threshold: '٠٫٠٠٢٥' });
  });

  it('the readings carry the whole phrase, so no language writes "p =" before it', () => {
    for (const catalogue of [en, ar, ru, uz]) {
      const readings = JSON.stringify((catalogue as { stats: unknown }).stats);
      expect(readings).toContain('{{p}}');
      expect(readings).not.toMatch(/p\s*[=<]\s*\{\{p\}\}/);
    }
  });
});
