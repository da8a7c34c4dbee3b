/**
 * The desktop's way out for an exported bundle: a native save dialog, then the file moved from the
 * data folder's exports to where the user chose — never through the page, which would hold the
 * whole bundle in memory. Copied to a temporary name beside the target and renamed, so a failed save
 * leaves no half bundle; the export in the data folder goes either way (saved, or not wanted).
 */
import type { Dialog } from 'electron';
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiFailure } from '../shared/api/envelope';

export interface SaveBundleDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  documentsDir: string;
  /** The data folder's exports, where `bundles.export` wrote the file. */
  exportsDir: string;
  text: { title: string; filter: string };
}

export async function saveBundleFile(deps: SaveBundleDeps, input: { fileName: string }): Promise<{ saved: boolean; path: string | null }> {
  const source = join(deps.exportsDir, input.fileName);
  if (!(await stat(source).catch(() => null))?.isFile()) throw new ApiFailure('not_found', `No exported bundle named ${input.fileName}.`);
  try {
    const choice = await deps.dialog.showSaveDialog({
      title: deps.text.title,
      defaultPath: join(deps.documentsDir, input.fileName),
      filters: [{ name: deps.text.filter, extensions: ['ibtikar'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    const target = choice.filePath.toLowerCase().endsWith('.ibtikar') ? choice.filePath : `${choice.filePath}.ibtikar`;
    const partial = `${target}.partial`;
    try {
      await copyFile(source, partial);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw new ApiFailure('internal', `The bundle could not be saved: ${(error as Error).message}`);
    }
    return { saved: true, path: target };
  } finally {
    await rm(source, { force: true });
  }
}
