-- Links from a canvas note to what it is about: another note (an assumption on an assumptions map,
-- an experiment on an experiment card) or a pilot's KPI. A link goes when either end goes (cascade),
-- so a link never points at nothing.
CREATE TABLE note_links (
  id              TEXT PRIMARY KEY,
  note_id         TEXT NOT NULL REFERENCES canvas_notes (id) ON DELETE CASCADE,
  target_note_id  TEXT REFERENCES canvas_notes (id) ON DELETE CASCADE,
  target_kpi_id   TEXT REFERENCES pilot_kpis (id) ON DELETE CASCADE,
  origin          TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  -- Exactly one target, and never the note itself.
  CHECK ((target_note_id IS NULL) <> (target_kpi_id IS NULL)),
  CHECK (target_note_id IS NULL OR target_note_id <> note_id)
);
CREATE UNIQUE INDEX note_links_to_note ON note_links (note_id, target_note_id) WHERE target_note_id IS NOT NULL;
CREATE UNIQUE INDEX note_links_to_kpi ON note_links (note_id, target_kpi_id) WHERE target_kpi_id IS NOT NULL;
-- The cascades and the "linked from" list look links up by their target.
CREATE INDEX note_links_target_note ON note_links (target_note_id);
CREATE INDEX note_links_target_kpi ON note_links (target_kpi_id);

-- A lab template deleted while canvases still use it is retired instead: it leaves the gallery, and
-- the canvases made from it keep their layout. One no canvas uses is deleted outright.
ALTER TABLE canvas_templates ADD COLUMN retired_at TEXT;
