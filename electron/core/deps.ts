/** What core is given from outside. Every entry point (desktop, serve, tests, bench) builds these. */
import type { Db } from './db/open';
import type { Logger } from './logger';
import type { SettingsStore } from './settings-store';

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A new globally unique id (UUIDv7). */
  next(): string;
}

export interface CorePaths {
  /** The per-user data folder: database, settings, logs. */
  dataDir: string;
}

export interface CoreDeps {
  db: Db;
  clock: Clock;
  ids: IdSource;
  paths: CorePaths;
  settings: SettingsStore;
  logger: Logger;
  appVersion: string;
}
