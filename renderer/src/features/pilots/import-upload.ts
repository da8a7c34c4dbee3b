/**
 * Sending a measurement file to core for the import dialog: a chunk at a time (the HTTP door caps a
 * body at 1 MiB), after which core keeps it under an id until it is imported or discarded.
 */
import type { ApiClient } from '../../../../electron/shared/api/client';
import type { IMPORT_FORMATS } from '../../../../electron/shared/domain/pilots';
import { ApiCallError } from '../../api/hooks';
import { sendInChunks } from '../../api/upload';

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const importFormatOf = (fileName: string): ImportFormat => (/\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv');

/** Uploads the file for the pilot and answers the id core keeps it under. */
export async function uploadImportFile(client: ApiClient, pilotId: string, file: File): Promise<string> {
  const { fileId } = await sendInChunks(file, async (chunk) => {
    const result = await client.call('pilots.uploadImportFile', { pilotId, format: importFormatOf(file.name), ...chunk });
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  });
  return fileId!;
}

/** Tells core a file will not be imported; a failure only leaves it for core's next start to remove. */
export async function discardImportFile(client: ApiClient, fileId: string): Promise<void> {
  await client.call('pilots.discardImportFile', { fileId }).catch(() => undefined);
}
