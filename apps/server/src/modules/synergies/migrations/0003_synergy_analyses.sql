-- Every synergy analysis of a territory is kept with the versions of the engine, the rules and the
-- factors that produced it, so that a result can be explained and compared later. The result is
-- the engine's document (docs/formats.md, "Analysis result"); the summary is copied out to list runs.
CREATE TABLE synergy_analysis (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  engine_version text NOT NULL,
  rules_version text NOT NULL,
  rules_source text NOT NULL,
  impact_factors_version text NOT NULL,
  objective text NOT NULL CHECK (objective IN ('co2', 'cost')),
  k integer NOT NULL CHECK (k BETWEEN 1 AND 100),
  seconds double precision NOT NULL,
  summary jsonb NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, territory_id)
);
CREATE INDEX synergy_analysis_territory ON synergy_analysis (territory_id, created_at DESC);
