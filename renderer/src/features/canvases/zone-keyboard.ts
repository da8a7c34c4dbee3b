import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys move a lifted note to the nearest zone in that direction as the user sees it (so it
 * works mirrored in Arabic too); the note is placed just inside the zone's top corner.
 */
export const zoneKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { active, collisionRect, droppableRects } = context;
  const directions: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
  const step = directions[event.code];
  if (!active || !collisionRect || !step) return undefined;
  event.preventDefault();
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  const [dx, dy] = step;
  let best: { left: number; top: number; width: number; height: number } | undefined;
  let bestScore = Infinity;
  for (const rect of droppableRects.values()) {
    const rx = rect.left + rect.width / 2;
    const ry = rect.top + rect.height / 2;
    // Ahead in the arrow's direction: the zone must start past the note's centre on that axis.
    const ahead = dx > 0 ? rect.left > cx : dx < 0 ? rect.left + rect.width < cx : dy > 0 ? rect.top > cy : rect.top + rect.height < cy;
    if (!ahead) continue;
    // Prefer zones straight ahead: distance along the axis, plus twice the sideways offset.
    const along = Math.abs(dx !== 0 ? rx - cx : ry - cy);
    const across = Math.abs(dx !== 0 ? ry - cy : rx - cx);
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [rect, score];
  }
  if (!best) return undefined;
  return { x: best.left + 8, y: best.top + 8 };
};
