/**
 * Group `bundles`: export and import of a generated workspace of about 200 MB of records, through the
 * bundle command line (the same core code as the app), beside Info-ZIP `zip` and `unzip` on the same
 * data files in the same run; MB/s over the uncompressed data and peak RSS from /usr/bin/time.
 *
 * Records only: until the attachments table lands, the format carries no binary files (the importer
 * refuses an `attachments/` entry no table refers to), so the "half already-compressed files" part of
 * the target cannot be measured honestly yet. `zip` gets the same level (-6) as yazl's default deflate.
 */
import { benchCore } from './bench-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidV7Ids } from '../electron/core/ids';
import { atLeast, below, type Figure } from './figures';
import { sampleTitle } from './sample-text';

const TARGET_BYTES = 200 * 1024 * 1024;
const CLI = fileURLToPath(new URL('./bundle.mjs', import.meta.url));

/** Runs a command under /usr/bin/time; answers seconds and peak RSS in MB. */
function timed(command: string, args: string[], cwd?: string) {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  const [, seconds, kb] = /TIME ([\d.]+) (\d+)/.exec(run.stderr)!;
  return { seconds: Number(seconds), rssMb: Number(kb) / 1024 };
}

const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

function generate(dataDir: string) {
  const core = benchCore(dataDir);
  const ids = uuidV7Ids();
  const now = new Date().toISOString();
  const summary = (i: number) => Array.from({ length: 40 }, (_, k) => sampleTitle(i * 41 + k)).join('. ');
  const project = core.db.prepare('INSERT INTO projects (id, title, title_folded, summary, stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const idea = core.db.prepare('INSERT INTO ideas (id, title, description, project_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  let bytes = 0;
  core.db.transaction(() => {
    for (let i = 0; bytes < TARGET_BYTES; i++) {
      const id = ids.next();
      const text = summary(i);
      project.run(id, sampleTitle(i), sampleTitle(i).toLowerCase(), text, (i % 7) + 1, now, now);
      idea.run(ids.next(), sampleTitle(i + 1), text, id, now, now);
      bytes += 2 * (text.length * 1.6 + 300);
    }
  })();
  core.close();
}

export async function benchBundles(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'ibtikar-bench-bundles-'));
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'bundles', ...f });
  try {
    const source = join(root, 'source');
    generate(source);
    const bundle = join(root, 'lab.ibtikar');
    const exported = timed(process.execPath, [CLI, 'export', '--data', source, '--out', bundle]);

    // The same data files, for Info-ZIP on both sides.
    const files = join(root, 'files');
    mkdirSync(files);
    execFileSync('unzip', ['-q', bundle, '-d', files]);
    const dataBytes = folderBytes(files);
    const mb = dataBytes / (1024 * 1024);
    const zipped = timed('zip', ['-q', '-r', '-6', join(root, 'info.zip'), '.'], files);
    const unzipped = timed('unzip', ['-q', join(root, 'info.zip'), '-d', join(root, 'unzipped')]);
    const imported = timed(process.execPath, [CLI, 'import', bundle, '--data', join(root, 'target')]);

    const exportRate = mb / exported.seconds;
    const zipRate = mb / zipped.seconds;
    const importRate = mb / imported.seconds;
    const unzipRate = mb / unzipped.seconds;
    add({ id: 'bundles.data', label: 'workspace records (uncompressed, records only: no attachments yet)', value: mb, unit: 'MB' });
    add({ id: 'bundles.export.rate', label: 'export (bundle CLI, yazl)', value: exportRate, unit: 'MB/s' });
    add({ id: 'bundles.zip.rate', label: 'Info-ZIP zip -6, same files', value: zipRate, unit: 'MB/s' });
    add({ id: 'bundles.export.ratio', label: 'export ÷ zip', value: exportRate / zipRate, unit: '×', ...atLeast(exportRate / zipRate, 1) });
    add({ id: 'bundles.export.rss', label: 'export peak RSS', value: exported.rssMb, unit: 'MB', ...below(exported.rssMb, 300) });
    add({ id: 'bundles.import.rate', label: 'import (verify, preview, backup, one transaction, reindex)', value: importRate, unit: 'MB/s' });
    add({ id: 'bundles.unzip.rate', label: 'Info-ZIP unzip, same files', value: unzipRate, unit: 'MB/s' });
    add({ id: 'bundles.import.ratio', label: 'import ÷ unzip', value: importRate / unzipRate, unit: '×', ...atLeast(importRate / unzipRate, 0.7) });
    add({ id: 'bundles.import.rss', label: 'import peak RSS', value: imported.rssMb, unit: 'MB', ...below(imported.rssMb, 300) });
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
