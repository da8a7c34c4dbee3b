/**
 * Passphrase encryption of a whole bundle (docs/bundle-format.md "Encrypted bundles"). The zip is
 * wrapped, not changed: a short plain header (format, key derivation parameters, salt, nonce prefix,
 * chunk size, key check) and then the zip's bytes in chunks of AES-256-GCM, each authenticated with
 * the header as associated data. Chunking keeps memory bounded (one chunk at a time, never the
 * bundle), and the nonce of each chunk carries its number and a "last chunk" flag (the STREAM
 * construction), so reordered, dropped, altered or cut-off chunks all fail authentication.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import { Transform, type TransformCallback } from 'node:stream';
import { z } from 'zod';
import { refuse } from './refusal';

/** The first bytes of an encrypted bundle (a plain bundle starts with the zip signature `PK`). */
export const ENCRYPTED_MAGIC = Buffer.from('IBTIKAR-ENC\n', 'latin1');
const MAX_HEADER = 4096;
const TAG = 16;
const NONCE_PREFIX = 7;

/** What an exporter writes: scrypt with N = 2^17, r = 8, p = 1 (128 MiB, a fraction of a second). */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
export const DEFAULT_CHUNK = 1024 * 1024;

/**
 * What an importer accepts, checked BEFORE deriving: a hostile header must not make scrypt take
 * gigabytes of memory or minutes of time. N is a power of two from 2^14 to 2^17, r is 8, p is 1 or 2.
 */
const HeaderSchema = z.strictObject({
  format: z.literal('ibtikar-encrypted'),
  version: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.int().refine((n) => n >= 2 ** 14 && n <= 2 ** 17 && (n & (n - 1)) === 0, 'N must be a power of two from 2^14 to 2^17'),
    r: z.literal(8),
    p: z.int().min(1).max(2),
    salt: z.base64().length(24), // 16 bytes
  }),
  noncePrefix: z.base64().length(12), // 7 bytes (base64 of 7 bytes is 12 characters)
  chunkBytes: z.int().min(4096).max(4 * 1024 * 1024),
  /** SHA-256 of the second half of the scrypt output: tells a wrong passphrase from damaged data. */
  keyCheck: z.base64().length(44), // 32 bytes
});
type Header = z.infer<typeof HeaderSchema>;

async function derive(passphrase: string, kdf: Header['kdf']) {
  const out = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 160 * kdf.N * kdf.r * kdf.p + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return { key: out.subarray(0, 32), keyCheck: createHash('sha256').update(out.subarray(32)).digest() };
}

function nonce(prefix: Buffer, counter: number, last: boolean) {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, NONCE_PREFIX);
  n[11] = last ? 1 : 0;
  return n;
}

/** The plain prefix of an encrypted file: magic, header length, header. Every chunk authenticates it. */
function prefixOf(header: Header) {
  const body = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([ENCRYPTED_MAGIC, length, body]);
}

/** A stream that turns zip bytes into an encrypted bundle; memory is one chunk. */
export async function encryptingStream(passphrase: string, kdf: { N: number; r: 8; p: number } = DEFAULT_KDF, chunkBytes = DEFAULT_CHUNK): Promise<Transform> {
  const salt = randomBytes(16).toString('base64');
  const noncePrefix = randomBytes(NONCE_PREFIX);
  const derived = await derive(passphrase, { name: 'scrypt', ...kdf, salt });
  const header: Header = {
    format: 'ibtikar-encrypted',
    version: 1,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...kdf, salt },
    noncePrefix: noncePrefix.toString('base64'),
    chunkBytes,
    keyCheck: derived.keyCheck.toString('base64'),
  };
  const prefix = prefixOf(header);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let counter = 0;
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = createCipheriv('aes-256-gcm', derived.key, nonce(noncePrefix, counter++, last));
    cipher.setAAD(prefix);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        started = true;
        this.push(prefix);
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      // Full chunks go out as soon as more bytes follow them; the final chunk is always shorter than a full one.
      while (pendingBytes > chunkBytes) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, chunkBytes), false));
        pending = [all.subarray(chunkBytes)];
        pendingBytes -= chunkBytes;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(prefix);
      let all = Buffer.concat(pending);
      if (all.length === chunkBytes) {
        this.push(seal(all, false));
        all = Buffer.alloc(0);
      }
      this.push(seal(all, true));
      done();
    },
  });
}

/** Whether a file is an encrypted bundle (by its first bytes). */
export async function isEncrypted(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(ENCRYPTED_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(ENCRYPTED_MAGIC);
  } finally {
    await handle.close();
  }
}

/**
 * Decrypts an encrypted bundle into `target` (a file in the private staging folder), a chunk at a
 * time. Refuses a hostile or damaged header before deriving, a wrong passphrase before decrypting,
 * and any altered, reordered or missing chunk (including a file cut short) while decrypting; the
 * caller removes the staging folder, so a refused file leaves nothing behind.
 */
export async function decryptBundle(file: string, target: string, passphrase: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const lead = Buffer.alloc(ENCRYPTED_MAGIC.length + 4);
    const { bytesRead } = await handle.read(lead, 0, lead.length, 0);
    if (!lead.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) refuse('bad_encryption', 'The file is not an encrypted bundle.');
    if (bytesRead < lead.length) refuse('encrypted_damaged', 'The encrypted bundle is cut short.');
    const headerLength = lead.readUInt32BE(ENCRYPTED_MAGIC.length);
    if (headerLength < 2 || headerLength > MAX_HEADER) refuse('bad_encryption', `The encryption header is ${headerLength} bytes; at most ${MAX_HEADER} are allowed.`);
    const body = Buffer.alloc(headerLength);
    if ((await handle.read(body, 0, headerLength, lead.length)).bytesRead < headerLength) refuse('encrypted_damaged', 'The encrypted bundle is cut short.');
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      refuse('bad_encryption', 'The encryption header is not valid JSON.');
    }
    const parsed = HeaderSchema.safeParse(raw);
    if (!parsed.success) return refuse('bad_encryption', `The encryption header is not valid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message ?? ''}`);
    const header = parsed.data;
    const derived = await derive(passphrase, header.kdf);
    if (!timingSafeEqual(derived.keyCheck, Buffer.from(header.keyCheck, 'base64'))) refuse('wrong_passphrase', 'The passphrase is not the one this bundle was encrypted with.');

    // The prefix as it is in the file (the bytes every chunk authenticated), not as we would re-encode it.
    const prefix = Buffer.concat([lead, body]);
    const noncePrefix = Buffer.from(header.noncePrefix, 'base64');
    const frame = Buffer.alloc(header.chunkBytes + TAG);
    const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
    const closed = once(out, 'close');
    try {
      let position = prefix.length;
      let ended = false;
      for (let counter = 0; !ended; counter++) {
        const { bytesRead: got } = await handle.read(frame, 0, frame.length, position);
        position += got;
        // A full frame is followed by more; a shorter one is the last. A file that stops after a full frame was cut off.
        if (got < TAG) refuse('encrypted_damaged', 'The encrypted bundle is cut short or damaged.');
        ended = got < frame.length;
        const decipher = createDecipheriv('aes-256-gcm', derived.key, nonce(noncePrefix, counter, ended));
        decipher.setAAD(prefix);
        decipher.setAuthTag(frame.subarray(got - TAG, got));
        let plain: Buffer;
        try {
          plain = Buffer.concat([decipher.update(frame.subarray(0, got - TAG)), decipher.final()]);
        } catch {
          return refuse('encrypted_damaged', 'The encrypted bundle was altered or cut short: it does not authenticate.');
        }
        if (!out.write(plain)) await once(out, 'drain');
      }
    } finally {
      out.end();
      await closed;
    }
  } finally {
    await handle.close();
  }
}
