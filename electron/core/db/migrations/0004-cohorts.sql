-- Incubator cohorts: programmes that run a group of projects together, with milestones and a demo day.
CREATE TABLE cohorts (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description  TEXT NOT NULL DEFAULT '',
  starts_on    TEXT,
  ends_on      TEXT,
  demo_day     TEXT,
  origin       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);

CREATE TABLE cohort_projects (
  cohort_id   TEXT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
  project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  added_at    TEXT NOT NULL,
  PRIMARY KEY (cohort_id, project_id)
) WITHOUT ROWID;
CREATE INDEX cohort_projects_project ON cohort_projects (project_id);

CREATE TABLE cohort_milestones (
  id          TEXT PRIMARY KEY,
  cohort_id   TEXT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  due_on      TEXT,
  done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  origin      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX cohort_milestones_cohort ON cohort_milestones (cohort_id, due_on);
