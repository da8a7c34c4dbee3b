/**
 * Saving a file where the user chooses: a native save dialog in the Documents folder with one file
 * type, then the bytes written under a temporary name beside the target and renamed only when
 * complete, so a failed or cancelled save never leaves half a file behind.
 */
import type { Dialog } from 'electron';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiFailure } from '../shared/api/envelope';

export interface SaveDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  documentsDir: string;
  text: { title: string; filter: string };
}

/** Answers where the file went, or null when the user cancelled; `what` names it in an error ("The PDF"). */
export async function saveThroughDialog(
  deps: SaveDialogDeps,
  file: { name: string; extension: string; what: string },
  write: (partial: string) => Promise<unknown>,
): Promise<string | null> {
  const choice = await deps.dialog.showSaveDialog({
    title: deps.text.title,
    defaultPath: join(deps.documentsDir, file.name),
    filters: [{ name: deps.text.filter, extensions: [file.extension] }],
  });
  if (choice.canceled || !choice.filePath) return null;
  const target = choice.filePath.toLowerCase().endsWith(`.${file.extension}`) ? choice.filePath : `${choice.filePath}.${file.extension}`;
  const partial = `${target}.partial`;
  try {
    await write(partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw new ApiFailure('internal', `${file.what} could not be saved: ${(error as Error).message}`);
  }
  return target;
}
