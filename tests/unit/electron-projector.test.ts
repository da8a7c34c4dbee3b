/** The projector window with `electron` mocked: which display, full screen or not, the secure window factory, display sleep blocked only while it is open. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const made: { options: Record<string, unknown>; window: FakeWindow }[] = [];
  class FakeWindow {
    handlers: Record<string, (() => void)[]> = {};
    destroyed = false;
    loaded: string[] = [];
    webContents = { on: () => {}, setWindowOpenHandler: () => {}, session: {} };
    constructor(options: Record<string, unknown>) {
      made.push({ options, window: this });
    }
    on(event: string, handler: () => void) {
      (this.handlers[event] ??= []).push(handler);
      return this;
    }
    once(event: string, handler: () => void) {
      return this.on(event, handler);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    focus() {}
    show() {}
    close() {
      this.destroyed = true;
      for (const h of this.handlers.closed ?? []) h();
    }
  }
  return { made, module: { BrowserWindow: FakeWindow } };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));
vi.mock('../../electron/main/security', () => ({ hardenContents: vi.fn() }));

import { createProjector, externalDisplay } from '../../electron/main/projector';
import { createWindow } from '../../electron/main/windows';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const beamer = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };

function projector(displays: (typeof laptop)[]) {
  const powerSaveBlocker = { start: vi.fn(() => 7), stop: vi.fn() };
  const p = createProjector({
    screen: { getAllDisplays: () => displays as never, getPrimaryDisplay: () => laptop as never },
    powerSaveBlocker,
    createWindow: (options) => createWindow({ preload: '/app/preload/index.cjs', ...options }),
    url: (canvasId) => `app://ibtikar/index.html#/projector/${canvasId}`,
    title: 'Ibtikar Lab',
  });
  return { p, powerSaveBlocker };
}

beforeEach(() => {
  electron.made.length = 0;
});

describe('the projector window', () => {
  it('picks a display that is not the primary one', () => {
    expect(externalDisplay([laptop, beamer] as never, laptop as never)).toBe(beamer);
    expect(externalDisplay([beamer, laptop] as never, laptop as never)).toBe(beamer);
    expect(externalDisplay([laptop] as never, laptop as never)).toBeUndefined();
  });

  it('opens full screen on the external display, with the secure webPreferences, and keeps the display awake until it closes', () => {
    const { p, powerSaveBlocker } = projector([laptop, beamer]);
    expect(p.open('c1')).toEqual({ placement: 'external' });
    const [{ options, window }] = electron.made;
    expect(options).toMatchObject({ ...beamer.bounds, fullscreen: true });
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/preload/index.cjs' });
    expect(window.loaded).toEqual(['app://ibtikar/index.html#/projector/c1']);
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(powerSaveBlocker.stop).not.toHaveBeenCalled();

    // Opening again reuses the window; a different canvas loads into it.
    p.open('c2');
    expect(electron.made).toHaveLength(1);
    expect(window.loaded.at(-1)).toBe('app://ibtikar/index.html#/projector/c2');

    p.close('c1'); // not the canvas it shows: stays open
    expect(window.destroyed).toBe(false);
    p.close('c2');
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(7);
    expect(p.showing()).toBeNull();
  });

  it('falls back to a normal window on a laptop alone, and stops the blocker when the user closes it', () => {
    const { p, powerSaveBlocker } = projector([laptop]);
    expect(p.open('c1')).toEqual({ placement: 'window' });
    const [{ options, window }] = electron.made;
    expect(options.fullscreen).toBe(false);
    expect(options.x).toBeUndefined();
    window.close();
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(7);
    expect(p.showing()).toBeNull();
  });
});
