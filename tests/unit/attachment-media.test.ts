/** What an attachment is called (media type from its bytes) and how its size and kind are shown. */
import { describe, expect, it } from 'vitest';
import { servedMediaType, sniffMediaType } from '../../electron/core/attachments/media-type';
import type { ApiClient } from '../../electron/shared/api/client';
import { ATTACHMENT_MAX_BYTES, sanitiseFileName } from '../../electron/shared/domain/attachments';
import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/domain/uploads';
import { attachmentKind, FileProblem, formatFileSize, uploadAttachment } from '../../renderer/src/features/attachments/attachment-files';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it.each([
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'photo.jpg', 'image/jpeg'],
    [bytes('GIF89a'), 'x', 'image/gif'],
    [bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'a.webp', 'image/webp'],
    [bytes('RIFF', [0, 0, 0, 0], 'WAVE'), 'a.webp', 'application/octet-stream'], // RIFF alone is not a picture
    [bytes('%PDF-1.7'), 'report', 'application/pdf'],
    [bytes([0x50, 0x4b, 0x03, 0x04]), 'plan.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [bytes([0x50, 0x4b, 0x03, 0x04]), 'data.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [bytes([0x50, 0x4b, 0x03, 0x04]), 'archive.bin', 'application/zip'],
    [bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.doc', 'application/msword'],
    [bytes('a,b\n'), 'table.csv', 'text/csv'],
    [bytes('<svg/>'), 'logo.svg', 'image/svg+xml'],
    [bytes('MZ'), 'tool.exe', 'application/octet-stream'],
    [bytes(''), 'empty', 'application/octet-stream'],
  ])('%#: %s named %s is %s', (head, name, type) => expect(sniffMediaType(head, name)).toBe(type));

  it('announces only types a browser shows without running anything', () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/xml', 'application/json', 'application/zip']) expect(servedMediaType(type)).toBe('application/octet-stream');
    for (const type of ['image/png', 'application/pdf', 'text/plain']) expect(servedMediaType(type)).toBe(type);
  });
});

describe('sanitiseFileName', () => {
  it('keeps a readable name and nothing that could act as a path or hide the extension', () => {
    expect(sanitiseFileName('  report.pdf  ')).toBe('report.pdf');
    expect(sanitiseFileName('a/b\\..\\c.txt')).toBe('c.txt');
    expect(sanitiseFileName('x\u0000y\u2066z.txt')).toBe('xyz.txt');
    expect(sanitiseFileName('...')).toBe('file');
    expect(Array.from(sanitiseFileName('ع'.repeat(300)))).toHaveLength(255);
  });
});

describe('sizes and kinds in the UI', () => {
  it('formats sizes in the user language', () => {
    expect(formatFileSize(27, 'en-AE')).toBe('27 byte');
    expect(formatFileSize(1536, 'en-AE')).toBe('1.5 kB');
    expect(formatFileSize(5 * 1024 * 1024, 'en-AE')).toBe('5 MB');
    expect(formatFileSize(1536, 'ar-AE-u-nu-arab')).toBe('١٫٥ كيلوبايت');
  });

  it('names kinds a person recognises', () => {
    expect(attachmentKind('image/png')).toBe('image');
    expect(attachmentKind('application/vnd.ms-excel')).toBe('spreadsheet');
    expect(attachmentKind('application/vnd.openxmlformats-officedocument.presentationml.presentation')).toBe('presentation');
    expect(attachmentKind('application/octet-stream')).toBe('other');
  });
});

describe('sending a picked or dropped file', () => {
  const owner = { ownerType: 'project' as const, ownerId: '0192f2a0-0000-7000-8000-000000000001' };
  /** A client that records the chunks and answers like core. */
  function recordingClient() {
    const chunks: { offset: number; data: string; last: boolean; uploadId: string }[] = [];
    const client = {
      call: (method: string, input: { offset: number; data: string; last: boolean; uploadId: string }) => {
        expect(method).toBe('attachments.upload');
        chunks.push(input);
        return Promise.resolve({ ok: true, value: { bytes: 0, attachment: input.last ? { fileName: 'x' } : null } });
      },
    } as unknown as ApiClient;
    return { client, chunks };
  }

  it('sends its bytes in order, in chunks of the agreed size, past the stack limit of one String.fromCharCode call', async () => {
    const data = Buffer.alloc(2 * UPLOAD_CHUNK_BYTES + 10, 'ا');
    const { client, chunks } = recordingClient();
    const progress: number[] = [];
    expect(await uploadAttachment(client, owner, new File([data], 'big.txt'), (done) => progress.push(done))).toEqual({ fileName: 'x' });
    expect(chunks.map((c) => [c.offset, c.last])).toEqual([[0, false], [UPLOAD_CHUNK_BYTES, false], [2 * UPLOAD_CHUNK_BYTES, true]]);
    expect(new Set(chunks.map((c) => c.uploadId)).size).toBe(1);
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c.data, 'base64')))).toEqual(data);
    expect(progress).toEqual([UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES, data.length]);
  });

  it('sends an empty file as one last chunk', async () => {
    const { client, chunks } = recordingClient();
    await uploadAttachment(client, owner, new File([], 'empty.txt'));
    expect(chunks).toEqual([expect.objectContaining({ offset: 0, data: '', last: true })]);
  });

  it('refuses a file that is too large, or that cannot be read, before sending anything', async () => {
    const { client, chunks } = recordingClient();
    const huge = new File([], 'huge.bin');
    Object.defineProperty(huge, 'size', { value: ATTACHMENT_MAX_BYTES + 1 });
    await expect(uploadAttachment(client, owner, huge)).rejects.toMatchObject({ kind: 'tooLarge', fileName: 'huge.bin' });
    class Unreadable extends File {
      override slice(): Blob {
        return { arrayBuffer: () => Promise.reject(new DOMException('A folder', 'NotReadableError')) } as unknown as Blob;
      }
    }
    const problem = await uploadAttachment(client, owner, new Unreadable([], 'folder')).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(FileProblem);
    expect(problem).toMatchObject({ kind: 'unreadable', fileName: 'folder' });
    expect(chunks).toEqual([]);
  });
});
