/**
 * The child of the import kill -9 test (tests/bundle/import-kill9.test.ts): the real core imports a
 * bundle, saying `applying` on stdout just before the apply starts, and the parent kills it with
 * SIGKILL while the transaction runs. Built by scripts/build.mjs into dist/node/bundle-import-child.mjs.
 * Arguments: DATA_DIR BUNDLE_FILE.
 */
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open';
import { uuidV7Ids } from '../../electron/core/ids';
import { databaseFile } from '../../electron/core/paths';
import { createFileSettingsStore } from '../../electron/core/settings-store';

const say = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()));

async function main() {
  const [dataDir, file] = process.argv.slice(2);
  const core = createCore({
    db: openDatabase(databaseFile(dataDir)),
    clock: { now: () => new Date() },
    ids: uuidV7Ids(),
    paths: { dataDir },
    settings: createFileSettingsStore(dataDir, 'kill9'),
    logger: { info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`) },
    appVersion: 'kill9',
  });
  const preview = await core.bundles.previewFile(file);
  await say('applying');
  await core.bundles.apply({ previewId: preview.previewId, onConflict: 'theirs', choices: [] });
  await say('done');
  core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`import child failed: ${String(error)}\n`);
  process.exit(1);
});
