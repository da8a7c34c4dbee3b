/**
 * Folding for search and filtering. Applied to both the stored text and the user's query, so that
 * a query typed without harakat finds text written with them, أحمد finds احمد, O'zbekiston finds
 * Oʻzbekiston and ёлка finds елка. The original text is always kept for display; `foldWithMap`
 * says where each folded character came from, so matches can be shown in the original.
 */

// Arabic marks that do not change the word: Quranic annotation signs, harakat, superscript alef,
// small high/low signs, and the tatweel used only to stretch a line.
const ARABIC_MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;
// Alef with hamza above/below, madda and wasla all fold to the bare alef.
const ALEF_FORM = /[\u0622\u0623\u0625\u0671]/;
// Uzbek oʻ and gʻ, and the tutuq belgisi of taʼlim, are typed with many look-alike apostrophes.
const LOOK_ALIKES = '\u0027\u0060\u00B4\u2018\u2019\u02BC';
const APOSTROPHES = new Set([...LOOK_ALIKES, '\u02BB']);
const UZBEK_LETTER = /[oOgG]/;

/**
 * Every apostrophe as one of two: U+02BB after o or g (oʻ and gʻ, as stored, a letter of the word),
 * the plain one anywhere else, which parts words: ta'lim and taʼlim both read as "ta" "lim", and
 * D'Angelo is found by Angelo.
 */
const apostropheAfter = (previous: string) => (UZBEK_LETTER.test(previous) ? '\u02BB' : "'");

/** One character (code point) folded, given the character before it in the original. */
function foldChar(char: string, previous: string): string {
  if (ARABIC_MARK.test(char)) return '';
  if (ALEF_FORM.test(char)) return '\u0627';
  if (char === '\u0649') return '\u064A'; // alef maqsura → ya
  if (char === '\u0629') return '\u0647'; // ta marbuta → ha
  if (APOSTROPHES.has(char)) return apostropheAfter(previous);
  const folded = char.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
  // NFKC can turn one character into several, some of them marks we drop (Arabic ligatures):
  // fold each of those again. Counted in code points, so a lone astral character is not split.
  const points = [...folded];
  return points.length > 1 ? points.map((c, i) => foldChar(c, points[i - 1] ?? previous)).join('') : folded;
}

/**
 * Folded characters other than apostrophes (the only ones whose fold depends on the character
 * before). Indexing a large import folds millions of characters from a small alphabet, and the
 * per-character NFKC and regex tests dominated it. Bounded, so hostile text of many distinct
 * characters cannot grow it without end (past the bound, characters are folded uncached).
 */
const FOLDED = new Map<string, string>();
const MAX_FOLDED = 10_000;

function foldCached(char: string, previous: string): string {
  if (APOSTROPHES.has(char)) return apostropheAfter(previous);
  let out = FOLDED.get(char);
  if (out === undefined) {
    out = foldChar(char, previous);
    if (FOLDED.size < MAX_FOLDED) FOLDED.set(char, out);
  }
  return out;
}

/**
 * The folded text, and for each of its UTF-16 units the index in `text` of the character it came
 * from (plus one entry for the end), so a match found in the folded text maps back to the original.
 */
export function foldWithMap(text: string): { folded: string; origin: number[] } {
  const origin: number[] = [];
  return { folded: fold(text, origin), origin };
}

/** Folds `text`; with `origin`, also records where each folded UTF-16 unit came from. */
function fold(text: string, origin?: number[]): string {
  let folded = '';
  let previous = '';
  let index = 0;
  for (const char of text) {
    const out = foldCached(char, previous);
    folded += out;
    if (origin) for (let i = 0; i < out.length; i++) origin.push(index);
    previous = char;
    index += char.length;
  }
  origin?.push(text.length);
  return folded;
}

/**
 * Runs of characters that need folding: everything but the characters that fold to themselves
 * whatever comes before them (lower-case Latin letters, digits, space and ASCII punctuation other than
 * the apostrophes, tab and line breaks, the Arabic letters folding leaves alone, Cyrillic а–я).
 * Most of a text is such characters, so only the runs between them go through foldCached (tests/unit/fold.test.ts
 * compares it with the character-by-character fold for every character).
 */
const NEEDS_FOLDING = /[^\t\n\r\x20-\x26\x28-\x40\x5B-\x5F\x61-\x7E\u0621\u0624\u0626-\u0628\u062A-\u063A\u0641-\u0648\u064A\u0430-\u044F]+/g;

/** Normalises a text for comparison: NFKC, lower case, Arabic and Cyrillic folding, Uzbek apostrophes. */
export const foldForSearch = (text: string): string =>
  text.replace(NEEDS_FOLDING, (run: string, offset: number) => {
    // Only whether the character before is an Uzbek o/g matters, so one UTF-16 unit of it is enough.
    let previous = offset > 0 ? text[offset - 1] : '';
    let out = '';
    for (const char of run) {
      out += foldCached(char, previous);
      previous = char;
    }
    return out;
  });

/**
 * Uzbek oʻ or gʻ typed with another apostrophe: o or g, the apostrophe, then the rest of the word
 * in lower case, or in capitals for a word in capitals (KO'K, TO'G'RI). Not an English possessive
 * or contraction in either case ("Kong's", "WHO'LL", "o'clock", "G'day"), a name like "O'Brien",
 * nor a closing quote ("the 'go' sign"); a word ending in gʻ ("bog'") is kept as typed, which
 * search finds all the same. (No `i` flag: with it, \p{Lu} would match lower case too.)
 */
const UZBEK_APOSTROPHE = new RegExp(
  `([oOgG])[${LOOK_ALIKES}](?=\\p{Ll}|\\p{Lu}{2}|\\p{Lu}(?!\\p{L}))(?!(?:[sSdD]|[lL]{2}|[rR][eE]|[vV][eE]|[eE][rR]|[dD][aA][yY]|[cC][lL][oO][cC][kK])(?!\\p{L}))`,
  'gu',
);

/** Stores Uzbek oʻ and gʻ with U+02BB whatever apostrophe the user typed; the rest is kept as typed. */
export function normaliseUzbekApostrophes(text: string): string {
  return text.replace(UZBEK_APOSTROPHE, '$1\u02BB');
}
