/**
 * JSON from outside (HTTP bodies, later bundles) is parsed only after its nesting depth is known to
 * be bounded: JSON.parse accepts 100,000 nested arrays, but whatever walks the result next
 * (structured clone, stringify, validation) would overflow the stack.
 */
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
