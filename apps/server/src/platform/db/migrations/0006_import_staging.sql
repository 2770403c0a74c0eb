-- Rows of an import on their way in (issue 12): staged in short statements, then applied to the
-- territory's tables in one quick final transaction, so that a large import never holds the
-- (embedded, single-threaded) database for long. Rows of an import that never finished are
-- dropped at the next start.
CREATE TABLE import_stage (
  run_id uuid NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  target text NOT NULL CHECK (target IN ('actor', 'site', 'flow', 'need')),
  rows jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX import_stage_age ON import_stage (created_at);
