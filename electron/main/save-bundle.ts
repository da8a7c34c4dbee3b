/**
 * The desktop's way out for an exported bundle: saved where the user chooses (save-dialog.ts),
 * copied straight from the data folder's exports — never through the page, which would hold the
 * whole bundle in memory. Once saved, the export leaves the data folder; when the user cancels the
 * dialog or the copy fails it stays, so they can save it again (the export dialog discards it when
 * closed, and the start-up cleanup removes any left a day later).
 */
import { copyFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiFailure } from '../shared/api/envelope';
import { saveThroughDialog, type SaveDialogDeps } from './save-dialog';

export interface SaveBundleDeps extends SaveDialogDeps {
  /** The data folder's exports, where `bundles.export` wrote the file. */
  exportsDir: string;
}

export async function saveBundleFile(deps: SaveBundleDeps, input: { fileName: string }): Promise<{ saved: boolean; path: string | null }> {
  const source = join(deps.exportsDir, input.fileName);
  if (!(await stat(source).catch(() => null))?.isFile()) throw new ApiFailure('not_found', `No exported bundle named ${input.fileName}.`);
  const path = await saveThroughDialog(deps, { name: input.fileName, extension: 'ibtikar', what: 'The bundle' }, (partial) => copyFile(source, partial));
  if (path !== null) await rm(source, { force: true });
  return { saved: path !== null, path };
}
