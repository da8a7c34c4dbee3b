/**
 * Measurement import files waiting in core between the upload and the import. The UI sends a file
 * a chunk at a time (the HTTP door caps a body at 1 MiB); the last chunk turns the part file into
 * `<data>/imports/<uploadId>.<pilotId>.<csv|xlsx>`, and the mapping, preview and import calls name
 * it by that id and their pilot, never by a path: a file serves only the pilot it was sent for. A file goes when it is imported or discarded; what a closed app or browser
 * left behind goes when core starts, since no import dialog outlives the core that served it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure } from '../../../shared/api/envelope';
import { IMPORT_FORMATS, IMPORT_MAX_BYTES } from '../../../shared/domain/pilots';
import { appendChunk, isOutOfOrder } from '../../chunked-upload';

export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const importsDir = (dataDir: string) => join(dataDir, 'imports');

export function createImportFiles(dataDir: string, maxBytes = IMPORT_MAX_BYTES) {
  const dir = importsDir(dataDir);
  const partOf = (fileId: string) => join(dir, `${fileId}.part`);
  const pathOf = (fileId: string, pilotId: string, format: ImportFormat) => join(dir, `${fileId}.${pilotId}.${format}`);

  return {
    /** Empties the folder of files an earlier run left behind. */
    removeStale() {
      rmSync(dir, { recursive: true, force: true });
    },

    /** Appends one chunk; the last one keeps the file and answers its id. A failed chunk drops the part file, unless only its offset was wrong. */
    upload(pilotId: string, chunk: { uploadId: string; format: ImportFormat; offset: number; data: string; last: boolean }) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const part = partOf(chunk.uploadId);
      let bytes: number;
      try {
        bytes = appendChunk(part, chunk, maxBytes, 'An import file');
      } catch (error) {
        if (!isOutOfOrder(error)) rmSync(part, { force: true });
        throw error;
      }
      if (!chunk.last) return { bytes, fileId: null };
      renameSync(part, pathOf(chunk.uploadId, pilotId, chunk.format));
      return { bytes, fileId: chunk.uploadId };
    },

    /** The kept file's format and bytes; not_found once it was imported, discarded, never completed, or sent for another pilot. */
    read(fileId: string, pilotId: string): { format: ImportFormat; content: Buffer } {
      for (const format of IMPORT_FORMATS) {
        const path = pathOf(fileId, pilotId, format);
        if (existsSync(path)) return { format, content: readFileSync(path) };
      }
      throw new ApiFailure('not_found', `No uploaded import file with id ${fileId}.`);
    },

    /** Deletes the file (and an unfinished upload under the same id); deleting a missing file is no error. */
    discard(fileId: string) {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (name.startsWith(`${fileId}.`)) rmSync(join(dir, name), { force: true });
    },
  };
}
export type ImportFiles = ReturnType<typeof createImportFiles>;
