import type { Db } from '../../db/open';

export function createEntitiesRepo(db: Db) {
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM entities WHERE id = ?');
  return { exists: (id: string) => exists.get(id) !== undefined };
}
