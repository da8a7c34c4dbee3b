/**
 * Dragging a note by its handle with a mouse, pen or finger (Pointer Events cover all three). The
 * note itself follows the pointer through a CSS transform written straight to its element once a
 * frame; nothing renders while it moves. Where it would land is found from the board layout (not
 * from the DOM) and marked on that zone's element with an attribute; the board hears only of
 * changes of target. Near the viewport's edges the board scrolls. Escape or a cancelled pointer
 * puts the note back.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Note } from '../../../../electron/shared/canvas/model';

/** A pointer that moves less than this is a click, not a drag. */
const ACTIVATION = 6;
/** How close to the viewport's edge the pointer must be to scroll it, and the fastest scroll per frame. */
const EDGE = 48;
const SCROLL_MAX = 20;

export interface PointerDragOptions {
  /** The board surface (board pixels, scaled by `zoom`). */
  surface: RefObject<HTMLElement | null>;
  viewport: RefObject<HTMLElement | null>;
  zoom: number;
  /** The drop target (a zone key or the free area's key) at a board point, or null. */
  targetAt(x: number, y: number): string | null;
  onStart(note: Note): void;
  onOver(note: Note, target: string | null): void;
  /** `at` is the board point where the note's top-left corner was let go. */
  onDrop(note: Note, target: string | null, at: { x: number; y: number }): void;
  onCancel(note: Note): void;
}

export function usePointerDrag(options: PointerDragOptions) {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  /** The note being dragged, read by culling so it stays mounted while the board scrolls under it. */
  const dragging = useRef<string | null>(null);

  const pointerDown = useCallback((note: Note, event: React.PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || dragging.current) return;
    const o = latest.current;
    const handle = event.currentTarget;
    const card = handle.closest<HTMLElement>('[data-note]');
    const surface = o.surface.current;
    const viewport = o.viewport.current;
    if (!card || !surface || !viewport) return;
    // No focus change or text selection from the press; the handle keeps every later event.
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);

    const zoom = o.zoom;
    const start = { x: event.clientX, y: event.clientY, scrollX: viewport.scrollLeft, scrollY: viewport.scrollTop };
    const surfaceBox = surface.getBoundingClientRect();
    const cardBox = card.getBoundingClientRect();
    const origin = { x: (cardBox.left - surfaceBox.left) / zoom, y: (cardBox.top - surfaceBox.top) / zoom };
    const view = viewport.getBoundingClientRect();
    let pointer = { x: event.clientX, y: event.clientY };
    let active = false;
    let frame = 0;
    let target: string | null = null;
    let marked: Element | null = null;
    let shift = { x: 0, y: 0 };

    const render = () => {
      frame = 0;
      const scrolled = { x: viewport.scrollLeft - start.scrollX, y: viewport.scrollTop - start.scrollY };
      shift = { x: (pointer.x - start.x + scrolled.x) / zoom, y: (pointer.y - start.y + scrolled.y) / zoom };
      card.style.transform = `translate(${shift.x}px, ${shift.y}px)`;
      const over = latest.current.targetAt((pointer.x - surfaceBox.left + scrolled.x) / zoom, (pointer.y - surfaceBox.top + scrolled.y) / zoom);
      if (over !== target) {
        target = over;
        marked?.removeAttribute('data-drop-target');
        marked = over === null ? null : surface.querySelector(`[data-drop-key="${over}"]`);
        marked?.setAttribute('data-drop-target', '');
        latest.current.onOver(note, over);
      }
      // Near an edge, scroll towards it (faster the closer), and keep going while the pointer rests there.
      const speed = (distance: number) => (distance < EDGE ? Math.ceil(((EDGE - Math.max(0, distance)) / EDGE) * SCROLL_MAX) : 0);
      const dx = speed(pointer.x - view.left) > 0 ? -speed(pointer.x - view.left) : speed(view.right - pointer.x);
      const dy = speed(pointer.y - view.top) > 0 ? -speed(pointer.y - view.top) : speed(view.bottom - pointer.y);
      if (dx || dy) {
        const before = { x: viewport.scrollLeft, y: viewport.scrollTop };
        viewport.scrollBy(dx, dy);
        if (viewport.scrollLeft !== before.x || viewport.scrollTop !== before.y) frame = requestAnimationFrame(render);
      }
    };

    const finish = () => {
      cancelAnimationFrame(frame);
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onCancel);
      window.removeEventListener('keydown', onKey, true);
      marked?.removeAttribute('data-drop-target');
      card.style.transform = '';
      card.removeAttribute('data-dragging');
      dragging.current = null;
    };
    const onMove = (e: PointerEvent) => {
      pointer = { x: e.clientX, y: e.clientY };
      if (!active) {
        if (Math.hypot(pointer.x - start.x, pointer.y - start.y) < ACTIVATION) return;
        active = true;
        dragging.current = note.id;
        card.setAttribute('data-dragging', '');
        latest.current.onStart(note);
      }
      frame ||= requestAnimationFrame(render);
    };
    const onUp = (e: PointerEvent) => {
      pointer = { x: e.clientX, y: e.clientY };
      if (!active) return finish();
      cancelAnimationFrame(frame);
      render();
      cancelAnimationFrame(frame);
      const at = { x: origin.x + shift.x, y: origin.y + shift.y };
      const dropped = target;
      finish();
      latest.current.onDrop(note, dropped, at);
    };
    const onCancel = () => {
      const was = active;
      finish();
      if (was) latest.current.onCancel(note);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onCancel);
    window.addEventListener('keydown', onKey, true);
  }, []);

  return { pointerDown, dragging };
}
