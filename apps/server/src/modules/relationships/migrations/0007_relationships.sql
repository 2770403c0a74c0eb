-- Boucles — the company relationship log (« journal des échanges avec les entreprises »): the
-- visits, meetings, workshops in companies and clubs through which a local authority « entre dans
-- les entreprises », with the weak signals noticed there and the services offered (the seeds:
-- ../shared/seeds/000_e8aab74fef9bda69.txt, line 597: « détecter les signaux faibles et d'apporter
-- des solutions et services sur mesure (réponse à des appels d'offres, soutien au développement de
-- l'éco-conception...) »; line 510: « des ateliers directement au sein des entreprises »; lines
-- 593–595: the « Club des Dirigeants Durables », « des rencontres et visites régulières »).
-- Confidential to the territory's facilitators and administrators (modules/relationships).

CREATE TABLE interaction (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  -- The company (or other actor) met; an actor of the same territory, like every child row.
  actor_id uuid NOT NULL,
  occurred_on date NOT NULL,
  -- visite, rencontre, atelier en entreprise, club
  kind text NOT NULL CHECK (kind IN ('visit', 'meeting', 'company_workshop', 'club')),
  participants text CHECK (char_length(participants) <= 2000),
  topics text CHECK (char_length(topics) <= 4000),
  -- « signal faible »: the flag, and what was noticed (a flagged signal says what it is).
  weak_signal boolean NOT NULL DEFAULT false,
  weak_signal_text text CHECK (char_length(weak_signal_text) <= 2000),
  service_offered text CHECK (char_length(service_offered) <= 2000),
  follow_up_on date,
  -- Who wrote it down. Like the follow-up's authors (synergy_case_event.user_id), the record
  -- outlives its author's account: deleting or erasing the account leaves the entry, unsigned.
  created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (actor_id, territory_id) REFERENCES actor (id, territory_id) ON DELETE CASCADE,
  CHECK (weak_signal = (weak_signal_text IS NOT NULL)),
  CHECK (follow_up_on IS NULL OR follow_up_on >= occurred_on)
);
CREATE INDEX interaction_date ON interaction (territory_id, occurred_on);
CREATE INDEX interaction_actor ON interaction (territory_id, actor_id);
