-- Where outputs go and inputs come from (recovered inside the territory or not; which partner
-- territory or place), and the aggregate figures a local authority enters for what actors do not
-- declare. Both feed the territory's flow accounts (docs/metabolism.md).
ALTER TABLE flow ADD COLUMN fate_local boolean;
ALTER TABLE flow ADD COLUMN fate_partner text CHECK (char_length(fate_partner) <= 200);
ALTER TABLE flow ADD COLUMN origin_partner text CHECK (char_length(origin_partner) <= 200);
ALTER TABLE flow ADD CONSTRAINT flow_fate_details CHECK (fate_mode IS NOT NULL OR (fate_local IS NULL AND fate_partner IS NULL));
ALTER TABLE flow ADD CONSTRAINT flow_origin_details CHECK (origin_local IS NOT NULL OR origin_partner IS NULL);

CREATE TABLE territory_aggregate (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  external_id text,
  label text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('extraction', 'input', 'output', 'stock_change')),
  family text NOT NULL CHECK (family IN ('agrifood', 'construction_minerals', 'energy_carriers', 'manufactured', 'wastes')),
  resource_code text,
  quantity_value double precision NOT NULL CHECK (quantity_value >= 0),
  quantity_unit text NOT NULL,
  quantity_period text NOT NULL,
  annual_quantity double precision NOT NULL,
  annual_unit text NOT NULL CHECK (annual_unit IN ('t', 'MWh', 'm3')),
  origin text CHECK (origin IS NULL OR (origin IN ('local', 'external') AND kind = 'input')),
  destination text CHECK (destination IS NULL OR (destination IN ('recovery_inside', 'recovery_outside', 'incineration', 'landfill', 'other') AND kind = 'output')),
  partner text CHECK (char_length(partner) <= 200),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  source_title text NOT NULL,
  source_url text,
  estimate boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, territory_id),
  UNIQUE (territory_id, external_id)
);
CREATE INDEX territory_aggregate_territory ON territory_aggregate (territory_id, year, kind);
