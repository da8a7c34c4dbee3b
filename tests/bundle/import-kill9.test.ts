/**
 * An import killed with SIGKILL while its transaction runs leaves the database as before, never
 * between (CHECKLISTS.md "Importing a bundle", 9). A child process imports a bundle of ~20,000 new
 * rows and ~10 replaced ones; the parent kills it once the write-ahead log grows past its size at the
 * start of the apply (pages of the open transaction reaching the disk), and in other trials at a
 * random moment of the apply. The database, reopened as the app opens it, must pass its integrity
 * check and hold exactly the rows it held before the import or exactly those after it.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { BUNDLE_TABLES } from '../../electron/core/bundles/tables';
import { createCore } from '../../electron/core/create-core';
import { uuidV7Ids } from '../../electron/core/ids';
import { createFileSettingsStore } from '../../electron/core/settings-store';
import { callValue, makeCore, silentLogger } from '../support/core';
import { tempDir } from '../support/bundles';
import { removeDir } from '../support/serve';
import { ROOT } from '../support/sources';

const CHILD = join(ROOT, 'dist', 'node', 'bundle-import-child.mjs');
const DB = 'ibtikar.sqlite';

function dump(dataDir: string) {
  const db = openDatabase(join(dataDir, DB));
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const rows = Object.fromEntries(BUNDLE_TABLES.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${t.key.map((k) => `"${k}"`).join(', ')}`).all()]));
    return { integrity, rows };
  } finally {
    db.close();
  }
}

/** A core on an existing data folder, as the app opens one. */
const coreAt = (dataDir: string) =>
  createCore({
    db: openDatabase(join(dataDir, DB)),
    clock: { now: () => new Date() },
    ids: uuidV7Ids(),
    paths: { dataDir },
    settings: createFileSettingsStore(dataDir, 'kill9'),
    logger: silentLogger,
    appVersion: 'kill9',
  });

let dir: string;
let base: string;
let file: string;
let before: ReturnType<typeof dump>['rows'];
let after: ReturnType<typeof dump>['rows'];

beforeAll(async () => {
  if (!existsSync(CHILD)) throw new Error('dist/node/bundle-import-child.mjs is missing: run `node scripts/build.mjs` (npm test does) first.');
  dir = tempDir();
  // The receiving lab: the sample lab. The sending lab: the same, with edited titles and 20,000 more projects.
  const lab = makeCore();
  await callValue(lab, 'lab.loadSample', {});
  lab.core.close();
  base = join(dir, 'base');
  cpSync(lab.dataDir, base, { recursive: true });
  const source = new Database(join(lab.dataDir, DB));
  source.transaction(() => {
    source.prepare("UPDATE projects SET title = title || ' (theirs)', updated_at = '2026-12-01T00:00:00.000Z'").run();
    const insert = source.prepare("INSERT INTO projects (id, title, title_folded, summary, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')");
    for (let i = 0; i < 20_000; i++) {
      const id = `01940000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      insert.run(id, `Generated project ${i}`, `generated project ${i}`, 'A summary long enough to fill pages. '.repeat(8));
    }
  })();
  source.close();
  file = join(dir, 'big.ibtikar');
  const sender = coreAt(lab.dataDir);
  await sender.bundles.exportBundle({ scope: { kind: 'workspace' }, classification: 'internal', language: 'en', author: '' }, file);
  sender.close();
  removeDir(lab.dataDir);

  before = dump(base).rows;
  const reference = join(dir, 'reference');
  cpSync(base, reference, { recursive: true });
  const receiver = coreAt(reference);
  const preview = await receiver.bundles.previewFile(file);
  await receiver.bundles.apply({ previewId: preview.previewId, onConflict: 'theirs', choices: [] });
  receiver.close();
  after = dump(reference).rows;
  expect(after.projects.length).toBe(before.projects.length + 20_000);
}, 180_000);
afterAll(() => removeDir(dir));

/** Runs the child on a fresh copy of the receiving lab and kills it when `when` says so. */
function trial(name: string, when: (walFile: string, walAtStart: number) => Promise<void>) {
  const dataDir = join(dir, name);
  cpSync(base, dataDir, { recursive: true });
  const child = spawn(process.execPath, [CHILD, dataDir, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout });
  return new Promise<{ dataDir: string; killed: boolean; signalled: boolean }>((resolve, reject) => {
    let killed = false;
    lines.on('line', (line) => {
      if (line !== 'applying') return;
      const wal = join(dataDir, `${DB}-wal`);
      void when(wal, existsSync(wal) ? statSync(wal).size : 0).then(() => {
        killed = child.kill('SIGKILL');
      });
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ dataDir, killed, signalled: signal === 'SIGKILL' });
      else reject(new Error(`child exited with ${code}: ${stderr}`));
    });
  });
}

/** Polls the WAL file until the open transaction has written a megabyte of pages to it. */
async function walGrown(walFile: string, atStart: number) {
  for (;;) {
    if (existsSync(walFile) && statSync(walFile).size > atStart + 1024 * 1024) return;
    await new Promise((r) => setImmediate(r));
  }
}

describe('an import killed with SIGKILL', () => {
  it('mid-transaction leaves the database exactly as before', async () => {
    for (let i = 0; i < 3; i++) {
      const result = await trial(`mid${i}`, walGrown);
      expect(result.signalled, 'the kill landed before the import finished').toBe(true);
      const state = dump(result.dataDir);
      expect(state.integrity).toBe('ok');
      expect(state.rows).toEqual(before);
    }
  }, 180_000);

  it('at any moment of the apply leaves it as before or as after, never between', async () => {
    for (let i = 0; i < 4; i++) {
      // A random kill point (not a wait for anything): somewhere in the backup, the transaction or after.
      const delay = Math.floor(Math.random() * 1500);
      const result = await trial(`random${i}`, () => new Promise((r) => setTimeout(r, delay)));
      const state = dump(result.dataDir);
      expect(state.integrity).toBe('ok');
      const same = JSON.stringify(state.rows);
      expect([JSON.stringify(before), JSON.stringify(after)], `killed after ${delay} ms`).toContain(same);
    }
  }, 180_000);
});
