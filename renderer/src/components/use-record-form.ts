import { useRef, useState } from 'react';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `after` that differ from `before`: an update's patch that carries only what the user changed. */
export function changedOnly<I extends object>(before: I, after: I): Partial<I> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => !same(value, (before as Record<string, unknown>)[key]))) as Partial<I>;
}

/**
 * A form over a stored record that others may change while it is open (another window, a colleague
 * on the served app, a gate decision). It starts from the record as stored; when the stored record
 * changes, the fields the user has not touched follow it and the ones they have keep what they
 * typed (and `changedElsewhere` says when someone changed one of those too). `sendChanges` saves
 * only the fields the user changed, so saving never writes back an old value of a field someone
 * else changed meanwhile.
 */
export function useRecordForm<V extends object>(stored: V) {
  const [values, setValues] = useState(stored);
  const [base, setBase] = useState(stored);
  /** Fields changed elsewhere, to another value, while the user was changing them too. */
  const [clashed, setClashed] = useState<string[]>([]);
  /**
   * What the last save sent, by field: once stored, the record as it comes back (trimmed, with
   * Uzbek apostrophes, digits as the lab writes them) replaces it, so the field follows the record again.
   */
  const saved = useRef(new Map<string, unknown>());
  if (!same(stored, base)) {
    const kept = values as Record<string, unknown>;
    const was = base as Record<string, unknown>;
    const now = stored as Record<string, unknown>;
    const follows = (key: string) => same(kept[key], was[key]) || (saved.current.has(key) && same(kept[key], saved.current.get(key)));
    setBase(stored);
    setValues(Object.fromEntries(Object.keys(now).map((key) => [key, follows(key) ? now[key] : kept[key]])) as V);
    const clashes = Object.keys(now).filter((key) => !follows(key) && !same(now[key], was[key]) && !same(now[key], kept[key]));
    if (clashes.length > 0) setClashed([...new Set([...clashed, ...clashes])]);
  }
  const edited = (key: string) => !same((values as Record<string, unknown>)[key], (base as Record<string, unknown>)[key]);
  const changesOf = <I extends object>(toInput: (values: V) => I): Partial<I> => changedOnly(toInput(base), toInput(values));
  return {
    values,
    setValues,
    /** Someone changed, elsewhere, a field the user has changed too: saving keeps the user's version. */
    changedElsewhere: clashed.some(edited),
    /** The update input (built from the form's values by `toInput`) for the fields the user changed. */
    changesOf,
    /**
     * Sends `changesOf(toInput)`; with nothing changed there is nothing to send. `whole`: the record
     * is stored whole (a decision), so all of `toInput(values)` goes, its untouched fields as stored now.
     */
    sendChanges: async <I extends object>(toInput: (values: V) => I, send: (patch: Partial<I>) => Promise<unknown>, options: { whole?: boolean } = {}): Promise<void> => {
      const patch = options.whole ? toInput(values) : changesOf(toInput);
      if (Object.keys(patch).length === 0) return;
      const sent = Object.keys(values).filter(edited).map((key) => [key, (values as Record<string, unknown>)[key]] as const);
      // Noted before sending: the stored record may come back (the answer updates the cache) before
      // `send` resolves, and must then be followed, not taken for a colleague's change.
      const before = saved.current;
      saved.current = new Map(sent);
      try {
        await send(patch);
      } catch (error) {
        // Not stored: the user's words are theirs again, not a saved value to give up for a colleague's.
        saved.current = before;
        throw error;
      }
      setClashed([]);
    },
  };
}
