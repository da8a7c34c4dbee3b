/** SQL for attachment rows. The files themselves are the store's business. */
import type { Db } from '../db/open';
import type { AttachmentOwnerType } from '../../shared/domain/attachments';

export interface AttachmentRow {
  id: string;
  owner_type: string;
  owner_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  origin: string | null;
  created_at: string;
  updated_at: string;
}

export function createAttachmentsRepo(db: Db) {
  const insert = db.prepare<AttachmentRow>(
    `INSERT INTO attachments (id, owner_type, owner_id, file_name, media_type, size, sha256, origin, created_at, updated_at)
     VALUES (@id, @owner_type, @owner_id, @file_name, @media_type, @size, @sha256, @origin, @created_at, @updated_at)`,
  );
  const byOwner = db.prepare<[string, string], AttachmentRow>(
    'SELECT * FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY created_at DESC, id DESC',
  );
  const byId = db.prepare<[string], AttachmentRow>('SELECT * FROM attachments WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM attachments WHERE id = ?');
  const references = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM attachments WHERE sha256 = ?');
  const allContent = db.prepare<[], string>('SELECT DISTINCT sha256 FROM attachments').pluck();
  const ownerCount = db.prepare<[string, string], number>('SELECT count(*) FROM attachments WHERE owner_type = ? AND owner_id = ?').pluck();

  return {
    insert: (row: AttachmentRow) => insert.run(row),
    forOwner: (ownerType: AttachmentOwnerType, ownerId: string) => byOwner.all(ownerType, ownerId),
    get: (id: string) => byId.get(id),
    remove: (id: string) => remove.run(id).changes > 0,
    isReferenced: (sha256: string) => references.get(sha256)!.n > 0,
    countFor: (ownerType: AttachmentOwnerType, ownerId: string) => ownerCount.get(ownerType, ownerId)!,
    /** Every SHA-256 a row names (from the content index). */
    allContent: () => allContent.all(),
  };
}

export type AttachmentsRepo = ReturnType<typeof createAttachmentsRepo>;
