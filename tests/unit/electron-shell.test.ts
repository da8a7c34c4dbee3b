/**
 * The Electron shell's everyday behaviour with `electron` mocked (its binary cannot run here): window
 * placement, events reaching the page, desktop-only methods. Its security locks are proven item by
 * item in tests/security/checklist.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  module: {
    BrowserWindow: class {},
    ipcMain: { handle: vi.fn() },
  },
}));
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

import { createEventHub } from '../../electron/core/event-hub';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import { registerIpc } from '../../electron/main/ipc';
import { visibleBounds } from '../../electron/main/windows';
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
    const handlers = createDesktopHandlers({ shell: { openPath: async () => 'no file manager', showItemInFolder: () => {} }, dataDir: '/data', tempDir: '/tmp', attachmentFile: () => undefined });
    await expect(handlers['desktop.openDataFolder']({}, { role: 'host', door: 'ipc' })).rejects.toMatchObject({ code: 'internal' });
  });
});
