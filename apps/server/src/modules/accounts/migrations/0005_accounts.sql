-- Boucles — accounts, roles per territory, sessions, API keys, audit log, and the follow-up of
-- each synergy from detection to implementation with the parties' consent to disclosure.
-- Secrets are never stored: passwords as Argon2id hashes, session, reset and API-key tokens as
-- SHA-256 digests of random 256-bit values.

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Always lower case (the service folds it); unique across the platform.
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  -- Argon2id PHC string; null for an account that signs in through OpenID Connect only.
  password_hash text,
  -- Platform administrator: every territory, user management, audit log.
  is_admin boolean NOT NULL DEFAULT false,
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_subject),
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))
);

CREATE TABLE user_role (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('administrator', 'facilitator', 'contributor', 'reader')),
  -- The actor a contributor speaks for; only contributors have one.
  actor_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (actor_id, territory_id) REFERENCES actor (id, territory_id) ON DELETE CASCADE,
  CHECK ((role = 'contributor') = (actor_id IS NOT NULL))
);
CREATE UNIQUE INDEX user_role_unique ON user_role (user_id, territory_id, role, coalesce(actor_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX user_role_territory ON user_role (territory_id);

CREATE TABLE user_session (
  -- SHA-256 of the cookie's token: a stolen database does not give live sessions.
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE password_reset (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE api_key (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The first characters of the key, shown to tell keys apart; the rest is only in the digest.
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  UNIQUE (id, territory_id)
);

-- Who did what, when. No foreign keys: the fact outlives the account, the key and the territory.
-- Details name records by ID and never copy personal data (names, e-mails, phone numbers).
CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  api_key_id uuid,
  territory_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_territory ON audit_event (territory_id, at DESC);
CREATE INDEX audit_event_at ON audit_event (at DESC);

-- A synergy taken into follow-up: one per pair of flows in a territory, whichever analysis found it.
CREATE TABLE synergy_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  -- `outputFlowId>inputFlowId`: stable across analyses.
  synergy_key text NOT NULL,
  output_flow_id uuid NOT NULL,
  input_flow_id uuid NOT NULL,
  supplier_actor_id uuid NOT NULL,
  receiver_actor_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('detected', 'proposed', 'in_discussion', 'being_implemented', 'implemented', 'abandoned')),
  abandon_reason text CHECK (abandon_reason IN ('regulation', 'cost', 'quantity', 'quality', 'distance', 'timing', 'trust', 'other')),
  abandon_comment text,
  owner_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  next_steps text,
  next_step_due date,
  notes text,
  -- What the analysis estimated when the case was opened (resource, quantity, impacts with methods).
  estimated jsonb NOT NULL,
  -- What was measured once implemented, beside the estimate.
  verified_impacts jsonb,
  analysis_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  proposed_at timestamptz,
  discussion_at timestamptz,
  implementation_started_at timestamptz,
  implemented_at timestamptz,
  abandoned_at timestamptz,
  UNIQUE (territory_id, synergy_key),
  UNIQUE (id, territory_id),
  FOREIGN KEY (output_flow_id, territory_id) REFERENCES flow (id, territory_id) ON DELETE CASCADE,
  FOREIGN KEY (input_flow_id, territory_id) REFERENCES flow (id, territory_id) ON DELETE CASCADE,
  FOREIGN KEY (supplier_actor_id, territory_id) REFERENCES actor (id, territory_id) ON DELETE CASCADE,
  FOREIGN KEY (receiver_actor_id, territory_id) REFERENCES actor (id, territory_id) ON DELETE CASCADE,
  CHECK ((status = 'abandoned') = (abandon_reason IS NOT NULL))
);
CREATE INDEX synergy_case_status ON synergy_case (territory_id, status);
CREATE INDEX synergy_case_supplier ON synergy_case (territory_id, supplier_actor_id);
CREATE INDEX synergy_case_receiver ON synergy_case (territory_id, receiver_actor_id);

CREATE TABLE synergy_case_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL,
  territory_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  from_status text,
  to_status text NOT NULL,
  comment text,
  FOREIGN KEY (case_id, territory_id) REFERENCES synergy_case (id, territory_id) ON DELETE CASCADE
);
CREATE INDEX synergy_case_event_case ON synergy_case_event (case_id, at);

-- Consent of one party to disclosing its identity to the other. Withdrawing keeps the row.
CREATE TABLE disclosure_consent (
  case_id uuid NOT NULL,
  territory_id uuid NOT NULL,
  actor_id uuid NOT NULL,
  consented_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  consented_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  PRIMARY KEY (case_id, actor_id),
  FOREIGN KEY (case_id, territory_id) REFERENCES synergy_case (id, territory_id) ON DELETE CASCADE,
  FOREIGN KEY (actor_id, territory_id) REFERENCES actor (id, territory_id) ON DELETE CASCADE
);
