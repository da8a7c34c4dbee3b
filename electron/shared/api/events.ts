/** Push events from core to every connected UI (IPC in the desktop app, server-sent events over HTTP). */
import type { Job } from '../domain/lab';

export interface EventMap {
  /** A long operation moved on, finished, failed or was cancelled. */
  'job.progress': Job;
  /** Records of an area changed; views of that area refetch. */
  'data.changed': { area: 'projects' | 'settings' | 'people' | 'gates' | 'ideas' | 'cohorts' | 'canvases' | 'workshops'; id?: string };
}

export type EventName = keyof EventMap;
export type AppEvent = { [K in EventName]: { type: K; payload: EventMap[K] } }[EventName];
