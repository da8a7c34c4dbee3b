/**
 * Where everything on a board goes, in whole pixels: zones from the template's grid, notes flowed
 * inside their zone (clusters each under their label), free notes at their own x/y. The board draws
 * from it and culls what is off screen; the SVG, PNG, PDF and JSON Canvas exports draw from it too,
 * so every picture of a canvas agrees.
 *
 * Template geometry is logical (measured from the inline start). Layout runs left-to-right and, for
 * a right-to-left session, mirrors every rectangle at the end: the data never changes direction.
 * A zone that holds more notes than fit grows its last grid row, so neighbouring zones stay aligned.
 */
import type { Cluster, Note } from './model';
import { sortByOrder } from './order';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of a template the layout needs (zone titles and hints are drawn by the caller). */
export interface LayoutTemplate {
  grid: { columns: number; rows: number };
  zones: readonly { key: string; start: number; top: number; width: number; height: number }[];
}

export type Direction = 'ltr' | 'rtl';

export const METRICS = {
  column: 200,
  row: 180,
  gap: 12,
  padding: 12,
  /** Zone title and hint. */
  zoneHeader: 64,
  clusterHeader: 32,
  note: { width: 176, height: 104 },
  /** Room around free notes, and the whole board of an empty free-form canvas. */
  margin: 24,
} as const;

export interface ZoneLayout {
  key: string;
  rect: Rect;
}
export interface ClusterLayout {
  id: string;
  zoneKey: string;
  /** The cluster's label strip; its notes follow below it. */
  header: Rect;
  rect: Rect;
}
export interface NoteLayout {
  id: string;
  rect: Rect;
}
export interface BoardLayout {
  width: number;
  height: number;
  zones: ZoneLayout[];
  clusters: ClusterLayout[];
  notes: NoteLayout[];
  /** The part of the board beyond the template's grid, where free notes sit; null when there is none. */
  free: Rect | null;
}

export interface LayoutOptions {
  /**
   * Width kept free beside the grid even when no note sits there, so the board always offers a
   * place to put a free note. Exports leave it out (0): a picture shows only what is there.
   */
  freeRoom?: number;
}

type PlacedNote = Pick<Note, 'id' | 'zoneKey' | 'clusterId' | 'orderIndex' | 'x' | 'y'>;
type PlacedCluster = Pick<Cluster, 'id' | 'zoneKey' | 'orderIndex'>;

function listFor<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

const { column, row, gap, padding, zoneHeader, clusterHeader, note, margin } = METRICS;

/** How many notes fit side by side in a zone this wide (at least one). */
export const notesPerLine = (zoneWidth: number) => Math.max(1, Math.floor((zoneWidth - padding + gap) / (note.width + gap)) || 1);

const linesHeight = (count: number, perLine: number) => {
  const lines = Math.ceil(count / perLine);
  return lines === 0 ? 0 : lines * note.height + (lines - 1) * gap;
};

/** The zone's contents, top to bottom: loose notes, then each cluster (label, then its notes). */
function zoneContents(notes: readonly PlacedNote[], clusters: readonly PlacedCluster[]) {
  const known = new Set(clusters.map((c) => c.id));
  const loose = sortByOrder(notes.filter((n) => n.clusterId === null || !known.has(n.clusterId)));
  const groups = sortByOrder(clusters).map((c) => ({ cluster: c, notes: sortByOrder(notes.filter((n) => n.clusterId === c.id)) }));
  return { loose, groups };
}

function contentHeight(contents: ReturnType<typeof zoneContents>, perLine: number) {
  let h = zoneHeader + linesHeight(contents.loose.length, perLine);
  for (const g of contents.groups) h += (h > zoneHeader ? gap : 0) + clusterHeader + linesHeight(g.notes.length, perLine);
  return h + padding;
}

export function layoutBoard(
  template: LayoutTemplate | null,
  notes: readonly PlacedNote[],
  clusters: readonly PlacedCluster[],
  direction: Direction,
  options: LayoutOptions = {},
): BoardLayout {
  const zones = template?.zones ?? [];
  const zoneKeys = new Set(zones.map((z) => z.key));
  const notesByZone = new Map<string, PlacedNote[]>();
  const free: PlacedNote[] = [];
  for (const n of notes) {
    if (n.zoneKey !== null && zoneKeys.has(n.zoneKey)) listFor(notesByZone, n.zoneKey).push(n);
    else free.push(n);
  }
  const clustersByZone = new Map<string, PlacedCluster[]>();
  for (const c of clusters) if (zoneKeys.has(c.zoneKey)) listFor(clustersByZone, c.zoneKey).push(c);

  const rows = template?.grid.rows ?? 0;
  const columns = template?.grid.columns ?? 0;
  const rowHeights = Array.from({ length: rows }, () => row);
  const contents = new Map(zones.map((z) => [z.key, zoneContents(notesByZone.get(z.key) ?? [], clustersByZone.get(z.key) ?? [])]));

  // Grow rows zone by zone, lowest bottom edge first: growing a row only ever lengthens zones, so a
  // zone already satisfied stays so, and the result does not depend on the template's zone order.
  const byBottom = [...zones].sort((a, b) => a.top + a.height - (b.top + b.height) || a.top - b.top || (a.key < b.key ? -1 : 1));
  for (const z of byBottom) {
    const span = rowHeights.slice(z.top, z.top + z.height).reduce((s, h) => s + h, 0);
    const need = contentHeight(contents.get(z.key)!, notesPerLine(z.width * column));
    if (need > span) rowHeights[z.top + z.height - 1] += need - span;
  }
  const rowTop = rowHeights.reduce<number[]>((tops, h, i) => [...tops, tops[i] + h], [0]);

  const zoneLayouts: ZoneLayout[] = [];
  const clusterLayouts: ClusterLayout[] = [];
  const noteLayouts: NoteLayout[] = [];
  const flow = (items: readonly PlacedNote[], left: number, top: number, perLine: number) => {
    items.forEach((n, i) => {
      const x = left + padding + (i % perLine) * (note.width + gap);
      const y = top + Math.floor(i / perLine) * (note.height + gap);
      noteLayouts.push({ id: n.id, rect: { x, y, width: note.width, height: note.height } });
    });
    return top + linesHeight(items.length, perLine);
  };

  for (const z of zones) {
    const rect = { x: z.start * column, y: rowTop[z.top], width: z.width * column, height: rowTop[z.top + z.height] - rowTop[z.top] };
    zoneLayouts.push({ key: z.key, rect });
    const perLine = notesPerLine(rect.width);
    const { loose, groups } = contents.get(z.key)!;
    let y = flow(loose, rect.x, rect.y + zoneHeader, perLine);
    for (const g of groups) {
      if (y > rect.y + zoneHeader) y += gap;
      const header = { x: rect.x + padding, y, width: rect.width - 2 * padding, height: clusterHeader };
      const end = flow(g.notes, rect.x, y + clusterHeader, perLine);
      clusterLayouts.push({ id: g.cluster.id, zoneKey: z.key, header, rect: { ...header, height: end - y } });
      y = end;
    }
  }

  const gridWidth = columns * column;
  const gridHeight = rowTop[rows];
  // Free notes sit beside the grid's far edge (or from the origin on a free-form board) at their x/y;
  // a note without a position (say, its zone left the template) lines up below the grid.
  let unplaced = 0;
  const freeLeft = gridWidth > 0 ? gridWidth + margin : margin;
  for (const n of sortByOrder(free)) {
    const x = n.x !== null && n.y !== null ? freeLeft + n.x : margin + (unplaced % 6) * (note.width + gap);
    const y = n.x !== null && n.y !== null ? margin + n.y : gridHeight + margin + Math.floor(unplaced++ / 6) * (note.height + gap);
    noteLayouts.push({ id: n.id, rect: { x, y, width: note.width, height: note.height } });
  }

  let width = gridWidth > 0 ? gridWidth : 4 * column;
  let height = gridHeight > 0 ? gridHeight : 4 * row;
  for (const { rect } of noteLayouts) {
    width = Math.max(width, rect.x + rect.width + margin);
    height = Math.max(height, rect.y + rect.height + margin);
  }
  if (options.freeRoom) width = Math.max(width, freeLeft + options.freeRoom);
  const freeArea = width > gridWidth ? { x: gridWidth, y: 0, width: width - gridWidth, height } : null;
  const layout = { width, height, zones: zoneLayouts, clusters: clusterLayouts, notes: noteLayouts, free: freeArea };
  return direction === 'rtl' ? mirror(layout) : layout;
}

const mirrorRect = (r: Rect, width: number): Rect => ({ ...r, x: width - r.x - r.width });

function mirror(layout: BoardLayout): BoardLayout {
  const w = layout.width;
  return {
    ...layout,
    zones: layout.zones.map((z) => ({ ...z, rect: mirrorRect(z.rect, w) })),
    clusters: layout.clusters.map((c) => ({ ...c, header: mirrorRect(c.header, w), rect: mirrorRect(c.rect, w) })),
    notes: layout.notes.map((n) => ({ ...n, rect: mirrorRect(n.rect, w) })),
    free: layout.free && mirrorRect(layout.free, w),
  };
}

/** Where a free note's top-left corner at board point (x, y) is stored: measured from the free area's start, as layoutBoard reads it. */
export function freePosition(layout: BoardLayout, template: LayoutTemplate | null, direction: Direction, at: { x: number; y: number }) {
  const gridWidth = (template?.grid.columns ?? 0) * column;
  const freeLeft = gridWidth > 0 ? gridWidth + margin : margin;
  const inlineX = direction === 'rtl' ? layout.width - at.x - note.width : at.x;
  return { x: Math.max(0, Math.round(inlineX - freeLeft)), y: Math.max(0, Math.round(at.y - margin)) };
}

/**
 * Stored positions for `count` notes placed in the free area without a point (by keyboard or a
 * menu): the first empty slots of a two-wide grid from its top, so they never cover a free note.
 */
export function freeSpots(taken: readonly { x: number | null; y: number | null }[], count: number): { x: number; y: number }[] {
  const placed = taken.filter((n): n is { x: number; y: number } => n.x !== null && n.y !== null);
  const spots: { x: number; y: number }[] = [];
  for (let slot = 0; spots.length < count; slot++) {
    const spot = { x: (slot % 2) * (note.width + gap), y: Math.floor(slot / 2) * (note.height + gap) };
    const clash = (o: { x: number; y: number }) => Math.abs(o.x - spot.x) < note.width + gap && Math.abs(o.y - spot.y) < note.height + gap;
    if (!placed.some(clash) && !spots.some(clash)) spots.push(spot);
  }
  return spots;
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The notes a viewport (in board pixels) shows, for culling: the board renders only these. */
export const visibleNotes = (layout: BoardLayout, viewport: Rect): NoteLayout[] => layout.notes.filter((n) => intersects(n.rect, viewport));

/** The zone whose rectangle holds a board point, if any (a dropped note lands there). */
export const zoneAt = (layout: BoardLayout, x: number, y: number): string | null =>
  layout.zones.find((z) => x >= z.rect.x && x < z.rect.x + z.rect.width && y >= z.rect.y && y < z.rect.y + z.rect.height)?.key ?? null;

export type Heading = 'left' | 'right' | 'up' | 'down';

/**
 * The zone a keyboard move goes to from `from` (a note, or the zone it is over): the nearest zone
 * that lies wholly past `from`'s centre in that direction on screen, preferring zones straight
 * ahead. Screen directions, so the same arrow works on a mirrored board.
 */
export function zoneInDirection(layout: BoardLayout, from: Rect, heading: Heading): string | null {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  const horizontal = heading === 'left' || heading === 'right';
  let best: string | null = null;
  let bestScore = Infinity;
  for (const { key, rect } of layout.zones) {
    const ahead =
      heading === 'right' ? rect.x > cx : heading === 'left' ? rect.x + rect.width < cx : heading === 'down' ? rect.y > cy : rect.y + rect.height < cy;
    if (!ahead) continue;
    const rx = rect.x + rect.width / 2;
    const ry = rect.y + rect.height / 2;
    const score = Math.abs(horizontal ? rx - cx : ry - cy) + 2 * Math.abs(horizontal ? ry - cy : rx - cx);
    if (score < bestScore) [best, bestScore] = [key, score];
  }
  return best;
}
