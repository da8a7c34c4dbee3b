import { useState } from 'react';
import { useRecordForm } from '../../components/use-record-form';
import { ApiCallError } from '../../api/hooks';
import { checkForm, fieldErrorsFrom, type FieldErrors, type FormMode, type ProjectFormValues } from './form-values';

type RecordForm = ReturnType<typeof useRecordForm<ProjectFormValues>>;

/**
 * Form state shared by the create dialog and the project page: local checks first, then the
 * server's answer; input issues land on their fields, other failures in `error`. The values follow
 * the stored project where the user has not changed them (useRecordForm), and `save` gets the form
 * to send either all of them (a new project) or only the changed ones (an update).
 */
export function useProjectForm(mode: FormMode, stored: ProjectFormValues, save: (form: Pick<RecordForm, 'values' | 'sendChanges'>) => Promise<unknown>) {
  const { values, setValues, sendChanges, changedElsewhere } = useRecordForm(stored);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiCallError | null>(null);

  async function submit(): Promise<boolean> {
    const local = checkForm(values, mode);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) return false;
    try {
      await save({ values, sendChanges });
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

  return { values, change, errors, error, submit, changedElsewhere };
}
