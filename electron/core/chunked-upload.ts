/**
 * The receiving end of a chunked upload (electron/shared/domain/uploads.ts): each chunk is appended
 * to a part file, and only at the offset received so far, so a skipped or overlapping chunk is
 * refused instead of corrupting the file, while the last chunk sent again (its answer was lost on
 * the way) is taken as received. A refused chunk keeps what came before it; past `maxBytes` the
 * part file is dropped.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { ApiFailure } from '../shared/api/envelope';

/** Appends one chunk to `part` and answers the bytes received so far. */
export function appendChunk(part: string, chunk: { offset: number; data: string }, maxBytes: number, what: string): number {
  const size = existsSync(part) ? statSync(part).size : 0;
  const bytes = Buffer.from(chunk.data, 'base64');
  if (chunk.offset !== size) {
    if (bytes.length > 0 && chunk.offset + bytes.length === size && endsWith(part, bytes)) return size;
    throw new ApiFailure('conflict', `The upload has ${size} bytes; a chunk at ${chunk.offset} does not follow on.`, [{ path: ['offset'], code: 'chunk_out_of_order', params: { received: size } }]);
  }
  if (size + bytes.length > maxBytes) {
    rmSync(part, { force: true });
    throw new ApiFailure('payload_too_large', `${what} may be at most ${maxBytes} bytes.`);
  }
  const fd = openSync(part, size === 0 ? 'w' : 'a', 0o600);
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return size + bytes.length;
}

/** Whether the part file ends with exactly these bytes. */
function endsWith(part: string, bytes: Buffer): boolean {
  const fd = openSync(part, 'r');
  try {
    const stored = Buffer.alloc(bytes.length);
    readSync(fd, stored, 0, bytes.length, statSync(part).size - bytes.length);
    return stored.equals(bytes);
  } finally {
    closeSync(fd);
  }
}

/** A chunk refused for its offset: the part file so far stays, for the chunk that does follow on. */
export const isOutOfOrder = (error: unknown) => error instanceof ApiFailure && error.issues?.[0]?.code === 'chunk_out_of_order';
