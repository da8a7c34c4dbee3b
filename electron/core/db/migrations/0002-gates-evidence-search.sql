-- Evidence levels on projects, project teams, stage gates (criteria and append-only decisions),
-- and the full-text search index.

-- Nesta Standards of Evidence, 1–5; NULL until assessed.
ALTER TABLE projects ADD COLUMN evidence_level INTEGER CHECK (evidence_level BETWEEN 1 AND 5);
ALTER TABLE projects ADD COLUMN evidence_target INTEGER CHECK (evidence_target BETWEEN 1 AND 5);

CREATE TABLE project_members (
  project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('lead', 'member', 'mentor', 'sponsor')),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (project_id, person_id)
) WITHOUT ROWID;
CREATE INDEX project_members_person ON project_members (person_id);

-- What a project must show to leave a stage. Defaults carry a key the UI translates and fixed ids;
-- a lab edits labels, adds its own and archives what it does not use (never deletes: decisions
-- refer to them).
CREATE TABLE gate_criteria (
  id          TEXT PRIMARY KEY,
  stage       INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 7),
  key         TEXT UNIQUE,
  label       TEXT,
  position    INTEGER NOT NULL,
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (key IS NOT NULL OR label IS NOT NULL)
);
CREATE INDEX gate_criteria_stage ON gate_criteria (stage, position);

INSERT INTO gate_criteria (id, stage, key, label, position, created_at, updated_at) VALUES
  ('01930000-0000-7000-8000-000000000101', 1, 'problem_defined', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000102', 1, 'users_understood', NULL, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000103', 1, 'sponsor_found', NULL, 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000201', 2, 'ideas_compared', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000202', 2, 'idea_selected', NULL, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000301', 3, 'assumptions_tested', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000302', 3, 'prototype_tested_with_users', NULL, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000401', 4, 'theory_of_change', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000402', 4, 'pilot_evaluated', NULL, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000403', 4, 'costs_known', NULL, 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000501', 5, 'running_in_practice', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000502', 5, 'owner_accepts', NULL, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000601', 6, 'replicated_elsewhere', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000602', 6, 'scaling_funded', NULL, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000701', 7, 'system_change_observed', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

-- Append-only: a decision is never changed or removed; a later one supersedes it. The checklist
-- is kept as answered ([{criterionId, met}]), and who decided is kept by name as well as by id so
-- the record stays readable after people change.
CREATE TABLE gate_decisions (
  id                 TEXT PRIMARY KEY,
  project_id         TEXT NOT NULL REFERENCES projects (id),
  from_stage         INTEGER NOT NULL CHECK (from_stage BETWEEN 1 AND 7),
  to_stage           INTEGER NOT NULL CHECK (to_stage BETWEEN 1 AND 7),
  decision           TEXT NOT NULL CHECK (decision IN ('advance', 'iterate', 'shelve', 'stop', 'revive')),
  evidence_level     INTEGER CHECK (evidence_level BETWEEN 1 AND 5),
  checklist          TEXT NOT NULL DEFAULT '[]',
  rationale          TEXT NOT NULL,
  decided_by_id      TEXT,
  decided_by_name    TEXT NOT NULL,
  decided_on         TEXT NOT NULL,
  supersedes_id      TEXT REFERENCES gate_decisions (id),
  origin             TEXT,
  created_at         TEXT NOT NULL
);
CREATE INDEX gate_decisions_project ON gate_decisions (project_id, created_at);

CREATE TRIGGER gate_decisions_no_update BEFORE UPDATE ON gate_decisions
BEGIN SELECT RAISE(ABORT, 'gate decisions are append-only'); END;
CREATE TRIGGER gate_decisions_no_delete BEFORE DELETE ON gate_decisions
BEGIN SELECT RAISE(ABORT, 'gate decisions are append-only'); END;

-- One full-text index for every searchable record. It holds folded text only (see
-- electron/shared/text/fold.ts); results are shown from the records themselves.
CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  record_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);
CREATE TABLE search_records (
  kind       TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  row        INTEGER NOT NULL,
  PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;
-- Which version of the folding the index was built with; core rebuilds the index when it differs.
CREATE TABLE search_meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
