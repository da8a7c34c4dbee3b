/**
 * The projector window: the canvas's projector view (`#/projector/<canvasId>`) on the external
 * display, full screen, while the laptop's window keeps the facilitator's controls. Made by the one
 * window factory (windows.ts), so it carries the same locked webPreferences and navigation rules.
 * Without a second display it opens as an ordinary window the facilitator can drag to the projector.
 * The display is kept awake while the projector window is open, and only then.
 */
import type { BrowserWindow, Display, PowerSaveBlocker, Rectangle, Screen } from 'electron';

export interface ProjectorDeps {
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>;
  /** windows.ts `createWindow` with this app's preload and link handling already given. */
  createWindow(options: { title: string; bounds?: Rectangle; fullscreen?: boolean }): BrowserWindow;
  /** The renderer address of a canvas's projector view. */
  url(canvasId: string): string;
  title: string;
}

/** The display to project on: any display that is not the primary (the laptop's own) one. */
export function externalDisplay(displays: readonly Display[], primary: Display): Display | undefined {
  return displays.find((d) => d.id !== primary.id);
}

export function createProjector(deps: ProjectorDeps) {
  let open: { window: BrowserWindow; canvasId: string } | undefined;

  return {
    /** Opens (or moves to another canvas) the projector window; says where it went. */
    open(canvasId: string): { placement: 'external' | 'window' } {
      const display = externalDisplay(deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay());
      if (open && !open.window.isDestroyed()) {
        if (open.canvasId !== canvasId) void open.window.loadURL(deps.url(canvasId));
        open.canvasId = canvasId;
        open.window.focus();
        return { placement: display ? 'external' : 'window' };
      }
      const window = deps.createWindow({ title: deps.title, ...(display ? { bounds: display.bounds, fullscreen: true } : {}) });
      const blocker = deps.powerSaveBlocker.start('prevent-display-sleep');
      window.on('closed', () => {
        deps.powerSaveBlocker.stop(blocker);
        if (open?.window === window) open = undefined;
      });
      open = { window, canvasId };
      void window.loadURL(deps.url(canvasId));
      return { placement: display ? 'external' : 'window' };
    },
    /** Closes the projector window (the presentation or the workshop ended); the blocker stops with it. */
    close(canvasId?: string) {
      if (!open || (canvasId !== undefined && open.canvasId !== canvasId)) return;
      if (!open.window.isDestroyed()) open.window.close();
    },
    showing: () => open?.canvasId ?? null,
  };
}

export type Projector = ReturnType<typeof createProjector>;
