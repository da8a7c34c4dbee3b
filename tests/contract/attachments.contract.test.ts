/**
 * Attachments through the contract and the store: stored once per content, written atomically,
 * refused whole when too large, files deleted only when nothing names them, served over HTTP as
 * downloads that never render, and a restore that brings back rows whose files are gone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentsDir, createAttachmentStore } from '../../electron/core/attachments/store';
import { MAX_BODY_BYTES } from '../../electron/core/http/http-door';
import type { AppEvent } from '../../electron/shared/api/events';
import { ATTACHMENT_API_MAX_BYTES, type Attachment } from '../../electron/shared/domain/attachments';
import type { Activity } from '../../electron/shared/domain/lab';
import type { Backup } from '../../electron/shared/domain/backups';
import { callValue, makeCore, openHttpDoor, type TestCore } from '../support/core';
import { removeDir, tempDataDir } from '../support/serve';

let test: TestCore;
let projectId: string;
beforeEach(async () => {
  test = makeCore();
  projectId = (await callValue<{ id: string }>(test, 'projects.create', { title: 'Water meters' })).id;
});
afterEach(() => test.close());

const value = <T>(method: string, input: unknown) => callValue<T>(test, method, input);
const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64');
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const add = (fileName: string, data: string | Buffer, owner = projectId) =>
  value<Attachment>('attachments.add', { ownerType: 'project', ownerId: owner, fileName, contentBase64: b64(data) });
const list = (owner = projectId) => value<Attachment[]>('attachments.list', { ownerType: 'project', ownerId: owner });
/** Every file under the attachments folder, temp files included. */
const filesOnDisk = (dataDir = test.dataDir) => readdirSync(attachmentsDir(dataDir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e4d3b90000000049454e44ae426082', 'hex');

describe('adding and listing', () => {
  it('stores the bytes under their hash, sniffs the type, logs on the project and says what changed', async () => {
    const events: AppEvent[] = [];
    test.core.events.subscribe((e) => events.push(e));
    const png = await add('pixel.txt', PNG); // the bytes win over the extension
    const notes = await add('notes.txt', 'hello');
    expect(png).toMatchObject({ ownerType: 'project', ownerId: projectId, fileName: 'pixel.txt', mediaType: 'image/png', size: PNG.length, sha256: sha(PNG), available: true });
    expect(notes).toMatchObject({ mediaType: 'text/plain', size: 5 });
    expect(readFileSync(join(attachmentsDir(test.dataDir), sha(PNG).slice(0, 2), sha(PNG)))).toEqual(PNG);
    expect((await list()).map((a) => a.fileName)).toEqual(['notes.txt', 'pixel.txt']); // newest first
    const activity = await value<Activity[]>('activity.list', { subjectId: projectId });
    expect(activity[0]).toMatchObject({ subjectType: 'project', action: 'updated', fields: ['attachments'], summary: 'notes.txt' });
    expect(events).toContainEqual({ type: 'data.changed', payload: { area: 'attachments', id: projectId } });
  });

  it('names files for display only: no path, no control or direction-override characters', async () => {
    expect((await add('../../etc/passwd', 'x')).fileName).toBe('passwd');
    expect((await add('C:\\Users\\x\\report.pdf', 'y')).fileName).toBe('report.pdf');
    expect((await add('invoice\u202Efdp.exe', 'z')).fileName).toBe('invoicefdp.exe');
    expect((await add('..', 'w')).fileName).toBe('file');
    expect((await add('تقرير المشروع.txt', 'v')).fileName).toBe('تقرير المشروع.txt');
  });

  it('never calls markup or a misnamed file an image', async () => {
    expect((await add('page.html', '<script>alert(1)</script>')).mediaType).toBe('text/html');
    expect((await add('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')).mediaType).toBe('image/svg+xml');
    expect((await add('fake.png', 'not a png')).mediaType).toBe('application/octet-stream');
  });

  it('refuses an owner that does not exist, and writes nothing', async () => {
    const before = test.snapshot();
    const result = await test.call('attachments.add', { ownerType: 'project', ownerId: '0192f2a0-0000-7000-8000-000000000000', fileName: 'a.txt', contentBase64: b64('a') });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['ownerId'], code: 'unknown_reference' }] } });
    expect(await test.call('attachments.add', { ownerType: 'idea', ownerId: projectId, fileName: 'a.txt', contentBase64: b64('a') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(test.snapshot()).toEqual(before);
    expect(filesOnDisk()).toEqual([]);
  });
});

describe('content is stored once', () => {
  it('keeps one file for the same bytes, and deletes it only when the last attachment naming it goes', async () => {
    const other = (await value<{ id: string }>('projects.create', { title: 'Other' })).id;
    const first = await add('plan.txt', 'same bytes');
    const second = await add('copy of plan.txt', 'same bytes', other);
    expect(second.sha256).toBe(first.sha256);
    expect(filesOnDisk()).toEqual([first.sha256]);
    await value('attachments.remove', { id: first.id });
    expect(filesOnDisk()).toEqual([first.sha256]); // still named by the other project's attachment
    expect(await list()).toEqual([]);
    await value('attachments.remove', { id: second.id });
    expect(filesOnDisk()).toEqual([]);
    expect(await test.call('attachments.remove', { id: second.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lets a deleted project take its attachments along, keeping files other records still use', async () => {
    const other = (await value<{ id: string }>('projects.create', { title: 'Other' })).id;
    const shared = await add('shared.txt', 'shared');
    const own = await add('own.txt', 'only here');
    await add('shared.txt', 'shared', other);
    await value('projects.delete', { id: projectId });
    expect(filesOnDisk()).toEqual([shared.sha256]);
    expect(own.sha256).not.toBe(shared.sha256);
    expect(test.core.db.prepare('SELECT owner_id FROM attachments').pluck().all()).toEqual([other]);
  });
});

describe('writing is atomic and bounded', () => {
  it('leaves no temp file and no row when the bytes stop coming', async () => {
    async function* broken() {
      yield Buffer.from('the first half');
      throw new Error('the disk went away');
    }
    const before = test.snapshot();
    await expect(test.core.attachments.addStream({ ownerType: 'project', ownerId: projectId }, 'half.bin', broken())).rejects.toThrow('the disk went away');
    expect(filesOnDisk()).toEqual([]);
    expect(test.snapshot()).toEqual(before);
  });

  it('refuses a file past the limit while it streams, leaving nothing on disk', async () => {
    const store = createAttachmentStore(test.dataDir, 10);
    let served = 0;
    async function* endless() {
      for (;;) {
        served += 4;
        yield Buffer.from('abcd');
      }
    }
    await expect(store.put(endless())).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(served).toBe(12); // stopped at the chunk that crossed the limit, not at the end
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses an oversized file through the API with a translatable code, storing nothing', async () => {
    const before = test.snapshot();
    const result = await test.call('attachments.add', { ownerType: 'project', ownerId: projectId, fileName: 'big.bin', contentBase64: b64(Buffer.alloc(ATTACHMENT_API_MAX_BYTES + 1)) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['contentBase64'], code: 'file_too_large' }] } });
    expect(test.snapshot()).toEqual(before);
    expect(filesOnDisk()).toEqual([]);
  });

  it('clears temp files a crash left behind', () => {
    writeFileSync(join(attachmentsDir(test.dataDir), '.incoming-deadbeef'), 'half a file');
    createAttachmentStore(test.dataDir);
    expect(filesOnDisk()).toEqual([]);
  });
});

describe('GET /attachments/<id>', () => {
  let door: Awaited<ReturnType<typeof openHttpDoor>>;
  beforeEach(async () => (door = await openHttpDoor(test)));
  afterEach(() => door.close());
  const get = (id: string, headers: Record<string, string> = { Authorization: `Bearer ${door.token}` }) => fetch(`${door.origin}/attachments/${id}`, { headers });

  it('needs the token', async () => {
    const { id } = await add('a.txt', 'secret');
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${'x'.repeat(door.token.length)}` }] as Record<string, string>[]) {
      const response = await get(id, headers);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('sends HTML as an octet-stream download that cannot render', async () => {
    const html = '<html><script>alert(document.cookie)</script></html>';
    const { id } = await add('رسالة "x".html', html);
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="_____ _x_.html"; filename*=UTF-8''${encodeURIComponent('رسالة "x".html')}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(await response.text()).toBe(html);
  });

  it('names pictures as pictures, and SVG as a plain download', async () => {
    expect((await get((await add('p.png', PNG)).id)).headers.get('content-type')).toBe('image/png');
    expect((await get((await add('l.svg', '<svg/>')).id)).headers.get('content-type')).toBe('application/octet-stream');
  });

  it('answers 404 for unknown ids, non-ids and files that are gone', async () => {
    const gone = await add('gone.txt', 'soon missing');
    rmSync(test.core.attachments.file(gone.id)!.path);
    for (const id of ['0192f2a0-0000-7000-8000-000000000000', '..%2F..%2Fibtikar.sqlite', '%E0%A4%A', gone.id]) expect((await get(id)).status).toBe(404);
    expect((await list())[0]).toMatchObject({ id: gone.id, available: false });
  });

  it('accepts the largest API attachment inside the HTTP body limit', async () => {
    const bytes = Buffer.alloc(ATTACHMENT_API_MAX_BYTES, 7);
    const body = JSON.stringify({ ownerType: 'project', ownerId: projectId, fileName: `${'ع'.repeat(250)}.bin`, contentBase64: b64(bytes) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(await door.call('attachments.add', JSON.parse(body))).toMatchObject({ ok: true, value: { size: ATTACHMENT_API_MAX_BYTES } });
  });
});

describe('restoring a backup', () => {
  it('keeps files the restored database does not name, and shows rows whose file is gone as missing', async () => {
    const kept = await add('before.txt', 'made before the backup');
    const backup = await value<Backup>('backups.create', {});
    const later = await add('after.txt', 'made after the backup');
    await value('attachments.remove', { id: kept.id }); // its file is deleted: nothing names it now
    await value('backups.restore', { fileName: backup.fileName });
    const restored = await list();
    expect(restored).toEqual([expect.objectContaining({ id: kept.id, available: false })]);
    expect(existsSync(test.core.attachments.file(kept.id)?.path ?? '')).toBe(false);
    expect(filesOnDisk()).toEqual([later.sha256]); // extra content is harmless: it is named by its hash
    // Adding the same bytes again brings the file back for the restored row too.
    await add('again.txt', 'made before the backup');
    expect((await list()).find((a) => a.id === kept.id)?.available).toBe(true);
  });
});

describe('the store on its own', () => {
  it('gives the same path for the same content, and refuses names that are not hashes', async () => {
    const dir = tempDataDir();
    try {
      const store = createAttachmentStore(dir);
      const a = await store.put([Buffer.from('x')]);
      const b = await store.put([Buffer.from('x')]);
      expect(a).toEqual(b);
      expect(() => store.pathFor('../../etc/passwd')).toThrow();
    } finally {
      removeDir(dir);
    }
  });
});
