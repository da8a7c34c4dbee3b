import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputIssue } from '../../../electron/shared/api/envelope';
import { ApiCallError } from '../api/hooks';
import { validationKey } from '../i18n/labels';

/** The form field an issue belongs to: its top-level key (or the key inside an update's `patch` or an amendment's `changes`). */
const fieldOf = (issue: InputIssue) => String(issue.path[0] === 'patch' || issue.path[0] === 'changes' ? issue.path[1] : issue.path[0]);

/**
 * Runs a form's save and keeps what went wrong: input issues by field (shown under the field, in
 * the user's language) and any other failure (shown as an alert). An issue about a field this form
 * does not show (a date elsewhere on the pilot, a campaign that closed meanwhile) is the alert's, so
 * that no refusal goes without words.
 */
export function useSubmit() {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [failure, setFailure] = useState<ApiCallError | null>(null);
  // The fields the form asked about while rendering: the ones that can show an issue of their own.
  const shown = useRef(new Set<string>());
  shown.current = new Set();

  const run = useCallback(async (save: () => Promise<unknown>): Promise<boolean> => {
    setIssues([]);
    setFailure(null);
    try {
      await save();
      return true;
    } catch (e) {
      if (!(e instanceof ApiCallError)) throw e;
      const all = e.error.issues ?? [];
      const unplaced = all.filter((i) => !shown.current.has(fieldOf(i)));
      setIssues(all);
      if (e.error.code !== 'invalid_input') setFailure(e);
      else if (unplaced.length > 0 || all.length === 0) setFailure(new ApiCallError({ ...e.error, issues: unplaced }));
      return false;
    }
  }, []);

  const issueFor = (field: string) => {
    shown.current.add(field);
    return issues.find((i) => fieldOf(i) === field);
  };
  /**
   * Props for a TextField: red when its field has an issue, with the translated reason, until the
   * user types in it again (`input` bubbles from the field to the TextField's root, beside its own onChange).
   */
  const fieldProps = (field: string) => {
    const issue = issueFor(field);
    const onInput = () => {
      if (issue) setIssues((now) => now.filter((i) => fieldOf(i) !== field));
    };
    return { error: issue !== undefined, helperText: issue && t(validationKey(issue.code), issue.params), onInput };
  };

  return { run, failure, issueFor, fieldProps };
}
