import { useEffect, useRef } from 'react';

/**
 * Gives focus back when a note's editor closes (saved or cancelled): to the note it edited, or to
 * the zone's Add button it was opened from. The editor's fields leave the page with it, and focus
 * would otherwise fall to the page's body, where a keyboard or screen-reader user loses their
 * place. Only when focus did fall: a user who clicked elsewhere keeps what they clicked.
 */
export function useFocusReturn(editing: string | null, adding: string | null) {
  const last = useRef({ editing, adding });
  useEffect(() => {
    const was = last.current;
    last.current = { editing, adding };
    const selector =
      was.editing && !editing ? `[data-note="${CSS.escape(was.editing)}"] .note-handle`
      : was.adding && !adding ? `[data-zone-add="${CSS.escape(was.adding)}"]`
      : null;
    if (!selector) return;
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === null || document.activeElement === document.body) document.querySelector<HTMLElement>(selector)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [editing, adding]);
}
