import { useState } from 'react';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `after` that differ from `before`: an update's patch that carries only what the user changed. */
export function changedOnly<I extends object>(before: I, after: I): Partial<I> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => !same(value, (before as Record<string, unknown>)[key]))) as Partial<I>;
}

/**
 * A form over a stored record that others may change while it is open (another window, a colleague
 * on the served app, a gate decision). It starts from the record as stored; when the stored record
 * changes, the fields the user has not touched follow it and the ones they have keep what they
 * typed. `sendChanges` saves only the fields the user changed, so saving never writes back an old
 * value of a field someone else changed meanwhile.
 */
export function useRecordForm<V extends object>(stored: V) {
  const [values, setValues] = useState(stored);
  const [base, setBase] = useState(stored);
  if (!same(stored, base)) {
    const kept = values as Record<string, unknown>;
    const was = base as Record<string, unknown>;
    setBase(stored);
    setValues(Object.fromEntries(Object.entries(stored).map(([key, now]) => [key, same(kept[key], was[key]) ? now : kept[key]])) as V);
  }
  const changesOf = <I extends object>(toInput: (values: V) => I): Partial<I> => changedOnly(toInput(base), toInput(values));
  return {
    values,
    setValues,
    /** The update input (built from the form's values by `toInput`) for the fields the user changed. */
    changesOf,
    /** Sends `changesOf(toInput)`; with nothing changed there is nothing to send. */
    sendChanges: <I extends object>(toInput: (values: V) => I, send: (patch: Partial<I>) => Promise<unknown>): Promise<unknown> => {
      const patch = changesOf(toInput);
      return Object.keys(patch).length > 0 ? send(patch) : Promise.resolve();
    },
  };
}
