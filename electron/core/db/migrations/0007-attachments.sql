-- Attachments: a row names a file stored on disk under its SHA-256 (see electron/core/attachments).
-- owner_type has no CHECK: the domain schema lists the owner types, so a new one needs no migration.
CREATE TABLE attachments (
  id          TEXT PRIMARY KEY,
  owner_type  TEXT NOT NULL,
  owner_id    TEXT NOT NULL,
  file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type  TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  origin      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id, created_at);
CREATE INDEX attachments_content ON attachments (sha256);

-- A project's attachments go with it (the files follow once nothing refers to them).
CREATE TRIGGER attachments_follow_project AFTER DELETE ON projects
BEGIN DELETE FROM attachments WHERE owner_type = 'project' AND owner_id = OLD.id; END;
