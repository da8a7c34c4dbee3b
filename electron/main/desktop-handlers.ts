/** Methods only the desktop shell can answer; they are absent over HTTP. */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Shell } from 'electron';
import { ApiFailure } from '../shared/api/envelope';
import type { AttachmentFile } from '../core/attachments/attachments-service';
import type { DesktopMethod, HandlerTable } from '../core/handlers';
import { printToPdfFile, type PrintDeps } from './print-pdf';
import { saveBundleFile, type SaveBundleDeps } from './save-bundle';
import type { Projector } from './projector';

/**
 * Extensions whose "open" runs code (programs, scripts, shortcuts, installers) or renders live
 * markup. An attachment of these kinds is shown in the file manager, never opened.
 */
const RUNNABLE = new Set(
  'exe com bat cmd msi msp msc scr pif cpl dll sys ps1 psm1 vbs vbe js jse wsf wsh hta lnk url reg inf jar app command sh bash zsh csh ksh py pl rb desktop appimage deb rpm pkg dmg html htm xhtml shtml svg svgz mht mhtml xml xsl'.split(' '),
);
const isRunnable = (fileName: string) => RUNNABLE.has(/\.([^.]+)$/.exec(fileName)?.[1].toLowerCase() ?? '');

export interface DesktopDeps {
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>;
  dataDir: string;
  /** Where copies of opened attachments go (the OS temp folder). */
  tempDir: string;
  attachmentFile(id: string): AttachmentFile | undefined;
  print: () => PrintDeps;
  saveBundle: () => SaveBundleDeps;
  projector: Pick<Projector, 'open'>;
}

export function createDesktopHandlers(deps: DesktopDeps): HandlerTable<DesktopMethod> {
  return {
    'desktop.openDataFolder': async () => {
      const problem = await deps.shell.openPath(deps.dataDir);
      if (problem) throw new ApiFailure('internal', `The data folder could not be opened: ${problem}`);
      return {};
    },
    'desktop.printToPdf': (input) => printToPdfFile(deps.print(), input),
    'desktop.saveBundle': (input) => saveBundleFile(deps.saveBundle(), input),
    'desktop.openProjector': ({ canvasId }) => deps.projector.open(canvasId),
    // The stored file is named by its hash and must never be changed by another app, so the user
    // gets a copy under its display name (already sanitised: no separators, never "." or "..").
    'desktop.openAttachment': async ({ id }) => {
      const file = deps.attachmentFile(id);
      if (!file) throw new ApiFailure('not_found', `The file of attachment ${id} is missing.`);
      const folder = await mkdtemp(join(deps.tempDir, 'ibtikar-attachment-'));
      const copy = join(folder, file.fileName);
      await copyFile(file.path, copy);
      if (isRunnable(file.fileName)) {
        deps.shell.showItemInFolder(copy);
        return { shown: 'folder' as const };
      }
      const problem = await deps.shell.openPath(copy);
      if (problem) throw new ApiFailure('internal', `The attachment could not be opened: ${problem}`);
      return { shown: 'file' as const };
    },
  };
}
