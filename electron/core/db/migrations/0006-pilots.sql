-- Pilot evaluations (DOMAIN.md "Pilot evaluation"): a pilot on a project with its charter and a
-- protocol that is locked before data arrives, amendments to the locked protocol, the KPI register,
-- measurements per KPI × group × period (optionally per unit), DAC assessments and the decision.
-- Independent of 0005 (canvases): links from a pilot to canvases are not stored yet.

CREATE TABLE pilots (
  id                   TEXT PRIMARY KEY,
  project_id           TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title                TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Charter. The dates bound the observation window: every measurement period lies within them.
  problem              TEXT NOT NULL DEFAULT '',
  intervention         TEXT NOT NULL DEFAULT '',
  population           TEXT NOT NULL DEFAULT '',
  sites                TEXT NOT NULL DEFAULT '',
  starts_on            TEXT,
  ends_on              TEXT,
  owner_id             TEXT REFERENCES people (id) ON DELETE SET NULL,
  -- Protocol (pre-registration). intervention_on splits pre-periods from post-periods.
  design               TEXT NOT NULL DEFAULT 'before_after'
                         CHECK (design IN ('before_after', 'comparison_group', 'randomised', 'difference_in_differences', 'interrupted_time_series')),
  unit                 TEXT NOT NULL DEFAULT '',
  planned_sample_size  INTEGER CHECK (planned_sample_size IS NULL OR planned_sample_size > 0),
  primary_outcome      TEXT NOT NULL DEFAULT '',
  analysis_plan        TEXT NOT NULL DEFAULT '',
  intervention_on      TEXT,
  -- Locking: when, the SHA-256 of the canonical JSON of the protocol as locked, and that JSON.
  locked_at            TEXT,
  protocol_hash        TEXT,
  locked_protocol      TEXT,
  -- Incremented by each amendment; a locked protocol changes only together with a new amendment.
  protocol_version     INTEGER NOT NULL DEFAULT 0,
  origin               TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on),
  CHECK ((locked_at IS NULL) = (protocol_hash IS NULL) AND (locked_at IS NULL) = (locked_protocol IS NULL))
);
CREATE INDEX pilots_project ON pilots (project_id, created_at);

-- Amendments to a locked protocol: why, which fields, their values before and after. Append-only.
CREATE TABLE pilot_amendments (
  id              TEXT PRIMARY KEY,
  pilot_id        TEXT NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
  version         INTEGER NOT NULL CHECK (version > 0),
  reason          TEXT NOT NULL CHECK (length(reason) > 0),
  changed_fields  TEXT NOT NULL,
  before          TEXT NOT NULL,
  after           TEXT NOT NULL,
  protocol_hash   TEXT NOT NULL,
  origin          TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (pilot_id, version)
);
CREATE TRIGGER pilot_amendments_no_update BEFORE UPDATE ON pilot_amendments
BEGIN SELECT RAISE(ABORT, 'protocol amendments are append-only'); END;

-- The lock is stamped once; afterwards the protocol fields change only with a new amendment.
CREATE TRIGGER pilots_lock_is_final BEFORE UPDATE OF locked_at, protocol_hash, locked_protocol ON pilots
WHEN OLD.locked_at IS NOT NULL AND (NEW.locked_at IS NOT OLD.locked_at OR NEW.protocol_hash IS NOT OLD.protocol_hash OR NEW.locked_protocol IS NOT OLD.locked_protocol)
BEGIN SELECT RAISE(ABORT, 'protocol_locked'); END;
CREATE TRIGGER pilots_locked_protocol BEFORE UPDATE OF design, unit, planned_sample_size, primary_outcome, analysis_plan, intervention_on, protocol_version ON pilots
WHEN OLD.locked_at IS NOT NULL
  AND (NEW.design IS NOT OLD.design OR NEW.unit IS NOT OLD.unit OR NEW.planned_sample_size IS NOT OLD.planned_sample_size
    OR NEW.primary_outcome IS NOT OLD.primary_outcome OR NEW.analysis_plan IS NOT OLD.analysis_plan
    OR NEW.intervention_on IS NOT OLD.intervention_on OR NEW.protocol_version IS NOT OLD.protocol_version)
  AND NOT (NEW.protocol_version = OLD.protocol_version + 1
    AND EXISTS (SELECT 1 FROM pilot_amendments a WHERE a.pilot_id = NEW.id AND a.version = NEW.protocol_version))
BEGIN SELECT RAISE(ABORT, 'protocol_locked'); END;

CREATE TABLE pilot_kpis (
  id                 TEXT PRIMARY KEY,
  pilot_id           TEXT NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
  name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit               TEXT NOT NULL DEFAULT '',
  direction          TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
  kind               TEXT NOT NULL CHECK (kind IN ('continuous', 'rate', 'count')),
  data_source        TEXT NOT NULL DEFAULT '',
  frequency          TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'once')),
  baseline_value     REAL,
  baseline_date      TEXT,
  target             REAL,
  success_threshold  REAL,
  position           INTEGER NOT NULL,
  origin             TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (pilot_id, name)
);

-- One value per KPI × group × period (× unit, for unit-level data). For rate KPIs a row carries
-- successes (numerator) out of trials (denominator) and value = numerator / denominator; a
-- unit-level 0/1 observation is numerator 0 or 1 over denominator 1.
CREATE TABLE pilot_measurements (
  id           TEXT PRIMARY KEY,
  kpi_id       TEXT NOT NULL REFERENCES pilot_kpis (id) ON DELETE CASCADE,
  grp          TEXT NOT NULL CHECK (grp IN ('pilot', 'comparison')),
  period       TEXT NOT NULL,
  unit_id      TEXT,
  value        REAL NOT NULL,
  numerator    REAL,
  denominator  REAL,
  origin       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK ((numerator IS NULL) = (denominator IS NULL)),
  CHECK (denominator IS NULL OR (denominator > 0 AND numerator >= 0 AND numerator <= denominator))
);
CREATE UNIQUE INDEX pilot_measurements_cell ON pilot_measurements (kpi_id, grp, period, coalesce(unit_id, ''));

-- The six OECD DAC criteria, rated by one or more assessors (people of the lab).
CREATE TABLE pilot_assessments (
  id           TEXT PRIMARY KEY,
  pilot_id     TEXT NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
  criterion    TEXT NOT NULL CHECK (criterion IN ('relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability')),
  assessor_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  rating       TEXT NOT NULL CHECK (rating IN ('excellent', 'good', 'adequate', 'poor')),
  evidence     TEXT NOT NULL DEFAULT '',
  origin       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (pilot_id, criterion, assessor_id)
);

-- The pilot's decision; the project's next gate shows it. One per pilot, replaced when revised.
CREATE TABLE pilot_decisions (
  id              TEXT PRIMARY KEY,
  pilot_id        TEXT NOT NULL UNIQUE REFERENCES pilots (id) ON DELETE CASCADE,
  decision        TEXT NOT NULL CHECK (decision IN ('scale', 'adapt', 'stop', 'shelve')),
  conditions      TEXT NOT NULL DEFAULT '',
  evidence_level  INTEGER CHECK (evidence_level IS NULL OR evidence_level BETWEEN 1 AND 5),
  decided_by_id   TEXT REFERENCES people (id) ON DELETE SET NULL,
  decided_on      TEXT NOT NULL,
  origin          TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
