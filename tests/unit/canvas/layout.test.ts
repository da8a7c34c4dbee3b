/** Board layout: integer geometry, zones that grow to hold their notes, and Arabic mirrored. */
import { describe, expect, it } from 'vitest';
import { layoutBoard, METRICS, visibleNotes, zoneAt, zoneInDirection, type BoardLayout, type LayoutTemplate } from '../../../electron/shared/canvas/layout';
import { keysAfter } from '../../../electron/shared/canvas/order';

const template: LayoutTemplate = {
  grid: { columns: 4, rows: 2 },
  zones: [
    { key: 'start', start: 0, top: 0, width: 1, height: 2 },
    { key: 'end', start: 1, top: 0, width: 3, height: 1 },
    { key: 'below', start: 1, top: 1, width: 3, height: 1 },
  ],
};

const notes = (zoneKey: string | null, n: number, prefix = zoneKey ?? 'free') =>
  keysAfter(null, n).map((orderIndex, i) => ({ id: `${prefix}-${i}`, zoneKey, clusterId: null as string | null, orderIndex, x: null as number | null, y: null as number | null }));

const integers = (layout: BoardLayout) =>
  [layout.width, layout.height, ...[...layout.zones, ...layout.notes].flatMap(({ rect }) => [rect.x, rect.y, rect.width, rect.height])].every(Number.isInteger);

describe('layoutBoard', () => {
  it('lays zones on the grid and notes inside them, in whole pixels', () => {
    const layout = layoutBoard(template, [...notes('end', 3), ...notes('start', 1)], [], 'ltr');
    expect(integers(layout)).toBe(true);
    const zone = (key: string) => layout.zones.find((z) => z.key === key)!.rect;
    expect(zone('start')).toEqual({ x: 0, y: 0, width: METRICS.column, height: 2 * METRICS.row });
    expect(zone('end').x).toBe(METRICS.column);
    for (const n of layout.notes) {
      const z = zone(n.id.split('-')[0]);
      expect(n.rect.x >= z.x && n.rect.x + n.rect.width <= z.x + z.width).toBe(true);
      expect(n.rect.y >= z.y && n.rect.y + n.rect.height <= z.y + z.height).toBe(true);
    }
  });

  it('grows a full zone’s last row and keeps its neighbours aligned', () => {
    const layout = layoutBoard(template, notes('end', 12), [], 'ltr');
    const rect = (key: string) => layout.zones.find((z) => z.key === key)!.rect;
    expect(rect('end').height).toBeGreaterThan(METRICS.row);
    expect(rect('below').y).toBe(rect('end').y + rect('end').height);
    expect(rect('start').height).toBe(rect('end').height + rect('below').height);
    const lowest = Math.max(...layout.notes.map((n) => n.rect.y + n.rect.height));
    expect(lowest).toBeLessThanOrEqual(rect('end').y + rect('end').height);
  });

  it('mirrors every rectangle in a right-to-left session and nothing else', () => {
    const all = [...notes('end', 3), ...notes('start', 2)];
    const ltr = layoutBoard(template, all, [], 'ltr');
    const rtl = layoutBoard(template, all, [], 'rtl');
    expect(rtl.width).toBe(ltr.width);
    for (const [i, z] of ltr.zones.entries()) {
      expect(rtl.zones[i].rect).toEqual({ ...z.rect, x: ltr.width - z.rect.x - z.rect.width });
    }
    expect(rtl.zones.find((z) => z.key === 'start')!.rect.x + METRICS.column).toBe(rtl.width);
  });

  it('puts clusters under their labels, after the loose notes', () => {
    const cluster = { id: 'c1', zoneKey: 'end', orderIndex: 'a0' };
    const inCluster = notes('end', 2, 'cl').map((n) => ({ ...n, clusterId: 'c1' }));
    const layout = layoutBoard(template, [...notes('end', 1), ...inCluster], [cluster], 'ltr');
    const header = layout.clusters[0].header;
    const loose = layout.notes.find((n) => n.id === 'end-0')!.rect;
    expect(header.y).toBeGreaterThan(loose.y);
    for (const n of layout.notes.filter((x) => x.id.startsWith('cl'))) expect(n.rect.y).toBeGreaterThanOrEqual(header.y + header.height);
  });

  it('places free notes at their position, and a free-form canvas from the origin', () => {
    const placed = { ...notes(null, 1)[0], x: 100, y: 40 };
    const layout = layoutBoard(null, [placed], [], 'ltr');
    expect(layout.notes[0].rect).toMatchObject({ x: METRICS.margin + 100, y: METRICS.margin + 40 });
    expect(layout.width).toBeGreaterThanOrEqual(METRICS.margin * 2 + 100 + METRICS.note.width);
  });

  it('culls to the viewport and finds the zone under a point', () => {
    const layout = layoutBoard(template, notes('end', 12), [], 'ltr');
    const shown = visibleNotes(layout, { x: 0, y: 0, width: 600, height: 200 });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(12);
    expect(zoneAt(layout, 5, 5)).toBe('start');
    expect(zoneAt(layout, layout.width + 5, 5)).toBeNull();
  });
});

describe('zoneInDirection', () => {
  it('finds the zone an arrow key leads to, on screen, mirrored boards included', () => {
    for (const direction of ['ltr', 'rtl'] as const) {
      const layout = layoutBoard(template, [], [], direction);
      const rect = (key: string) => layout.zones.find((z) => z.key === key)!.rect;
      const towardsEnd = direction === 'ltr' ? 'right' : 'left';
      const towardsStart = direction === 'ltr' ? 'left' : 'right';
      expect(zoneInDirection(layout, rect('start'), towardsEnd)).toBe('end');
      expect(zoneInDirection(layout, rect('end'), 'down')).toBe('below');
      expect(zoneInDirection(layout, rect('below'), 'up')).toBe('end');
      expect(zoneInDirection(layout, rect('below'), towardsStart)).toBe('start');
      expect(zoneInDirection(layout, rect('start'), towardsStart)).toBeNull();
    }
  });
});
