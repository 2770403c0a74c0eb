-- Every import is recorded with its report, and for a valid-rows import the file of rejected
-- rows the user downloads, corrects and imports again.
CREATE TABLE import_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  mode text NOT NULL CHECK (mode IN ('dry-run', 'all-or-nothing', 'valid-rows')),
  file_name text,
  written boolean NOT NULL,
  report jsonb NOT NULL,
  rejected_file bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, territory_id)
);
CREATE INDEX import_run_territory ON import_run (territory_id, created_at DESC);
