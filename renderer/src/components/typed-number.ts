/**
 * A number typed into a form field, in Latin or Arabic-Indic digits (shared/domain/numbers.ts): null
 * when the field is empty. Text that is no number is refused under its field before anything is
 * sent — never sent as nothing, which would clear the stored value without a word.
 */
import { parseNumber } from '../../../electron/shared/domain/numbers';
import { ApiCallError } from '../api/hooks';

const refused = (field: string, code: string) => new ApiCallError({ code: 'invalid_input', message: `${field}: ${code}`, issues: [{ path: [field], code }] });

export function typedNumber(text: string, field: string): number | null {
  if (text.trim() === '') return null;
  const n = parseNumber(text);
  if (n === undefined) throw refused(field, 'bad_number');
  return n;
}

/** The same, for a field that must hold a number. */
export function requiredNumber(text: string, field: string): number {
  const n = typedNumber(text, field);
  if (n === null) throw refused(field, 'required');
  return n;
}
