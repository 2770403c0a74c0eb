-- Boucles — territory data model.
-- Every table but territory carries territory_id, the tenant. Child rows reference their parent
-- together with territory_id through composite foreign keys, so that a row can never point at a
-- parent of another territory. Synergies, projects, users and roles will follow the same pattern.
-- Only features of PostgreSQL 15 that PGlite (PostgreSQL 18) also has.

CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE territory (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  level text NOT NULL CHECK (level IN ('commune', 'epci', 'departement', 'region', 'custom')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text,
  fictional boolean NOT NULL DEFAULT false,
  boundary jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE territory_commune (
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  commune_code text NOT NULL CHECK (commune_code ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
  PRIMARY KEY (territory_id, commune_code)
);

CREATE TABLE actor (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  external_id text,
  siret text CHECK (siret ~ '^[0-9]{14}$'),
  siren text GENERATED ALWAYS AS (substr(siret, 1, 9)) STORED,
  name text NOT NULL,
  naf_code text,
  kind text NOT NULL CHECK (kind IN ('company', 'ess', 'public_body', 'association', 'farm', 'other')),
  headcount_band text,
  ess boolean NOT NULL DEFAULT false,
  contact jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, territory_id),
  UNIQUE (territory_id, siret),
  UNIQUE (territory_id, external_id)
);
CREATE INDEX actor_territory_name ON actor (territory_id, lower(name));
CREATE INDEX actor_territory_naf ON actor (territory_id, naf_code);

CREATE TABLE site (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL,
  actor_id uuid NOT NULL,
  external_id text,
  name text NOT NULL,
  address text,
  commune_code text NOT NULL CHECK (commune_code ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, territory_id),
  UNIQUE (territory_id, external_id),
  FOREIGN KEY (actor_id, territory_id) REFERENCES actor (id, territory_id) ON DELETE CASCADE,
  FOREIGN KEY (territory_id, commune_code) REFERENCES territory_commune (territory_id, commune_code),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX site_actor ON site (territory_id, actor_id);
CREATE INDEX site_commune ON site (territory_id, commune_code);

CREATE TABLE flow (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL,
  site_id uuid NOT NULL,
  external_id text,
  direction text NOT NULL CHECK (direction IN ('output', 'input')),
  resource_code text NOT NULL,
  waste_code text CHECK (waste_code ~ '^[0-9]{6}$'),
  label text NOT NULL,
  quantity_value double precision CHECK (quantity_value > 0),
  quantity_unit text,
  quantity_period text CHECK (quantity_period IN ('year', 'month', 'week', 'day', 'once')),
  annual_quantity double precision,
  annual_unit text,
  months_available smallint[],
  temperature_c double precision,
  moisture_pct double precision CHECK (moisture_pct BETWEEN 0 AND 100),
  purity_grade text CHECK (purity_grade IN ('high', 'medium', 'low')),
  hazardous boolean,
  is_hazardous boolean NOT NULL DEFAULT false,
  fate_mode text,
  fate_operation_code text,
  origin_recycled boolean,
  origin_local boolean,
  cost_amount_eur double precision CHECK (cost_amount_eur >= 0),
  cost_per text CHECK (cost_per IN ('unit-of-quantity', 'period')),
  cost_kind text CHECK (cost_kind IN ('cost', 'price')),
  confidentiality jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, territory_id),
  UNIQUE (territory_id, external_id),
  FOREIGN KEY (site_id, territory_id) REFERENCES site (id, territory_id) ON DELETE CASCADE,
  CHECK ((quantity_value IS NULL) = (quantity_unit IS NULL) AND (quantity_value IS NULL) = (quantity_period IS NULL)),
  CHECK ((cost_amount_eur IS NULL) = (cost_per IS NULL) AND (cost_amount_eur IS NULL) = (cost_kind IS NULL))
);
CREATE INDEX flow_site ON flow (territory_id, site_id);
CREATE INDEX flow_resource ON flow (territory_id, resource_code, direction);
CREATE INDEX flow_waste ON flow (territory_id, waste_code);
CREATE INDEX flow_hazardous ON flow (territory_id) WHERE is_hazardous;

CREATE TABLE need (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL,
  actor_id uuid NOT NULL,
  external_id text,
  category text NOT NULL CHECK (category IN ('waste_collection', 'purchasing', 'equipment', 'service', 'skills', 'logistics')),
  description text NOT NULL,
  resource_code text,
  quantity_value double precision CHECK (quantity_value > 0),
  quantity_unit text,
  quantity_period text CHECK (quantity_period IN ('year', 'month', 'week', 'day', 'once')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, territory_id),
  UNIQUE (territory_id, external_id),
  FOREIGN KEY (actor_id, territory_id) REFERENCES actor (id, territory_id) ON DELETE CASCADE,
  CHECK ((quantity_value IS NULL) = (quantity_unit IS NULL) AND (quantity_value IS NULL) = (quantity_period IS NULL))
);
CREATE INDEX need_actor ON need (territory_id, actor_id);
CREATE INDEX need_category ON need (territory_id, category);
