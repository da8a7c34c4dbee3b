/**
 * Group `portfolio`: 10,000 projects and 100,000 ideas (220,000 indexed texts: titles and
 * descriptions). The project table with lens filters, the dashboard aggregates, and full-text search
 * for rare, medium and common terms, each as p50/p95 of a 50-result page.
 */
import { benchCore, benchDataDir } from './bench-core';
import { rmSync } from 'node:fs';
import type { CoreMethod } from '../electron/core/handlers';
import { contract } from '../electron/shared/api/contract';
import { below, timeRuns, type Figure } from './figures';
import { sampleTitle } from './sample-text';

const PROJECTS = 10_000;
const IDEAS = 100_000;
const RUNS = 200;
const PILLARS = ['01930000-0000-7000-8000-000000000001', '01930000-0000-7000-8000-000000000002', '01930000-0000-7000-8000-000000000003'];
const TYPES = ['service', 'process', 'technology', 'policy', 'system'];

/** Marker words with known frequencies: rare (1 in 10,000), medium (1 in 100), common (1 in 3). */
const markers = (i: number) => [i % 10_000 === 7 ? 'zebrafish' : '', i % 100 === 3 ? 'kiosk' : '', i % 3 === 0 ? 'citizen' : ''].join(' ');

export async function benchPortfolio(): Promise<Figure[]> {
  const dataDir = benchDataDir();
  const core = benchCore(dataDir);
  const caller = { role: 'host', door: 'inprocess' } as const;
  const call = <M extends CoreMethod>(method: M, input: unknown) =>
    (core.handlers[method] as (input: unknown, c: typeof caller) => unknown)(contract[method].input.parse(input), caller);
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'portfolio', ...f });

  try {
    const start = performance.now();
    const entities = [0, 1, 2, 3].map((i) => (call('entities.create', { name: `Ministry ${i}` }) as { id: string }).id);
    const challenge = (call('challenges.create', { title: 'Benchmark challenge' }) as { id: string }).id;
    core.db.transaction(() => {
      for (let i = 0; i < PROJECTS; i++) {
        call('projects.create', {
          title: sampleTitle(i),
          summary: `${sampleTitle(i * 7 + 1)} ${markers(i)}`,
          stage: (i % 7) + 1,
          innovationType: TYPES[i % 5],
          pillarIds: [PILLARS[i % 3]],
          ownerEntityId: entities[i % 4],
          evidenceLevel: (i % 5) + 1,
        });
      }
      for (let i = 0; i < IDEAS; i++) {
        call('ideas.create', { title: sampleTitle(i + 31), description: `${sampleTitle(i * 3 + 5)} ${markers(i + PROJECTS)}`, challengeId: i % 10 === 0 ? challenge : null });
      }
    })();
    add({ id: 'setup', label: `create ${PROJECTS} projects + ${IDEAS} ideas (one transaction)`, value: (performance.now() - start) / 1000, unit: 's' });

    const tableQueries = [
      { stage: 3 },
      { innovationType: 'policy', sort: 'title', direction: 'asc' },
      { pillarId: PILLARS[1], evidenceLevel: 3 },
      { ownerEntityId: entities[2], status: 'active', sort: 'stage' },
      { search: 'школа', stage: 2 },
      { offset: 9_000 },
    ];
    const table = await timeRuns(RUNS, (i) => call('projects.list', { ...tableQueries[i % tableQueries.length], limit: 50 }));
    add({ id: 'table-p50', label: `project table, 50 rows with lens filters, p50`, value: table.p50, unit: 'ms' });
    add({ id: 'table-p95', label: `project table, 50 rows with lens filters, p95`, value: table.p95, unit: 'ms', ...below(table.p95, 20) });

    const dashboard = await timeRuns(50, () => call('portfolio.dashboard', {}), 3);
    add({ id: 'dashboard-p50', label: 'dashboard aggregates (7 lenses), p50', value: dashboard.p50, unit: 'ms' });
    add({ id: 'dashboard-p95', label: 'dashboard aggregates (7 lenses), p95', value: dashboard.p95, unit: 'ms' });

    for (const [term, frequency] of [
      ['zebrafish', 'rare'],
      ['kiosk', 'medium'],
      ['citizen', 'common'],
    ]) {
      const hits = (call('search.query', { text: term, limit: 50 }) as unknown[]).length;
      const search = await timeRuns(RUNS, () => call('search.query', { text: term, limit: 50 }));
      add({ id: `search-${frequency}-p50`, label: `search "${term}" (${frequency}, ${hits} shown), p50`, value: search.p50, unit: 'ms' });
      add({ id: `search-${frequency}-p95`, label: `search "${term}" (${frequency}), p95`, value: search.p95, unit: 'ms', ...below(search.p95, 20) });
    }
    return figures;
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
