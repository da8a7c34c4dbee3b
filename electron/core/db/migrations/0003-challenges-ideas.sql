-- Challenges, time-boxed idea campaigns, the idea bank, weighted scorecards, and the links from a
-- promoted idea to its project (kept both ways: ideas.project_id and projects.challenge_id).

CREATE TABLE challenges (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  context     TEXT NOT NULL DEFAULT '',
  affected    TEXT NOT NULL DEFAULT '',
  evidence    TEXT NOT NULL DEFAULT '',
  hmw         TEXT NOT NULL DEFAULT '',
  oecd_facet  TEXT CHECK (oecd_facet IN ('enhancement', 'mission_oriented', 'adaptive', 'anticipatory')),
  origin      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE campaigns (
  id            TEXT PRIMARY KEY,
  challenge_id  TEXT NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  opens_on      TEXT,
  closes_on     TEXT,
  state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  origin        TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (opens_on IS NULL OR closes_on IS NULL OR opens_on <= closes_on)
);
CREATE INDEX campaigns_challenge ON campaigns (challenge_id);

CREATE TABLE ideas (
  id            TEXT PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description   TEXT NOT NULL DEFAULT '',
  author_name   TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'shortlisted', 'shelved', 'promoted')),
  challenge_id  TEXT REFERENCES challenges (id) ON DELETE SET NULL,
  campaign_id   TEXT REFERENCES campaigns (id) ON DELETE SET NULL,
  project_id    TEXT REFERENCES projects (id) ON DELETE SET NULL,
  origin        TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX ideas_challenge ON ideas (challenge_id, created_at);
CREATE INDEX ideas_campaign ON ideas (campaign_id);
CREATE INDEX ideas_project ON ideas (project_id);
CREATE INDEX ideas_status ON ideas (status, created_at);

-- Weighted criteria for idea scorecards, scored 1–5; defaults carry a key the UI translates.
CREATE TABLE score_criteria (
  id          TEXT PRIMARY KEY,
  key         TEXT UNIQUE,
  label       TEXT,
  weight      REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 100),
  position    INTEGER NOT NULL,
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (key IS NOT NULL OR label IS NOT NULL)
);
INSERT INTO score_criteria (id, key, label, weight, position, created_at, updated_at) VALUES
  ('01930000-0000-7000-8000-000000001001', 'novelty', NULL, 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000001002', 'feasibility', NULL, 1, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000001003', 'impact', NULL, 1, 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01930000-0000-7000-8000-000000001004', 'reproducibility', NULL, 1, 4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

CREATE TABLE idea_scores (
  idea_id       TEXT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
  reviewer_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  criterion_id  TEXT NOT NULL REFERENCES score_criteria (id),
  score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  scored_at     TEXT NOT NULL,
  PRIMARY KEY (idea_id, reviewer_id, criterion_id)
) WITHOUT ROWID;

ALTER TABLE projects ADD COLUMN challenge_id TEXT REFERENCES challenges (id) ON DELETE SET NULL;
CREATE INDEX projects_challenge ON projects (challenge_id);

-- Each reviewer's weighted mean for an idea, and the idea's aggregate: the mean over reviewers.
CREATE VIEW idea_reviewer_scores AS
  SELECT s.idea_id, s.reviewer_id, SUM(c.weight * s.score) / SUM(c.weight) AS weighted, max(s.scored_at) AS scored_at
  FROM idea_scores s JOIN score_criteria c ON c.id = s.criterion_id
  GROUP BY s.idea_id, s.reviewer_id;

CREATE VIEW idea_totals AS
  SELECT idea_id, AVG(weighted) AS score, COUNT(*) AS reviewer_count
  FROM idea_reviewer_scores GROUP BY idea_id;
