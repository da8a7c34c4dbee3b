/**
 * Signatures: a lab's first export makes its Ed25519 key pair; bundles are signed; the preview names
 * the signer's fingerprint and whether it is trusted; a bundle altered after signing is refused;
 * a bundle without a signature is shown as unsigned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { BundleRefused } from '../../electron/core/bundles/refusal';
import { callValue, makeCore, type TestCore } from '../support/core';
import { exportTo, tempDir, writeZip, type ZipEntrySpec } from '../support/bundles';
import { removeDir } from '../support/serve';

let lab: TestCore;
let other: TestCore;
let dir: string;
let file: string;

/** Every entry of a zip, as name → bytes. */
async function entries(path: string) {
  const zip = await yauzl.openPromise(path, { lazyEntries: false });
  const out: ZipEntrySpec[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

beforeAll(async () => {
  lab = makeCore();
  other = makeCore();
  dir = tempDir();
  await callValue(lab, 'lab.loadSample', {});
  file = join(dir, 'signed.ibtikar');
});
afterAll(() => {
  lab.close();
  other.close();
  removeDir(dir);
});

describe('bundle signatures', () => {
  it('has no key before the first export, and one after it', async () => {
    expect(await callValue(lab, 'bundles.identity', {})).toEqual({ fingerprint: null });
    await exportTo(lab, file);
    const { fingerprint } = await callValue<{ fingerprint: string }>(lab, 'bundles.identity', {});
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The key stays: a second export signs with the same one.
    await exportTo(lab, join(dir, 'again.ibtikar'));
    expect(await callValue(lab, 'bundles.identity', {})).toEqual({ fingerprint });
  });

  it('shows the signer, and trusts it once marked', async () => {
    const { fingerprint } = await callValue<{ fingerprint: string }>(lab, 'bundles.identity', {});
    const first = await other.core.bundles.previewFile(file);
    other.core.bundles.discard(first.previewId);
    expect(first.signature).toEqual({ status: 'signed', fingerprint, trusted: false });
    await callValue(other, 'bundles.trust', { fingerprint, labName: 'Tashkent lab' });
    const second = await other.core.bundles.previewFile(file);
    other.core.bundles.discard(second.previewId);
    expect(second.signature).toEqual({ status: 'signed', fingerprint, trusted: true });
  });

  it('refuses a bundle whose manifest was changed after signing', async () => {
    const parts = await entries(file);
    const tampered = parts.map((e) =>
      e.name === 'manifest.json' ? { ...e, data: Buffer.from(e.data.toString().replace('"internal"', '"public"')) } : e,
    );
    const path = join(dir, 'tampered.ibtikar');
    writeZip(path, tampered);
    const error = await other.core.bundles.previewFile(path).catch((e: unknown) => e);
    expect((error as BundleRefused).reason).toBe('signature_invalid');
  });

  it('refuses a signature made by another key over the same manifest', async () => {
    const parts = await entries(file);
    const sig = JSON.parse(parts.find((e) => e.name === 'manifest.sig')!.data.toString()) as { signature: string };
    const flipped = Buffer.from(sig.signature, 'base64');
    flipped[0] ^= 1;
    const path = join(dir, 'forged.ibtikar');
    writeZip(path, parts.map((e) => (e.name === 'manifest.sig' ? { ...e, data: JSON.stringify({ ...sig, signature: flipped.toString('base64') }) } : e)));
    expect(((await other.core.bundles.previewFile(path).catch((e: unknown) => e)) as BundleRefused).reason).toBe('signature_invalid');
  });

  it('shows a bundle without a signature as unsigned', async () => {
    const parts = await entries(file);
    const path = join(dir, 'unsigned.ibtikar');
    writeZip(path, parts.filter((e) => e.name !== 'manifest.sig'));
    const preview = await other.core.bundles.previewFile(path);
    other.core.bundles.discard(preview.previewId);
    expect(preview.signature).toEqual({ status: 'unsigned', fingerprint: null, trusted: false });
  });

  it('keeps the private key out of the bundle', async () => {
    const key = readFileSync(join(lab.dataDir, 'trust', 'lab-key.pem'), 'utf8');
    expect(key).toMatch(/PRIVATE KEY/);
    const body = key.split('\n')[1];
    for (const e of await entries(file)) expect(e.data.toString('latin1'), String(e.name)).not.toContain(body);
  });
});
