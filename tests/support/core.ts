/**
 * A real core on a real SQLite file in its own temp folder (house rule 12), with a clock that
 * moves forward one second per reading so that orderings by time are deterministic.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createCore } from '../../electron/core/create-core';
import type { CoreDeps } from '../../electron/core/deps';
import { openDatabase } from '../../electron/core/db/open';
import { createDispatcher } from '../../electron/core/dispatch';
import type { Caller } from '../../electron/core/handlers';
import { createHttpDoor } from '../../electron/core/http/http-door';
import { uuidV7Ids } from '../../electron/core/ids';
import type { Logger } from '../../electron/core/logger';
import { databaseFile } from '../../electron/core/paths';
import { createFileSettingsStore } from '../../electron/core/settings-store';
import type { Result } from '../../electron/shared/api/envelope';
import type { Attachment } from '../../electron/shared/domain/attachments';
import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/domain/uploads';
import { removeDir, tempDataDir } from './serve';

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function steppingClock(start = Date.parse('2026-11-28T09:00:00.000Z')) {
  let t = start;
  return { now: () => new Date((t += 1000)) };
}

/**
 * A core over a fresh data folder, or over `existingDataDir` to open it again as after an app restart;
 * `extra` gives it what only the desktop has, or a clock of its own.
 */
export function makeCore(existingDataDir?: string, extra: Partial<Pick<CoreDeps, 'renderPdf' | 'clock'>> = {}) {
  const dataDir = existingDataDir ?? tempDataDir();
  const core = createCore({
    clock: steppingClock(),
    ...extra,
    db: openDatabase(databaseFile(dataDir)),
    ids: uuidV7Ids(),
    paths: { dataDir },
    settings: createFileSettingsStore(dataDir, '0.0.0-test'),
    logger: silentLogger,
    appVersion: '0.0.0-test',
  });
  const dispatcher = createDispatcher(core.handlers, silentLogger);
  const host: Caller = { role: 'host', door: 'inprocess' };
  return {
    core,
    dispatcher,
    dataDir,
    call: (method: string, input: unknown, caller: Caller = host) => dispatcher.dispatch(method, input, caller),
    /** Every row of every table, to prove a refused request changed nothing. */
    snapshot: () => {
      const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
      return Object.fromEntries(tables.map(({ name }) => [name, core.db.prepare(`SELECT * FROM "${name}"`).all()]));
    },
    close: () => {
      core.close();
      removeDir(dataDir);
    },
    /** Closes core but keeps its data folder, as quitting the app does. */
    closeKeepingData: () => core.close(),
  };
}

export type TestCore = ReturnType<typeof makeCore>;

/** The HTTP door over a test core, on a free loopback port. */
export async function openHttpDoor(test: TestCore, token = 'test-token-0123456789abcdef') {
  const allowedHosts = new Set<string>();
  const server = createHttpDoor({ dispatcher: test.dispatcher, events: test.core.events, token, logger: silentLogger, allowedHosts, attachmentFile: (id) => test.core.attachments.file(id) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  allowedHosts.add(`127.0.0.1:${port}`);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    token,
    post: (method: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${origin}/api/call/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    call: async (method: string, input: unknown): Promise<Result<unknown>> => {
      const response = await fetch(`${origin}/api/call/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<unknown>;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Calls a method and returns its value; a refusal fails the test with the error it carried. */
export async function callValue<T>(test: TestCore, method: string, input: unknown): Promise<T> {
  const result = await test.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Attaches bytes to a record through `attachments.upload`, a chunk at a time as the UI sends them. */
export async function attachFile<T = Attachment>(
  call: (method: string, input: unknown) => Promise<Result<unknown>>,
  owner: { ownerType: string; ownerId: string },
  fileName: string,
  data: string | Buffer,
): Promise<T> {
  const bytes = Buffer.from(data);
  const uploadId = randomUUID();
  for (let offset = 0; ; offset += UPLOAD_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    const last = offset + chunk.length >= bytes.length;
    const result = await call('attachments.upload', { ...owner, fileName, uploadId, offset, data: chunk.toString('base64'), last });
    if (!result.ok) throw new Error(`attachments.upload: ${JSON.stringify(result.error)}`);
    if (last) return (result.value as { attachment: T }).attachment;
  }
}

/** Uploads a measurement file for a pilot through `pilots.uploadImportFile`, a chunk at a time as the UI sends it; answers its file id. */
export async function uploadImportFile(
  call: (method: string, input: unknown) => Promise<Result<unknown>>,
  pilotId: string,
  format: 'csv' | 'xlsx',
  data: string | Buffer,
): Promise<string> {
  const bytes = Buffer.from(data);
  const uploadId = randomUUID();
  for (let offset = 0; ; offset += UPLOAD_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    const last = offset + chunk.length >= bytes.length;
    const result = await call('pilots.uploadImportFile', { pilotId, format, uploadId, offset, data: chunk.toString('base64'), last });
    if (!result.ok) throw new Error(`pilots.uploadImportFile: ${JSON.stringify(result.error)}`);
    if (last) return (result.value as { fileId: string }).fileId;
  }
}
