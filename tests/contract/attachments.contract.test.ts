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
import { appendChunk } from '../../electron/core/chunked-upload';
import type { AppEvent } from '../../electron/shared/api/events';
import type { Attachment } from '../../electron/shared/domain/attachments';
import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/domain/uploads';
import type { Activity } from '../../electron/shared/domain/lab';
import type { Backup } from '../../electron/shared/domain/backups';
import { attachFile, callValue, makeCore, openHttpDoor, type TestCore } from '../support/core';
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
const add = (fileName: string, data: string | Buffer, owner = projectId, ownerType = 'project') => attachFile(test.call, { ownerType, ownerId: owner }, fileName, data);
const chunk = (input: Record<string, unknown>) => ({ ownerType: 'project', ownerId: projectId, fileName: 'a.txt', uploadId: '0192f2a0-0000-4000-8000-00000000000a', offset: 0, data: b64('a'), last: true, ...input });
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
    const result = await test.call('attachments.upload', chunk({ ownerId: '0192f2a0-0000-7000-8000-000000000000' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['ownerId'], code: 'unknown_reference' }] } });
    expect(await test.call('attachments.upload', chunk({ ownerType: 'idea' }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
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

describe('notes and pilots carry attachments too', () => {
  it('keep a note from being deleted until they are removed, and go with a deleted pilot or a deleted project’s pilots', async () => {
    const canvas = await value<{ id: string }>('canvases.create', { templateId: 'swot', title: 'SWOT', projectId, stage: 2 });
    const [note, kept] = await value<{ id: string; version: number }[]>('notes.create', {
      canvasId: canvas.id,
      notes: [{ text: 'Queues at noon', zoneKey: 'weaknesses' }, { text: 'Staff know the forms', zoneKey: 'strengths' }],
    });
    const { pilot } = await value<{ pilot: { id: string } }>('pilots.create', { projectId, title: 'SMS queue' });
    const photo = await add('queue.png', PNG, note.id, 'note');
    await add('interviews.txt', 'kept with the other note', kept.id, 'note');
    const protocol = await add('protocol.txt', 'signed protocol', pilot.id, 'pilot');
    expect(await value<Attachment[]>('attachments.list', { ownerType: 'note', ownerId: note.id })).toEqual([expect.objectContaining({ id: photo.id, ownerType: 'note' })]);
    expect(await test.call('attachments.upload', chunk({ ownerType: 'pilot', ownerId: note.id }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // A note's deletion is undoable on the board and its files could not come back: they go first.
    const before = test.snapshot();
    const refused = await test.call('notes.delete', { canvasId: canvas.id, notes: [{ id: kept.id, baseVersion: kept.version }, { id: note.id, baseVersion: note.version }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['notes', 0, 'id'], code: 'note_has_attachments', params: { count: 1 } }, { path: ['notes', 1, 'id'] }] } });
    expect(test.snapshot()).toEqual(before);
    await value('attachments.remove', { id: photo.id });
    await value('notes.delete', { canvasId: canvas.id, notes: [{ id: note.id, baseVersion: note.version }] });
    expect(filesOnDisk()).not.toContain(photo.sha256);
    expect(filesOnDisk()).toContain(protocol.sha256);
    await value('projects.delete', { id: projectId }); // its pilot goes by cascade, and the pilot's files with it
    expect(filesOnDisk()).toEqual([sha('kept with the other note')]); // the canvas outlives the project
    expect(test.core.db.prepare('SELECT owner_type FROM attachments').pluck().all()).toEqual(['note']);
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

  it('receives a large file in chunks, in order only, takes a chunk sent again as received, and keeps what came before a refused chunk', async () => {
    const big = Buffer.alloc(3 * UPLOAD_CHUNK_BYTES + 123);
    for (let i = 0; i < big.length; i += 1) big[i] = (i * 31) % 251;
    expect(await add('survey.bin', big)).toMatchObject({ size: big.length, sha256: sha(big) });

    const before = test.snapshot();
    const uploadId = '0192f2a0-0000-4000-8000-0000000000b1';
    const part = (n: number) => b64(big.subarray(n * UPLOAD_CHUNK_BYTES, (n + 1) * UPLOAD_CHUNK_BYTES));
    expect(await value('attachments.upload', chunk({ uploadId, data: part(0), last: false }))).toEqual({ bytes: UPLOAD_CHUNK_BYTES, attachment: null });
    // The same chunk again, as a client sends it when the answer was lost on the way: already received.
    expect(await value('attachments.upload', chunk({ uploadId, data: part(0), last: false }))).toEqual({ bytes: UPLOAD_CHUNK_BYTES, attachment: null });
    // Other bytes at that offset, and a chunk that skips ahead, would make the file come out wrong.
    const refusal = { ok: false, error: { code: 'conflict', issues: [{ path: ['offset'], code: 'chunk_out_of_order', params: { received: UPLOAD_CHUNK_BYTES } }] } };
    expect(await test.call('attachments.upload', chunk({ uploadId, offset: 0, data: part(1), last: false }))).toMatchObject(refusal);
    expect(await test.call('attachments.upload', chunk({ uploadId, offset: 2 * UPLOAD_CHUNK_BYTES, data: part(2), last: false }))).toMatchObject(refusal);
    expect(test.snapshot()).toEqual(before);
    // What came before the refusals stays: the upload goes on from where it was.
    for (let n = 1; n <= 3; n++) {
      await value('attachments.upload', chunk({ uploadId, fileName: 'again.bin', offset: n * UPLOAD_CHUNK_BYTES, data: part(n), last: n === 3 }));
    }
    expect((await list()).filter((a) => a.fileName === 'again.bin')).toMatchObject([{ size: big.length, sha256: sha(big) }]);
    expect(filesOnDisk()).toEqual([sha(big)]); // stored once, and no part file left
  });

  it('refuses a chunk that would pass the limit, dropping what came before', () => {
    const part = join(test.dataDir, 'part');
    expect(appendChunk(part, { offset: 0, data: b64('abcd') }, 10, 'A file')).toBe(4);
    expect(() => appendChunk(part, { offset: 4, data: b64('efghijk') }, 10, 'A file')).toThrow(expect.objectContaining({ code: 'payload_too_large' }));
    expect(existsSync(part)).toBe(false);
  });

  it('refuses a chunk larger than the chunk size with a translatable code', async () => {
    const result = await test.call('attachments.upload', chunk({ data: b64(Buffer.alloc(UPLOAD_CHUNK_BYTES + 3)) }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['data'] }] } });
    expect(filesOnDisk()).toEqual([]);
  });

  it('clears temp files a crash left behind', () => {
    writeFileSync(join(attachmentsDir(test.dataDir), '.incoming-deadbeef'), 'half a file');
    writeFileSync(join(attachmentsDir(test.dataDir), '.incoming-upload-0192f2a0-0000-4000-8000-0000000000c1'), 'an upload the app never finished');
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

  it('takes a chunk of the largest size, with the longest name, inside the HTTP body limit', async () => {
    const big = Buffer.alloc(UPLOAD_CHUNK_BYTES + 5, 7);
    const attachment = await attachFile(door.call, { ownerType: 'project', ownerId: projectId }, `${'ع'.repeat(250)}.bin`, big);
    expect(attachment).toMatchObject({ size: big.length, sha256: sha(big) });
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
