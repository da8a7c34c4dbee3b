/**
 * PDF through Chromium's printToPDF: the page on screen (a report, a canvas) laid out by its print
 * stylesheet on A4 with backgrounds, saved where the user chooses (save-dialog.ts).
 */
import type { WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { ApiFailure } from '../shared/api/envelope';
import { saveThroughDialog, type SaveDialogDeps } from './save-dialog';

export interface PrintDeps extends SaveDialogDeps {
  /** The page to print: the window that asked. */
  contents: () => Pick<WebContents, 'printToPDF'> | null;
}

export async function printToPdfFile(deps: PrintDeps, input: { fileName: string; landscape: boolean }): Promise<{ saved: boolean }> {
  const contents = deps.contents();
  if (!contents) throw new ApiFailure('internal', 'There is no window to print.');
  const saved = await saveThroughDialog(deps, { name: input.fileName, extension: 'pdf', what: 'The PDF' }, async (partial) =>
    writeFile(partial, await contents.printToPDF({ pageSize: 'A4', landscape: input.landscape, printBackground: true })),
  );
  return { saved: saved !== null };
}
