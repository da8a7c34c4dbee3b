/**
 * Electronegativity over the app, offline, and the rules its findings are held to: no HIGH at all,
 * and every other finding either fixed or reviewed in docs/electronegativity-reviewed.json (with a
 * reason and the test that backs it). The tool always exits 0, so its CSV is what is read.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readBuilt, ROOT } from './sources';

const run = promisify(execFile);
const DRIVER = join(import.meta.dirname, 'electronegativity-run.mjs');
/** The tool's CSV header, and the names this file gives its columns. */
const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];
const COLUMNS = ['id', 'severity', 'confidence', 'file', 'location', 'sample', 'description', 'url'] as const;

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
export type Finding = Record<(typeof COLUMNS)[number], string> & { severity: Severity };

export interface Review {
  id: string;
  file: string;
  severity: Severity;
  justification: string;
  /** Tests that back the justification: `file` or `file › item N` (a describe of that file). */
  provenBy: string[];
}

export interface Scan {
  findings: Finding[];
  /** What the tool reported beside the CSV: checks run, findings written, files it could not parse. */
  report: { globalChecks: number; atomicChecks: number; findings: number; errors: { file: string; message: string; tolerable: boolean }[] };
}

/**
 * Copies what ships into `target`, under the paths it has in the repository so that findings name
 * real files: package.json (the Electron version), electron/ and renderer/src/, and the built
 * index.html in place of the source one, whose CSP <meta> the build writes.
 */
export function stageApp(target: string) {
  readBuilt('renderer/index.html'); // fails with a clear message when the build is missing
  mkdirSync(join(target, 'renderer'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(target, 'package.json'));
  cpSync(join(ROOT, 'electron'), join(target, 'electron'), { recursive: true });
  cpSync(join(ROOT, 'renderer', 'src'), join(target, 'renderer', 'src'), { recursive: true });
  cpSync(join(ROOT, 'dist', 'renderer', 'index.html'), join(target, 'renderer', 'index.html'));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Scans `input` (a folder) and reads the findings back from the tool's CSV. */
export async function scan(input: string, workDir: string): Promise<Scan> {
  const csv = join(workDir, 'findings.csv');
  const { stdout } = await run(process.execPath, [DRIVER, input, csv], {
    cwd: workDir,
    env: { ...process.env, UV_THREADPOOL_SIZE: '1', LANG: 'en-US' },
    timeout: 120_000,
  });
  // The tool prints a line of its own ("Could not retrieve updated translations") first.
  const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Scan['report'];
  const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
  if (header?.map((h) => h.trim()).join(',') !== HEADER.join(',')) {
    throw new Error(`Unexpected Electronegativity CSV header: ${header?.join(',')}`);
  }
  const findings = rows.map((cells) => Object.fromEntries(COLUMNS.map((name, i) => [name, cells[i] ?? ''])) as Finding);
  return { findings, report };
}

const keyOf = (x: { id: string; file: string }) => `${x.id} @ ${x.file}`;

/** What fails the scan: any HIGH, any finding without a review, any review whose finding is gone or changed severity. */
export function assess(findings: Finding[], reviews: Review[]) {
  const reviewed = new Map(reviews.map((r) => [keyOf(r), r]));
  const found = new Set(findings.map(keyOf));
  return {
    high: findings.filter((f) => f.severity === 'HIGH').map(keyOf),
    unreviewed: findings.filter((f) => f.severity !== 'HIGH' && !reviewed.has(keyOf(f))).map((f) => `${keyOf(f)} (${f.severity}: ${f.description})`),
    severityChanged: findings.filter((f) => reviewed.has(keyOf(f)) && reviewed.get(keyOf(f))!.severity !== f.severity).map(keyOf),
    stale: reviews.filter((r) => !found.has(keyOf(r))).map(keyOf),
  };
}
