/** Fractional order keys: insert anywhere with one write, and agree on ties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrderIndex, keyAt, keysAfter, sortByOrder } from '../../../electron/shared/canvas/order';

const items = (keys: string[]) => keys.map((orderIndex, i) => ({ id: `id${i}`, orderIndex }));

describe('order keys', () => {
  it('place an item at any position among its siblings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 }), (count, position) => {
        const siblings = items(keysAfter(null, count));
        const key = keyAt(siblings, position);
        const order = sortByOrder([...siblings, { id: 'new', orderIndex: key }]).map((s) => s.id);
        expect(order.indexOf('new')).toBe(Math.min(position, count));
      }),
    );
  });

  it('break ties by id and still find room after twin keys', () => {
    const twins = [{ id: 'b', orderIndex: 'a1' }, { id: 'a', orderIndex: 'a1' }, { id: 'c', orderIndex: 'a2' }];
    expect(sortByOrder(twins).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    const key = keyAt(twins, 1); // between the twins: there is no room, so after both, before c
    expect(key > 'a1' && key < 'a2').toBe(true);
  });

  it('recognise keys fractional-indexing accepts', () => {
    expect(isOrderIndex('a0')).toBe(true);
    expect(isOrderIndex('a00')).toBe(false); // trailing zero
    expect(isOrderIndex('zz')).toBe(false);
  });
});
