/**
 * Group `pilots`: the analysis of a pilot with 20 KPIs × 2 groups × 52 weekly periods × 200 units
 * (416,000 unit-level measurements; half the KPIs continuous, half rates as 0/1 per unit), and a
 * CSV import of 100,000 rows through the same method the UI calls (read the uploaded file, parse,
 * check, one transaction; the chunked upload before it is not timed).
 */
import { benchCore, benchDataDir } from './bench-core';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { CoreMethod } from '../electron/core/handlers';
import { contract } from '../electron/shared/api/contract';
import { UPLOAD_CHUNK_BYTES } from '../electron/shared/domain/uploads';
import type { PilotAnalysis } from '../electron/shared/pilots/analysis';
import { below, timeRuns, type Figure } from './figures';

const KPIS = 20;
const PERIODS = 52;
const UNITS = 200;
const IMPORT_ROWS = 100_000;

/** Monday of week w of 2026, as YYYY-MM-DD. */
const week = (w: number) => new Date(Date.UTC(2026, 0, 5 + 7 * w)).toISOString().slice(0, 10);
/** A deterministic pseudo-random number in [0, 1) (no Math.random: runs compare). */
const noise = (seed: number) => {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x);
};

/** CSV rows for some KPIs: unit-level values, the pilot group improving after week 26. */
function csvFor(kpis: { name: string; rate: boolean }[], periods: number, units: number): string {
  const lines = ['indicator,group,period,unit,value'];
  let seed = 1;
  for (const k of kpis) {
    for (const group of ['pilot', 'comparison'] as const) {
      for (let p = 0; p < periods; p++) {
        const lift = group === 'pilot' && p >= 26 ? 0.15 : 0;
        for (let u = 0; u < units; u++) {
          const r = noise(seed++);
          const value = k.rate ? (r < 0.5 + lift ? 1 : 0) : Math.round((40 - 20 * lift + 10 * r) * 10) / 10;
          lines.push(`${k.name},${group},${week(p)},u${u},${value}`);
        }
      }
    }
  }
  return lines.join('\n');
}

export async function benchPilots(): Promise<Figure[]> {
  const dataDir = benchDataDir();
  const core = benchCore(dataDir);
  const caller = { role: 'host', door: 'inprocess' } as const;
  const call = async <T>(method: CoreMethod, input: unknown) =>
    (await (core.handlers[method] as (input: unknown, c: typeof caller) => unknown)(contract[method].input.parse(input), caller)) as T;
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'group'>) => figures.push({ group: 'pilots', ...f });
  const mapping = { kpi: 'indicator', group: 'group', period: 'period', unitId: 'unit', value: 'value' };
  const newPilot = async (title: string) => {
    const project = await call<{ id: string }>('projects.create', { title });
    const { pilot } = await call<{ pilot: { id: string } }>('pilots.create', {
      projectId: project.id,
      title,
      design: 'difference_in_differences',
      startsOn: week(0),
      endsOn: week(PERIODS),
      interventionOn: week(26),
    });
    return pilot.id;
  };
  // The file reaches core in chunks as the UI sends it; the import then names it by its id.
  const upload = async (pilotId: string, csv: string) => {
    const bytes = Buffer.from(csv);
    const uploadId = randomUUID();
    for (let offset = 0; ; offset += UPLOAD_CHUNK_BYTES) {
      const chunk = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
      const last = offset + chunk.length >= bytes.length;
      const { fileId } = await call<{ fileId: string | null }>('pilots.uploadImportFile', { pilotId, format: 'csv', uploadId, offset, data: chunk.toString('base64'), last });
      if (fileId) return fileId;
    }
  };
  const addKpis = async (pilotId: string, count: number) => {
    const kpis = Array.from({ length: count }, (_, i) => ({ name: `KPI ${i + 1}`, rate: i % 2 === 1 }));
    for (const k of kpis) {
      await call('pilots.addKpi', { pilotId, name: k.name, kind: k.rate ? 'rate' : 'continuous', direction: k.rate ? 'higher' : 'lower', baselineValue: k.rate ? 0.5 : 45, target: k.rate ? 0.7 : 35 });
    }
    return kpis;
  };

  try {
    // The import: 5 KPIs × 2 groups × 50 periods × 200 units = 100,000 rows.
    const importPilot = await newPilot('Import benchmark');
    const importCsv = csvFor(await addKpis(importPilot, 5), 50, IMPORT_ROWS / (5 * 2 * 50));
    const fileId = await upload(importPilot, importCsv);
    let start = performance.now();
    const { imported } = await call<{ imported: number }>('pilots.importMeasurements', { pilotId: importPilot, fileId, mapping });
    const seconds = (performance.now() - start) / 1000;
    add({ id: 'import-rows-per-s', label: `CSV import of ${imported} rows (read, check, store in one transaction)`, value: imported / seconds, unit: 'rows/s' });

    // The analysis: 20 KPIs × 2 groups × 52 periods × 200 units, loaded through the same import.
    const pilotId = await newPilot('Analysis benchmark');
    const kpis = await addKpis(pilotId, KPIS);
    start = performance.now();
    for (let i = 0; i < KPIS; i += 4) {
      const fileId = await upload(pilotId, csvFor(kpis.slice(i, i + 4), PERIODS, UNITS));
      await call('pilots.importMeasurements', { pilotId, fileId, mapping });
    }
    const rows = KPIS * 2 * PERIODS * UNITS;
    add({ id: 'setup', label: `load ${rows} measurements for the analysis (5 imports)`, value: (performance.now() - start) / 1000, unit: 's' });
    // Nothing is cached between calls: every run reads the kept sums and the observations and
    // computes every test. The result is checked first, so a quick "not enough data" cannot pass.
    const result = await call<PilotAnalysis>('pilots.analysis', { pilotId });
    // Continuous KPIs compare units (each its mean over the post periods); rates pool every trial.
    const observations = (k: PilotAnalysis['kpis'][number]) => (k.continuous ? UNITS : (PERIODS / 2) * UNITS);
    for (const k of result.kpis) {
      const sizesOk = k.sizes.pilot === observations(k) && k.sizes.other === observations(k);
      const testsOk = k.continuous ? k.continuous.welch.ok && k.continuous.mannWhitney.ok : k.rate !== null && k.rate.twoProportion.ok && k.rate.fisher.ok;
      if (!sizesOk || !testsOk || k.did === null || !k.did.ok || k.series.length !== PERIODS) {
        throw new Error(`The analysis benchmark computed something else than it claims for ${k.kpi.name}.`);
      }
    }
    const analysis = await timeRuns(10, () => call('pilots.analysis', { pilotId }), 2);
    add({ id: 'analysis-p50', label: `analysis of ${KPIS} KPIs × 2 groups × ${PERIODS} periods × ${UNITS} units, p50`, value: analysis.p50, unit: 'ms', ...below(analysis.p50, 200) });
    add({ id: 'analysis-p95', label: `analysis of ${KPIS} KPIs × 2 groups × ${PERIODS} periods × ${UNITS} units, p95`, value: analysis.p95, unit: 'ms' });
    return figures;
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
