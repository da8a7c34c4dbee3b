/** A KPI's movement against its baseline, and how much of the way to its target it has come. */
import { fail } from './guards';
import type { Direction, StatsResult } from './types';

export interface BaselineInput {
  baseline: number;
  current: number;
  direction: Direction;
}

export interface BaselineChange {
  /** current − baseline, in the KPI's unit. */
  change: number;
  /** The change signed so that positive is better: `change` when higher is better, `-change` when lower is. */
  improvement: number;
  /** change / |baseline| (0.25 = 25 %), or `zero_baseline` when the baseline is 0. */
  relativeChange: StatsResult<{ value: number }, 'zero_baseline'>;
}

/** Change of a KPI from its baseline, respecting whether higher or lower is better. */
export function changeFromBaseline(input: BaselineInput): StatsResult<BaselineChange, 'invalid_input'> {
  const { baseline, current, direction } = input;
  const change = current - baseline;
  if (!Number.isFinite(change) || (direction !== 'higher' && direction !== 'lower')) return fail('invalid_input');
  const relative = change / Math.abs(baseline);
  return {
    ok: true,
    change,
    improvement: direction === 'higher' ? change : -change,
    relativeChange: baseline === 0 ? fail('zero_baseline') : Number.isFinite(relative) ? { ok: true, value: relative } : fail('zero_baseline'),
  };
}

export interface TargetInput extends BaselineInput {
  target: number;
}

export interface TargetProgress {
  /**
   * (current − baseline) / (target − baseline): 0 at the baseline, 1 at the target, above 1 beyond
   * it, negative when the KPI moved the wrong way.
   */
  share: number;
  /** The target is met or passed in the KPI's direction. */
  reached: boolean;
}

/**
 * Share of the way from baseline to target. The target must be an improvement on the baseline in
 * the KPI's direction (`target_not_an_improvement` otherwise) and differ from it.
 */
export function targetProgress(
  input: TargetInput,
): StatsResult<TargetProgress, 'invalid_input' | 'target_equals_baseline' | 'target_not_an_improvement'> {
  const { baseline, current, target, direction } = input;
  const span = target - baseline;
  if (!Number.isFinite(span) || !Number.isFinite(current - baseline) || (direction !== 'higher' && direction !== 'lower')) return fail('invalid_input');
  if (span === 0) return fail('target_equals_baseline');
  if ((direction === 'higher') !== span > 0) return fail('target_not_an_improvement');
  const share = (current - baseline) / span;
  if (!Number.isFinite(share)) return fail('invalid_input');
  return { ok: true, share, reached: direction === 'higher' ? current >= target : current <= target };
}
