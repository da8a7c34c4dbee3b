/**
 * The child of the kill -9 harness: the real core (createCore over openDatabase on a file in the
 * data folder it is given) running the seeded workload until the parent kills it with SIGKILL.
 *
 * How it runs: scripts/build.mjs bundles this file with esbuild into dist/node/durability-child.mjs,
 * like serve and bench, and the parent starts it with plain `node`. esbuild is the only tool that
 * already knows core's `?raw` SQL imports (tsx, although installed, does not), and a bundle starts
 * the same way from a fresh clone, from `npm test` (which builds first) and from `npm run bench`.
 *
 * It loads first and waits for one line of JSON config on stdin (a ChildConfig) before it touches
 * the database, so the parent can start the next child while it still checks the last one; the
 * ~0.5 s a child takes to load is then spent in parallel. EOF without a config: exit 0, untouched.
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open';
import { createDispatcher } from '../../electron/core/dispatch';
import { uuidV7Ids } from '../../electron/core/ids';
import type { Logger } from '../../electron/core/logger';
import { databaseFile } from '../../electron/core/paths';
import { createFileSettingsStore } from '../../electron/core/settings-store';
import { runWorkload, type ChildConfig, type ChildLine } from './durability-workload';

/** Resolves once the line is handed to the kernel: nothing is said before it is true, and nothing after it is lost in a buffer. */
const send = (line: ChildLine) =>
  new Promise<void>((resolve, reject) => process.stdout.write(`${JSON.stringify(line)}\n`, (error) => (error ? reject(error) : resolve())));

const stderrLogger: Logger = {
  info() {},
  warn: (message, data) => process.stderr.write(`warn: ${message} ${JSON.stringify(data ?? {})}\n`),
  error: (message, data) => process.stderr.write(`error: ${message} ${JSON.stringify(data ?? {})}\n`),
};

function readConfig(): Promise<ChildConfig | undefined> {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => {
    lines.once('line', (line) => {
      resolve(JSON.parse(line) as ChildConfig);
      lines.close();
    });
    lines.once('close', () => resolve(undefined));
  });
}

async function main() {
  const config = await readConfig();
  if (!config) process.exit(0);
  await send({ t: 'opening' });
  // A clock that moves 1 ms per reading from where the parent says: strictly increasing within a
  // run and across the kills on one folder, so "latest" (decisions, log lines) is never a tie.
  let t = config.clockStart;
  const core = createCore({
    db: openDatabase(databaseFile(config.dataDir)),
    clock: { now: () => new Date((t += 1)) },
    ids: uuidV7Ids(),
    paths: { dataDir: config.dataDir },
    settings: createFileSettingsStore(config.dataDir, 'durability'),
    logger: stderrLogger,
    appVersion: 'durability',
  });
  const dispatcher = createDispatcher(core.handlers, stderrLogger);
  await send({ t: 'ready' });
  await runWorkload({
    call: (method, input) => dispatcher.dispatch(method, input, { role: 'host', door: 'inprocess' }),
    seed: config.seed,
    maxWrites: config.maxWrites,
    emit: send,
  });
  // Out of writes before the kill: the parent treats any exit of its own as a failed trial.
  process.exit(3);
}

main().catch((error: unknown) => {
  process.stderr.write(`durability child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
