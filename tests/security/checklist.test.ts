/**
 * The Electron security checklist (shared/design/CHECKLISTS.md, 20 items), one `describe` per item,
 * in order; docs/security.md maps each item to the tests here. `electron` is mocked because its
 * binary cannot run on these machines; what only a real Electron could observe is checked on the
 * source or on the build that ships instead. Item 15's own unit tests are in external-links.test.ts,
 * and Electronegativity's scan is in electronegativity.test.ts.
 */
import yaml from 'js-yaml';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
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
    protocolHandlers,
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
      protocol: {
        registerSchemesAsPrivileged: vi.fn(),
        handle: vi.fn((scheme: string, fn: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn)),
      },
      net: { fetch: vi.fn(async (_url: string) => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } })) },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

import { createEventHub } from '../../electron/core/event-hub';
import { createHttpDoor } from '../../electron/core/http/http-door';
import { registerIpc } from '../../electron/main/ipc';
import { registerAppScheme, serveRenderer } from '../../electron/main/protocol';
import { APP_URL, denyPermissions, hardenContents, isAppUrl, isTrustedSender } from '../../electron/main/security';
import { createPrintWindow, createWindow } from '../../electron/main/windows';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../electron/shared/api/ipc-channels';
import { CSP_HEADER, CSP_META } from '../../electron/shared/csp';
import { silentLogger } from '../support/core';
import { removeDir, tempDataDir } from '../support/serve';
import { appSources, filesMatching, filesUnder, readBuilt, readSource, ROOT } from '../support/sources';

/** The complete set of webPreferences: anything added or changed must change this test too. */
const LOCKED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
};

/** The options the one window factory gives a new window. */
function madeWindow() {
  createWindow({ preload: '/app/preload.cjs', title: 'Ibtikar Lab' });
  return electron.windows[0];
}

/** A stand-in for a page's webContents that records the handlers hardenContents installs. */
function hardenedContents(openLink?: (url: string) => void) {
  const events: Record<string, (...args: any[]) => void> = {};
  const contents = { on: (n: string, fn: (...args: any[]) => void) => (events[n] = fn), setWindowOpenHandler: vi.fn() };
  hardenContents(contents as never, openLink);
  return { events, openWindow: (url: string) => contents.setWindowOpenHandler.mock.calls[0][0]({ url }) };
}

/** The CSP as a map of directive → sources. */
const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources] as const));

/** The static files the desktop protocol serves in these tests, and one file just outside them. */
let outside: string;
let rendererDir: string;
beforeAll(() => {
  outside = tempDataDir();
  rendererDir = join(outside, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), '');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
});
afterAll(() => removeDir(outside));

beforeEach(() => {
  electron.handlers.clear();
  electron.protocolHandlers.clear();
  electron.windows.length = 0;
  vi.clearAllMocks();
});

/** Asks the desktop protocol handler for `url`, as Chromium would. */
async function requestApp(url: string) {
  serveRenderer(rendererDir);
  return electron.protocolHandlers.get('app')!(new Request(url));
}

describe('item 1: load only local, secure content', () => {
  it('the window loads app://ibtikar/index.html and nothing else', () => {
    expect(APP_URL).toBe('app://ibtikar/index.html');
    expect(isAppUrl(APP_URL)).toBe(true);
    const loads = appSources().flatMap(({ file, text }) => [...text.matchAll(/\.(loadURL|loadFile)\(([^)]*)\)/g)].map((m) => `${file}: ${m[0]}`));
    // The projector window loads the same page at its projector route, and only that; the print
    // window loads the page it prints from its own session's app: scheme (bundle-pdf.test.ts).
    expect(loads.sort()).toEqual([
      'electron/main/bundle-pdf.ts: .loadURL(`${APP_SCHEME}://${APP_HOST}${path}`)',
      'electron/main/index.ts: .loadURL(APP_URL)',
      'electron/main/projector.ts: .loadURL(deps.url(canvasId)',
      'electron/main/projector.ts: .loadURL(deps.url(canvasId)',
    ]);
    expect(readSource('electron/main/index.ts')).toContain('url: (canvasId) => `${APP_URL}#/projector/${canvasId}`,');
  });

  it('the app protocol answers only for its own host, with files inside the renderer folder', async () => {
    const page = await requestApp('app://ibtikar/index.html');
    expect(page.status).toBe(200);
    expect(electron.module.net.fetch).toHaveBeenCalledWith(pathToFileURL(join(rendererDir, 'index.html')).toString());
    vi.clearAllMocks();
    for (const url of ['app://evil/index.html', 'app://ibtikar.evil/index.html', 'app://ibtikar/%2e%2e/secret.txt', 'app://ibtikar/..%2fsecret.txt', 'app://ibtikar/missing.js']) {
      expect((await requestApp(url)).status, url).toBe(404);
    }
    expect(electron.module.net.fetch).not.toHaveBeenCalled();
  });

  it('the built page and its stylesheets load nothing from another origin', () => {
    const html = readBuilt('renderer/index.html');
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((ref) => !ref.startsWith('./'))).toEqual([]);
    const styles = filesUnder('dist/renderer/assets', /\.css$/).map(readSource).join('\n');
    const urls = [...styles.matchAll(/url\(\s*["']?([^"')]*)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('./') && !u.startsWith('data:'))).toEqual([]);
  });
});

describe('item 2: no Node.js integration in renderers', () => {
  it('every window is made with Node integration off, in workers and sub-frames too', () => {
    expect(madeWindow().options.webPreferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('no source turns Node integration on', () => {
    expect(filesMatching(/nodeIntegration\w*:\s*true/)).toEqual([]);
  });
});

describe('item 3: context isolation on', () => {
  it('every window is made with contextIsolation, and with exactly the locked options and the preload', () => {
    const { webPreferences } = madeWindow().options;
    expect(webPreferences).toEqual({ ...LOCKED_WEB_PREFERENCES, preload: '/app/preload.cjs' });
    expect(webPreferences.contextIsolation).toBe(true);
  });

  it('the print window has the same locks in a session of its own, with no preload and JavaScript off', () => {
    const session = { partition: 'ibtikar-print' };
    createPrintWindow(session as never);
    const { options, contents } = electron.windows[0];
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual({ ...LOCKED_WEB_PREFERENCES, session, javascript: false });
    // Navigation and new windows are refused as in every window.
    expect(Object.keys(contents.events).sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(readSource('electron/main/index.ts')).toContain("session.fromPartition('ibtikar-print')");
  });

  it('no source turns context isolation off', () => {
    expect(filesMatching(/contextIsolation:\s*false/)).toEqual([]);
  });
});

describe('item 4: sandbox on', () => {
  it('every window is made sandboxed', () => {
    expect(madeWindow().options.webPreferences.sandbox).toBe(true);
    expect(filesMatching(/sandbox:\s*false/)).toEqual([]);
  });

  it('the app sandboxes every renderer before it is ready, whatever its webPreferences say', () => {
    const main = readSource('electron/main/index.ts');
    const enable = main.indexOf('\napp.enableSandbox();');
    expect(enable).toBeGreaterThan(-1);
    expect(enable).toBeLessThan(main.indexOf('function start('));
    expect(enable).toBeLessThan(main.indexOf('app.whenReady()'));
  });

  it('the preload is one bundle that requires nothing but electron, as a sandboxed preload must', () => {
    const preload = readBuilt('preload/index.cjs');
    expect([...preload.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['"electron"']);
  });
});

describe('item 5: permission requests denied by default', () => {
  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyPermissions(session as never);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0][0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0][0]({}, 'geolocation')).toBe(false);
  });

  it('the default session is locked before the window is made', () => {
    const main = readSource('electron/main/index.ts');
    expect(main).toContain('denyPermissions(session.defaultSession);');
    expect(main.indexOf('denyPermissions(session.defaultSession);')).toBeLessThan(main.indexOf('createWindow('));
  });
});

describe('item 6: webSecurity never off', () => {
  it('every window is made with webSecurity on', () => {
    expect(madeWindow().options.webPreferences.webSecurity).toBe(true);
  });

  it('no source turns web security off', () => {
    expect(filesMatching(/webSecurity:\s*false/)).toEqual([]);
  });
});

describe('item 7: a strict Content-Security-Policy', () => {
  it('allows script only from the app itself: no inline script, no eval, no remote origin, no plugins', () => {
    for (const policy of [CSP_HEADER, CSP_META]) {
      const csp = directives(policy);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|https?:|\*/);
      // 'unsafe-inline' only for styles (MUI's emotion injects <style> tags), never for script.
      for (const [name, sources] of csp) if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
    expect(directives(CSP_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the built index.html carries the policy in a meta tag and has no inline script', () => {
    const html = readBuilt('renderer/index.html');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
    // The meta tag must come before any script or style it is meant to govern.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link rel="stylesheet"/));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=|javascript:/i);
  });

  it('the HTTP door sends the policy with pages, API answers and refusals', async () => {
    readBuilt('renderer/index.html');
    const allowedHosts = new Set<string>();
    const server = createHttpDoor({
      dispatcher: { methods: [], dispatch: vi.fn() } as never,
      events: createEventHub(),
      token: 'test-token-0123456789abcdef',
      staticDir: join(ROOT, 'dist', 'renderer'),
      logger: silentLogger,
      allowedHosts,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    allowedHosts.add(origin.slice('http://'.length));
    try {
      for (const [path, status] of [['/', 200], ['/index.html', 200], ['/api/methods', 401], ['/missing.js', 404]] as const) {
        const response = await fetch(`${origin}${path}`);
        expect(response.status, path).toBe(status);
        expect(response.headers.get('content-security-policy'), path).toBe(CSP_HEADER);
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
        await response.arrayBuffer();
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the desktop protocol sends the policy with every file', async () => {
    const page = await requestApp('app://ibtikar/index.html');
    expect(page.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('item 8: no insecure content on secure pages', () => {
  it('every window refuses to run insecure content', () => {
    expect(madeWindow().options.webPreferences.allowRunningInsecureContent).toBe(false);
    expect(filesMatching(/allowRunningInsecureContent:\s*true/)).toEqual([]);
  });
});

describe('item 9: no experimental features', () => {
  it('every window has experimental features off', () => {
    expect(madeWindow().options.webPreferences.experimentalFeatures).toBe(false);
    expect(filesMatching(/experimentalFeatures:\s*true/)).toEqual([]);
  });
});

describe('item 10: no enableBlinkFeatures', () => {
  it('no window and no source enables Blink features', () => {
    expect(madeWindow().options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(filesMatching(/enableBlinkFeatures/)).toEqual([]);
  });
});

describe('item 11: no <webview>, so no allowpopups', () => {
  it('every window has the webview tag off', () => {
    expect(madeWindow().options.webPreferences.webviewTag).toBe(false);
  });

  it('has no <webview> anywhere', () => {
    expect(filesMatching(/<webview/i)).toEqual([]);
    expect(filesMatching(/allowpopups/i)).toEqual([]);
    expect(readBuilt('renderer/index.html')).not.toMatch(/<webview|allowpopups/i);
  });
});

describe('item 12: no webview is ever attached, whatever its options', () => {
  it('refuses every will-attach-webview', () => {
    const { events } = hardenedContents();
    const webview = { preventDefault: vi.fn() };
    events['will-attach-webview'](webview, { nodeIntegration: false }, { src: 'app://ibtikar/index.html' });
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('item 13: navigation denied', () => {
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

  it('denies navigation and redirects away from the app, and allows them inside it', () => {
    const { events } = hardenedContents();
    const away = { preventDefault: vi.fn() };
    events['will-navigate'](away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    events['will-navigate'](inside, 'app://ibtikar/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    events['will-redirect'](redirect, 'app://ibtikar.evil/index.html');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('compares no URL by prefix in the shell', () => {
    expect(filesUnder('electron/main').filter((file) => /\.startsWith\(/.test(readSource(file)))).toEqual([]);
  });
});

describe('item 14: new windows denied', () => {
  it('every window is hardened as it is made', () => {
    const { contents } = madeWindow();
    expect(Object.keys(contents.events)).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('denies every window.open, and hands the link to the confirming opener', () => {
    const openLink = vi.fn();
    const { openWindow } = hardenedContents(openLink);
    for (const url of ['https://x', 'https://example.org/report', 'app://ibtikar/index.html', 'about:blank', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(openLink.mock.calls.map(([url]) => url)).toContain('https://example.org/report');
  });

  it('denies the window even when the opener throws', () => {
    const { openWindow } = hardenedContents(() => {
      throw new Error('no dialog');
    });
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
  });

  it('creates windows only in windows.ts', () => {
    expect(filesMatching(/new BrowserWindow\(/)).toEqual(['electron/main/windows.ts']);
  });
});

describe('item 15: shell.openExternal only through the allow-list', () => {
  it('openExternal appears in external-links.ts and nowhere else', () => {
    expect(filesMatching(/\bopenExternal\b/)).toEqual(['electron/main/external-links.ts']);
  });

  it('the window’s link handler is the confirming opener', () => {
    const main = readSource('electron/main/index.ts');
    expect(main).toMatch(/const openLink = createLinkOpener\(\{\s*shell,\s*confirm: confirmInDialog\(/);
    expect(main).toContain('createWindow({ preload, title: app.getName(), bounds, openLink: (url) => void openLink(url) })');
  });
});

describe('item 16: a supported Electron major', () => {
  const pkg = JSON.parse(readSource('package.json'));
  const pinned: string = pkg.devDependencies.electron;
  const major = Number(pinned.split('.')[0]);
  /**
   * The newest stable major when this was last checked against the registry (2026-11-28). Electron
   * supports the latest three majors; docs/security.md says until when this one is covered.
   */
  const LATEST_CHECKED_MAJOR = 45;

  it('pins an exact Electron version of a supported major', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(major).toBeGreaterThanOrEqual(LATEST_CHECKED_MAJOR);
  });

  it('installs and locks the pinned version, and the README names the same major', () => {
    const lock = JSON.parse(readSource('package-lock.json'));
    expect(lock.packages['node_modules/electron'].version).toBe(pinned);
    expect(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version).toBe(pinned);
    expect(readSource('README.md')).toContain(`Why Electron ${major}:`);
  });
});

describe('item 17: the sender of every IPC message is validated', () => {
  const dispatcher = { dispatch: vi.fn(async () => ({ ok: true, value: 42 })), methods: [] };

  it('accepts IPC only from our main frame', () => {
    expect(isTrustedSender({ parent: null, url: 'app://ibtikar/index.html' } as never)).toBe(true);
    expect(isTrustedSender({ parent: {}, url: 'app://ibtikar/index.html' } as never)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'https://example.org/' } as never)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('has exactly one handler, which refuses foreign senders before dispatching', async () => {
    registerIpc(electron.module.ipcMain as never, dispatcher as never, createEventHub(), () => []);
    expect(electron.module.ipcMain.handle).toHaveBeenCalledTimes(1);
    const handle = electron.handlers.get(IPC_CALL_CHANNEL)!;
    const foreign = await handle({ senderFrame: { parent: null, url: 'https://evil.example/' } }, 'projects.list', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const subFrame = await handle({ senderFrame: { parent: {}, url: 'app://ibtikar/index.html' } }, 'projects.list', {});
    expect(subFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const gone = await handle({ senderFrame: null }, 'projects.list', {});
    expect(gone).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
    expect(await handle({ senderFrame: { parent: null, url: 'app://ibtikar/index.html' } }, 'projects.list', { limit: 5 })).toEqual({ ok: true, value: 42 });
    expect(dispatcher.dispatch).toHaveBeenCalledWith('projects.list', { limit: 5 }, { role: 'host', door: 'ipc' });
  });

  it('handles IPC only in ipc.ts', () => {
    expect(filesMatching(/ipcMain\.(handle|on)\(/)).toEqual(['electron/main/ipc.ts']);
    expect(filesMatching(/ipcMain\.(once|handleOnce)\(/)).toEqual([]);
  });
});

describe('item 18: the UI comes from a custom protocol, not file://', () => {
  it('registers app: as a standard, secure scheme that does not bypass the CSP', () => {
    registerAppScheme();
    const [[schemes]] = electron.module.protocol.registerSchemesAsPrivileged.mock.calls as any;
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(new URL(APP_URL).protocol).toBe('app:');
  });

  it('never loads the UI from file://', () => {
    expect(filesMatching(/\.loadFile\(|\.loadURL\(['"`]file:/)).toEqual([]);
  });
});

describe('item 19: fuses flipped at packaging', () => {
  it('turns off run-as-node, NODE_OPTIONS and --inspect, encrypts cookies, and loads only the integrity-checked asar', () => {
    const config = yaml.load(readSource('electron-builder.yml')) as Record<string, any>;
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('names only fuses that electron-builder applies', () => {
    const scheme = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    const config = yaml.load(readSource('electron-builder.yml')) as Record<string, any>;
    expect(known.length).toBeGreaterThan(5);
    expect(Object.keys(config.electronFuses).filter((fuse) => !known.includes(fuse))).toEqual([]);
  });
});

describe('item 20: no raw ipcRenderer and no IPC event object reach the page', () => {
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
    for (const value of Object.values(bridge)) expect(value).not.toBe(electron.module.ipcRenderer);
  });

  it('only the preload touches the bridge or ipcRenderer, and only through its methods', () => {
    expect(filesMatching(/exposeInMainWorld|ipcRenderer/)).toEqual(['electron/preload/index.ts']);
    // Comments may name ipcRenderer; code is what counts.
    const preload = readSource('electron/preload/index.ts').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    const uses = [...preload.matchAll(/\bipcRenderer\b(\.\w+)?/g)].map((m) => m[1] ?? '(bare)');
    expect(new Set(uses)).toEqual(new Set(['(bare)', '.invoke', '.on', '.removeListener']));
    // The one bare mention is the import; the object itself is never handed on.
    expect(uses.filter((u) => u === '(bare)')).toHaveLength(1);
  });
});
