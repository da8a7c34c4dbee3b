/** Methods only the desktop shell can answer; they are absent over HTTP. */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Shell } from 'electron';
import { ApiFailure } from '../shared/api/envelope';
import { sanitiseFileName } from '../shared/domain/attachments';
import type { AttachmentFile } from '../core/attachments/attachments-service';
import type { DesktopMethod, HandlerTable } from '../core/handlers';
import { printToPdfFile, type PrintDeps } from './print-pdf';
import { saveBundleFile, type SaveBundleDeps } from './save-bundle';
import type { Projector } from './projector';

/**
 * Kinds of file the system may open straight away: documents, pictures, sound and video, none of
 * which carries a program or macros. Anything else (programs, scripts, shortcuts, web pages,
 * archives, macro-enabled or older Office files, kinds not listed) is shown in the file manager for
 * the user to decide: the copy carries no mark of the web for Windows or macOS to warn by.
 */
const OPENS = new Set('pdf png jpg jpeg gif webp bmp tif tiff heic txt csv tsv md docx xlsx pptx odt ods odp mp3 m4a wav ogg mp4 m4v mov webm'.split(' '));
const opensDirectly = (fileName: string) => OPENS.has(/\.([^.]+)$/.exec(fileName)?.[1].toLowerCase() ?? '');

/** Longest file name, in UTF-8 bytes, that Linux and macOS take (Windows counts 255 characters). */
const NAME_MAX_BYTES = 255;

/** `name` cut, between characters, to at most `bytes` bytes of UTF-8. */
function cutToBytes(name: string, bytes: number): string {
  let out = '';
  for (const char of name) {
    if (Buffer.byteLength(out + char) > bytes) break;
    out += char;
  }
  return out;
}

/**
 * The copy's name: the display name as a file name every system takes (a name from an older record
 * is cleaned again; Windows refuses <>:"|?* and device names such as CON, COM¹ or CONIN$; a long
 * name is shortened before its extension).
 */
function copyName(fileName: string): string {
  let name = sanitiseFileName(fileName).replace(/[<>:"|?*]/g, '_');
  if (/^(con|prn|aux|nul|conin\$|conout\$|com[\d¹²³]|lpt[\d¹²³])(\.|$)/i.test(name)) name = `_${name}`;
  if (Buffer.byteLength(name) <= NAME_MAX_BYTES) return name;
  const extension = /\.[^.]{1,16}$/.exec(name)?.[0] ?? '';
  return cutToBytes(name.slice(0, name.length - extension.length), NAME_MAX_BYTES - Buffer.byteLength(extension)) + extension;
}

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
    // gets a copy under its display name, in a folder of its own.
    'desktop.openAttachment': async ({ id }) => {
      const file = deps.attachmentFile(id);
      if (!file) throw new ApiFailure('not_found', `The file of attachment ${id} is missing.`);
      const folder = await mkdtemp(join(deps.tempDir, 'ibtikar-attachment-'));
      const copy = join(folder, copyName(file.fileName));
      if (dirname(copy) !== folder) throw new ApiFailure('internal', `The attachment ${id} has a name that is not a file name.`);
      await copyFile(file.path, copy);
      if (!opensDirectly(copy)) {
        deps.shell.showItemInFolder(copy);
        return { shown: 'folder' as const };
      }
      const problem = await deps.shell.openPath(copy);
      if (problem) throw new ApiFailure('internal', `The attachment could not be opened: ${problem}`);
      return { shown: 'file' as const };
    },
  };
}
