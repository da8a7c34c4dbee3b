import { describe, expect, it } from 'vitest';
import { jsonDepthWithin, parseBoundedJson } from '../../electron/core/json';

describe('bounded JSON', () => {
  it('parses ordinary JSON', () => {
    expect(parseBoundedJson('{"a":[1,{"b":"[[[["}]}')).toEqual({ a: [1, { b: '[[[[' }] });
  });

  it('ignores brackets inside strings, including after escaped quotes', () => {
    expect(jsonDepthWithin(JSON.stringify({ s: '\\"[[[[[[' + '['.repeat(100) }), 2)).toBe(true);
  });

  it('refuses nesting past the limit before parsing', () => {
    expect(() => parseBoundedJson('['.repeat(65) + ']'.repeat(65))).toThrow(RangeError);
    expect(() => parseBoundedJson('['.repeat(100_000) + ']'.repeat(100_000))).toThrow(RangeError);
    expect(parseBoundedJson('['.repeat(64) + ']'.repeat(64))).toBeInstanceOf(Array);
  });

  it('still refuses malformed JSON', () => {
    expect(() => parseBoundedJson('{"a":')).toThrow(SyntaxError);
  });
});
