import { z } from 'zod';
import { TimestampSchema } from './common';

export const BACKUP_REASONS = ['start', 'migration', 'import', 'periodic', 'manual', 'before_restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Backup files are named by the app only; a name from outside must match this before it is used. */
export const BACKUP_FILE = /^ibtikar-\d{8}-\d{6}-\d{3}-(start|migration|import|periodic|manual|before_restore)\.sqlite$/;
export const BackupNameSchema = z.string().regex(BACKUP_FILE);

export const BackupSchema = z.object({
  fileName: z.string(),
  createdAt: TimestampSchema,
  reason: z.enum(BACKUP_REASONS),
  bytes: z.int(),
});
export type Backup = z.infer<typeof BackupSchema>;

export const BackupCheckSchema = z.object({ ok: z.boolean(), schemaVersion: z.int(), detail: z.string() });
