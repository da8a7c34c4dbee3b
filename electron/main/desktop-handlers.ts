/** Methods only the desktop shell can answer; they are absent over HTTP. */
import type { Shell } from 'electron';
import { ApiFailure } from '../shared/api/envelope';
import type { DesktopMethod, HandlerTable } from '../core/handlers';
import { printToPdfFile, type PrintDeps } from './print-pdf';

export function createDesktopHandlers(deps: { shell: Pick<Shell, 'openPath'>; dataDir: string; print: () => PrintDeps }): HandlerTable<DesktopMethod> {
  return {
    'desktop.openDataFolder': async () => {
      const problem = await deps.shell.openPath(deps.dataDir);
      if (problem) throw new ApiFailure('internal', `The data folder could not be opened: ${problem}`);
      return {};
    },
    'desktop.printToPdf': (input) => printToPdfFile(deps.print(), input),
  };
}
