-- Pilots, second step (issue #8): the charter's links to canvases, the KPI register's place in the
-- locked protocol, and a running summary of measurements per KPI × group × period for the analysis.

-- A pilot's charter links to canvases (a theory of change, an experiment card …): of its project,
-- or stand-alone ones. A link goes when either side is deleted; the canvas itself stays.
CREATE TABLE pilot_canvases (
  pilot_id    TEXT NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
  canvas_id   TEXT NOT NULL REFERENCES canvases (id) ON DELETE CASCADE,
  origin      TEXT,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (pilot_id, canvas_id)
) WITHOUT ROWID;
CREATE INDEX pilot_canvases_canvas ON pilot_canvases (canvas_id);

-- The primary outcome's KPI (at most one per pilot). Once the protocol is locked, its definition and
-- every KPI's target and success threshold change only by an amendment (the core enforces it).
ALTER TABLE pilot_kpis ADD COLUMN is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1));
CREATE UNIQUE INDEX pilot_kpis_primary ON pilot_kpis (pilot_id) WHERE is_primary = 1;

-- An amendment changes either the protocol (kpi_id NULL) or one KPI of the register.
ALTER TABLE pilot_amendments ADD COLUMN kpi_id TEXT REFERENCES pilot_kpis (id);

-- The analysis reads per-period sums of each KPI and group. Summing 400,000 unit-level rows on each
-- analysis costs more than all the statistics together, so the sums are kept as rows change:
-- count, unit-level rows among them, and the totals of value, numerator and denominator.
-- Derived data: rebuilt from pilot_measurements here, and never carried in a bundle.
CREATE TABLE pilot_measurement_cells (
  kpi_id       TEXT NOT NULL REFERENCES pilot_kpis (id) ON DELETE CASCADE,
  grp          TEXT NOT NULL,
  period       TEXT NOT NULL,
  n            INTEGER NOT NULL,
  unit_rows    INTEGER NOT NULL,
  total        REAL NOT NULL,
  numerator    REAL NOT NULL,
  denominator  REAL NOT NULL,
  PRIMARY KEY (kpi_id, grp, period)
) WITHOUT ROWID;
INSERT INTO pilot_measurement_cells (kpi_id, grp, period, n, unit_rows, total, numerator, denominator)
  SELECT kpi_id, grp, period, count(*), count(unit_id), total(value), total(numerator), total(denominator)
  FROM pilot_measurements GROUP BY kpi_id, grp, period;

CREATE TRIGGER pilot_measurements_cells_insert AFTER INSERT ON pilot_measurements
BEGIN
  INSERT INTO pilot_measurement_cells (kpi_id, grp, period, n, unit_rows, total, numerator, denominator)
  VALUES (NEW.kpi_id, NEW.grp, NEW.period, 1, NEW.unit_id IS NOT NULL, NEW.value, coalesce(NEW.numerator, 0), coalesce(NEW.denominator, 0))
  ON CONFLICT (kpi_id, grp, period) DO UPDATE SET n = n + 1, unit_rows = unit_rows + excluded.unit_rows, total = total + excluded.total,
    numerator = numerator + excluded.numerator, denominator = denominator + excluded.denominator;
END;

CREATE TRIGGER pilot_measurements_cells_delete AFTER DELETE ON pilot_measurements
BEGIN
  UPDATE pilot_measurement_cells SET n = n - 1, unit_rows = unit_rows - (OLD.unit_id IS NOT NULL), total = total - OLD.value,
    numerator = numerator - coalesce(OLD.numerator, 0), denominator = denominator - coalesce(OLD.denominator, 0)
  WHERE kpi_id = OLD.kpi_id AND grp = OLD.grp AND period = OLD.period;
  DELETE FROM pilot_measurement_cells WHERE kpi_id = OLD.kpi_id AND grp = OLD.grp AND period = OLD.period AND n <= 0;
END;

CREATE TRIGGER pilot_measurements_cells_update AFTER UPDATE OF kpi_id, grp, period, unit_id, value, numerator, denominator ON pilot_measurements
BEGIN
  UPDATE pilot_measurement_cells SET n = n - 1, unit_rows = unit_rows - (OLD.unit_id IS NOT NULL), total = total - OLD.value,
    numerator = numerator - coalesce(OLD.numerator, 0), denominator = denominator - coalesce(OLD.denominator, 0)
  WHERE kpi_id = OLD.kpi_id AND grp = OLD.grp AND period = OLD.period;
  DELETE FROM pilot_measurement_cells WHERE kpi_id = OLD.kpi_id AND grp = OLD.grp AND period = OLD.period AND n <= 0;
  INSERT INTO pilot_measurement_cells (kpi_id, grp, period, n, unit_rows, total, numerator, denominator)
  VALUES (NEW.kpi_id, NEW.grp, NEW.period, 1, NEW.unit_id IS NOT NULL, NEW.value, coalesce(NEW.numerator, 0), coalesce(NEW.denominator, 0))
  ON CONFLICT (kpi_id, grp, period) DO UPDATE SET n = n + 1, unit_rows = unit_rows + excluded.unit_rows, total = total + excluded.total,
    numerator = numerator + excluded.numerator, denominator = denominator + excluded.denominator;
END;

-- The values of one side of a comparison, read straight from the index in period order.
CREATE INDEX pilot_measurements_values ON pilot_measurements (kpi_id, grp, period, value);
