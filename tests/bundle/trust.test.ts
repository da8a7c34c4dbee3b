/**
 * Signatures: a lab's first export makes its Ed25519 key pair; bundles are signed; the preview names
 * the signer's fingerprint and whether it is trusted; a bundle altered after signing is shown as
 * "signature invalid" and refused unless the user explicitly accepts it (which the activity log
 * records); a bundle without a signature is shown as unsigned; trusted labs are listed and removed;
 * the lab's name travels in its bundles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callValue, makeCore, type TestCore } from '../support/core';
import { exportTo, readZipEntries, tempDir, writeZip } from '../support/bundles';
import { removeDir } from '../support/serve';

let lab: TestCore;
let other: TestCore;
let dir: string;
let file: string;

const entries = readZipEntries;

beforeAll(async () => {
  lab = makeCore();
  other = makeCore();
  dir = tempDir();
  await callValue(lab, 'lab.loadSample', {});
  expect(await callValue(lab, 'lab.rename', { name: '  Tashkent Innovation Lab ' })).toMatchObject({ name: 'Tashkent Innovation Lab' });
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
    expect(first.manifest.lab.name).toBe('Tashkent Innovation Lab');
    await callValue(other, 'bundles.trust', { fingerprint, labName: 'Tashkent lab' });
    const second = await other.core.bundles.previewFile(file);
    other.core.bundles.discard(second.previewId);
    expect(second.signature).toEqual({ status: 'signed', fingerprint, trusted: true });
  });

  it('shows a bundle whose manifest was changed after signing as invalid, refuses it by default, and imports it only when accepted', async () => {
    const parts = await entries(file);
    const tampered = parts.map((e) =>
      e.name === 'manifest.json' ? { ...e, data: Buffer.from(e.data.toString().replace('"internal"', '"public"')) } : e,
    );
    const path = join(dir, 'tampered.ibtikar');
    writeZip(path, tampered);
    const preview = await other.core.bundles.previewFile(path);
    expect(preview.signature).toEqual({ status: 'invalid', fingerprint: null, trusted: false });
    const before = other.snapshot();
    const refused = await other.call('bundles.apply', { previewId: preview.previewId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ code: 'bundle_signature_invalid' }] } });
    expect(other.snapshot()).toEqual(before);
    // The preview is still open: the user can confirm they accept an unverifiable bundle.
    const summary = await callValue<{ inserted: number; unverifiedAccepted: boolean }>(other, 'bundles.apply', { previewId: preview.previewId, acceptInvalidSignature: true });
    expect(summary.unverifiedAccepted).toBe(true);
    expect(summary.inserted).toBeGreaterThan(0);
    const { id: labId } = await callValue<{ id: string }>(other, 'lab.profile', {});
    const log = await callValue<{ fields: string[]; summary: string }[]>(other, 'activity.list', { subjectId: labId });
    expect(log).toContainEqual(expect.objectContaining({ fields: ['bundle_import', 'signature_invalid_accepted'], summary: expect.stringContaining('Tashkent Innovation Lab') }));
    // Accepting the same bundle again changes nothing, not even the log.
    const imported = other.snapshot();
    const again = await other.core.bundles.previewFile(path);
    const second = await callValue<{ inserted: number }>(other, 'bundles.apply', { previewId: again.previewId, acceptInvalidSignature: true });
    expect(second).toMatchObject({ inserted: 0, replaced: 0, copied: 0 });
    expect(other.snapshot()).toEqual(imported);
  });

  it('shows a signature made by another key over the same manifest as invalid', async () => {
    const parts = await entries(file);
    const sig = JSON.parse(parts.find((e) => e.name === 'manifest.sig')!.data.toString()) as { signature: string };
    const flipped = Buffer.from(sig.signature, 'base64');
    flipped[0] ^= 1;
    const path = join(dir, 'forged.ibtikar');
    writeZip(path, parts.map((e) => (e.name === 'manifest.sig' ? { ...e, data: JSON.stringify({ ...sig, signature: flipped.toString('base64') }) } : e)));
    const preview = await other.core.bundles.previewFile(path);
    other.core.bundles.discard(preview.previewId);
    expect(preview.signature.status).toBe('invalid');
  });

  it('lists the trusted labs and removes one', async () => {
    const { fingerprint } = await callValue<{ fingerprint: string }>(lab, 'bundles.identity', {});
    expect(await callValue(other, 'bundles.trusted', {})).toEqual([{ fingerprint, labName: 'Tashkent lab', trustedAt: expect.any(String) }]);
    await callValue(other, 'bundles.untrust', { fingerprint });
    expect(await callValue(other, 'bundles.trusted', {})).toEqual([]);
    const preview = await other.core.bundles.previewFile(file);
    other.core.bundles.discard(preview.previewId);
    expect(preview.signature.trusted).toBe(false);
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
