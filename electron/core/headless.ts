/**
 * Core + the HTTP door + the built renderer, without Electron: what `npm run serve` runs, and what
 * the end-to-end tests drive in Chromium.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { backupBeforeMigration } from './backups/backups';
import { createCore } from './create-core';
import { openDatabase } from './db/open';
import { createDispatcher } from './dispatch';
import { createHttpDoor } from './http/http-door';
import { uuidV7Ids } from './ids';
import { createFileLogger } from './logger';
import { databaseFile } from './paths';
import { createFileSettingsStore } from './settings-store';

export interface HeadlessOptions {
  dataDir: string;
  host: string;
  port: number;
  staticDir?: string;
  appVersion: string;
  /** Load the sample lab if the workspace is empty. */
  demo?: boolean;
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Host header values a browser may send to reach this server (DNS-rebinding defence). */
function allowedHostsFor(host: string, port: number): string[] {
  const loopback = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!isWildcard(host)) return host === '127.0.0.1' || host === 'localhost' ? loopback : [`${urlHost(host)}:${port}`];
  const local = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    .map((a) => `${urlHost(a.address)}:${port}`);
  return [...loopback, ...local];
}

export async function startHeadless(options: HeadlessOptions) {
  const logger = createFileLogger(options.dataDir);
  const db = openDatabase(databaseFile(options.dataDir));
  await backupBeforeMigration(db, options.dataDir, new Date());
  const core = createCore({
    db,
    clock: { now: () => new Date() },
    ids: uuidV7Ids(),
    paths: { dataDir: options.dataDir, rendererDir: options.staticDir },
    settings: createFileSettingsStore(options.dataDir, options.appVersion),
    logger,
    appVersion: options.appVersion,
  });
  const dispatcher = createDispatcher(core.handlers, logger);
  await core.backupAtStart();
  const demoLoaded = options.demo === true && (await dispatcher.dispatch('lab.loadSample', {}, { role: 'host', door: 'inprocess' })).ok;
  const token = randomBytes(32).toString('base64url');
  const allowedHosts = new Set<string>();
  const server = createHttpDoor({ dispatcher, events: core.events, token, staticDir: options.staticDir, logger, allowedHosts, attachmentFile: (id) => core.attachments.file(id) });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    core.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  for (const host of allowedHostsFor(options.host, port)) allowedHosts.add(host.toLowerCase());
  const shownHost = isWildcard(options.host) ? '127.0.0.1' : urlHost(options.host);
  logger.info('Serving', { host: options.host, port });

  return {
    url: `http://${shownHost}:${port}/#token=${token}`,
    port,
    token,
    core,
    demoLoaded,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          core.close();
          logger.info('Stopped');
          resolve();
        });
      }),
  };
}
