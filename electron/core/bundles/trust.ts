/**
 * Who made a bundle. Each lab has an Ed25519 key pair, made on its first export and kept in the data
 * folder (not in the database, so restoring a backup never swaps the lab's identity, and the private
 * key never travels in a bundle). A bundle's `manifest.sig` signs the SHA-256 of `manifest.json`,
 * which lists the SHA-256 of every other file, so the signature covers the whole bundle. The
 * fingerprint is the SHA-256 of the public key (SPKI DER); a lab marks fingerprints it trusts.
 */
import { createHash, createPublicKey, generateKeyPairSync, sign, verify, createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { refuse } from './refusal';

export const SignatureFileSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  /** The signer's public key, SPKI DER in base64. */
  publicKey: z.base64().max(200),
  /** Ed25519 signature of SHA-256(manifest.json bytes), base64. */
  signature: z.base64().max(200),
});

const TrustedSchema = z.array(z.strictObject({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/), labName: z.string().max(200), trustedAt: z.string() }));

export const fingerprintOf = (publicKey: KeyObject) => createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');

const digest = (manifest: Buffer) => createHash('sha256').update(manifest).digest();

/** Writes through a temporary file and a rename, so a crash never leaves half a key. */
function writeAtomic(file: string, text: string) {
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function createTrust(dataDir: string, now: () => Date) {
  const dir = join(dataDir, 'trust');
  const keyFile = join(dir, 'lab-key.pem');
  const trustedFile = join(dir, 'trusted.json');

  const load = () => {
    const privateKey = createPrivateKey(readFileSync(keyFile, 'utf8'));
    const publicKey = createPublicKey(privateKey);
    return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
  };

  const trusted = () => (existsSync(trustedFile) ? TrustedSchema.parse(JSON.parse(readFileSync(trustedFile, 'utf8'))) : []);

  return {
    /** This lab's fingerprint, or null before its first export. */
    fingerprint: () => (existsSync(keyFile) ? load().fingerprint : null),

    /** The signature file for a manifest, making the lab's key pair on first use. */
    sign(manifest: Buffer): Buffer {
      if (!existsSync(keyFile)) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const { privateKey } = generateKeyPairSync('ed25519');
        writeAtomic(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      }
      const { privateKey, publicKey } = load();
      const body = {
        algorithm: 'ed25519' as const,
        publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        signature: sign(null, digest(manifest), privateKey).toString('base64'),
      };
      return Buffer.from(JSON.stringify(body));
    },

    trusted,
    isTrusted: (fingerprint: string) => trusted().some((t) => t.fingerprint === fingerprint),
    trust(fingerprint: string, labName: string) {
      const rest = trusted().filter((t) => t.fingerprint !== fingerprint);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeAtomic(trustedFile, JSON.stringify([...rest, { fingerprint, labName, trustedAt: now().toISOString() }], null, 2));
    },
    untrust(fingerprint: string) {
      const rest = trusted().filter((t) => t.fingerprint !== fingerprint);
      if (existsSync(trustedFile)) writeAtomic(trustedFile, JSON.stringify(rest, null, 2));
    },
  };
}

export type Trust = ReturnType<typeof createTrust>;

/** Checks a parsed `manifest.sig` against the manifest's bytes; answers the signer's fingerprint or refuses. */
export function verifySignature(manifest: Buffer, signatureFile: unknown): string {
  const parsed = SignatureFileSchema.safeParse(signatureFile);
  if (!parsed.success) return refuse('signature_invalid', 'The bundle signature file is not valid.');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(parsed.data.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return refuse('signature_invalid', 'The bundle signature names a key that cannot be read.');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519' || !verify(null, digest(manifest), publicKey, Buffer.from(parsed.data.signature, 'base64'))) {
    refuse('signature_invalid', 'The bundle signature does not match its contents: it was altered after signing.');
  }
  return fingerprintOf(publicKey);
}
