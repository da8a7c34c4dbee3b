/** What core is given from outside. Every entry point (desktop, serve, tests, bench) builds these. */
import type { Db } from './db/open';
import type { Logger } from './logger';
import type { LanLimits } from './workshops/lan-door';
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
  /** The built renderer, when this process serves pages (the workshop server's participant page). */
  rendererDir?: string;
}

export interface CoreDeps {
  db: Db;
  clock: Clock;
  ids: IdSource;
  paths: CorePaths;
  settings: SettingsStore;
  logger: Logger;
  appVersion: string;
  /** Rate limits of the workshop server; the defaults suit a room of phones (see workshops/lan-door.ts). */
  lanLimits?: LanLimits;
  /**
   * Prints a self-contained page (no scripts, no outside resources) to an A4 PDF. Only the desktop
   * app has this (Chromium's printToPDF); without it, bundles carry no PDF summary.
   */
  renderPdf?: (html: string) => Promise<Buffer>;
}
