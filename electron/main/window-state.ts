/**
 * What the main window keeps between launches: its bounds (on a display that still exists) and the
 * zoom level the View menu left it at — a projector room often needs larger text every time.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import type { SettingsStore } from '../core/settings-store';

/** The saved bounds if they still fall on a connected display (a projector may be gone), else none. */
export function visibleBounds(saved: Rectangle | null, workAreas: Rectangle[]): Rectangle | undefined {
  if (!saved) return undefined;
  const overlaps = (a: Rectangle) =>
    saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y;
  return workAreas.some(overlaps) ? saved : undefined;
}

type StatefulWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'setZoomLevel' | 'getZoomLevel'>;
};

/** Applies the saved zoom on every load (zoom is per page in Chromium) and saves bounds and zoom on close. */
export function keepWindowState(window: StatefulWindow, settings: SettingsStore): void {
  window.webContents.on('did-finish-load', () => window.webContents.setZoomLevel(settings.get().zoomLevel));
  window.on('close', () => {
    const zoomLevel = Math.min(5, Math.max(-3, window.webContents.getZoomLevel()));
    settings.update({ windowBounds: window.getNormalBounds(), zoomLevel });
  });
}
