/**
 * Files travel between the UI and core through the contract a chunk at a time: the HTTP door caps
 * a request body at 1 MiB, and the desktop's IPC takes the same path so both doors behave alike.
 */
import { z } from 'zod';

export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** The fields every chunked upload sends with each chunk. */
export const uploadChunkShape = {
  uploadId: z.uuid(),
  /** Where this chunk starts; must be the bytes received so far. */
  offset: z.int().min(0),
  data: z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
  /** The last chunk: the file is complete. */
  last: z.boolean(),
};
