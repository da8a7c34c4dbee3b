/**
 * Numbers inside translated texts follow the lab's digits setting (renderer/src/i18n/i18n.ts): a
 * limit in a validation message, a count, the workshop countdown — not only the numbers the screens
 * format themselves.
 */
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setTextNumerals, textDigits } from '../../renderer/src/i18n/i18n';
import { formatRemaining } from '../../renderer/src/features/workshops/countdown';

beforeAll(async () => {
  initI18n('ar');
  await i18next.changeLanguage('ar');
});
afterEach(() => setTextNumerals('latn'));

describe('numbers in texts', () => {
  it('are written in Arabic-Indic digits when the lab chose them, keeping the plural form of the number', () => {
    setTextNumerals('arab');
    expect(i18next.t('validation.too_long', { maximum: 200 })).toBe('استخدم ٢٠٠ حرفًا على الأكثر.');
    expect(i18next.t('canvas.selected', { count: 12 })).toMatch(/^١٢ /);
    expect(formatRemaining(125_000)).toBe('٢:٠٥');
  });

  it('stay Latin by default, ungrouped, with the language’s decimal mark', async () => {
    expect(i18next.t('validation.too_long', { maximum: 2000 })).toBe('استخدم 2000 حرفًا على الأكثر.');
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(textDigits(2.5, 'ru')).toBe('2,5');
    setTextNumerals('arab');
    expect(textDigits(1234.5)).toBe('١٢٣٤٫٥');
    // Text in another language than the UI's (a bilingual report's English column) keeps Latin digits.
    expect(textDigits(1234.5, 'en')).toBe('1234.5');
    // Texts that are not numbers pass as they are.
    expect(i18next.t('validation.bundle_checksum', { name: 'data/2026.ndjson' })).toContain('data/2026.ndjson');
  });
});
