-- Design-thinking canvases: a template instance with sticky notes in its zones, and clusters of notes.
-- Notes and clusters carry a version and a fractional order index (house rule 9); geometry is
-- logical (from the inline start), so the same rows draw mirrored in an Arabic session.
CREATE TABLE canvases (
  id           TEXT PRIMARY KEY,
  -- A canvas outlives its project's deletion as a stand-alone canvas: it is the team's work.
  project_id   TEXT REFERENCES projects (id) ON DELETE SET NULL,
  stage        INTEGER CHECK (stage BETWEEN 1 AND 7),
  -- A built-in template's slug or a lab template's id; NULL for a free-form canvas.
  template_id  TEXT,
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  origin       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX canvases_project ON canvases (project_id, updated_at);
CREATE INDEX canvases_updated ON canvases (updated_at);

CREATE TABLE canvas_clusters (
  id           TEXT PRIMARY KEY,
  canvas_id    TEXT NOT NULL REFERENCES canvases (id) ON DELETE CASCADE,
  zone_key     TEXT NOT NULL,
  label        TEXT NOT NULL CHECK (length(label) <= 200),
  order_index  TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  origin       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX canvas_clusters_canvas ON canvas_clusters (canvas_id);

CREATE TABLE canvas_notes (
  id           TEXT PRIMARY KEY,
  canvas_id    TEXT NOT NULL REFERENCES canvases (id) ON DELETE CASCADE,
  zone_key     TEXT,
  cluster_id   TEXT REFERENCES canvas_clusters (id) ON DELETE SET NULL,
  text         TEXT NOT NULL CHECK (length(text) <= 5000),
  color        TEXT NOT NULL DEFAULT 'yellow' CHECK (color IN ('yellow', 'pink', 'blue', 'green', 'orange', 'purple')),
  status       TEXT CHECK (status IN ('draft', 'testing', 'validated', 'invalidated')),
  author       TEXT CHECK (length(author) <= 200),
  order_index  TEXT NOT NULL,
  x            INTEGER,
  y            INTEGER,
  version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  origin       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  -- In a zone, or free at a position: never both.
  CHECK (zone_key IS NULL OR (x IS NULL AND y IS NULL)),
  CHECK (cluster_id IS NULL OR zone_key IS NOT NULL)
);
CREATE INDEX canvas_notes_canvas ON canvas_notes (canvas_id, zone_key, order_index);
CREATE INDEX canvas_notes_cluster ON canvas_notes (cluster_id);

-- A lab's own templates: a canvas layout saved under a name, in the same JSON shape as the built-in
-- catalogue (resources/templates/canvas), validated by the same schema before it is stored.
CREATE TABLE canvas_templates (
  id           TEXT PRIMARY KEY,
  body         TEXT NOT NULL CHECK (json_valid(body)),
  origin       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
