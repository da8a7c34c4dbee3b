-- Live workshops on a canvas: the session (with the facilitator's state and, once ended, its
-- summary), the people taking part, which notes they wrote (and whether private mode still hides
-- them), and dot-voting sessions with their votes. Participant tokens are stored only as SHA-256
-- hashes; ending a workshop clears its join secret and revokes every token in one statement.
CREATE TABLE workshops (
  id            TEXT PRIMARY KEY,
  canvas_id     TEXT NOT NULL REFERENCES canvases (id) ON DELETE CASCADE,
  -- The secret in the join link; NULL once the workshop has ended.
  join_secret   TEXT,
  -- Timer, private mode, locks and the zone being presented, as JSON (shared/workshop/model.ts).
  facilitation  TEXT NOT NULL CHECK (json_valid(facilitation)),
  summary       TEXT CHECK (summary IS NULL OR json_valid(summary)),
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  origin        TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK ((ended_at IS NULL) = (join_secret IS NOT NULL)),
  CHECK (ended_at IS NULL OR summary IS NOT NULL)
);
-- One running workshop per canvas.
CREATE UNIQUE INDEX workshops_running ON workshops (canvas_id) WHERE ended_at IS NULL;
CREATE INDEX workshops_canvas ON workshops (canvas_id, started_at);

CREATE TABLE workshop_participants (
  id            TEXT PRIMARY KEY,
  workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
  -- NULL for someone in the room the facilitator votes for (no device, no token).
  token_hash    TEXT UNIQUE,
  revoked_at    TEXT,
  joined_at     TEXT NOT NULL
);
CREATE INDEX workshop_participants_workshop ON workshop_participants (workshop_id);

-- Notes written by participants: who wrote them (only they may change them) and whether private
-- mode still hides them from the others.
CREATE TABLE workshop_notes (
  note_id         TEXT PRIMARY KEY REFERENCES canvas_notes (id) ON DELETE CASCADE,
  workshop_id     TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  participant_id  TEXT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
);
CREATE INDEX workshop_notes_workshop ON workshop_notes (workshop_id, hidden);

CREATE TABLE vote_sessions (
  id                TEXT PRIMARY KEY,
  workshop_id       TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  canvas_id         TEXT NOT NULL REFERENCES canvases (id) ON DELETE CASCADE,
  title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  votes_per_person  INTEGER NOT NULL CHECK (votes_per_person BETWEEN 1 AND 20),
  one_per_note      INTEGER NOT NULL CHECK (one_per_note IN (0, 1)),
  revealed_at       TEXT,
  created_at        TEXT NOT NULL
);
CREATE INDEX vote_sessions_canvas ON vote_sessions (canvas_id, created_at);
-- One open vote per workshop at a time.
CREATE UNIQUE INDEX vote_sessions_open ON vote_sessions (workshop_id) WHERE revealed_at IS NULL;

CREATE TABLE votes (
  id               TEXT PRIMARY KEY,
  vote_session_id  TEXT NOT NULL REFERENCES vote_sessions (id) ON DELETE CASCADE,
  note_id          TEXT NOT NULL REFERENCES canvas_notes (id) ON DELETE CASCADE,
  participant_id   TEXT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
  cast_at          TEXT NOT NULL
);
CREATE INDEX votes_session ON votes (vote_session_id, participant_id);
