-- The first schema: the lab's profile, people and entities, strategy pillars, projects and the
-- append-only activity log. Ids are UUIDv7 text, timestamps UTC ISO-8601 text. `origin` names the
-- lab a record came from when it arrived in a bundle (NULL for records made here).

CREATE TABLE lab_profile (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE entities (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  origin      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE people (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  email       TEXT,
  role        TEXT NOT NULL CHECK (role IN ('cio', 'facilitator', 'team_member', 'mentor', 'sponsor')),
  entity_id   TEXT REFERENCES entities (id) ON DELETE SET NULL,
  origin      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- Default pillars have fixed ids so that the same pillar from two labs is one pillar after import.
CREATE TABLE strategy_pillars (
  id          TEXT PRIMARY KEY,
  key         TEXT UNIQUE,
  label       TEXT,
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (key IS NOT NULL OR label IS NOT NULL)
);

INSERT INTO strategy_pillars (id, key, label, position, created_at, updated_at) VALUES
  ('01930000-0000-7000-8000-000000000001', 'education_human_capital', NULL, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000002', 'sti_policy', NULL, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000003', 'ecosystem_minds_finance', NULL, 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000000004', 'digital_infrastructure', NULL, 4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

CREATE TABLE projects (
  id               TEXT PRIMARY KEY,
  title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- The title folded for search (harakat, alef forms, Uzbek apostrophes, case); never shown.
  title_folded     TEXT NOT NULL,
  summary          TEXT NOT NULL DEFAULT '',
  stage            INTEGER NOT NULL DEFAULT 1 CHECK (stage BETWEEN 1 AND 7),
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'shelved', 'stopped', 'scaled')),
  innovation_type  TEXT CHECK (innovation_type IN ('service', 'process', 'technology', 'policy', 'system')),
  oecd_facet       TEXT CHECK (oecd_facet IN ('enhancement', 'mission_oriented', 'adaptive', 'anticipatory')),
  owner_entity_id  TEXT REFERENCES entities (id) ON DELETE SET NULL,
  start_date       TEXT,
  end_date         TEXT,
  origin           TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX projects_updated ON projects (updated_at);
CREATE INDEX projects_stage ON projects (stage, updated_at);
CREATE INDEX projects_status ON projects (status, updated_at);
CREATE INDEX projects_title ON projects (title_folded);

CREATE TABLE project_pillars (
  project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  pillar_id   TEXT NOT NULL REFERENCES strategy_pillars (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, pillar_id)
) WITHOUT ROWID;
CREATE INDEX project_pillars_pillar ON project_pillars (pillar_id);

-- Append-only: the triggers refuse any change to a line once written.
CREATE TABLE activity_log (
  id            TEXT PRIMARY KEY,
  at            TEXT NOT NULL,
  subject_type  TEXT NOT NULL,
  subject_id    TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
  fields        TEXT NOT NULL DEFAULT '[]',
  summary       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_subject ON activity_log (subject_id, at);

CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;
CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;
