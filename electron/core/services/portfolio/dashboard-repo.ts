/** Portfolio aggregates for the dashboard: one GROUP BY per lens, over indexed columns. */
import type { Db } from '../../db/open';
import type { Dashboard } from '../../../shared/domain/portfolio';

type Row = { key: string | number | null; count: number };
const rows = (list: Row[]) => list.map((r) => ({ key: r.key === null ? null : String(r.key), count: r.count }));

export function createDashboardRepo(db: Db) {
  const total = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM projects');
  const funnel = db.prepare<[], Row>(
    "SELECT stage AS key, count(*) AS count FROM projects WHERE status IN ('active', 'scaled') GROUP BY stage ORDER BY stage",
  );
  const byColumn = (column: string) => db.prepare<[], Row>(`SELECT ${column} AS key, count(*) AS count FROM projects GROUP BY ${column} ORDER BY count DESC, key`);
  const status = byColumn('status');
  const innovationType = byColumn('innovation_type');
  const oecdFacet = byColumn('oecd_facet');
  const evidenceLevel = byColumn('evidence_level');
  const pillar = db.prepare<[], Row>(
    `SELECT s.id AS key, count(pp.project_id) AS count FROM strategy_pillars s
     LEFT JOIN project_pillars pp ON pp.pillar_id = s.id GROUP BY s.id ORDER BY s.position`,
  );
  const entity = db.prepare<[], Row & { label: string | null }>(
    `SELECT p.owner_entity_id AS key, e.name AS label, count(*) AS count FROM projects p
     LEFT JOIN entities e ON e.id = p.owner_entity_id GROUP BY p.owner_entity_id ORDER BY count DESC, label`,
  );
  return {
    dashboard: (): Dashboard => ({
      total: total.get()!.n,
      funnel: rows(funnel.all()),
      status: rows(status.all()),
      innovationType: rows(innovationType.all()),
      oecdFacet: rows(oecdFacet.all()),
      pillar: rows(pillar.all()),
      entity: entity.all().map((r) => ({ key: r.key === null ? null : String(r.key), label: r.label, count: r.count })),
      evidenceLevel: rows(evidenceLevel.all()),
    }),
  };
}
