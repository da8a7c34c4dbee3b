/**
 * The receiving end of a chunked upload (electron/shared/domain/uploads.ts): each chunk is appended
 * to a part file, and only at the offset received so far, so a repeated or skipped chunk is
 * refused instead of corrupting the file. Past `maxBytes` the part file is dropped.
 */
import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { ApiFailure } from '../shared/api/envelope';

/** Appends one chunk to `part` and answers the bytes received so far. */
export function appendChunk(part: string, chunk: { offset: number; data: string }, maxBytes: number, what: string): number {
  const size = existsSync(part) ? statSync(part).size : 0;
  if (chunk.offset !== size) throw new ApiFailure('conflict', `The upload has ${size} bytes; a chunk at ${chunk.offset} does not follow on.`);
  const bytes = Buffer.from(chunk.data, 'base64');
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
