/**
 * Panning the board by dragging its empty background with a mouse, as on a whiteboard. Touch pans
 * natively (the viewport scrolls under a finger) and keyboard users scroll it with the arrow keys,
 * so only a mouse needs this. Scroll positions work the same left to right and right to left:
 * dragging towards the end shows what lies before.
 */
import { useCallback, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

/** What a press on keeps its own meaning: notes, controls, editors, menus. */
const INTERACTIVE = 'li[data-note], button, input, textarea, select, a, form, label, [role="menu"], [contenteditable="true"]';
/** Moves smaller than this are a click, not a pan. */
const SLOP_PX = 4;

export function useDragPan(viewport: RefObject<HTMLElement | null>) {
  return useCallback(
    (e: ReactPointerEvent) => {
      const box = viewport.current;
      if (!box || e.pointerType !== 'mouse' || (e.button !== 0 && e.button !== 1)) return;
      if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
      const start = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
      let panning = false;
      const move = (m: PointerEvent) => {
        const dx = m.clientX - start.x;
        const dy = m.clientY - start.y;
        if (!panning && Math.hypot(dx, dy) < SLOP_PX) return;
        panning = true;
        box.style.cursor = 'grabbing';
        box.scrollLeft = start.left - dx;
        box.scrollTop = start.top - dy;
      };
      const end = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        window.removeEventListener('pointercancel', end);
        box.style.cursor = '';
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', end);
      window.addEventListener('pointercancel', end);
      // No text selection (and no middle-button autoscroll) while the board is held.
      e.preventDefault();
    },
    [viewport],
  );
}
