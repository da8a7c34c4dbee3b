/**
 * Attachments: add, list, remove, and find the file behind one. The order of work keeps the disk
 * and the database in step: a file is stored before its row is committed (so a row never names a
 * file that was not written), and deleted only after the last row naming it is gone (so a rollback
 * never leaves a row without its file). Operations that write or delete files run one at a time,
 * so a delete cannot remove a file that an add in flight has just found already stored.
 */
import { createReadStream, rmSync } from 'node:fs';
import { ApiFailure } from '../../shared/api/envelope';
import type { ParsedInput } from '../../shared/api/contract';
import type { Attachment, AttachmentOwnerType } from '../../shared/domain/attachments';
import { sanitiseFileName } from '../../shared/domain/attachments';
import { aFewAtOnce } from '../a-few-at-once';
import { appendChunk, isOutOfOrder } from '../chunked-upload';
import { errorData } from '../logger';
import type { CoreDeps } from '../deps';
import type { EventHub } from '../event-hub';
import type { ActivityRepo } from '../services/activity/activity-repo';
import type { AttachmentRow, AttachmentsRepo } from './attachments-repo';
import { sniffMediaType } from './media-type';
import type { AttachmentStore } from './store';

/** For each owner type, whether a record of that type exists. */
export type OwnerLookup = Record<AttachmentOwnerType, (id: string) => boolean>;

/** What a door needs to send or open a file. */
export interface AttachmentFile {
  path: string;
  fileName: string;
  mediaType: string;
  size: number;
}

interface Parts {
  repo: AttachmentsRepo;
  store: AttachmentStore;
  activity: ActivityRepo;
  events: EventHub;
  owners: OwnerLookup;
}

/** Bundle files moved into the store at once (their flushes run in the libuv threadpool, four threads). */
const ADOPTING_AT_ONCE = 4;

/** Runs async tasks one after another. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createAttachmentsService(deps: Pick<CoreDeps, 'db' | 'clock' | 'ids' | 'logger'>, parts: Parts) {
  const { db, clock, ids, logger } = deps;
  const { repo, store, activity, events, owners } = parts;
  const exclusive = serialQueue();

  const toAttachment = (row: AttachmentRow): Attachment => ({
    id: row.id,
    ownerType: row.owner_type as AttachmentOwnerType,
    ownerId: row.owner_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    available: store.has(row.sha256),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

  const requireOwner = (ownerType: AttachmentOwnerType, ownerId: string) => {
    if (!owners[ownerType](ownerId)) {
      throw new ApiFailure('invalid_input', `There is no ${ownerType} ${ownerId}.`, [{ path: ['ownerId'], code: 'unknown_reference' }]);
    }
  };

  const logOnOwner = (row: Pick<AttachmentRow, 'owner_type' | 'owner_id' | 'file_name'>, at: string) =>
    activity.append({ id: ids.next(), at, subjectType: row.owner_type, subjectId: row.owner_id, action: 'updated', fields: ['attachments'], summary: row.file_name });

  const changed = (ownerId: string) => events.emit({ type: 'data.changed', payload: { area: 'attachments', id: ownerId } });

  /** Deletes the files of these hashes that no row names any more. Call inside `exclusive`. */
  async function dropUnreferenced(hashes: Iterable<string>) {
    for (const sha256 of new Set(hashes)) if (!repo.isReferenced(sha256)) await store.remove(sha256);
  }

  /** Stores streamed bytes and names them for the owner; the way in for any caller with a stream (bundles too). */
  async function addStream(owner: { ownerType: AttachmentOwnerType; ownerId: string }, fileName: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Attachment> {
    const name = sanitiseFileName(fileName);
    requireOwner(owner.ownerType, owner.ownerId);
    return exclusive(async () => {
      const content = await store.put(source);
      const now = clock.now().toISOString();
      const row: AttachmentRow = {
        id: ids.next(),
        owner_type: owner.ownerType,
        owner_id: owner.ownerId,
        file_name: name,
        media_type: sniffMediaType(content.head, name),
        size: content.size,
        sha256: content.sha256,
        origin: null,
        created_at: now,
        updated_at: now,
      };
      try {
        db.transaction(() => {
          requireOwner(owner.ownerType, owner.ownerId); // it may have gone while the bytes streamed in
          repo.insert(row);
          logOnOwner(row, now);
        })();
      } catch (error) {
        await dropUnreferenced([content.sha256]);
        throw error;
      }
      changed(owner.ownerId);
      return toAttachment(row);
    });
  }

  return {
    addStream,
    /**
     * Runs a task that writes or deletes attachment files (a bundle import storing files before
     * its rows commit) one at a time with this service's own, so no file is collected under it.
     */
    exclusive,

    /** Whether the file of this content is stored here, and where (for a bundle export). */
    contentPath: (sha256: string) => (store.has(sha256) ? store.pathFor(sha256) : undefined),

    /**
     * A bundle import: stores the bundle's files (each already checked against its name while
     * staging, then moved from the staging folder into the store) and runs the import's transaction.
     * Once it has committed, the newly stored files that no row names (those of kept rows) are
     * deleted; when it failed, every one goes back to the staging folder, so the store is as it was
     * and the user can apply the same preview again.
     */
    importContent<T>(files: ReadonlyMap<string, string>, apply: () => T): Promise<T> {
      return exclusive(async () => {
        const added: [sha256: string, path: string][] = [];
        let result: T;
        try {
          // The staged files are ours to move: each was checked against its name while staging. A few
          // move at once, so their flushes to disk overlap instead of queueing one behind another.
          const queue = [...files].filter(([sha256]) => !store.has(sha256));
          await aFewAtOnce(queue, ADOPTING_AT_ONCE, async ([sha256, path]) => {
            added.push([sha256, path]);
            await store.adopt(path, sha256);
          });
          result = apply();
        } catch (error) {
          // Every file goes back, even past one that cannot; the refusal is what the caller hears.
          for (const [sha256, path] of added) await store.giveBack(sha256, path).catch(() => undefined);
          throw error;
        }
        // Committed: a file no row names that cannot be deleted is left over, never reported as a refusal.
        await dropUnreferenced(added.map(([sha256]) => sha256)).catch((error: unknown) => logger.warn('An imported attachment no row names could not be deleted', errorData(error)));
        return result;
      });
    },

    /** Collects a file chunk by chunk in a temp file; the last chunk stores it for the owner. */
    async upload({ ownerType, ownerId, fileName, ...chunk }: ParsedInput<'attachments.upload'>) {
      const part = store.uploadPart(chunk.uploadId);
      try {
        requireOwner(ownerType, ownerId);
        const bytes = appendChunk(part, chunk, store.maxBytes, 'An attachment');
        if (!chunk.last) return { bytes, attachment: null };
        try {
          return { bytes, attachment: await addStream({ ownerType, ownerId }, fileName, createReadStream(part)) };
        } finally {
          rmSync(part, { force: true });
        }
      } catch (error) {
        if (!isOutOfOrder(error)) rmSync(part, { force: true });
        throw error;
      }
    },

    list({ ownerType, ownerId }: ParsedInput<'attachments.list'>): Attachment[] {
      return repo.forOwner(ownerType, ownerId).map(toAttachment);
    },

    remove({ id }: ParsedInput<'attachments.remove'>) {
      return exclusive(async () => {
        const row = repo.get(id);
        if (!row) throw new ApiFailure('not_found', `No attachment with id ${id}.`);
        db.transaction(() => {
          repo.remove(id);
          logOnOwner(row, clock.now().toISOString());
        })();
        await dropUnreferenced([row.sha256]);
        changed(row.owner_id);
        return { id };
      });
    },

    /** The file behind an attachment, for the doors that send or open it; undefined if the row or the file is missing. */
    file(id: string): AttachmentFile | undefined {
      const row = repo.get(id);
      if (!row || !store.has(row.sha256)) return undefined;
      return { path: store.pathFor(row.sha256), fileName: row.file_name, mediaType: row.media_type, size: row.size };
    },

    /**
     * Refuses to delete canvas notes that carry files: a note's deletion is undoable on the board,
     * and its files could not come back with it, so they are removed first, each after a confirmation.
     */
    refuseAttachedNotes(noteIds: readonly string[]) {
      const issues = noteIds.flatMap((id, i) => {
        const count = repo.countFor('note', id);
        return count > 0 ? [{ path: ['notes', i, 'id'], code: 'note_has_attachments', params: { count } }] : [];
      });
      if (issues.length > 0) throw new ApiFailure('conflict', 'A note with attached files is deleted only after its files are removed.', issues);
    },

    /**
     * Runs a deletion that may take attachment rows with it (by trigger, also for records a
     * foreign-key cascade removes: a project's pilots), then deletes the files nothing names any more.
     */
    deleting<T>(remove: () => T): Promise<T> {
      return exclusive(async () => {
        const before = repo.allContent();
        const result = remove();
        const after = new Set(repo.allContent());
        const gone = before.filter((sha256) => !after.has(sha256));
        for (const sha256 of gone) await store.remove(sha256);
        if (gone.length > 0) events.emit({ type: 'data.changed', payload: { area: 'attachments' } });
        return result;
      });
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
