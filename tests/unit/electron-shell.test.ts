/**
 * The Electron shell with `electron` mocked (its binary cannot run here): the window's locked
 * options, navigation/new-window/permission denial, the IPC sender check and the preload bridge.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const exposed: Record<string, unknown> = {};
  const rendererListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: any; contents: any }[] = [];
  class BrowserWindow {
    webContents: any;
    constructor(options: unknown) {
      const events: Record<string, (...args: unknown[]) => void> = {};
      this.webContents = {
        events,
        on: (name: string, fn: (...args: unknown[]) => void) => (events[name] = fn),
        setWindowOpenHandler: vi.fn(),
      };
      windows.push({ options, contents: this.webContents });
    }
    once() {}
  }
  return {
    handlers,
    exposed,
    rendererListeners,
    windows,
    module: {
      BrowserWindow,
      ipcMain: { handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
      contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => (exposed[key] = api)) },
      ipcRenderer: {
        invoke: vi.fn(async () => ({ ok: true, value: 'answer' })),
        on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => rendererListeners.set(channel, fn)),
        removeListener: vi.fn((channel: string) => rendererListeners.delete(channel)),
      },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

import { createEventHub } from '../../electron/core/event-hub';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import { registerIpc } from '../../electron/main/ipc';
import { denyPermissions, hardenContents, isAppUrl, isTrustedSender } from '../../electron/main/security';
import { createWindow, SECURE_WEB_PREFERENCES, visibleBounds } from '../../electron/main/windows';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../electron/shared/api/ipc-channels';

const ROOT = join(import.meta.dirname, '..', '..');

beforeEach(() => {
  electron.handlers.clear();
  electron.windows.length = 0;
  vi.clearAllMocks();
});

describe('windows', () => {
  it('are created with contextIsolation, sandbox, no Node, web security and the preload only', () => {
    createWindow({ preload: '/app/preload.cjs', title: 'Ibtikar Lab' });
    const { webPreferences } = electron.windows[0].options;
    expect(webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/app/preload.cjs' });
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('are hardened as they are made', () => {
    createWindow({ preload: '/p.cjs', title: 't' });
    const contents = electron.windows[0].contents;
    expect(Object.keys(contents.events)).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('reopen where they were, unless that display is gone', () => {
    const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(visibleBounds({ x: 100, y: 100, width: 800, height: 600 }, [laptop])).toEqual({ x: 100, y: 100, width: 800, height: 600 });
    expect(visibleBounds({ x: 2500, y: 0, width: 800, height: 600 }, [laptop])).toBeUndefined();
    expect(visibleBounds(null, [laptop])).toBeUndefined();
  });
});

describe('security', () => {
  it.each([
    ['app://ibtikar/index.html', true],
    ['app://ibtikar/#/projects', true],
    ['app://ibtikar.evil/index.html', false],
    ['app://evil/ibtikar', false],
    ['https://ibtikar/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s is our origin: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('accepts IPC only from our main frame', () => {
    expect(isTrustedSender({ parent: null, url: 'app://ibtikar/index.html' } as never)).toBe(true);
    expect(isTrustedSender({ parent: {}, url: 'app://ibtikar/index.html' } as never)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'https://example.org/' } as never)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('denies navigation away, new windows and webviews', () => {
    const events: Record<string, (...args: any[]) => void> = {};
    const contents = { on: (n: string, fn: (...args: any[]) => void) => (events[n] = fn), setWindowOpenHandler: vi.fn() };
    hardenContents(contents as never);
    const away = { preventDefault: vi.fn() };
    events['will-navigate'](away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    events['will-navigate'](inside, 'app://ibtikar/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    events['will-attach-webview'](webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.setWindowOpenHandler.mock.calls[0][0]({ url: 'https://x' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyPermissions(session as never);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0][0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0][0]({}, 'geolocation')).toBe(false);
  });
});

describe('the IPC door', () => {
  const dispatcher = { dispatch: vi.fn(async () => ({ ok: true, value: 42 })), methods: [] };

  it('has exactly one handler, which refuses foreign senders before dispatching', async () => {
    registerIpc(electron.module.ipcMain as never, dispatcher as never, createEventHub(), () => []);
    expect(electron.module.ipcMain.handle).toHaveBeenCalledTimes(1);
    const handle = electron.handlers.get(IPC_CALL_CHANNEL)!;
    const foreign = await handle({ senderFrame: { parent: null, url: 'https://evil.example/' } }, 'projects.list', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const subFrame = await handle({ senderFrame: { parent: {}, url: 'app://ibtikar/index.html' } }, 'projects.list', {});
    expect(subFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
    expect(await handle({ senderFrame: { parent: null, url: 'app://ibtikar/index.html' } }, 'projects.list', { limit: 5 })).toEqual({ ok: true, value: 42 });
    expect(dispatcher.dispatch).toHaveBeenCalledWith('projects.list', { limit: 5 }, { role: 'host', door: 'ipc' });
  });

  it('forwards core events to every open window', () => {
    const events = createEventHub();
    const send = vi.fn();
    registerIpc(electron.module.ipcMain as never, dispatcher as never, events, () => [{ isDestroyed: () => false, send } as never]);
    events.emit({ type: 'data.changed', payload: { area: 'projects' } });
    expect(send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, { type: 'data.changed', payload: { area: 'projects' } });
  });
});

describe('the preload bridge', () => {
  it('exposes call, onEvent and platform, and never the IPC event object', async () => {
    await import('../../electron/preload/index');
    const bridge = electron.exposed.ibtikar as Record<string, any>;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent', 'platform']);
    expect(await bridge.call('projects.list', {})).toEqual({ ok: true, value: 'answer' });
    expect(electron.module.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'projects.list', {});
    const received: unknown[] = [];
    const stop = bridge.onEvent((e: unknown) => received.push(e));
    electron.rendererListeners.get(IPC_EVENT_CHANNEL)!({ sender: 'secret' }, { type: 'data.changed', payload: { area: 'projects' } });
    expect(received).toEqual([{ type: 'data.changed', payload: { area: 'projects' } }]);
    stop();
    expect(electron.module.ipcRenderer.removeListener).toHaveBeenCalled();
  });
});

describe('desktop-only methods', () => {
  it('report a folder that cannot be opened as a failure', async () => {
    const handlers = createDesktopHandlers({ shell: { openPath: async () => 'no file manager' }, dataDir: '/data' });
    await expect(handlers['desktop.openDataFolder']({}, { role: 'host', door: 'ipc' })).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('static checks over the source', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.(tsx?|html)$/.test(n) ? [join(dir, n)] : []));
  const sources = [...files(join(ROOT, 'electron')), ...files(join(ROOT, 'renderer'))].map((f) => ({ f, text: readFileSync(f, 'utf8') }));

  it('has no <webview> anywhere', () => {
    expect(sources.filter(({ text }) => /<webview/i.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it('creates windows only in windows.ts and handles IPC only in ipc.ts', () => {
    expect(sources.filter(({ text }) => /new BrowserWindow\(/.test(text)).map(({ f }) => f)).toEqual([join(ROOT, 'electron/main/windows.ts')]);
    expect(sources.filter(({ text }) => /ipcMain\.(handle|on)\(/.test(text)).map(({ f }) => f)).toEqual([join(ROOT, 'electron/main/ipc.ts')]);
  });

  it('never loads the UI from file:// and never turns web security off', () => {
    expect(sources.filter(({ text }) => /loadFile\(|loadURL\(['"`]file:|webSecurity:\s*false|nodeIntegration:\s*true/.test(text))).toEqual([]);
  });
});
