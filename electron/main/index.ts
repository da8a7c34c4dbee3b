/**
 * The desktop app's lifecycle: one instance, one locked-down window on `app://ibtikar/`, core
 * behind the one IPC handler. Everything the shell does lives in the small modules beside this.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { backupBeforeMigration } from '../core/backups/backups';
import { translator } from '../core/i18n/catalogue';
import { createCore } from '../core/create-core';
import { openDatabase } from '../core/db/open';
import { createDispatcher } from '../core/dispatch';
import { uuidV7Ids } from '../core/ids';
import { createFileLogger, errorData } from '../core/logger';
import { databaseFile } from '../core/paths';
import { createDesktopHandlers } from './desktop-handlers';
import { desktopText } from './desktop-text';
import { confirmInDialog, createLinkOpener } from './external-links';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_URL, denyPermissions } from './security';
import { createElectronSettingsStore } from './settings-store';
import { createWindow, visibleBounds } from './windows';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

registerAppScheme();
// Every renderer is sandboxed whatever its webPreferences say, including any added later
// (checklist item 4). Electron accepts this only before 'ready'.
app.enableSandbox();

async function start() {
  const dataDir = app.getPath('userData');
  const logger = createFileLogger(dataDir);
  process.on('uncaughtException', (error) => logger.error('Uncaught exception', errorData(error)));

  const settings = createElectronSettingsStore(dataDir);
  const db = openDatabase(databaseFile(dataDir), { nativeBinding: process.env.IBTIKAR_SQLITE_BINDING });
  await backupBeforeMigration(db, dataDir, new Date());
  const core = createCore({
    db,
    clock: { now: () => new Date() },
    ids: uuidV7Ids(),
    paths: { dataDir, rendererDir },
    settings,
    logger,
    appVersion: app.getVersion(),
  });
  const dispatcher = createDispatcher({ ...core.handlers, ...createDesktopHandlers({ shell, dataDir }) }, logger);
  void core.backupAtStart();
  installMenu({
    Menu,
    platform: process.platform,
    translate: () => translator(settings.get().language),
    onLanguageChange: (rebuild) => core.events.subscribe((e) => e.type === 'data.changed' && e.payload.area === 'settings' && rebuild()),
  });

  denyPermissions(session.defaultSession);
  serveRenderer(rendererDir);
  registerIpc(ipcMain, dispatcher, core.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

  const bounds = visibleBounds(settings.get().windowBounds, screen.getAllDisplays().map((d) => d.workArea));
  const openLink = createLinkOpener({
    shell,
    confirm: confirmInDialog({
      dialog,
      parent: () => BrowserWindow.getFocusedWindow(),
      text: (key) => desktopText(settings.get().language, key),
    }),
    logger,
  });
  const window = createWindow({ preload, title: app.getName(), bounds, openLink: (url) => void openLink(url) });
  window.on('close', () => settings.update({ windowBounds: window.getNormalBounds() }));
  void window.loadURL(APP_URL);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('will-quit', () => core.close());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
