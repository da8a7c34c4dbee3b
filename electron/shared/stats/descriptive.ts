/** Descriptive summary of one group's observations. */
import { allFinite, fail, finiteFigures } from './guards';
import type { StatsResult } from './types';

export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 divisor); null when n = 1, where it is undefined. */
  sd: number | null;
  median: number;
  min: number;
  max: number;
}

/** Sample mean and variance (n − 1) by Welford's update, stable for large offsets. */
export function meanVariance(values: readonly number[]): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  return { mean, variance: values.length > 1 ? m2 / (values.length - 1) : 0 };
}

/**
 * n, mean, standard deviation, median, min and max. O(n log n) for the median's sort.
 * Fails with `not_enough_data` on an empty list and `invalid_input` on a non-finite value.
 */
export function summarize(values: readonly number[]): StatsResult<Summary, 'invalid_input' | 'not_enough_data'> {
  if (!allFinite(values)) return fail('invalid_input');
  if (values.length === 0) return fail('not_enough_data');
  const sorted = Float64Array.from(values).sort(); // native numeric sort, no comparator
  const n = sorted.length;
  const { mean, variance } = meanVariance(values);
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : sorted[n / 2 - 1] / 2 + sorted[n / 2] / 2;
  const figures = { n, mean, sd: n > 1 ? Math.sqrt(variance) : null, median, min: sorted[0], max: sorted[n - 1] };
  return finiteFigures(figures) ? { ok: true, ...figures } : fail('invalid_input');
}
