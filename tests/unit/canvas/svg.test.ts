/** SVG export: the same bytes on every run, mirrored for Arabic, fonts inside, text inert. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../../electron/shared/canvas/catalogue';
import { textDirection, toSvg, wrapText, type SvgLabels } from '../../../electron/shared/canvas/export/svg';
import { fixtureBoard } from './fixture-board';

const template = findTemplate('business-model-canvas')!;
const labels = (language: 'en' | 'ar'): SvgLabels => ({
  language,
  direction: language === 'ar' ? 'rtl' : 'ltr',
  zoneHint: (key) => template.zones.find((z) => z.key === key)!.hint[language],
  status: (s) => `[${s}]`,
  attribution: template.attribution![language],
});
// Stand-ins for the woff2 files the app embeds: the test is about the markup, not the glyphs.
const fonts = [
  { family: 'Noto Sans', weight: 400 as const, base64: 'd09GMgABAAAAA' },
  { family: 'Noto Sans Arabic', weight: 400 as const, base64: 'd09GMgABAAAAB', unicodeRange: 'U+0600-06FF' },
];
const GOLDEN = join(import.meta.dirname, '..', '..', 'fixtures', 'canvas', 'bmc-en.svg');

describe('toSvg', () => {
  it('is byte-identical across runs (compared with the file a previous run wrote)', () => {
    const svg = toSvg(fixtureBoard, template, labels('en'), fonts);
    expect(toSvg(structuredClone(fixtureBoard), template, labels('en'), fonts)).toBe(svg);
    expect(svg).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('embeds the fonts and escapes note text', () => {
    const svg = toSvg(fixtureBoard, template, labels('en'), fonts);
    expect(svg).toContain("@font-face{font-family:'Noto Sans Arabic';font-weight:400;src:url(data:font/woff2;base64,d09GMgABAAAAB) format('woff2');unicode-range:U+0600-06FF;}");
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script');
    expect(svg).toContain('&amp; &quot;quotes&quot;');
    expect(svg).toContain('<title>BMC &lt;e-visa&gt;</title>');
    expect(svg).toContain(template.attribution!.en.slice(0, 40));
  });

  it('mirrors the board for Arabic and sets each line in its own direction', () => {
    const zoneX = (svg: string, key: string) => Number(new RegExp(`data-zone="${key}">\\n<rect x="(\\d+)"`).exec(svg)![1]);
    const en = toSvg(fixtureBoard, template, labels('en'), fonts);
    const ar = toSvg(fixtureBoard, template, labels('ar'), fonts);
    expect(zoneX(en, 'key-partners')).toBeLessThan(zoneX(en, 'segments'));
    expect(zoneX(ar, 'key-partners')).toBeGreaterThan(zoneX(ar, 'segments'));
    expect(ar).toMatch(/direction="rtl"[^>]*>أولياء الأمور</);
  });
});

describe('text helpers', () => {
  it('find the reading direction from the first strong character', () => {
    expect(textDirection('SMS عبر الهاتف')).toBe('ltr');
    expect(textDirection('١٢ عبر SMS')).toBe('rtl');
    expect(textDirection('123')).toBe('ltr');
  });

  it('wrap at spaces, cut long words and end an overflow with an ellipsis', () => {
    expect(wrapText('one two three four', 9, 5)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghij', 4, 5)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a b c d e f', 1, 3)).toEqual(['a', 'b', '…']);
  });
});
