/**
 * What the main window keeps between launches: its bounds (on a display that still exists), whether
 * it was maximised, and the
 * zoom level the View menu left it at — a projector room often needs larger text every time.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import type { SettingsStore } from '../core/settings-store';

/** Height of the title bar, and how much of its width must be reachable to drag the window back. */
const TITLE_BAR = 32;
const GRIP = 100;

/**
 * The saved bounds if their title bar still falls on a connected display (a projector may be gone,
 * a resolution lowered), else none: a window whose corner alone shows could not be moved back.
 */
export function visibleBounds(saved: Rectangle | null, workAreas: Rectangle[]): Rectangle | undefined {
  if (!saved) return undefined;
  const titleBarOn = (a: Rectangle) =>
    saved.y >= a.y &&
    saved.y + TITLE_BAR <= a.y + a.height &&
    Math.min(saved.x + saved.width, a.x + a.width) - Math.max(saved.x, a.x) >= Math.min(GRIP, saved.width);
  return workAreas.some(titleBarOn) ? saved : undefined;
}

type StatefulWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'setZoomLevel' | 'getZoomLevel'>;
};

/** Applies the saved zoom on every load (zoom is per page in Chromium) and saves bounds, maximised state and zoom on close. */
export function keepWindowState(window: StatefulWindow, settings: SettingsStore): void {
  window.webContents.on('did-finish-load', () => window.webContents.setZoomLevel(settings.get().zoomLevel));
  window.on('close', () => {
    const zoomLevel = Math.min(5, Math.max(-3, window.webContents.getZoomLevel()));
    settings.update({ windowBounds: window.getNormalBounds(), windowMaximized: window.isMaximized(), zoomLevel });
  });
}
