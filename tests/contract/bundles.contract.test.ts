/**
 * bundles.* through the HTTP door, as the browser uses them: export (a job with progress events),
 * download in chunks, upload in chunks, preview, apply (data.changed per area), discard.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/shared/api/envelope';
import type { BundlePreview } from '../../electron/shared/domain/bundles';
import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/domain/uploads';
import { callValue, makeCore, openHttpDoor, type TestCore } from '../support/core';
import type { AppEvent } from '../../electron/shared/api/events';

const open: TestCore[] = [];
afterEach(() => open.splice(0).forEach((t) => t.close()));
const core = () => {
  const t = makeCore();
  open.push(t);
  return t;
};
const value = <T>(r: Result<unknown>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

describe('bundles over the HTTP door', () => {
  it('exports, downloads, uploads, previews and applies', async () => {
    const from = core();
    await callValue(from, 'lab.loadSample', {});
    const fromDoor = await openHttpDoor(from);
    const to = core();
    const toDoor = await openHttpDoor(to);
    try {
      const progress: AppEvent[] = [];
      const unsubscribe = from.core.events.subscribe((e) => e.type === 'job.progress' && progress.push(e));
      const exported = value<{ fileName: string; bytes: number }>(await fromDoor.call('bundles.export', { scope: { kind: 'workspace' }, classification: 'public', language: 'ar' }));
      unsubscribe();
      expect(exported.fileName).toMatch(/^ibtikar-workspace-\d{8}T\d{6}Z\.ibtikar$/);
      expect(progress.at(-1)).toMatchObject({ payload: { kind: 'bundle.export', state: 'done' } });

      // An offset past the end is refused and, unlike a read that reaches the end, keeps the file.
      expect(await fromDoor.call('bundles.download', { fileName: exported.fileName, offset: exported.bytes + 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['offset'], code: 'too_big' }] } });
      const chunks: Buffer[] = [];
      for (let offset: number | null = 0; offset !== null; ) {
        const part: { data: string; next: number | null; size: number } = value(await fromDoor.call('bundles.download', { fileName: exported.fileName, offset }));
        chunks.push(Buffer.from(part.data, 'base64'));
        offset = part.next;
      }
      const bytes = Buffer.concat(chunks);
      expect(bytes.length).toBe(exported.bytes);
      // Fetched to its end, the export is not kept in the data folder.
      expect(await fromDoor.call('bundles.download', { fileName: exported.fileName, offset: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

      const uploadId = crypto.randomUUID();
      let fileName: string | null = null;
      for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES / 4) {
        const end = Math.min(bytes.length, offset + UPLOAD_CHUNK_BYTES / 4);
        fileName = value<{ fileName: string | null }>(await toDoor.call('bundles.upload', { uploadId, offset, data: bytes.subarray(offset, end).toString('base64'), last: end === bytes.length })).fileName;
      }
      expect(fileName).toBe(`upload-${uploadId}.ibtikar`);

      const preview = value<BundlePreview>(await toDoor.call('bundles.preview', { fileName }));
      expect(preview.manifest).toMatchObject({ classification: 'public', locales: ['ar'] });
      const changed: string[] = [];
      to.core.events.subscribe((e) => e.type === 'data.changed' && changed.push(e.payload.area));
      const summary = value<{ inserted: number }>(await toDoor.call('bundles.apply', { previewId: preview.previewId }));
      expect(summary.inserted).toBeGreaterThan(50);
      expect(new Set(changed)).toEqual(new Set(['people', 'projects', 'gates', 'ideas', 'cohorts', 'canvases', 'pilots']));
      // The upload and the staging are gone once the import is done; the preview cannot be applied twice.
      expect(readdirSync(join(to.dataDir, 'bundles', 'inbox'))).toEqual([]);
      expect(readdirSync(join(to.dataDir, 'bundles', 'staging'))).toEqual([]);
      expect(await toDoor.call('bundles.apply', { previewId: preview.previewId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      await fromDoor.close();
      await toDoor.close();
    }
  });

  it('refuses an upload chunk that does not follow on, and names outside the bundles folders', async () => {
    const t = core();
    const uploadId = crypto.randomUUID();
    expect(await t.call('bundles.upload', { uploadId, offset: 0, data: Buffer.from('abc').toString('base64'), last: false })).toMatchObject({ ok: true });
    expect(await t.call('bundles.upload', { uploadId, offset: 10, data: Buffer.from('abc').toString('base64'), last: false })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call('bundles.upload', { uploadId: '../x', offset: 0, data: '', last: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    for (const fileName of ['../ibtikar.sqlite', 'x/../../y.ibtikar', '.hidden.ibtikar']) {
      expect(await t.call('bundles.download', { fileName, offset: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await t.call('bundles.download', { fileName: 'missing.ibtikar', offset: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const fileName of ['../ibtikar.sqlite', 'x/../../y.ibtikar']) {
      expect(await t.call('bundles.discardExport', { fileName })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('discards an export nobody fetched, and only that file, even when both were made in the same second', async () => {
    const t = makeCore(undefined, { clock: { now: () => new Date('2026-11-28T09:00:00.000Z') } });
    open.push(t);
    const kept = await t.core.bundles.exportBundle({ scope: { kind: 'workspace' }, classification: 'internal', language: 'en', author: '' });
    const unwanted = await t.core.bundles.exportBundle({ scope: { kind: 'workspace' }, classification: 'secret', language: 'en', author: '' });
    const exports = join(t.dataDir, 'bundles', 'exports');
    expect([kept.fileName, unwanted.fileName]).toEqual(['ibtikar-workspace-20261128T090000Z.ibtikar', 'ibtikar-workspace-20261128T090000Z-2.ibtikar']);
    expect(await t.call('bundles.discardExport', { fileName: unwanted.fileName })).toEqual({ ok: true, value: {} });
    expect(readdirSync(exports)).toEqual([kept.fileName]);
    // Already gone (the dialog closed twice, or the cleanup came first): nothing to refuse.
    expect(await t.call('bundles.discardExport', { fileName: unwanted.fileName })).toEqual({ ok: true, value: {} });
  });

  it('discards a preview, removing its staging and the uploaded file', async () => {
    const t = core();
    const from = core();
    const exported = await from.core.bundles.exportBundle({ scope: { kind: 'workspace' }, classification: 'internal', language: 'en', author: '' });
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(join(from.dataDir, 'bundles', 'exports', exported.fileName));
    const uploadId = crypto.randomUUID();
    const { fileName } = value<{ fileName: string }>(await t.call('bundles.upload', { uploadId, offset: 0, data: bytes.toString('base64'), last: true }));
    const preview = value<BundlePreview>(await t.call('bundles.preview', { fileName }));
    expect(readdirSync(join(t.dataDir, 'bundles', 'staging'))).toHaveLength(1);
    expect(await t.call('bundles.discard', { previewId: preview.previewId })).toEqual({ ok: true, value: {} });
    expect(readdirSync(join(t.dataDir, 'bundles', 'staging'))).toEqual([]);
    expect(readdirSync(join(t.dataDir, 'bundles', 'inbox'))).toEqual([]);
  });

  it('removes an encrypted upload when the user cancels at its passphrase, and nothing else', async () => {
    const t = core();
    const from = core();
    const exported = await from.core.bundles.exportBundle({ scope: { kind: 'workspace' }, classification: 'internal', language: 'en', author: '', passphrase: 'correct horse battery staple' });
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(join(from.dataDir, 'bundles', 'exports', exported.fileName));
    const upload = async () => {
      const uploadId = crypto.randomUUID();
      return value<{ fileName: string }>(await t.call('bundles.upload', { uploadId, offset: 0, data: bytes.toString('base64'), last: true })).fileName;
    };
    const inbox = join(t.dataDir, 'bundles', 'inbox');
    const cancelled = await upload();
    const kept = await upload();
    for (const fileName of [cancelled, kept]) {
      expect(await t.call('bundles.preview', { fileName })).toMatchObject({ ok: false, error: { issues: [{ code: 'bundle_passphrase_needed' }] } });
    }
    // A bundle the user placed in the inbox themselves is never the app's to remove.
    writeFileSync(join(inbox, 'mine.ibtikar'), bytes);
    expect(await t.call('bundles.preview', { fileName: 'mine.ibtikar' })).toMatchObject({ ok: false, error: { issues: [{ code: 'bundle_passphrase_needed' }] } });

    expect(await t.call('bundles.discardWaiting', { fileName: cancelled })).toEqual({ ok: true, value: {} });
    expect(await t.call('bundles.discardWaiting', { fileName: 'mine.ibtikar' })).toEqual({ ok: true, value: {} });
    expect(readdirSync(inbox).sort()).toEqual(['mine.ibtikar', kept].sort());
    // The other upload still waits for its passphrase and imports with it; names outside the inbox are refused.
    expect(await t.call('bundles.preview', { fileName: kept, passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true });
    expect(await t.call('bundles.discardWaiting', { fileName: '../ibtikar.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
