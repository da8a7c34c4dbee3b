/**
 * The stand-in Uzbek formats (Chromium ships without Uzbek locale data) write what ICU with the data
 * writes: Node has full ICU, so every figure is checked against its Intl.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeFormat, fallbackFor, listFormat, numberFormat, UZBEK } from '../../renderer/src/i18n/locale-data';

const TAGS = ['uz-Latn-UZ-u-ca-gregory-nu-latn', 'uz-Latn-UZ-u-ca-gregory-nu-arab'];
const NUMBER_OPTIONS: Intl.NumberFormatOptions[] = [
  {},
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { style: 'percent', maximumFractionDigits: 0 },
  { style: 'percent', maximumFractionDigits: 1 },
  { maximumSignificantDigits: 2 },
  { style: 'unit', unit: 'byte', unitDisplay: 'short', maximumFractionDigits: 0 },
  { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 },
  // A number written into a field or a sentence (textDigits).
  { useGrouping: false, maximumFractionDigits: 20, minimumIntegerDigits: 2 },
];
// Any moment from 1900 to 2100, and the edges of days and months.
const moments = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }).map((t) => new Date(t));

describe('Uzbek formats where the browser has no Uzbek data', () => {
  it('are used only for a language the browser lacks', () => {
    // Node has the data, so its own Intl is used; Chromium's "M01" months are what tells them apart.
    expect(fallbackFor('uz-Latn-UZ')).toBeUndefined();
    expect(fallbackFor('ru-RU')).toBeUndefined();
  });

  it('write numbers, percentages and sizes as ICU does', () => {
    for (const tag of TAGS) {
      for (const options of NUMBER_OPTIONS) {
        const ours = numberFormat(tag, options, UZBEK);
        const icu = new Intl.NumberFormat(tag, options);
        fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => ours.format(n) === icu.format(n)));
        for (const n of [0, 1, 0.5, 1234567.5, -42.125, 0.42]) expect(ours.format(n)).toBe(icu.format(n));
      }
    }
    expect(numberFormat(TAGS[0], {}, UZBEK).format(1234567.5)).toBe('1\u00a0234\u00a0567,5');
  });

  it('write calendar dates, dates with a time and typed dates as ICU does', () => {
    for (const tag of TAGS) {
      for (const options of [{ dateStyle: 'medium', timeZone: 'UTC' }, { dateStyle: 'medium', timeStyle: 'short' }, { day: '2-digit', month: '2-digit', year: 'numeric' }] as const) {
        const ours = dateTimeFormat(tag, options, UZBEK);
        const icu = new Intl.DateTimeFormat(tag, options);
        fc.assert(fc.property(moments, (date) => ours.format(date) === icu.format(date)));
      }
    }
    expect(dateTimeFormat(TAGS[0], { dateStyle: 'medium', timeZone: 'UTC' }, UZBEK).format(new Date('2026-11-29T00:00:00Z'))).toBe('29-noy, 2026');
    const typed = dateTimeFormat(TAGS[0], { day: '2-digit', month: '2-digit', year: 'numeric' }, UZBEK).formatToParts(new Date(0));
    expect(typed.map((p) => p.type)).toEqual(new Intl.DateTimeFormat(TAGS[0], { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(0)).map((p) => p.type));
  });

  it('leave another calendar to Intl', () => {
    const hijri = 'uz-Latn-UZ-u-ca-islamic-umalqura-nu-latn';
    expect(dateTimeFormat(hijri, { dateStyle: 'medium', timeZone: 'UTC' }, UZBEK)).toBeInstanceOf(Intl.DateTimeFormat);
  });

  it('join lists as ICU does', () => {
    const icu = new Intl.ListFormat('uz-Latn-UZ', { type: 'conjunction' });
    for (const items of [[], ['Bosqich'], ['Bosqich', 'Dalillar darajasi'], ['a', 'b', 'c', 'd']]) expect(listFormat('uz-Latn-UZ', UZBEK).format(items)).toBe(icu.format(items));
  });
});
