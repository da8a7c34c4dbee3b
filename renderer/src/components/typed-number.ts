/**
 * A number typed into a form field, in Latin or Arabic-Indic digits (shared/domain/numbers.ts): null
 * when the field is empty. Text that is no number is refused under its field before anything is
 * sent — never sent as nothing, which would clear the stored value without a word.
 */
import { parseNumber } from '../../../electron/shared/domain/numbers';
import { ApiCallError } from '../api/hooks';

export function typedNumber(text: string, field: string): number | null {
  if (text.trim() === '') return null;
  const n = parseNumber(text);
  if (n === undefined) throw new ApiCallError({ code: 'invalid_input', message: `${field} is not a number.`, issues: [{ path: [field], code: 'bad_number' }] });
  return n;
}
