/**
 * The Electron shell's everyday behaviour with `electron` mocked (its binary cannot run here): window
 * placement, events reaching the page, desktop-only methods. Its security locks are proven item by
 * item in tests/security/checklist.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageBoxSyncOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  module: {
    BrowserWindow: class {},
    ipcMain: { handle: vi.fn() },
  },
}));
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

import { createEventHub } from '../../electron/core/event-hub';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import { bundleArgument, createDocumentQueue, unreadableBundleMessage } from '../../electron/main/open-documents';
import { printToPdfFile, type PrintDeps } from '../../electron/main/print-pdf';
import { registerIpc } from '../../electron/main/ipc';
import { keepWindowState, visibleBounds } from '../../electron/main/window-state';
import { watchCrashes } from '../../electron/main/crashes';
import { guardUnsavedClose } from '../../electron/main/close-guard';
import { desktopText } from '../../electron/main/desktop-text';
import { saveBundleFile, type SaveBundleDeps } from '../../electron/main/save-bundle';
import { IPC_EVENT_CHANNEL } from '../../electron/shared/api/ipc-channels';

beforeEach(() => {
  vi.clearAllMocks();
});

describe('windows', () => {
  it('reopen where they were, unless that display is gone', () => {
    const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(visibleBounds({ x: 100, y: 100, width: 800, height: 600 }, [laptop])).toEqual({ x: 100, y: 100, width: 800, height: 600 });
    expect(visibleBounds({ x: 2500, y: 0, width: 800, height: 600 }, [laptop])).toBeUndefined();
    expect(visibleBounds(null, [laptop])).toBeUndefined();
  });

  it('reopen where they were only if their title bar can still be reached to drag them', () => {
    const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
    // Only a corner on the screen, or the title bar above it: the saved place is dropped.
    expect(visibleBounds({ x: 1900, y: 100, width: 800, height: 600 }, [laptop])).toBeUndefined();
    expect(visibleBounds({ x: 100, y: -200, width: 800, height: 600 }, [laptop])).toBeUndefined();
    expect(visibleBounds({ x: 100, y: 1070, width: 800, height: 600 }, [laptop])).toBeUndefined();
    // Half off the side, the title bar still in reach: kept.
    expect(visibleBounds({ x: -400, y: 100, width: 800, height: 600 }, [laptop])).toEqual({ x: -400, y: 100, width: 800, height: 600 });
    // On a second display to the right.
    expect(visibleBounds({ x: 2000, y: 50, width: 800, height: 600 }, [laptop, { x: 1920, y: 0, width: 1280, height: 1024 }])).toBeDefined();
  });
});

describe('the IPC door', () => {
  const dispatcher = { dispatch: vi.fn(async () => ({ ok: true, value: 42 })), methods: [] };

  it('forwards core events to every open window', () => {
    const events = createEventHub();
    const send = vi.fn();
    registerIpc(electron.module.ipcMain as never, dispatcher as never, events, () => [{ isDestroyed: () => false, send } as never]);
    events.emit({ type: 'data.changed', payload: { area: 'projects' } });
    expect(send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, { type: 'data.changed', payload: { area: 'projects' } });
  });
});

describe('desktop-only methods', () => {
  it('report a folder that cannot be opened as a failure', async () => {
    const handlers = createDesktopHandlers({ shell: { openPath: async () => 'no file manager', showItemInFolder: () => {} }, dataDir: '/data', tempDir: '/tmp', attachmentFile: () => undefined, print: () => { throw new Error('not printing here'); }, saveBundle: () => { throw new Error('not saving bundles here'); }, projector: { open: () => ({ placement: 'window' as const }) } });
    await expect(handlers['desktop.openDataFolder']({}, { role: 'host', door: 'ipc' })).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('window state', () => {
  it('applies the saved zoom on every load and saves bounds, maximised state and zoom on close', async () => {
    const { createSettingsStore } = await import('../../electron/core/settings-store');
    let stored: unknown = { zoomLevel: 2 };
    const settings = createSettingsStore({ read: () => stored, write: (s) => (stored = s) });
    const handlers: Record<string, () => void> = {};
    const setZoomLevel = vi.fn();
    const window = {
      on: (event: string, handler: () => void) => (handlers[`window.${event}`] = handler),
      getNormalBounds: () => ({ x: 10, y: 20, width: 900, height: 700 }),
      isMaximized: () => true,
      webContents: { on: (event: string, handler: () => void) => (handlers[`page.${event}`] = handler), setZoomLevel, getZoomLevel: () => 9 },
    };
    keepWindowState(window as never, settings);
    handlers['page.did-finish-load']();
    expect(setZoomLevel).toHaveBeenCalledWith(2);
    handlers['window.close']();
    // Out-of-range zoom is clamped so the stored settings stay valid.
    expect(settings.get()).toMatchObject({ windowBounds: { x: 10, y: 20, width: 900, height: 700 }, windowMaximized: true, zoomLevel: 5 });
  });
});

describe('a bundle the system handed over that cannot be read', () => {
  it('is explained in a dialog in the app language, naming the file', () => {
    expect(unreadableBundleMessage('en', '/home/aziza/lab.ibtikar')).toEqual({
      type: 'error',
      title: 'The bundle could not be opened',
      message: 'The bundle could not be opened',
      detail: '/home/aziza/lab.ibtikar could not be read. It may have been moved or deleted, or this account may not be allowed to read it.',
    });
    expect(unreadableBundleMessage('ar', 'C:\\lab.ibtikar').detail).toMatch(/^تعذّرت قراءة C:\\lab\.ibtikar\./);
  });
});

describe('saving an exported bundle on the desktop', () => {
  let folder: string;
  const exportsDir = () => join(folder, 'data', 'bundles', 'exports');
  const deps = (filePath: string | undefined): SaveBundleDeps => ({
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: filePath === undefined, filePath })) } as never,
    documentsDir: join(folder, 'Documents'),
    exportsDir: exportsDir(),
    text: { title: 'Save the bundle', filter: 'Ibtikar bundles' },
  });
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ibtikar-save-'));
    mkdirSync(exportsDir(), { recursive: true });
    writeFileSync(join(exportsDir(), 'ibtikar-workspace-20261128T090000Z.ibtikar'), 'PK bundle bytes');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const fileName = 'ibtikar-workspace-20261128T090000Z.ibtikar';

  it('asks where in a native dialog, adds the extension, and moves the file there out of the data folder', async () => {
    const d = deps(join(folder, 'for the ministry'));
    expect(await saveBundleFile(d, { fileName })).toEqual({ saved: true, path: join(folder, 'for the ministry.ibtikar') });
    expect(d.dialog.showSaveDialog).toHaveBeenCalledWith({ title: 'Save the bundle', defaultPath: join(folder, 'Documents', fileName), filters: [{ name: 'Ibtikar bundles', extensions: ['ibtikar'] }] });
    expect(readFileSync(join(folder, 'for the ministry.ibtikar'), 'utf8')).toBe('PK bundle bytes');
    expect(readdirSync(exportsDir())).toEqual([]);
    expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('keeps the export when the user cancels, so it can be saved on a second try, and refuses a name that is not an export', async () => {
    expect(await saveBundleFile(deps(undefined), { fileName })).toEqual({ saved: false, path: null });
    expect(readdirSync(exportsDir())).toEqual([fileName]);
    expect(await saveBundleFile(deps(join(folder, 'second try.ibtikar')), { fileName })).toEqual({ saved: true, path: join(folder, 'second try.ibtikar') });
    expect(readdirSync(exportsDir())).toEqual([]);
    await expect(saveBundleFile(deps(join(folder, 'x')), { fileName })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('leaves no half bundle behind when the target cannot be written, and keeps the export for another place', async () => {
    await expect(saveBundleFile(deps(join(folder, 'no such folder', 'lab.ibtikar')), { fileName })).rejects.toMatchObject({ code: 'internal' });
    expect(existsSync(join(folder, 'no such folder'))).toBe(false);
    expect(readdirSync(exportsDir())).toEqual([fileName]);
  });
});

describe('printing to PDF', () => {
  const base = (over: Partial<PrintDeps> = {}): PrintDeps => ({
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: join(folder, 'report') })) } as never,
    contents: () => ({ printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 test')) }) as never,
    documentsDir: folder,
    text: { title: 'Save as PDF', filter: 'PDF document' },
    ...over,
  });
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ibtikar-pdf-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the page on A4 with backgrounds and saves it where the user chose', async () => {
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 test'));
    const deps = base({ contents: () => ({ printToPDF }) as never });
    expect(await printToPdfFile(deps, { fileName: 'pilot-report.pdf', landscape: true })).toEqual({ saved: true });
    expect(printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', landscape: true, printBackground: true });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join(folder, 'pilot-report.pdf') }));
    expect(readFileSync(join(folder, 'report.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(readdirSync(folder)).toEqual(['report.pdf']);
  });

  it('writes nothing when the user cancels or printing fails', async () => {
    const cancelled = base({ dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) } as never });
    expect(await printToPdfFile(cancelled, { fileName: 'x.pdf', landscape: false })).toEqual({ saved: false });
    const failing = base({ contents: () => ({ printToPDF: async () => Promise.reject(new Error('renderer gone')) }) as never });
    await expect(printToPdfFile(failing, { fileName: 'x.pdf', landscape: false })).rejects.toThrow('renderer gone');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('is offered only as a desktop method, with a file name and no path', async () => {
    const { contract, isDesktopMethod } = await import('../../electron/shared/api/contract');
    expect(isDesktopMethod('desktop.printToPdf')).toBe(true);
    const input = contract['desktop.printToPdf'].input;
    expect(input.safeParse({ fileName: 'تقرير التجربة.pdf' }).success).toBe(true);
    for (const fileName of ['../../etc/x.pdf', 'C:\\x.pdf', 'report.html', 'a\u0000.pdf', '.pdf']) expect(input.safeParse({ fileName }).success).toBe(false);
  });
});

describe('bundles handed over by the operating system', () => {
  it('are found on the command line of a first or second launch', () => {
    expect(bundleArgument(['/opt/Ibtikar Lab/ibtikar', '--flag', '/home/u/Downloads/lab export.IBTIKAR'])).toBe('/home/u/Downloads/lab export.IBTIKAR');
    expect(bundleArgument(['C:\\Program Files\\Ibtikar\\Ibtikar.exe', 'C:\\Users\\a\\x.ibtikar', 'C:\\Users\\a\\y.ibtikar'])).toBe('C:\\Users\\a\\y.ibtikar');
    expect(bundleArgument(['/opt/ibtikar', '--inspect=x.ibtikar', '/tmp/notes.txt'])).toBeNull();
  });

  it('wait until the window is ready, then open in order and only once', () => {
    const opened: string[] = [];
    const queue = createDocumentQueue((path) => opened.push(path));
    queue.request('/a.ibtikar');
    queue.request('/b.ibtikar');
    queue.request('/a.ibtikar');
    expect(opened).toEqual([]);
    queue.ready();
    expect(opened).toEqual(['/a.ibtikar', '/b.ibtikar']);
    queue.request('/c.ibtikar');
    expect(opened).toEqual(['/a.ibtikar', '/b.ibtikar', '/c.ibtikar']);
  });
});

describe('a crashed window', () => {
  const setup = () => {
    const handlers: Record<string, (...args: unknown[]) => void> = {};
    const logged: { message: string; data: unknown }[] = [];
    let clock = 0;
    watchCrashes({
      app: { on: (event: string, handler: (...args: unknown[]) => void) => (handlers[event] = handler) } as never,
      logger: { info() {}, warn() {}, error: (message: string, data: unknown) => logged.push({ message, data }) },
      now: () => clock,
    });
    const contents = { isDestroyed: () => false, getURL: () => 'app://ibtikar/', reload: vi.fn() };
    const crash = (reason: string) => handlers['render-process-gone']({}, contents, { reason, exitCode: 139 });
    return { handlers, logged, contents, crash, advance: (ms: number) => (clock += ms) };
  };

  it('is logged and reloaded, but not again in a loop within a minute', () => {
    const { logged, contents, crash, advance } = setup();
    crash('crashed');
    expect(logged[0]).toEqual({ message: 'A window stopped working', data: { reason: 'crashed', exitCode: 139, url: 'app://ibtikar/' } });
    expect(contents.reload).toHaveBeenCalledTimes(1);
    advance(5_000);
    crash('crashed');
    expect(contents.reload).toHaveBeenCalledTimes(1);
    advance(60_000);
    crash('oom');
    expect(contents.reload).toHaveBeenCalledTimes(2);
    expect(logged).toHaveLength(3);
  });

  it('is left alone when it ended normally; a helper process that stops is logged', () => {
    const { logged, contents, crash, handlers } = setup();
    crash('clean-exit');
    expect(contents.reload).not.toHaveBeenCalled();
    handlers['child-process-gone']({}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    expect(logged.at(-1)).toEqual({ message: 'A helper process stopped', data: { type: 'GPU', reason: 'crashed', exitCode: 1, name: null } });
  });
});

describe('closing a window while a change is still being saved', () => {
  const setup = (answer: number) => {
    let onHeld: (event: { preventDefault: () => void }) => void = () => {};
    const window = { webContents: { on: (name: string, handler: typeof onHeld) => name === 'will-prevent-unload' && (onHeld = handler) } };
    const dialog = { showMessageBoxSync: vi.fn((_parent: unknown, _options: MessageBoxSyncOptions) => answer) };
    guardUnsavedClose({ window: window as never, dialog: dialog as never, text: (key) => desktopText('ar', key) });
    const event = { preventDefault: vi.fn() };
    onHeld(event);
    return { window, dialog, event };
  };

  it('asks in a native dialog in the app language, and waiting keeps the window', () => {
    const { window, dialog, event } = setup(0);
    const [parent, options] = dialog.showMessageBoxSync.mock.calls[0];
    expect(parent).toBe(window);
    expect(options).toMatchObject({ message: 'لا يزال حفظ أحد التغييرات جارياً.', buttons: ['انتظار', 'الإغلاق على أي حال'], defaultId: 0, cancelId: 0 });
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('lets the window close when the person chooses to close anyway', () => {
    expect(setup(1).event.preventDefault).toHaveBeenCalledTimes(1);
  });
});
