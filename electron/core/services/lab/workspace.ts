import type { Db } from '../../db/open';

/** Tables whose rows are the lab's own work; settings and default criteria do not count. */
const LAB_TABLES = ['projects', 'challenges', 'ideas', 'people', 'entities', 'cohorts', 'canvases'] as const;

export function createWorkspaceRepo(db: Db) {
  const counts = LAB_TABLES.map((table) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`));
  return { isEmpty: () => counts.every((c) => c.get()!.n === 0) };
}
