/**
 * Moving attachment bytes in the renderer: reading a picked or dropped file as base64 for
 * `attachments.add`, and fetching a stored file over the HTTP door (serve mode) for a download or
 * a thumbnail. Sizes and kinds are shown in the user's language.
 */
import { ATTACHMENT_API_MAX_BYTES } from '../../../../electron/shared/domain/attachments';
import { storedToken } from '../../api/transports';

export class FileProblem extends Error {
  constructor(readonly kind: 'tooLarge' | 'unreadable', readonly fileName: string) {
    super(`${fileName}: ${kind}`);
  }
}

/** The file's bytes as base64, or a FileProblem; nothing is sent for a file that is too large. */
export async function readAsBase64(file: File): Promise<string> {
  if (file.size > ATTACHMENT_API_MAX_BYTES) throw new FileProblem('tooLarge', file.name);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new FileProblem('unreadable', file.name); // a folder, a file removed meanwhile, no permission
  }
  // Size can change between the listing and the read (a file still being written).
  if (bytes.length > ATTACHMENT_API_MAX_BYTES) throw new FileProblem('tooLarge', file.name);
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
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
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
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
