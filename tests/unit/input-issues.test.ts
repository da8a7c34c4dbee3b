/** zod's issues as the codes and limits the UI words them with (electron/shared/api/issues.ts). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toInputIssues } from '../../electron/shared/api/issues';

const issuesOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return toInputIssues(parsed.error, input).map(({ code, params }) => ({ code, params }));
};

describe('input issues', () => {
  it('says "more than" for an exclusive limit and "at least" for an inclusive one', () => {
    expect(issuesOf(z.number().positive(), 0)).toEqual([{ code: 'not_above', params: { minimum: 0 } }]);
    expect(issuesOf(z.number().min(1), 0)).toEqual([{ code: 'too_small', params: { minimum: 1 } }]);
    expect(issuesOf(z.number().lt(100), 100)).toEqual([{ code: 'not_below', params: { maximum: 100 } }]);
    expect(issuesOf(z.number().max(100), 101)).toEqual([{ code: 'too_big', params: { maximum: 100 } }]);
  });

  it('names an empty required text as required and a short one with its minimum', () => {
    expect(issuesOf(z.string().min(1), '')).toEqual([{ code: 'required', params: undefined }]);
    expect(issuesOf(z.string().min(3), 'ab')).toEqual([{ code: 'too_short', params: { minimum: 3 } }]);
    expect(issuesOf(z.array(z.string()).min(2), ['a'])).toEqual([{ code: 'array_too_short', params: { minimum: 2 } }]);
  });
});
