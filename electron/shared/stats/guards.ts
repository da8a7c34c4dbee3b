/** Input checks shared by the statistics, so every function refuses bad input the same way. */
import type { Interval, StatsFailure, StatsReason, TwoByTwo } from './types';

export const fail = <R extends StatsReason>(reason: R): StatsFailure<R> => ({ ok: false, reason });

export const allFinite = (values: readonly number[]): boolean => values.every((v) => Number.isFinite(v));

/** A coverage or significance level strictly between 0 and 1. */
export const isProbability = (value: number): boolean => Number.isFinite(value) && value > 0 && value < 1;

/**
 * Counts above this are refused as `invalid_input`: no pilot has a billion units, and the bound keeps
 * Fisher's exact sum fast for any count it accepts.
 */
export const MAX_COUNT = 1e9;

export const isCount = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;

/** Counts whole and non-negative, events within their group. */
export const isTwoByTwo = (t: TwoByTwo): boolean =>
  [t.events1, t.n1, t.events2, t.n2].every(isCount) && t.events1 <= t.n1 && t.events2 <= t.n2;

/**
 * True when every number in a result is finite. Functions call this on their output as a last line
 * of defence: an overflow deep inside (huge values squared) becomes `invalid_input`, never NaN.
 */
export function finiteFigures(figures: Record<string, unknown>): boolean {
  return Object.values(figures).every((v) => {
    if (typeof v === 'number') return Number.isFinite(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) return finiteFigures(v as Record<string, unknown>);
    return true;
  });
}

export const interval = (a: number, b: number, level: number): Interval => ({ lower: Math.min(a, b), upper: Math.max(a, b), level });
