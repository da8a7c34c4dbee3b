/**
 * The attachment files: `<data folder>/attachments/<sha256[0..2]>/<sha256>`, one file per content.
 * A file is streamed to a temp file in the attachments folder (same file system, so the rename is
 * atomic), hashed and counted as it is written, flushed to disk, then renamed into place, or
 * dropped if that content is already stored. A reader therefore sees a whole file or none.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, type ReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiFailure } from '../../shared/api/envelope';
import { ATTACHMENT_MAX_BYTES } from '../../shared/domain/attachments';
import { SNIFF_BYTES } from './media-type';

const TEMP_PREFIX = '.incoming-';
const SHA256 = /^[0-9a-f]{64}$/;

export interface StoredContent {
  sha256: string;
  size: number;
  /** The first bytes, for sniffing the media type. */
  head: Uint8Array;
}

export const attachmentsDir = (dataDir: string) => join(dataDir, 'attachments');

/**
 * Flushes a folder's entries, so a rename survives a power cut as the database's commit does.
 * Windows cannot open a folder for this (and its file system journals renames), so it is skipped there.
 */
async function syncFolder(path: string) {
  if (process.platform === 'win32') return;
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export function createAttachmentStore(dataDir: string, maxBytes = ATTACHMENT_MAX_BYTES) {
  const root = attachmentsDir(dataDir);
  mkdirSync(root, { recursive: true });
  // Temp files left by a crash mid-write hold nothing anyone refers to.
  for (const name of readdirSync(root)) if (name.startsWith(TEMP_PREFIX)) rmSync(join(root, name), { force: true });

  const pathFor = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256);
  };

  const tempName = () => join(root, `${TEMP_PREFIX}${randomBytes(12).toString('hex')}`);

  /** Hashes and counts the bytes (refusing past `maxBytes`), passing each chunk to `write`. */
  async function hashed(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, write: (chunk: Uint8Array) => unknown): Promise<StoredContent> {
    const hash = createHash('sha256');
    const head = Buffer.alloc(SNIFF_BYTES);
    let size = 0;
    for await (const chunk of source) {
      if (size + chunk.length > maxBytes) throw new ApiFailure('payload_too_large', `Attachments are limited to ${maxBytes} bytes.`);
      if (size < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - size), size);
      hash.update(chunk);
      await write(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)) };
  }

  /** Renames a complete, flushed temp file to its content's name, or drops it when that content is stored already. */
  async function place(temp: string, sha256: string): Promise<void> {
    const target = pathFor(sha256);
    if (existsSync(target)) {
      await rm(temp, { force: true });
    } else {
      const shard = join(root, sha256.slice(0, 2));
      mkdirSync(shard, { recursive: true });
      await rename(temp, target);
      await syncFolder(shard);
    }
  }

  return {
    pathFor,
    maxBytes,
    has: (sha256: string) => existsSync(pathFor(sha256)),
    /** Where a chunked upload collects its bytes; a temp file, so a crash mid-upload leaves nothing after the next start. */
    uploadPart: (uploadId: string) => join(root, `${TEMP_PREFIX}upload-${uploadId}`),

    /** Stores the bytes once; refuses (payload_too_large) past `maxBytes`, leaving nothing behind. */
    async put(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StoredContent> {
      const temp = tempName();
      const file = await open(temp, 'wx');
      try {
        const content = await hashed(source, (chunk) => file.write(chunk));
        await file.sync();
        await file.close();
        await place(temp, content.sha256);
        return content;
      } catch (error) {
        await file.close().catch(() => undefined);
        await rm(temp, { force: true });
        throw error;
      }
    },

    /**
     * Stores a file the caller wrote and hands over (a bundle's staged file, whose bytes staging
     * hashed and checked against `sha256` as it wrote them into its private folder) by moving it in:
     * neither copied nor read a second time, only flushed to disk before it takes its name. Across
     * file systems it is copied as `put` would, hashed again, and refused if it differs.
     */
    async adopt(path: string, sha256: string): Promise<void> {
      const temp = tempName();
      try {
        await rename(path, temp);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        const copied = await this.put(createReadStream(path));
        if (copied.sha256 === sha256) return;
        await this.remove(copied.sha256);
        throw new ApiFailure('invalid_input', `The file ${sha256} changed while it was imported.`);
      }
      try {
        const file = await open(temp, 'r+');
        try {
          await file.sync();
        } finally {
          await file.close();
        }
        await place(temp, sha256);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    /**
     * Undoes `adopt` after the import it served was refused: the file moves back to the staged path
     * it came from, so the same staging can be applied again. Where that path is taken (`adopt`
     * copied across file systems and left the original) or the move fails, the stored file is removed.
     */
    async giveBack(sha256: string, path: string): Promise<void> {
      if (!existsSync(path)) {
        try {
          await rename(pathFor(sha256), path);
          return;
        } catch {
          // Removed below, as any other file a refused import stored.
        }
      }
      await rm(pathFor(sha256), { force: true });
    },

    read: (sha256: string): ReadStream => createReadStream(pathFor(sha256)),

    /** Deletes a file; the caller has made sure no row refers to it any more. */
    remove: (sha256: string) => rm(pathFor(sha256), { force: true }),
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
