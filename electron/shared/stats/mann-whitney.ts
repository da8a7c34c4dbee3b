/**
 * Mann–Whitney U (Wilcoxon rank-sum) test, written by hand: @stdlib's installed packages have no
 * rank-sum test, and this one must handle ties (mid-ranks and the tie-corrected variance) and give an
 * exact p for small samples. It follows R's `wilcox.test`: exact p when both groups have fewer than
 * 50 values and there are no ties, otherwise the normal approximation with continuity correction.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { allFinite, fail, finiteFigures } from './guards';
import type { StatsResult } from './types';

/** Below this size in both groups (and without ties) the exact distribution is used, as in R. */
export const EXACT_LIMIT = 50;
/** `exact: true` stays exact up to this many pairs (49 × 49 ≈ 2 400 is within it). */
export const EXACT_MAX_PAIRS = 2500;

export interface MannWhitneyOptions {
  /**
   * `auto` (default): exact when both groups have fewer than 50 values and there are no ties.
   * `true`: exact also for unequal groups up to n1·n2 ≤ EXACT_MAX_PAIRS (the exact distribution
   * costs about (n1·n2)²/4 steps); with ties, or beyond that, the normal approximation is used and
   * `method` says so. `false`: always the normal approximation.
   */
  exact?: 'auto' | boolean;
}

export interface MannWhitneyResult {
  n1: number;
  n2: number;
  /** U for group 1: pairs where the group-1 value is larger, plus half the tied pairs (R's W). */
  u: number;
  /** How the p-value was found. */
  method: 'exact' | 'normal';
  /** Whether any values are tied (across or within groups). */
  ties: boolean;
  /** Continuity-corrected z of the normal approximation; null for the exact method. */
  z: number | null;
  /** Two-sided p-value. */
  p: number;
  /**
   * Rank-biserial correlation 2U/(n1·n2) − 1, in [−1, 1]: +1 when every group-1 value is larger,
   * −1 when every one is smaller. The headline estimate.
   */
  estimate: number;
}

/**
 * Sum of the mid-ranks (1-based) of `group` within the pooled values, and Σ(t³ − t) over tie
 * groups. Each group is sorted with the native numeric sort of a Float64Array (no comparator, so
 * fast on tens of thousands of values), then one merge pass walks the tie groups of the pooled
 * values, crediting `group` with the mid-rank for each of its members. O(n log n).
 */
function rankSum(group: readonly number[], other: readonly number[]): { rankSum: number; tieSum: number } {
  const a = Float64Array.from(group).sort();
  const b = Float64Array.from(other).sort();
  let i = 0;
  let j = 0;
  let rank = 0; // values ranked so far
  let sum = 0;
  let tieSum = 0;
  while (i < a.length || j < b.length) {
    const value = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    const startA = i;
    while (i < a.length && a[i] === value) i++;
    const startB = j;
    while (j < b.length && b[j] === value) j++;
    const inA = i - startA;
    const t = inA + (j - startB);
    sum += inA * (rank + (t + 1) / 2);
    tieSum += t * t * t - t;
    rank += t;
  }
  return { rankSum: sum, tieSum };
}

/**
 * Exact null distribution of U for sizes m, n without ties, as probabilities indexed by U.
 * Recurrence p(m,n,u) = m/(m+n)·p(m−1,n,u−n) + n/(m+n)·p(m,n−1,u) (Mann & Whitney 1947), in
 * probabilities rather than counts so nothing overflows; O(m²n²) ≤ 1.5 million steps at 49 × 49.
 */
export function exactUDistribution(m: number, n: number): Float64Array {
  // row[j] = distribution for (i, j) at the current i; starts at i = 0 where U = 0 surely.
  let row: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const next: Float64Array[] = [Float64Array.of(1)]; // (i, 0): U = 0 surely
    for (let j = 1; j <= n; j++) {
      const dist = new Float64Array(i * j + 1);
      const fromSmallerI = row[j]; // (i−1, j): the largest value is from group 1, adding j to U
      const fromSmallerJ = next[j - 1]; // (i, j−1): the largest value is from group 2
      const wI = i / (i + j);
      const wJ = j / (i + j);
      for (let u = 0; u < fromSmallerI.length; u++) dist[u + j] += wI * fromSmallerI[u];
      for (let u = 0; u < fromSmallerJ.length; u++) dist[u] += wJ * fromSmallerJ[u];
      next.push(dist);
    }
    row = next;
  }
  return row[n];
}

/** Two-sided Mann–Whitney U test of group 1 (pilot) against group 2 (comparison). */
export function mannWhitney(
  group1: readonly number[],
  group2: readonly number[],
  options: MannWhitneyOptions = {},
): StatsResult<MannWhitneyResult, 'invalid_input' | 'not_enough_data' | 'no_variance'> {
  if (!allFinite(group1) || !allFinite(group2)) return fail('invalid_input');
  const n1 = group1.length;
  const n2 = group2.length;
  if (n1 === 0 || n2 === 0) return fail('not_enough_data');
  const { rankSum: rankSum1, tieSum } = rankSum(group1, group2);
  const u = rankSum1 - (n1 * (n1 + 1)) / 2;
  const ties = tieSum > 0;
  const N = n1 + n2;
  const estimate = (2 * u) / (n1 * n2) - 1;
  const wantExact = options.exact ?? 'auto';
  const exact = !ties && (wantExact === true ? n1 * n2 <= EXACT_MAX_PAIRS : wantExact === 'auto' && n1 < EXACT_LIMIT && n2 < EXACT_LIMIT);

  if (exact) {
    const dist = exactUDistribution(n1, n2);
    let lower = 0; // P(U ≤ u)
    for (let k = 0; k <= u; k++) lower += dist[k];
    let upper = 0; // P(U ≥ u)
    for (let k = u; k < dist.length; k++) upper += dist[k];
    const p = Math.min(1, 2 * Math.min(lower, upper));
    return { ok: true, n1, n2, u, method: 'exact', ties, z: null, p, estimate };
  }

  const centred = u - (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (N + 1 - tieSum / (N * (N - 1)));
  if (!(variance > 0)) return fail('no_variance');
  const z = (centred - 0.5 * Math.sign(centred)) / Math.sqrt(variance);
  const p = Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  const figures = { n1, n2, u, method: 'normal' as const, ties, z, p, estimate };
  return finiteFigures(figures) ? { ok: true, ...figures } : fail('invalid_input');
}
