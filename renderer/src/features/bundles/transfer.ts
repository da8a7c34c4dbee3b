/**
 * Moving bundle files between the browser and core through the contract, a chunk at a time (the
 * HTTP door caps a request body at 1 MiB; the desktop's IPC takes the same path).
 */
import type { ApiClient } from '../../../../electron/shared/api/client';
import type { MethodOutput } from '../../../../electron/shared/api/contract';
import type { Result } from '../../../../electron/shared/api/envelope';
import { ApiCallError } from '../../api/hooks';
import { sendInChunks } from '../../api/upload';

/** Sends a file into core's bundles inbox and answers the name to preview. */
export async function uploadBundle(client: ApiClient, file: File, onProgress: (done: number, total: number) => void): Promise<string> {
  const { fileName } = await sendInChunks(
    file,
    async (chunk) => {
      const result = await client.call('bundles.upload', chunk);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    onProgress,
  );
  return fileName!;
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
