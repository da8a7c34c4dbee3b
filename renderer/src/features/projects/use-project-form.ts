import { useCallback, useState } from 'react';
import { ApiCallError } from '../../api/hooks';
import { checkForm, fieldErrorsFrom, type FieldErrors, type FormMode, type ProjectFormValues } from './form-values';

/**
 * Form state shared by the create dialog and the project page: local checks first, then the
 * server's answer; input issues land on their fields, other failures in `error`.
 */
export function useProjectForm(mode: FormMode, initial: ProjectFormValues, save: (values: ProjectFormValues) => Promise<unknown>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiCallError | null>(null);

  async function submit(): Promise<boolean> {
    const local = checkForm(values, mode);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) return false;
    try {
      await save(values);
      return true;
    } catch (e) {
      const failure = e instanceof ApiCallError ? e : new ApiCallError({ code: 'internal', message: String(e) });
      setErrors(fieldErrorsFrom(failure.error.issues ?? []));
      setError(failure);
      return false;
    }
  }

  /** Takes the form's new values; a field the user changed loses its message until the next submit. */
  function change(next: ProjectFormValues) {
    setValues(next);
    const edited = (Object.keys(errors) as (keyof ProjectFormValues)[]).filter((key) => next[key] !== values[key]);
    if (edited.length > 0) setErrors((now) => Object.fromEntries(Object.entries(now).filter(([key]) => !edited.includes(key as keyof ProjectFormValues))));
  }

  const reset = useCallback((next: ProjectFormValues) => {
    setValues(next);
    setErrors({});
    setError(null);
  }, []);

  return { values, change, errors, error, submit, reset };
}
