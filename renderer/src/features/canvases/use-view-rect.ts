/**
 * The part of the board in view, in board pixels, for culling. Scroll and resize are read at most
 * once a frame, and the rectangle is snapped outwards to a coarse grid, so that scrolling changes
 * it (and renders the board again) only every STEP pixels rather than on every scroll event.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Rect } from '../../../../electron/shared/canvas/layout';

/** Culling keeps a margin around the view so a scroll does not show empty space for a frame. */
const MARGIN = 400;
const STEP = 200;

const snap = (outer: DOMRect, board: DOMRect, zoom: number): Rect => {
  const x = Math.floor(((outer.left - board.left) / zoom - MARGIN) / STEP) * STEP;
  const y = Math.floor(((outer.top - board.top) / zoom - MARGIN) / STEP) * STEP;
  const right = Math.ceil(((outer.right - board.left) / zoom + MARGIN) / STEP) * STEP;
  const bottom = Math.ceil(((outer.bottom - board.top) / zoom + MARGIN) / STEP) * STEP;
  return { x, y, width: right - x, height: bottom - y };
};

const same = (a: Rect | null, b: Rect) => a !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function useViewRect(viewport: RefObject<HTMLElement | null>, board: RefObject<HTMLElement | null>, zoom: number, size: { width: number; height: number }) {
  const [view, setView] = useState<Rect | null>(null);
  useLayoutEffect(() => {
    const container = viewport.current;
    if (!container || !board.current) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (!board.current) return;
      const next = snap(container.getBoundingClientRect(), board.current.getBoundingClientRect(), zoom);
      setView((current) => (same(current, next) ? current : next));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    container.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      container.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [viewport, board, zoom, size.width, size.height]);
  return view;
}
