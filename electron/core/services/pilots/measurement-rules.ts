/**
 * What makes a measurement acceptable, for hand entry and imports alike: its period lies in the
 * pilot's observation window, a rate has whole successes out of whole trials (or a unit's 0/1 outcome), and
 * other kinds have a value (a count is never negative).
 */
import type { ImportRowError, Kpi, MeasurementInput, Pilot } from '../../../shared/domain/pilots';

export type MeasurementProblem = Extract<ImportRowError['code'], 'date_out_of_range' | 'missing_value' | 'bad_rate' | 'bad_number'>;

/** The stored form of an acceptable measurement: rates carry numerator/denominator and their ratio. */
export function normaliseMeasurement(kpi: Kpi, input: MeasurementInput): { value: number; numerator: number | null; denominator: number | null } {
  if (kpi.kind !== 'rate') return { value: input.value!, numerator: null, denominator: null };
  const numerator = input.numerator ?? input.value!;
  const denominator = input.denominator ?? 1;
  return { value: numerator / denominator, numerator, denominator };
}

export function measurementProblem(pilot: Pick<Pilot, 'startsOn' | 'endsOn'>, kpi: Kpi, input: MeasurementInput): MeasurementProblem | undefined {
  if ((pilot.startsOn && input.period < pilot.startsOn) || (pilot.endsOn && input.period > pilot.endsOn)) return 'date_out_of_range';
  if (kpi.kind === 'rate') {
    const { numerator, denominator, value } = input;
    if (numerator === null && denominator === null) {
      // A unit-level observation: the unit succeeded (1) or did not (0).
      if (value === null) return 'missing_value';
      return value === 0 || value === 1 ? undefined : 'bad_rate';
    }
    if (numerator === null || denominator === null) return 'missing_value';
    // Counts of successes and trials: the tests of a rate (z, Fisher) count them, so 12.5 of 40 is no rate.
    return Number.isInteger(numerator) && Number.isInteger(denominator) && numerator >= 0 && denominator > 0 && numerator <= denominator ? undefined : 'bad_rate';
  }
  if (input.value === null) return 'missing_value';
  if (kpi.kind === 'count' && input.value < 0) return 'bad_number';
  return undefined;
}
