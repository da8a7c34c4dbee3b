/**
 * Attachments: files kept beside a record (a project, a canvas note, a pilot). The bytes live on
 * disk under their SHA-256; the database holds the row that names them.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { uploadChunkShape } from './uploads';

/** Records that can carry attachments. A new type also needs its lookup in core and a delete trigger. */
export const ATTACHMENT_OWNER_TYPES = ['project', 'note', 'pilot'] as const;
export const AttachmentOwnerTypeSchema = z.enum(ATTACHMENT_OWNER_TYPES);
export type AttachmentOwnerType = z.infer<typeof AttachmentOwnerTypeSchema>;

/** The largest file the store keeps (enforced while the bytes stream in). */
export const ATTACHMENT_MAX_BYTES = 100 * 1024 * 1024;

export const FILE_NAME_MAX = 255;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const EVERY_CONTROL_OR_BIDI = new RegExp(CONTROL_OR_BIDI, 'g');

/**
 * A file name for display only (it never becomes a path): the last segment of whatever path came
 * with it, without control characters or bidirectional overrides (which can make `exe.pdf` look
 * like `fdp.exe`), at most 255 characters, without leading and trailing dots and spaces.
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).at(-1) ?? '';
  const cleaned = lastSegment.replace(EVERY_CONTROL_OR_BIDI, '').normalize('NFC');
  // Cut before trimming, so that a cut landing on a space or dot leaves none at the end.
  return Array.from(cleaned).slice(0, FILE_NAME_MAX).join('').replace(/^[\s.]+|[\s.]+$/g, '') || 'file';
}

/**
 * A name that cannot lead anywhere but its own file, nor pass for another kind: no path separator,
 * no control character or bidirectional override, not `.` or `..`. What an import asks of a bundle's
 * names (every name this app or an older version stored passes).
 */
export const isPlainFileName = (name: string) => name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name) && !CONTROL_OR_BIDI.test(name);

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

/** A file for a record, in chunks (see uploads.ts); the last chunk stores it and answers the attachment. */
export const AttachmentUploadSchema = AttachmentOwnerSchema.extend({ fileName: AttachmentFileNameSchema, ...uploadChunkShape });

/** Image types the UI may preview (never SVG, which can carry script). */
export const PREVIEWABLE_MEDIA_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
