import { describe, expect, it } from 'vitest';
import { dateInputPattern } from '../../renderer/src/i18n/format';
import { LOCALE_TAGS } from '../../renderer/src/i18n/i18n';

describe('the order a date is typed in', () => {
  it("is each language's own, day first, with its own separator and no bidi marks", () => {
    expect(dateInputPattern(LOCALE_TAGS.en)).toBe('DD/MM/YYYY');
    expect(dateInputPattern(LOCALE_TAGS.ar)).toBe('DD/MM/YYYY');
    expect(dateInputPattern(LOCALE_TAGS.uz)).toBe('DD/MM/YYYY');
    expect(dateInputPattern(LOCALE_TAGS.ru)).toBe('DD.MM.YYYY');
  });

  it('follows the locale, so a month-first language would type month first', () => {
    expect(dateInputPattern('en-US')).toBe('MM/DD/YYYY');
  });
});
