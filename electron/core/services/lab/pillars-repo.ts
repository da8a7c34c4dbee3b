import type { Db } from '../../db/open';
import type { Pillar } from '../../../shared/domain/lab';

export function createPillarsRepo(db: Db) {
  const all = db.prepare<[], Pillar>('SELECT id, key, label, position FROM strategy_pillars ORDER BY position, id');
  const existing = db.prepare<[string], { id: string }>(
    'SELECT id FROM strategy_pillars WHERE id IN (SELECT value FROM json_each(?))',
  );
  return {
    list: () => all.all(),
    /** The ids among `ids` that name no pillar. */
    unknown(ids: readonly string[]): string[] {
      const found = new Set(existing.all(JSON.stringify(ids)).map((r) => r.id));
      return ids.filter((id) => !found.has(id));
    },
  };
}
