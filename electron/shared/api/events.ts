/** Push events from core to every connected UI (IPC in the desktop app, server-sent events over HTTP). */
import type { Note } from '../canvas/model';
import type { Job } from '../domain/lab';

export interface EventMap {
  /** The HTTP event stream opened; after the first time, a reconnection, so the page may have missed changes. */
  connected: Record<string, never>;
  /** A long operation moved on, finished, failed or was cancelled. */
  'job.progress': Job;
  /** The operating system handed the desktop app a bundle (double-click, Open with, File menu); the UI takes it with bundles.takeOpened. */
  'bundle.opened': { fileName: string };
  /** Records of an area changed; views of that area refetch. */
  'data.changed': { area: 'projects' | 'settings' | 'people' | 'gates' | 'ideas' | 'cohorts' | 'attachments' | 'canvases' | 'pilots' | 'workshops'; id?: string };
  /** Notes a workshop participant added, edited or deleted: pushed to the room as they are, not re-read. */
  'workshop.notes': { canvasId: string; notes: (Note & { ownerId: string; hidden: boolean })[]; removed: string[] };
}

export type EventName = keyof EventMap;
export type AppEvent = { [K in EventName]: { type: K; payload: EventMap[K] } }[EventName];
