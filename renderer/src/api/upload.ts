/**
 * Sending a file to core through the contract a chunk at a time (electron/shared/domain/uploads.ts):
 * the HTTP door caps a body at 1 MiB, and the desktop's IPC takes the same path. Chunks go one after
 * another, each at the offset core has received, so core can refuse anything out of order. A chunk
 * whose answer was lost on the way (a LAN blip on the served app) is sent again: core takes a chunk
 * it already has as received.
 */
import { UPLOAD_CHUNK_BYTES } from '../../../electron/shared/domain/uploads';
import { ApiCallError } from './hooks';
import { saving } from './pending-saves';

/** Tries of one chunk before the upload gives up, with a growing pause between them. */
const ATTEMPTS = 3;
const RETRY_MS = 500;
const lostOnTheWay = (error: unknown) => error instanceof ApiCallError && error.error.code === 'network';

/** Bytes as base64 (String.fromCharCode takes its arguments on the stack, hence the slices). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface UploadChunk {
  uploadId: string;
  offset: number;
  data: string;
  last: boolean;
}

/** The file could not be read (a folder, a file removed meanwhile, no permission). */
export class UnreadableFile extends Error {}

/** Sends the file's chunks through `send` and answers what the last one returned. */
export function sendInChunks<T>(file: Blob, send: (chunk: UploadChunk) => Promise<T>, onProgress?: (done: number, total: number) => void): Promise<T> {
  const uploadId = crypto.randomUUID();
  return saving(async () => {
    for (let offset = 0; ; offset += UPLOAD_CHUNK_BYTES) {
      const end = Math.min(file.size, offset + UPLOAD_CHUNK_BYTES);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
      } catch {
        throw new UnreadableFile();
      }
      const chunk = { uploadId, offset, data: bytesToBase64(bytes), last: end >= file.size };
      let result: T;
      for (let attempt = 1; ; attempt++) {
        try {
          result = await send(chunk);
          break;
        } catch (error) {
          if (attempt >= ATTEMPTS || !lostOnTheWay(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
        }
      }
      onProgress?.(end, file.size);
      if (end >= file.size) return result;
    }
  });
}
