/**
 * PDF through Chromium's printToPDF: the page on screen (a report, a canvas) laid out by its print
 * stylesheet on A4 with backgrounds, saved where the user chooses. Written to a temporary file and
 * renamed, so a failed or cancelled print never leaves half a PDF behind.
 */
import type { Dialog, WebContents } from 'electron';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiFailure } from '../shared/api/envelope';

export interface PrintDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The page to print: the window that asked. */
  contents: () => Pick<WebContents, 'printToPDF'> | null;
  documentsDir: string;
  text: { title: string; filter: string };
}

export async function printToPdfFile(deps: PrintDeps, input: { fileName: string; landscape: boolean }): Promise<{ saved: boolean }> {
  const contents = deps.contents();
  if (!contents) throw new ApiFailure('internal', 'There is no window to print.');
  const choice = await deps.dialog.showSaveDialog({
    title: deps.text.title,
    defaultPath: join(deps.documentsDir, input.fileName),
    filters: [{ name: deps.text.filter, extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  const target = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
  const pdf = await contents.printToPDF({ pageSize: 'A4', landscape: input.landscape, printBackground: true });
  const partial = `${target}.partial`;
  try {
    await writeFile(partial, pdf);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw new ApiFailure('internal', `The PDF could not be saved: ${(error as Error).message}`);
  }
  return { saved: true };
}
