/**
 * Closing or reloading a window while a change is still being saved. The page holds its unload then
 * (renderer/src/api/pending-saves.ts), and Electron, unlike a browser, would just cancel the close
 * without a word, so the person is asked in a native dialog: wait, or close anyway. The question
 * must be answered synchronously: only a `preventDefault` during the event lets the unload go on.
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { DesktopTextKey } from './desktop-text';
import { question } from './question';

export function guardUnsavedClose(deps: {
  window: BrowserWindow;
  dialog: Pick<Dialog, 'showMessageBoxSync'>;
  text: (key: DesktopTextKey) => string;
}) {
  deps.window.webContents.on('will-prevent-unload', (event) => {
    const options = question({
      type: 'warning',
      buttons: [deps.text('closeGuard.wait'), deps.text('closeGuard.closeAnyway')],
      safe: 0,
      message: deps.text('closeGuard.message'),
      detail: deps.text('closeGuard.detail'),
    });
    if (deps.dialog.showMessageBoxSync(deps.window, options) === 1) event.preventDefault();
  });
}
