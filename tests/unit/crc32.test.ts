/** The CRC-32 the built app gives yazl (core/bundles/crc32.ts) equals buffer-crc32's, which it replaces, chained or not. */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { unsigned } from '../../electron/core/bundles/crc32';

// The very module yazl requires (its own dependency, not whatever copy sits at the top of node_modules).
const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
const reference = fromYazl('buffer-crc32') as { unsigned(data: Buffer, previous?: number): number };

describe('crc32.unsigned', () => {
  it('gives the check value of the CRC-32 catalogue and of an empty input', () => {
    expect(unsigned(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(unsigned(Buffer.alloc(0))).toBe(0);
  });

  it("equals buffer-crc32's for any bytes, and continues from a previous value as yazl's streams do", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.nat(), (bytes, cut) => {
        const data = Buffer.from(bytes);
        const at = data.length === 0 ? 0 : cut % data.length;
        expect(unsigned(data)).toBe(reference.unsigned(data));
        expect(unsigned(data.subarray(at), unsigned(data.subarray(0, at)))).toBe(reference.unsigned(data));
      }),
    );
  });
});
