import { useEffect, useState } from 'react';

function read<T>(key: string, initial: T): T {
  try {
    const raw = sessionStorage.getItem(key);
    if (raw === null) return initial;
    const stored = JSON.parse(raw) as T;
    // An object saved by an older version may lack a newer field: the initial value supplies it.
    return initial !== null && typeof initial === 'object' && !Array.isArray(initial) && stored !== null && typeof stored === 'object' ? { ...initial, ...stored } : stored;
  } catch {
    return initial;
  }
}

/**
 * useState that outlives the page for the rest of this window's session, so a list's search, filters
 * and sort are as the user left them when they come back to it (Back from a record, or the menu).
 */
export function useSessionState<T>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => read(key, initial));
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: the state lives on screen only.
    }
  }, [key, value]);
  return [value, setValue] as const;
}
