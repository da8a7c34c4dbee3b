/**
 * Group `projects`: 10,000 projects created through core, then listed and filtered in core and
 * through the HTTP door. References measured in the same run: raw better-sqlite3 inserts with one
 * commit per row (what durable single-record saves cost at the floor), and the core list time
 * beside the HTTP one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../electron/core/dispatch';
import { startHeadless } from '../electron/core/headless';
import { below, timeRuns, type Figure } from './figures';
import { sampleTitle } from './sample-text';

const COUNT = 10_000;
const RUNS = 200;

export async function benchProjects(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ibtikar-bench-'));
  const server = await startHeadless({ dataDir, host: '127.0.0.1', port: 0, appVersion: 'bench' });
  try {
    const db = server.core.db;
    const dispatcher = createDispatcher(server.core.handlers, { info() {}, warn() {}, error() {} });
    const caller = { role: 'host', door: 'inprocess' } as const;
    const figures: Figure[] = [];
    const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'projects', ...f });

    // Reference: the same number of rows, one durable commit each, straight through better-sqlite3.
    db.exec('CREATE TABLE bench_reference (id INTEGER PRIMARY KEY, title TEXT NOT NULL, stage INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO bench_reference (title, stage) VALUES (?, ?)');
    let start = performance.now();
    for (let i = 0; i < COUNT; i++) insert.run(sampleTitle(i), (i % 7) + 1);
    const rawMs = performance.now() - start;
    db.exec('DROP TABLE bench_reference');

    start = performance.now();
    for (let i = 0; i < COUNT; i++) {
      const result = await dispatcher.dispatch(
        'projects.create',
        { title: sampleTitle(i), stage: (i % 7) + 1, status: i % 11 === 0 ? 'shelved' : 'active' },
        caller,
      );
      if (!result.ok) throw new Error(result.error.message);
    }
    const createMs = performance.now() - start;
    add({ id: 'reference-raw-insert', label: `reference: ${COUNT} raw inserts, one commit each`, value: rawMs, unit: 'ms' });
    add({ id: 'create-all', label: `create ${COUNT} projects through core`, value: createMs, unit: 'ms' });
    add({ id: 'create-rate', label: 'projects created per second', value: COUNT / (createMs / 1000), unit: '/s' });
    add({ id: 'create-vs-raw', label: 'create time / raw insert time', value: createMs / rawMs, unit: '×' });

    // A mix of what the projects screen asks: default order, filters, a title search, title sort.
    const queries = [
      {},
      { stage: 3 },
      { status: 'shelved' },
      { search: 'школа' },
      { search: 'المدرسة', stage: 2 },
      { sort: 'title', direction: 'asc' },
      { offset: 5000 },
    ];
    const core = await timeRuns(RUNS, async (i) => {
      const result = await dispatcher.dispatch('projects.list', queries[i % queries.length], caller);
      if (!result.ok) throw new Error(result.error.message);
    });
    add({ id: 'list-core-p50', label: 'list/filter page of 50 in core, p50', value: core.p50, unit: 'ms' });
    add({ id: 'list-core-p95', label: 'list/filter page of 50 in core, p95', value: core.p95, unit: 'ms', ...below(core.p95, 20) });

    const base = `http://127.0.0.1:${server.port}`;
    const http = await timeRuns(RUNS, async (i) => {
      const response = await fetch(`${base}/api/call/projects.list`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(queries[i % queries.length]),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await response.json();
    });
    add({ id: 'list-http-p50', label: 'the same through the HTTP door, p50', value: http.p50, unit: 'ms' });
    add({ id: 'list-http-p95', label: 'the same through the HTTP door, p95', value: http.p95, unit: 'ms', ...below(http.p95, 20) });
    add({ id: 'list-http-vs-core', label: 'HTTP p50 / core p50', value: http.p50 / core.p50, unit: '×' });
    return figures;
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
