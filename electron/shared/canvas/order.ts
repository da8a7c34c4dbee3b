/**
 * Order within a zone or cluster: fractional indexes (base-62 keys that sort as plain strings), so
 * placing a note between two others writes one row, and two replicas inserting at once still agree
 * on an order (equal keys fall back to the id).
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

interface Ordered {
  id: string;
  orderIndex: string;
}

/** Code-unit order, as fractional-indexing requires (never `localeCompare`). */
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const byOrder = (a: Ordered, b: Ordered) => compareStrings(a.orderIndex, b.orderIndex) || compareStrings(a.id, b.id);

export const sortByOrder = <T extends Ordered>(items: readonly T[]): T[] => [...items].sort(byOrder);

/** A key that sorts between `before` and `after` (either may be absent). */
export const keyBetween = (before: string | null, after: string | null): string => generateKeyBetween(before, after);

export const keysAfter = (last: string | null, n: number): string[] => generateNKeysBetween(last, null, n);

/**
 * The key that puts an item at `position` (0 = first) among `siblings` — sorted, and not including
 * the item being moved.
 */
export function keyAt<T extends Ordered>(siblings: readonly T[], position: number): string {
  const sorted = sortByOrder(siblings);
  const at = Math.max(0, Math.min(position, sorted.length));
  const before = sorted[at - 1]?.orderIndex ?? null;
  const after = sorted[at]?.orderIndex ?? null;
  // Equal neighbours (two replicas chose the same key) leave no gap between them: aim for the next
  // distinct key instead, which still sorts the item after both twins.
  const next = before === null ? after : (sorted.slice(at).find((s) => s.orderIndex > before)?.orderIndex ?? null);
  return keyBetween(before, next);
}

/** Whether a string is a key fractional-indexing itself would accept. */
export function isOrderIndex(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}
