/**
 * Folding for search and filtering. Applied to both the stored text and the user's query, so that
 * a query typed without harakat finds text written with them, أحمد finds احمد, O'zbekiston finds
 * Oʻzbekiston and ёлка finds елка. The original text is always kept for display.
 */

// Arabic marks that do not change the word: Quranic annotation signs, harakat, superscript alef,
// small high/low signs, and the tatweel used only to stretch a line.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Alef with hamza above/below, madda and wasla all fold to the bare alef.
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g;
// Uzbek oʻ and gʻ are written with many look-alike apostrophes; U+02BB is the one we store.
const UZBEK_APOSTROPHE = /([oOgG])[\u0027\u0060\u00B4\u2018\u2019\u02BC\u02BB]/g;

/** Normalises a text for comparison: NFKC, lower case, Arabic and Cyrillic folding, Uzbek apostrophes. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ARABIC_MARKS, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(/\u0649/g, '\u064A') // alef maqsura → ya
    .replace(/\u0629/g, '\u0647') // ta marbuta → ha
    .replace(UZBEK_APOSTROPHE, '$1\u02BB')
    .toLowerCase()
    .replace(/ё/g, 'е');
}

/** Stores Uzbek oʻ and gʻ with U+02BB whatever apostrophe the user typed; the rest is kept as typed. */
export function normaliseUzbekApostrophes(text: string): string {
  return text.replace(UZBEK_APOSTROPHE, '$1\u02BB');
}
