/**
 * JSON from outside (HTTP bodies, later bundles) is parsed only after its nesting depth is known to
 * be bounded: JSON.parse accepts 100,000 nested arrays, but whatever walks the result next
 * (structured clone, stringify, validation) would overflow the stack.
 */
import { LONE_SURROGATE } from '../shared/domain/common';

export const MAX_JSON_DEPTH = 64;

export function jsonDepthWithin(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return true;
}

/** Parses JSON whose depth is at most `maxDepth`; throws a SyntaxError or RangeError otherwise. */
export function parseBoundedJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (!jsonDepthWithin(text, maxDepth)) throw new RangeError(`JSON nested deeper than ${maxDepth} levels`);
  return JSON.parse(text);
}

/**
 * The path of the first string (or key) in `value` holding half of a surrogate pair, if any (JSON
 * escapes such as `"\ud800"` carry one past any UTF-8 check). SQLite
 * would store it as bytes that read back as three replacement characters each, so a title within its
 * length limit would break it once stored. Walks at most `maxDepth` levels (inputs are bounded already).
 */
export function loneSurrogatePath(value: unknown, maxDepth = MAX_JSON_DEPTH, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || path.length > maxDepth) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (LONE_SURROGATE.test(key)) return at;
    const found = loneSurrogatePath(item, maxDepth, at);
    if (found) return found;
  }
  return undefined;
}
