import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldWithMap, normaliseUzbekApostrophes } from '../../electron/shared/text/fold';

describe('foldForSearch', () => {
  it.each([
    ['harakat are ignored, ta marbuta folds to ha', 'مَدْرَسَةٌ', 'مدرسه'],
    ['alef forms fold to bare alef', 'أحمد إبراهيم آمنة', 'احمد ابراهيم امنه'],
    ['tatweel is dropped', 'مـــدرسة', 'مدرسه'],
    ['alef maqsura folds to ya', 'مستشفى', 'مستشفي'],
    ['ё folds to е and case folds', 'Ёлка', 'елка'],
    ['Uzbek apostrophe look-alikes fold to U+02BB', "O'zbekiston O’zbekiston O`zbekiston", 'oʻzbekiston oʻzbekiston oʻzbekiston'],
    ['g‘ too', 'G‘ayrat', 'gʻayrat'],
    ['other apostrophes fold to the plain one, which parts words', "ta'lim ta’lim taʼlim D’Angelo", "ta'lim ta'lim ta'lim d'angelo"],
    ['full-width letters normalise', 'ＡＢＣ', 'abc'],
  ])('%s', (_what, text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('folds every character as the character-by-character fold does, after any character', () => {
    // The fast path copies runs of characters that fold to themselves; each one is checked here, alone and after o/g.
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `o${char}`, `G${char}x`, `${char}'`]) expect(foldForSearch(text)).toBe(foldWithMap(text).folded);
    }
  });

  it('folds any text as the character-by-character fold does', () => {
    const alphabet = fc.constantFrom(...'aZ09 \'`’ʻoOgGأإآٱىةـَمدرسهЁёЯяＡ\uD83D\uDE00\uD800ﷺ'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(alphabet).map((a) => a.join(''))), (text) => {
        expect(foldForSearch(text)).toBe(foldWithMap(text).folded);
      }),
      { numRuns: 500 },
    );
  });

  it('folds query and text alike, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
      }),
    );
  });
});

describe('normaliseUzbekApostrophes', () => {
  it('stores oʻ and gʻ with U+02BB and leaves other text as typed', () => {
    expect(normaliseUzbekApostrophes("O'zbekiston bog'i Rock'n'roll")).toBe('Oʻzbekiston bogʻi Rock\'n\'roll');
    expect(normaliseUzbekApostrophes("to`g’ri o'sish G'ULOM O‘ZBEKISTON KO'K TO'G'RI")).toBe('toʻgʻri oʻsish GʻULOM OʻZBEKISTON KOʻK TOʻGʻRI');
  });

  it('leaves English possessives, contractions, names and quotes as typed', () => {
    for (const text of ["Hong Kong's dog's blog", "O'Brien and O'Neill", "who'd, who'll, who're, who've", "WHO'LL WHO'VE DOG'S", "5 o'clock", "G'day, o'er", "the 'go' sign", "'Log' in"]) {
      expect(normaliseUzbekApostrophes(text), text).toBe(text);
    }
  });
});

describe('foldWithMap', () => {
  it('handles characters outside the basic plane and ligatures that expand', () => {
    expect(foldForSearch('𐀀 😀')).toBe('𐀀 😀');
    expect(foldForSearch('ﷲ')).toBe('الله'); // one ligature, four letters, its marks dropped
  });

  it('maps every folded character back to where it came from', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const { folded, origin } = foldWithMap(text);
        expect(origin).toHaveLength(folded.length + 1);
        expect(origin.every((o, i) => o >= 0 && o <= text.length && (i === 0 || o >= origin[i - 1]))).toBe(true);
      }),
    );
  });
});
