/**
 * Moving attachment bytes in the renderer: sending a picked or dropped file to core in chunks, and
 * fetching a stored file over the HTTP door (serve mode) for a download or a thumbnail. Sizes and
 * kinds are shown in the user's language.
 */
import type { ApiClient } from '../../../../electron/shared/api/client';
import { ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentOwnerType } from '../../../../electron/shared/domain/attachments';
import { ApiCallError } from '../../api/hooks';
import { storedToken } from '../../api/transports';
import { sendInChunks, UnreadableFile } from '../../api/upload';
import { numberFormat } from '../../i18n/locale-data';

export class FileProblem extends Error {
  constructor(readonly kind: 'tooLarge' | 'unreadable', readonly fileName: string) {
    super(`${fileName}: ${kind}`);
  }
}

/** Stores a file for the owner; a FileProblem when it is too large or cannot be read (nothing is kept then). */
export async function uploadAttachment(client: ApiClient, owner: { ownerType: AttachmentOwnerType; ownerId: string }, file: File, onProgress?: (done: number, total: number) => void): Promise<Attachment> {
  if (file.size > ATTACHMENT_MAX_BYTES) throw new FileProblem('tooLarge', file.name);
  try {
    const { attachment } = await sendInChunks(
      file,
      async (chunk) => {
        const result = await client.call('attachments.upload', { ...owner, fileName: file.name, ...chunk });
        if (!result.ok) throw new ApiCallError(result.error);
        return result.value;
      },
      onProgress,
    );
    return attachment!;
  } catch (error) {
    if (error instanceof UnreadableFile) throw new FileProblem('unreadable', file.name);
    throw error;
  }
}

/** A stored file from `GET /attachments/<id>` (serve mode), as a Blob. */
export async function fetchAttachment(id: string): Promise<Blob> {
  const response = await fetch(`/attachments/${encodeURIComponent(id)}`, { headers: { Authorization: `Bearer ${storedToken() ?? ''}` } });
  if (!response.ok) throw new Error(`attachment ${id}: ${response.status}`);
  return response.blob();
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** 1536 → "1.5 kB" in the user's language and digits. */
export function formatFileSize(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

export const ATTACHMENT_KINDS = ['image', 'pdf', 'document', 'spreadsheet', 'presentation', 'text', 'archive', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A kind of file a person recognises, from the media type core sniffed. */
export function attachmentKind(mediaType: string): AttachmentKind {
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (/wordprocessing|msword|opendocument\.text/.test(mediaType)) return 'document';
  if (/spreadsheet|ms-excel|text\/csv|tab-separated/.test(mediaType)) return 'spreadsheet';
  if (/presentation|powerpoint/.test(mediaType)) return 'presentation';
  if (mediaType.startsWith('text/') || mediaType === 'application/json' || mediaType === 'application/xml') return 'text';
  if (mediaType === 'application/zip') return 'archive';
  return 'other';
}
