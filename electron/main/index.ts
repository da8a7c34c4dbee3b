/**
 * The desktop app's lifecycle: one instance, one locked-down window on `app://ibtikar/`, core
 * behind the one IPC handler. Everything the shell does lives in the small modules beside this.
 */
import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, powerSaveBlocker, screen, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { backupBeforeMigration } from '../core/backups/backups';
import { exportsDir } from '../core/bundles/bundles-service';
import { translator } from '../core/i18n/catalogue';
import { createCore } from '../core/create-core';
import { openDatabase } from '../core/db/open';
import { createDispatcher } from '../core/dispatch';
import { uuidV7Ids } from '../core/ids';
import { createFileLogger, errorData } from '../core/logger';
import { databaseFile } from '../core/paths';
import { createPdfRenderer } from './bundle-pdf';
import { guardUnsavedClose } from './close-guard';
import { watchCrashes } from './crashes';
import { createDesktopHandlers } from './desktop-handlers';
import { desktopText, type DesktopTextKey } from './desktop-text';
import { confirmInDialog, createLinkOpener } from './external-links';
import { registerIpc } from './ipc';
import { bundleArgument, createDocumentQueue, unreadableBundleMessage } from './open-documents';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_URL, denyPermissions } from './security';
import { createElectronSettingsStore } from './settings-store';
import { keepWindowState, visibleBounds } from './window-state';
import { createProjector } from './projector';
import { createPrintWindow, createWindow } from './windows';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// Crash dumps stay on this machine, never uploaded; started before 'ready' so early crashes are kept too.
crashReporter.start({ uploadToServer: false });
registerAppScheme();
// Every renderer is sandboxed whatever its webPreferences say, including any added later
// (checklist item 4). Electron accepts this only before 'ready'.
app.enableSandbox();

// Bundles the OS hands over (double-click, Open with, a second launch, macOS open-file — which can
// come before 'ready') wait here until core can receive them.
let receiveBundle: (path: string) => void = () => {};
const documents = createDocumentQueue((path) => receiveBundle(path));
app.on('open-file', (event, path) => {
  event.preventDefault();
  documents.request(path);
});
const launchBundle = bundleArgument(process.argv);
if (launchBundle) documents.request(launchBundle);

async function start() {
  // Before any window can be made (the main one, or the projector's).
  denyPermissions(session.defaultSession);
  const dataDir = app.getPath('userData');
  const logger = createFileLogger(dataDir);
  process.on('uncaughtException', (error) => logger.error('Uncaught exception', errorData(error)));
  watchCrashes({ app, logger, now: Date.now });

  const settings = createElectronSettingsStore(dataDir);
  const db = openDatabase(databaseFile(dataDir), { nativeBinding: process.env.IBTIKAR_SQLITE_BINDING });
  await backupBeforeMigration(db, dataDir, new Date());
  // Bundles carry their viewer page as a PDF too, printed in a session that shares nothing with the app's.
  const printSession = session.fromPartition('ibtikar-print');
  const core = createCore({
    db,
    clock: { now: () => new Date() },
    ids: uuidV7Ids(),
    paths: { dataDir, rendererDir },
    settings,
    logger,
    appVersion: app.getVersion(),
    renderPdf: createPdfRenderer({ session: printSession, createWindow: () => createPrintWindow(printSession) }),
  });
  const projector = createProjector({
    screen,
    powerSaveBlocker,
    createWindow: (options) => createWindow({ preload, ...options }),
    url: (canvasId) => `${APP_URL}#/projector/${canvasId}`,
    title: app.getName(),
  });
  // The projector closes with the workshop it shows: the presentation is over.
  core.events.subscribe((event) => {
    const canvasId = projector.showing();
    if (canvasId === null || event.type !== 'data.changed' || event.payload.area !== 'workshops' || event.payload.id !== canvasId) return;
    if (!core.workshops.list({ canvasId }).some((w) => w.endedAt === null)) projector.close(canvasId);
  });
  const dispatcher = createDispatcher({ ...core.handlers, ...createDesktopHandlers({
      projector,
      shell,
      dataDir,
      tempDir: app.getPath('temp'),
      attachmentFile: (id) => core.attachments.file(id),
      print: () => ({
        dialog,
        contents: () => (BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0])?.webContents ?? null,
        documentsDir: app.getPath('documents'),
        text: { title: desktopText(settings.get().language, 'print.saveTitle'), filter: desktopText(settings.get().language, 'print.pdfFilter') },
      }),
      saveBundle: () => ({
        dialog,
        documentsDir: app.getPath('documents'),
        exportsDir: exportsDir(dataDir),
        text: { title: desktopText(settings.get().language, 'bundles.saveTitle'), filter: desktopText(settings.get().language, 'menu.bundleFiles') },
      }),
    }) }, logger);
  void core.backupAtStart();
  receiveBundle = (path) =>
    void core.bundles.receive(path).then(
      () => app.addRecentDocument(path),
      (error: unknown) => {
        logger.error('A bundle handed over by the system could not be read', { path, ...errorData(error) });
        void dialog.showMessageBox(unreadableBundleMessage(settings.get().language, path));
      },
    );
  documents.ready();
  installMenu({
    Menu,
    platform: process.platform,
    translate: () => translator(settings.get().language),
    actions: {
      importBundle: () => {
        const text = (key: DesktopTextKey) => desktopText(settings.get().language, key);
        void dialog
          .showOpenDialog({ title: text('menu.importBundle'), properties: ['openFile'], filters: [{ name: text('menu.bundleFiles'), extensions: ['ibtikar'] }] })
          .then((choice) => choice.filePaths.forEach((path) => documents.request(path)));
      },
    },
    onLanguageChange: (rebuild) => core.events.subscribe((e) => e.type === 'data.changed' && e.payload.area === 'settings' && rebuild()),
  });

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
  if (settings.get().windowMaximized) window.maximize();
  keepWindowState(window, settings);
  guardUnsavedClose({ window, dialog, text: (key) => desktopText(settings.get().language, key) });
  void window.loadURL(APP_URL);

  app.on('second-instance', (_event, argv) => {
    if (window.isMinimized()) window.restore();
    window.focus();
    const path = bundleArgument(argv);
    if (path) documents.request(path);
  });
  app.on('will-quit', () => core.close());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
