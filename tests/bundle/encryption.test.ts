/**
 * Passphrase-encrypted bundles (docs/bundle-format.md "Encrypted bundles"): a round trip, and every
 * way an encrypted file can be wrong (no passphrase, a wrong one, altered, reordered or cut-off
 * chunks, hostile header values) refused with its own code, the database unchanged, staging gone.
 */
import { createReadStream, createWriteStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptBundle, ENCRYPTED_MAGIC, encryptingStream } from '../../electron/core/bundles/encryption';
import { BundleRefused } from '../../electron/core/bundles/refusal';
import type { BundleRefusal } from '../../electron/shared/domain/bundles';
import { callValue, makeCore, type TestCore } from '../support/core';
import { addLabWork, carriedRows, exportTo, storedFiles, tempDir } from '../support/bundles';
import { removeDir } from '../support/serve';

const PASSPHRASE = 'correct horse battery staple';
/** The smallest work factor the importer accepts, so the many small files below derive quickly. */
const FAST = { N: 2 ** 14, r: 8, p: 1 } as const;

let from: TestCore;
let to: TestCore;
let dir: string;
let encrypted: string;
let n = 0;

const next = () => join(dir, `e${n++}.ibtikar`);

async function encryptBytes(plain: Buffer, chunk: number, kdf = FAST) {
  const file = next();
  await pipeline(Readable.from([plain]), await encryptingStream(PASSPHRASE, kdf, chunk), createWriteStream(file));
  return file;
}

async function expectRefused(file: string, reason: BundleRefusal, passphrase?: string) {
  const before = to.snapshot();
  const error = await to.core.bundles.previewFile(file, passphrase).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${reason}`).toBeInstanceOf(BundleRefused);
  expect((error as BundleRefused).reason).toBe(reason);
  expect(to.snapshot()).toEqual(before);
  expect(readdirSync(join(to.dataDir, 'bundles', 'staging'))).toEqual([]);
}

beforeAll(async () => {
  dir = tempDir();
  from = makeCore();
  to = makeCore();
  await callValue(from, 'lab.loadSample', {});
  await addLabWork(from);
  encrypted = join(dir, 'sealed.ibtikar');
  await exportTo(from, encrypted, { passphrase: PASSPHRASE });
});
afterAll(() => {
  from.close();
  to.close();
  removeDir(dir);
});

describe('an encrypted bundle', () => {
  it('is not a zip: it starts with the encrypted header and holds no readable record', () => {
    const bytes = readFileSync(encrypted);
    expect(bytes.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(false);
    expect(bytes.includes(Buffer.from('school meals'))).toBe(false);
  });

  it('asks for its passphrase, refuses a wrong one, and imports with the right one record by record', async () => {
    await expectRefused(encrypted, 'passphrase_needed');
    await expectRefused(encrypted, 'wrong_passphrase', 'Correct horse battery staple');
    const preview = await to.core.bundles.previewFile(encrypted, PASSPHRASE);
    expect(preview.encrypted).toBe(true);
    expect(preview.signature.status).toBe('signed');
    await to.core.bundles.apply({ previewId: preview.previewId, onConflict: 'keep', choices: [] });
    expect(carriedRows(to)).toEqual(carriedRows(from));
    expect(storedFiles(to.dataDir)).toEqual(storedFiles(from.dataDir));
    expect(readdirSync(join(to.dataDir, 'bundles', 'staging'))).toEqual([]);
  });

  it('refuses an altered byte anywhere after the header, and a changed header', async () => {
    const bytes = readFileSync(encrypted);
    const headerEnd = ENCRYPTED_MAGIC.length + 4 + bytes.readUInt32BE(ENCRYPTED_MAGIC.length);
    for (const at of [headerEnd, headerEnd + 100, bytes.length - 1]) {
      const spoiled = Buffer.from(bytes);
      spoiled[at] ^= 0x01;
      const file = next();
      writeFileSync(file, spoiled);
      await expectRefused(file, 'encrypted_damaged', PASSPHRASE);
    }
    // The header is authenticated with every chunk: a changed chunk size (still within the limits) is caught.
    const header = bytes.subarray(ENCRYPTED_MAGIC.length + 4, headerEnd).toString('utf8');
    const changed = header.replace('"chunkBytes":1048576', '"chunkBytes":1048577');
    expect(changed).not.toBe(header);
    const file = next();
    writeFileSync(file, Buffer.concat([bytes.subarray(0, ENCRYPTED_MAGIC.length), bytes.subarray(ENCRYPTED_MAGIC.length, ENCRYPTED_MAGIC.length + 4), Buffer.from(changed), bytes.subarray(headerEnd)]));
    await expectRefused(file, 'encrypted_damaged', PASSPHRASE);
  });

  it('refuses a file cut short anywhere', async () => {
    const bytes = readFileSync(encrypted);
    for (const length of [ENCRYPTED_MAGIC.length + 2, ENCRYPTED_MAGIC.length + 20, bytes.length - 1, bytes.length - 17]) {
      const file = next();
      writeFileSync(file, bytes.subarray(0, length));
      await expectRefused(file, 'encrypted_damaged', PASSPHRASE);
    }
  });
});

describe('the chunked stream', () => {
  const plain = Buffer.from(Array.from({ length: 3 * 4096 + 123 }, (_, i) => (i * 7) % 251));
  const frame = 4096 + 16;

  it('round-trips lengths around the chunk size with bounded chunks', async () => {
    for (const length of [0, 1, 4095, 4096, 4097, 3 * 4096, plain.length]) {
      const file = await encryptBytes(plain.subarray(0, length), 4096);
      const out = next();
      await decryptBundle(file, out, PASSPHRASE);
      expect(readFileSync(out).equals(plain.subarray(0, length)), `length ${length}`).toBe(true);
    }
  });

  it('refuses dropped, reordered and truncated-at-a-boundary chunks', async () => {
    const file = await encryptBytes(plain, 4096);
    const bytes = readFileSync(file);
    const start = ENCRYPTED_MAGIC.length + 4 + bytes.readUInt32BE(ENCRYPTED_MAGIC.length);
    const chunk = (i: number) => bytes.subarray(start + i * frame, Math.min(bytes.length, start + (i + 1) * frame));
    const head = bytes.subarray(0, start);
    const variants = {
      dropped: Buffer.concat([head, chunk(0), chunk(2), chunk(3)]),
      reordered: Buffer.concat([head, chunk(1), chunk(0), chunk(2), chunk(3)]),
      atBoundary: Buffer.concat([head, chunk(0), chunk(1), chunk(2)]),
      lastPartial: Buffer.concat([head, chunk(0), chunk(1), chunk(2), chunk(3).subarray(0, 20)]),
      appended: Buffer.concat([bytes, Buffer.from('more')]),
    };
    for (const [name, spoiled] of Object.entries(variants)) {
      const source = next();
      writeFileSync(source, spoiled);
      const error = (await decryptBundle(source, next(), PASSPHRASE).catch((e: unknown) => e)) as BundleRefused;
      expect(error, name).toBeInstanceOf(BundleRefused);
      expect(error.reason, name).toBe('encrypted_damaged');
    }
  });

  it('streams: a file many chunks long decrypts without holding it (read back as a stream)', async () => {
    const big = Buffer.alloc(40 * 4096 + 5, 3);
    const file = await encryptBytes(big, 4096);
    const out = next();
    await decryptBundle(file, out, PASSPHRASE);
    let total = 0;
    for await (const piece of createReadStream(out) as AsyncIterable<Buffer>) total += piece.length;
    expect(total).toBe(big.length);
  });
});

describe('a hostile encryption header', () => {
  /** An encrypted-looking file whose header is `header` (or raw bytes), followed by some bytes. */
  function withHeader(header: unknown, lengthOverride?: number) {
    const body = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(lengthOverride ?? body.length);
    const file = next();
    writeFileSync(file, Buffer.concat([ENCRYPTED_MAGIC, length, body, Buffer.alloc(64)]));
    return file;
  }
  const good = {
    format: 'ibtikar-encrypted',
    version: 1,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1, salt: Buffer.alloc(16).toString('base64') },
    noncePrefix: Buffer.alloc(7).toString('base64'),
    chunkBytes: 4096,
    keyCheck: Buffer.alloc(32).toString('base64'),
  };

  it('is well-formed as a baseline: only the passphrase is wrong', async () => {
    await expectRefused(withHeader(good), 'wrong_passphrase', PASSPHRASE);
  });

  it.each([
    ['a huge scrypt N (would take 128 GiB)', { ...good, kdf: { ...good.kdf, N: 2 ** 30 } }],
    ['an N that is not a power of two', { ...good, kdf: { ...good.kdf, N: 100_000 } }],
    ['a huge r', { ...good, kdf: { ...good.kdf, r: 1_000_000 } }],
    ['a huge p', { ...good, kdf: { ...good.kdf, p: 1_000_000 } }],
    ['a weak N', { ...good, kdf: { ...good.kdf, N: 2 } }],
    ['a huge chunk size', { ...good, chunkBytes: 2 ** 31 }],
    ['another cipher', { ...good, cipher: 'aes-128-cbc' }],
    ['an unknown field', { ...good, extra: 1 }],
    ['a prototype key', JSON.stringify(good).replace('{', '{"__proto__":{"polluted":1},')],
    ['not JSON', '{"format":'],
  ])('refuses %s before deriving a key', async (_name, header) => {
    await expectRefused(withHeader(header), 'bad_encryption', PASSPHRASE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a header length beyond its cap without reading it', async () => {
    await expectRefused(withHeader(good, 0xffffffff), 'bad_encryption', PASSPHRASE);
  });
});
