/**
 * Moving bundle files between the browser and core through the contract, a chunk at a time (the
 * HTTP door caps a request body at 1 MiB; the desktop's IPC takes the same path).
 */
import type { ApiClient } from '../../../../electron/shared/api/client';
import type { MethodOutput } from '../../../../electron/shared/api/contract';
import type { Result } from '../../../../electron/shared/api/envelope';
import { BUNDLE_CHUNK_BYTES } from '../../../../electron/shared/domain/bundles';
import { ApiCallError } from '../../api/hooks';

const toBase64 = (bytes: Uint8Array) => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

/** Sends a file into core's bundles inbox and answers the name to preview. */
export async function uploadBundle(client: ApiClient, file: File, onProgress: (done: number, total: number) => void): Promise<string> {
  const uploadId = crypto.randomUUID();
  for (let offset = 0; ; offset += BUNDLE_CHUNK_BYTES) {
    const end = Math.min(file.size, offset + BUNDLE_CHUNK_BYTES);
    const data = toBase64(new Uint8Array(await file.slice(offset, end).arrayBuffer()));
    const result = await client.call('bundles.upload', { uploadId, offset, data, last: end >= file.size });
    if (!result.ok) throw new ApiCallError(result.error);
    onProgress(end, file.size);
    if (result.value.fileName) return result.value.fileName;
  }
}

/** Fetches an exported bundle and hands it to the browser as a download (a save dialog on the desktop). */
export async function downloadBundle(client: ApiClient, fileName: string) {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const result: Result<MethodOutput<'bundles.download'>> = await client.call('bundles.download', { fileName, offset });
    if (!result.ok) throw new ApiCallError(result.error);
    parts.push(Uint8Array.from(atob(result.value.data), (c) => c.charCodeAt(0)));
    offset = result.value.next;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the browser a moment to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
