/**
 * Attachments: files kept beside a record (a project now; notes and pilots join by adding their
 * type to ATTACHMENT_OWNER_TYPES). The bytes live on disk under their SHA-256; the database holds
 * the row that names them.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

/** Records that can carry attachments. Adding a type is one line here (and its lookup in core). */
export const ATTACHMENT_OWNER_TYPES = ['project'] as const;
export const AttachmentOwnerTypeSchema = z.enum(ATTACHMENT_OWNER_TYPES);
export type AttachmentOwnerType = z.infer<typeof AttachmentOwnerTypeSchema>;

/** The largest file the store keeps (enforced while the bytes stream in). */
export const ATTACHMENT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * The largest file `attachments.add` accepts. Its content travels as base64 inside one JSON body,
 * and the HTTP door reads at most 1 MiB (MAX_BODY_BYTES): 764 KiB of file is 1,043,116 base64
 * characters, which leaves 5 KiB for the rest of the body (a 255-character name escaped as
 * \uXXXX is 1.5 KiB). tests/contract/attachments.contract.test.ts checks that it fits.
 */
export const ATTACHMENT_API_MAX_BYTES = 764 * 1024;
/** How many bytes a base64 text decodes to. */
const decodedLength = (base64: string) => Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

export const FILE_NAME_MAX = 255;

/**
 * A file name for display only (it never becomes a path): the last segment of whatever path came
 * with it, without control characters or bidirectional overrides (which can make `exe.pdf` look
 * like `fdp.exe`), without leading and trailing dots and spaces, and at most 255 characters.
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).at(-1) ?? '';
  const cleaned = lastSegment
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .normalize('NFC');
  return Array.from(cleaned).slice(0, FILE_NAME_MAX).join('') || 'file';
}

export const AttachmentFileNameSchema = z.string().max(4 * FILE_NAME_MAX).transform(sanitiseFileName);

export const AttachmentSchema = z.object({
  id: IdSchema,
  ownerType: AttachmentOwnerTypeSchema,
  ownerId: IdSchema,
  fileName: z.string(),
  /** Sniffed from the first bytes (and the extension for types without a signature). */
  mediaType: z.string(),
  size: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** False when the row is there but its file is not (e.g. after restoring an older backup elsewhere). */
  available: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentOwnerSchema = z.strictObject({ ownerType: AttachmentOwnerTypeSchema, ownerId: IdSchema });

export const AttachmentAddSchema = AttachmentOwnerSchema.extend({
  fileName: AttachmentFileNameSchema,
  /** The file's bytes, base64; at most ATTACHMENT_API_MAX_BYTES once decoded. */
  contentBase64: z
    .string()
    .refine((s) => decodedLength(s) <= ATTACHMENT_API_MAX_BYTES, { message: 'file_too_large', abort: true })
    .pipe(z.base64()),
});

/** Image types the UI may preview (never SVG, which can carry script). */
export const PREVIEWABLE_MEDIA_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
