/**
 * Changes sent to core and not yet answered. While one is on its way, closing or reloading the page
 * asks first: the browser shows its own question, and the desktop shell turns the page's refusal
 * into a native one (electron/main/close-guard.ts). Every path that writes goes through `saving`:
 * mutations, board changes, workshop actions and chunked uploads.
 */
import { useEffect } from 'react';

let pending = 0;

export async function saving<T>(work: () => Promise<T>): Promise<T> {
  pending += 1;
  try {
    return await work();
  } finally {
    pending -= 1;
  }
}

export const hasPendingSaves = (): boolean => pending > 0;

/** Holds the page's unload while a change is being saved (registered once per page, by its root). */
export function useHoldUnloadWhileSaving() {
  useEffect(() => {
    const hold = (event: BeforeUnloadEvent) => {
      if (!hasPendingSaves()) return;
      event.preventDefault();
      // Older Chromium (and so Electron) asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', hold);
    return () => window.removeEventListener('beforeunload', hold);
  }, []);
}
