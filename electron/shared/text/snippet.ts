/**
 * Finds folded query terms in an original text and cuts a passage around the first match, with the
 * matched ranges marked in original-text offsets (the index holds folded text only).
 */
import { foldWithMap } from './fold';

export interface Snippet {
  text: string;
  highlights: [number, number][];
}

const CONTEXT = 60;

export function makeSnippet(original: string, foldedTerms: readonly string[], context = CONTEXT): Snippet | undefined {
  const { folded, origin } = foldWithMap(original);
  const ranges: [number, number][] = [];
  for (const term of foldedTerms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      ranges.push([origin[at], origin[at + term.length]]);
    }
  }
  if (ranges.length === 0) return undefined;
  ranges.sort((a, b) => a[0] - b[0]);
  const start = Math.max(0, ranges[0][0] - context);
  const end = Math.min(original.length, ranges[0][1] + context * 2);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < original.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + original.slice(start, end) + suffix,
    highlights: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}
