/**
 * Group `bundles`: export and import of a generated workspace of about 200 MB through the bundle
 * command line (the same core code as the app), beside Info-ZIP `zip` and `unzip` in the same run;
 * MB/s over the uncompressed workspace (records plus attachment files) and peak RSS from /usr/bin/time.
 *
 * Half of the workspace is attachments that are already compressed (random bytes named .jpg/.pdf),
 * a third compressible attachments (CSV and text), the rest records. `zip` gets the files under their
 * own names plus the bundle's data files, at yazl's deflate level (-6), storing the attachments
 * uncompressed (-n) as the export does; `unzip` unpacks the exported bundle itself.
 *   BUNDLES_BENCH_MB=N   workspace size in MB (default 200), e.g. 20 for a quick run
 */
import { benchCore } from './bench-core';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidV7Ids } from '../electron/core/ids';
import { atLeast, below, envInteger, type Figure } from './figures';
import { sampleTitle } from './sample-text';

const MB = 1024 * 1024;
const CLI = fileURLToPath(new URL('./bundle.mjs', import.meta.url));
/** Attachment names the reference `zip` stores rather than deflates, as the export stores every attachment. */
const STORED_SUFFIXES = ['.jpg', '.pdf', '.csv', '.txt'];

/** Runs a command under /usr/bin/time; answers seconds and peak RSS in MB. */
function timed(command: string, args: string[], cwd?: string) {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * MB });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  const [, seconds, kb] = /TIME ([\d.]+) (\d+)/.exec(run.stderr)!;
  return { seconds: Number(seconds), rssMb: Number(kb) / 1024 };
}

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

/** Project and idea rows of about `target` bytes of JSON; answers the project ids. */
function generateRecords(core: ReturnType<typeof benchCore>, target: number): string[] {
  const ids = uuidV7Ids();
  const now = new Date().toISOString();
  const summary = (i: number) => Array.from({ length: 40 }, (_, k) => sampleTitle(i * 41 + k)).join('. ');
  const project = core.db.prepare('INSERT INTO projects (id, title, title_folded, summary, stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const idea = core.db.prepare('INSERT INTO ideas (id, title, description, project_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const projects: string[] = [];
  let bytes = 0;
  core.db.transaction(() => {
    for (let i = 0; bytes < target; i++) {
      const id = ids.next();
      const text = summary(i);
      project.run(id, sampleTitle(i), sampleTitle(i).toLowerCase(), text, (i % 7) + 1, now, now);
      idea.run(ids.next(), sampleTitle(i + 1), text, id, now, now);
      projects.push(id);
      bytes += 2 * (text.length * 1.6 + 300);
    }
  })();
  return projects;
}

/** Compressible content: survey-like CSV rows or prose, distinct per file. */
function textFile(index: number, size: number, csv: boolean): Buffer {
  const lines: string[] = csv ? ['respondent,district,answer,score,comment'] : [];
  let length = 0;
  for (let row = 0; length < size; row++) {
    const line = csv
      ? `${index}-${row},${sampleTitle(row)},${sampleTitle(row * 7 + index)},${(row * 31 + index) % 10},"${sampleTitle(row * 13)}"`
      : `${sampleTitle(row + index)}. ${sampleTitle(row * 3)} (${index}.${row}).`;
    lines.push(line);
    length += line.length + 1;
  }
  return Buffer.from(lines.join('\n')).subarray(0, size);
}

/**
 * Writes the attachment files under their own names into `folder` (the reference `zip` reads them
 * there) and attaches each to a project through the attachments service.
 */
async function generateAttachments(core: ReturnType<typeof benchCore>, folder: string, projects: string[], compressedBytes: number, textBytes: number) {
  mkdirSync(folder, { recursive: true });
  const sizes = [512 * 1024, 1 * MB, 2 * MB, 3 * MB, 4 * MB];
  const make = async (kind: 'compressed' | 'text', budget: number) => {
    for (let i = 0, bytes = 0; bytes < budget; i++) {
      const size = Math.min(sizes[i % sizes.length], budget - bytes);
      const name = kind === 'compressed' ? (i % 2 ? `scan-${i}.jpg` : `report-${i}.pdf`) : i % 2 ? `survey-${i}.csv` : `notes-${i}.txt`;
      const file = join(folder, name);
      writeFileSync(file, kind === 'compressed' ? randomBytes(size) : textFile(i, size, i % 2 === 1));
      await core.attachments.addStream({ ownerType: 'project', ownerId: projects[i % projects.length] }, name, createReadStream(file));
      bytes += size;
    }
  };
  await make('compressed', compressedBytes);
  await make('text', textBytes);
}

export async function benchBundles(): Promise<Figure[]> {
  const total = envInteger('BUNDLES_BENCH_MB', 200, 1500) * MB;
  const root = mkdtempSync(join(tmpdir(), 'ibtikar-bench-bundles-'));
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'bundles', ...f });
  try {
    const source = join(root, 'source');
    // The reference folder: the attachments under their own names, then the bundle's data files beside them.
    const reference = join(root, 'reference');
    const core = benchCore(source);
    try {
      const projects = generateRecords(core, total * 0.2);
      await generateAttachments(core, join(reference, 'attachments'), projects, total * 0.5, total * 0.3);
    } finally {
      core.close();
    }
    const bundle = join(root, 'lab.ibtikar');
    const exported = timed(process.execPath, [CLI, 'export', '--data', source, '--out', bundle]);
    const imported = timed(process.execPath, [CLI, 'import', bundle, '--data', join(root, 'target')]);
    // Both figures include starting node and loading the command line; this is that part alone.
    const started = timed(process.execPath, [CLI, '--help']);

    const zipHere = has('zip') && has('unzip');
    let zipped: ReturnType<typeof timed> | undefined;
    let unzipped: ReturnType<typeof timed> | undefined;
    if (zipHere) {
      const unpack = spawnSync('unzip', ['-q', bundle, '-x', 'attachments/*', '-d', reference]);
      if (unpack.status !== 0) throw new Error(`unzip of the bundle's data files failed: ${String(unpack.stderr)}`);
      zipped = timed('zip', ['-q', '-r', '-6', '-n', STORED_SUFFIXES.join(':'), join(root, 'info.zip'), '.'], reference);
      unzipped = timed('unzip', ['-q', bundle, '-d', join(root, 'unzipped')]);
    }

    const mb = (zipHere ? folderBytes(reference) : total) / MB;
    const exportRate = mb / exported.seconds;
    const importRate = mb / imported.seconds;
    add({ id: 'bundles.data', label: 'workspace: records + attachments (half already compressed), uncompressed', value: mb, unit: 'MB' });
    add({ id: 'bundles.cli.start', label: 'command line start alone (node and its modules, `bundle --help`), within both below', value: started.seconds, unit: 's' });
    add({ id: 'bundles.export.rate', label: 'export (bundle CLI, yazl)', value: exportRate, unit: 'MB/s' });
    add({ id: 'bundles.export.rss', label: 'export peak RSS', value: exported.rssMb, unit: 'MB', ...below(exported.rssMb, 300) });
    add({ id: 'bundles.import.rate', label: 'import into an empty data folder (verify, preview, backup, one transaction, reindex)', value: importRate, unit: 'MB/s' });
    add({ id: 'bundles.import.rss', label: 'import peak RSS', value: imported.rssMb, unit: 'MB', ...below(imported.rssMb, 300) });
    if (zipped && unzipped) {
      const zipRate = mb / zipped.seconds;
      const unzipRate = mb / unzipped.seconds;
      add({ id: 'bundles.zip.rate', label: 'Info-ZIP zip -6 -n (attachments stored), same files', value: zipRate, unit: 'MB/s' });
      add({ id: 'bundles.export.ratio', label: 'export ÷ zip', value: exportRate / zipRate, unit: '×', ...atLeast(exportRate / zipRate, 1) });
      add({ id: 'bundles.unzip.rate', label: 'Info-ZIP unzip of the exported bundle', value: unzipRate, unit: 'MB/s' });
      add({ id: 'bundles.import.ratio', label: 'import ÷ unzip', value: importRate / unzipRate, unit: '×', ...atLeast(importRate / unzipRate, 0.7) });
    } else {
      // No reference tools here: the ratios cannot be measured, which the table says instead of failing.
      add({ id: 'bundles.export.ratio', label: 'export ÷ zip: NOT MEASURED, Info-ZIP zip/unzip not installed', value: NaN, unit: '×', target: '>= 1', met: false });
      add({ id: 'bundles.import.ratio', label: 'import ÷ unzip: NOT MEASURED, Info-ZIP zip/unzip not installed', value: NaN, unit: '×', target: '>= 0.7', met: false });
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
