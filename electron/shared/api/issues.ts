/**
 * Turns zod's validation issues into `InputIssue`s: a stable code the UI translates
 * (`validation.<code>`) plus the limits it needs to say why. Used by the dispatcher for every door
 * and by forms that check input before sending it, so both speak the same words.
 */
import type { z } from 'zod';
import type { InputIssue } from './envelope';

type Params = Record<string, string | number>;

const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );

function describe(issue: z.core.$ZodIssue, input: unknown): { code: string; params?: Params } {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? { code: 'required' } : { code: 'invalid_type' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { code: 'required' } : { code: 'too_short', params: { minimum } };
      if (issue.origin === 'array') return { code: 'array_too_short', params: { minimum } };
      // "More than 0" (a positive weight or total) is not "at least 0".
      return { code: issue.inclusive === false ? 'not_above' : 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { maximum } };
      if (issue.origin === 'array') return { code: 'array_too_long', params: { maximum } };
      return { code: issue.inclusive === false ? 'not_below' : 'too_big', params: { maximum } };
    }
    case 'invalid_value':
      return { code: 'invalid_value' };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: issue.keys.join(', ') } };
    case 'custom':
      // Our refinements put a stable code in the message (e.g. end_before_start).
      return { code: /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

export function toInputIssues(error: z.ZodError, input: unknown): InputIssue[] {
  return error.issues.map((issue) => {
    const { code, params } = describe(issue, input);
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    return params ? { path, code, params } : { path, code };
  });
}
