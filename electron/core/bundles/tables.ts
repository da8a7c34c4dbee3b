/**
 * The one registry of what a bundle carries: every table, in the order rows are written and applied
 * (parents before children), with its key columns and its references to other tables. A new record
 * type joins bundles by adding one entry here; tests/bundle/registry.test.ts fails when the database
 * has a table that is neither listed here nor in INTERNAL_TABLES.
 */
import type { EventMap } from '../../shared/api/events';
import { foldForSearch } from '../../shared/text/fold';
import type { Row } from './rows-repo';

export type DataArea = EventMap['data.changed']['area'];

export interface BundleRef {
  column: string;
  /** The referenced table, or `any` for a loose reference (no foreign key, e.g. an activity line's subject). */
  table: string;
  /** The row belongs to the referenced one: exporting the parent brings this row along. */
  owned?: boolean;
  /**
   * A new row is left out when the import kept the local version of the referenced row: it is
   * history of the version not taken (a protocol amendment would clash with the next one made here).
   */
  followsParentChoice?: boolean;
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
  /**
   * Columns that triggers refuse to change once `when` is set on the local row: "take theirs" is
   * not offered for a conflict that would change any of them (it would abort the whole import).
   */
  frozen?: { when: string; columns: readonly string[] };
  /** The column holding the SHA-256 of a file the row names; the bundle carries it as attachments/<sha256>. */
  content?: string;
  /**
   * The column holding that file's name as people see it, which also names the copy the desktop app
   * opens: an incoming row's must be a plain file name (isPlainFileName), never a path such as
   * `../../x.bat` nor one dressed up with bidirectional overrides.
   */
  fileName?: string;
  /** Only rows matching this SQL condition (over the table's own columns; registry text, never bundle text) travel. */
  where?: string;
  /** Columns that never leave this machine: not exported, and refused in an incoming row. */
  omit?: readonly string[];
  /** Columns an incoming row must carry with a value (the rows `where` selects always have one). */
  required?: readonly string[];
  /**
   * Columns derived from others on this machine (a folded title, by this version's folding): an
   * incoming row's are worked out again before it is compared or written, so a bundle folded by
   * another version neither differs from the same record here nor stores a stale fold.
   */
  derive?: (row: Row) => Row;
}

/** Ended workshops only: a running one is a live LAN session of this workstation. */
const ENDED_WORKSHOP = 'SELECT id FROM workshops WHERE ended_at IS NOT NULL';

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
    derive: (row) => ({ title_folded: foldForSearch(String(row.title)) }),
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
  // Lab templates are lab data: a canvas made from one brings it along (template_id is a lab
  // template's id or a built-in slug; a slug names no row, so it selects nothing).
  { name: 'canvas_templates', key: ['id'], refs: [], area: 'canvases' },
  {
    name: 'canvases',
    key: ['id'],
    refs: [
      { column: 'project_id', table: 'projects', owned: true },
      { column: 'template_id', table: 'canvas_templates' },
    ],
    area: 'canvases',
    label: 'title',
  },
  { name: 'canvas_clusters', key: ['id'], refs: [{ column: 'canvas_id', table: 'canvases', owned: true }], area: 'canvases', label: 'label' },
  {
    name: 'canvas_notes',
    key: ['id'],
    refs: [
      { column: 'canvas_id', table: 'canvases', owned: true },
      { column: 'cluster_id', table: 'canvas_clusters' },
    ],
    area: 'canvases',
    label: 'text',
  },
  // Ended workshops travel with their canvas: the summary, who took part (by display name, never their
  // token hash) and the dot votes, so the receiving lab sees the results. A running workshop never
  // travels (its join secret and its participants' tokens are live credentials of this workstation);
  // an ended one has no join secret (migration 0008), and the importer refuses one that is not ended.
  {
    name: 'workshops',
    key: ['id'],
    refs: [{ column: 'canvas_id', table: 'canvases', owned: true }],
    area: 'workshops',
    where: 'ended_at IS NOT NULL',
    omit: ['join_secret'],
    required: ['ended_at', 'summary'],
  },
  {
    name: 'workshop_participants',
    key: ['id'],
    refs: [{ column: 'workshop_id', table: 'workshops', owned: true }],
    area: 'workshops',
    label: 'display_name',
    where: `workshop_id IN (${ENDED_WORKSHOP})`,
    omit: ['token_hash'],
  },
  {
    name: 'vote_sessions',
    key: ['id'],
    refs: [
      { column: 'workshop_id', table: 'workshops', owned: true },
      { column: 'canvas_id', table: 'canvases' },
    ],
    area: 'workshops',
    label: 'title',
    where: `workshop_id IN (${ENDED_WORKSHOP})`,
    required: ['revealed_at'],
  },
  {
    name: 'votes',
    key: ['id'],
    refs: [
      { column: 'vote_session_id', table: 'vote_sessions', owned: true },
      { column: 'note_id', table: 'canvas_notes' },
      { column: 'participant_id', table: 'workshop_participants' },
    ],
    area: 'workshops',
    where: `vote_session_id IN (SELECT id FROM vote_sessions WHERE workshop_id IN (${ENDED_WORKSHOP}))`,
  },
  {
    name: 'pilots',
    key: ['id'],
    refs: [
      { column: 'project_id', table: 'projects', owned: true },
      { column: 'owner_id', table: 'people' },
    ],
    area: 'pilots',
    label: 'title',
    // Migration 0006's lock triggers: once a pilot's protocol is locked here, its lock and protocol
    // change only together with a new amendment, which an import applies after the pilot row.
    frozen: {
      when: 'locked_at',
      columns: ['locked_at', 'protocol_hash', 'locked_protocol', 'design', 'unit', 'planned_sample_size', 'primary_outcome', 'analysis_plan', 'intervention_on', 'protocol_version'],
    },
  },
  // Before the amendments: an amendment of a KPI names it (migration 0010).
  { name: 'pilot_kpis', key: ['id'], refs: [{ column: 'pilot_id', table: 'pilots', owned: true }], area: 'pilots', label: 'name' },
  {
    name: 'pilot_amendments',
    key: ['id'],
    refs: [
      { column: 'pilot_id', table: 'pilots', owned: true, followsParentChoice: true },
      { column: 'kpi_id', table: 'pilot_kpis' },
    ],
    area: 'pilots',
    appendOnly: true,
    label: 'reason',
  },
  { name: 'pilot_measurements', key: ['id'], refs: [{ column: 'kpi_id', table: 'pilot_kpis', owned: true }], area: 'pilots', label: 'period' },
  {
    name: 'pilot_assessments',
    key: ['id'],
    refs: [
      { column: 'pilot_id', table: 'pilots', owned: true },
      { column: 'assessor_id', table: 'people' },
    ],
    area: 'pilots',
    label: 'criterion',
  },
  {
    name: 'pilot_decisions',
    key: ['id'],
    refs: [
      { column: 'pilot_id', table: 'pilots', owned: true },
      { column: 'decided_by_id', table: 'people' },
    ],
    area: 'pilots',
    label: 'decision',
  },
  // A link belongs to the note it starts from; the note or KPI it points at comes along with it.
  {
    name: 'note_links',
    key: ['id'],
    refs: [
      { column: 'note_id', table: 'canvas_notes', owned: true },
      { column: 'target_note_id', table: 'canvas_notes' },
      { column: 'target_kpi_id', table: 'pilot_kpis' },
    ],
    area: 'canvases',
  },
  // A charter's links to canvases (its theory of change, an experiment card …); they go with the pilot.
  {
    name: 'pilot_canvases',
    key: ['pilot_id', 'canvas_id'],
    refs: [
      { column: 'pilot_id', table: 'pilots', owned: true },
      { column: 'canvas_id', table: 'canvases' },
    ],
    area: 'pilots',
  },
  // After every table whose records can own one; the files travel under attachments/<sha256>.
  {
    name: 'attachments',
    key: ['id'],
    refs: [{ column: 'owner_id', table: 'any', owned: true }],
    area: 'attachments',
    label: 'file_name',
    content: 'sha256',
    fileName: 'file_name',
  },
  { name: 'activity_log', key: ['id'], refs: [{ column: 'subject_id', table: 'any', owned: true }], area: 'projects', appendOnly: true, label: 'summary' },
];

/** Tables a bundle never carries, each with the reason. */
export const INTERNAL_TABLES: Readonly<Record<string, string>> = {
  schema_migrations: 'the migration ledger of this database, not lab data',
  search_index: 'derived full-text index (and its FTS5 shadow tables), rebuilt after an import',
  search_records: 'bookkeeping of the derived search index',
  search_meta: 'which folding built the derived search index',
  pilot_measurement_cells: 'per-period sums of pilot measurements, kept by triggers as measurements are written (also by an import)',
  lab_profile: "this lab's own identity; a bundle names its lab in the manifest instead of overwriting the receiver's",
  // Which participant wrote which canvas note in a LAN session, and whether private mode still hides
  // it: bookkeeping of the live session (the notes themselves travel with their canvas).
  workshop_notes: 'which participant of a LAN session wrote a note and whether private mode hides it; the notes travel with their canvas',
};

export const bundleTable = (name: string) => BUNDLE_TABLES.find((t) => t.name === name);
