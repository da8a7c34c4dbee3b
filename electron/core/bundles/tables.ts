/**
 * The one registry of what a bundle carries: every table, in the order rows are written and applied
 * (parents before children), with its key columns and its references to other tables. A new record
 * type joins bundles by adding one entry here; tests/bundle/registry.test.ts fails when the database
 * has a table that is neither listed here nor in INTERNAL_TABLES.
 */
import type { EventMap } from '../../shared/api/events';

export type DataArea = EventMap['data.changed']['area'];

export interface BundleRef {
  column: string;
  /** The referenced table, or `any` for a loose reference (no foreign key, e.g. an activity line's subject). */
  table: string;
  /** The row belongs to the referenced one: exporting the parent brings this row along. */
  owned?: boolean;
}

export interface BundleTable {
  name: string;
  /** Primary key columns; a single `id` for records, two ids for link tables. */
  key: readonly string[];
  refs: readonly BundleRef[];
  /** The area whose views refresh after an import touched this table. */
  area: DataArea;
  /** Rows are never changed once written (triggers refuse UPDATE), so "take theirs" is not offered. */
  appendOnly?: boolean;
  /** The column that names a row for people (shown beside a conflict). */
  label?: string;
}

export const BUNDLE_TABLES: readonly BundleTable[] = [
  { name: 'entities', key: ['id'], refs: [], area: 'people', label: 'name' },
  { name: 'people', key: ['id'], refs: [{ column: 'entity_id', table: 'entities' }], area: 'people', label: 'name' },
  { name: 'strategy_pillars', key: ['id'], refs: [], area: 'projects', label: 'label' },
  { name: 'gate_criteria', key: ['id'], refs: [], area: 'gates', label: 'label' },
  { name: 'score_criteria', key: ['id'], refs: [], area: 'ideas', label: 'label' },
  { name: 'challenges', key: ['id'], refs: [], area: 'ideas', label: 'title' },
  { name: 'campaigns', key: ['id'], refs: [{ column: 'challenge_id', table: 'challenges', owned: true }], area: 'ideas', label: 'title' },
  {
    name: 'projects',
    key: ['id'],
    refs: [
      { column: 'owner_entity_id', table: 'entities' },
      { column: 'challenge_id', table: 'challenges' },
    ],
    area: 'projects',
    label: 'title',
  },
  {
    name: 'project_pillars',
    key: ['project_id', 'pillar_id'],
    refs: [
      { column: 'project_id', table: 'projects', owned: true },
      { column: 'pillar_id', table: 'strategy_pillars' },
    ],
    area: 'projects',
  },
  {
    name: 'project_members',
    key: ['project_id', 'person_id'],
    refs: [
      { column: 'project_id', table: 'projects', owned: true },
      { column: 'person_id', table: 'people' },
    ],
    area: 'projects',
  },
  {
    name: 'gate_decisions',
    key: ['id'],
    refs: [
      { column: 'project_id', table: 'projects', owned: true },
      { column: 'supersedes_id', table: 'gate_decisions' },
    ],
    area: 'gates',
    appendOnly: true,
    label: 'rationale',
  },
  {
    name: 'ideas',
    key: ['id'],
    refs: [
      { column: 'challenge_id', table: 'challenges' },
      { column: 'campaign_id', table: 'campaigns' },
      { column: 'project_id', table: 'projects', owned: true },
    ],
    area: 'ideas',
    label: 'title',
  },
  {
    name: 'idea_scores',
    key: ['idea_id', 'reviewer_id', 'criterion_id'],
    refs: [
      { column: 'idea_id', table: 'ideas', owned: true },
      { column: 'reviewer_id', table: 'people' },
      { column: 'criterion_id', table: 'score_criteria' },
    ],
    area: 'ideas',
  },
  { name: 'cohorts', key: ['id'], refs: [], area: 'cohorts', label: 'name' },
  {
    name: 'cohort_projects',
    key: ['cohort_id', 'project_id'],
    refs: [
      { column: 'cohort_id', table: 'cohorts' },
      { column: 'project_id', table: 'projects', owned: true },
    ],
    area: 'cohorts',
  },
  { name: 'cohort_milestones', key: ['id'], refs: [{ column: 'cohort_id', table: 'cohorts', owned: true }], area: 'cohorts', label: 'title' },
  { name: 'activity_log', key: ['id'], refs: [{ column: 'subject_id', table: 'any', owned: true }], area: 'projects', appendOnly: true, label: 'summary' },
];

/** Tables a bundle never carries, each with the reason. */
export const INTERNAL_TABLES: Readonly<Record<string, string>> = {
  schema_migrations: 'the migration ledger of this database, not lab data',
  search_index: 'derived full-text index (and its FTS5 shadow tables), rebuilt after an import',
  search_records: 'bookkeeping of the derived search index',
  search_meta: 'which folding built the derived search index',
  lab_profile: "this lab's own identity; a bundle names its lab in the manifest instead of overwriting the receiver's",
};

export const bundleTable = (name: string) => BUNDLE_TABLES.find((t) => t.name === name);
