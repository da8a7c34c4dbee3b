/** Figures the benchmarks report, the table they print and the JSON they can write. */
export interface Figure {
  group: string;
  id: string;
  label: string;
  value: number;
  unit: string;
  /** e.g. "< 20" or ">= 1.0"; `met` says whether the value meets it. */
  target?: string;
  met?: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Times `fn` `runs` times (after `warmup` runs) and gives p50 and p95 in milliseconds. */
export async function timeRuns(runs: number, fn: (i: number) => unknown, warmup = 10) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** A whole number from an environment variable (a bench knob), or the fallback when unset. */
export function envInteger(name: string, fallback: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} takes a whole number from 1 to ${max}, not "${text}".`);
  return value;
}

export const below = (value: number, limit: number) => ({ target: `< ${limit}`, met: value < limit });
export const atLeast = (value: number, limit: number) => ({ target: `>= ${limit}`, met: value >= limit });
/** For counts that must stay at a limit, typically 0 (failures, lost writes). */
export const atMost = (value: number, limit: number) => ({ target: `<= ${limit}`, met: value <= limit });

// Counts (trials, writes, failures) print as whole numbers.
const round = (n: number) => (Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

export function formatTable(figures: readonly Figure[]): string {
  const rows = [
    ['group', 'figure', 'value', 'unit', 'target', 'met'],
    ...figures.map((f) => [f.group, f.label, round(f.value), f.unit, f.target ?? '', f.met === undefined ? '' : f.met ? 'yes' : 'NO']),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
