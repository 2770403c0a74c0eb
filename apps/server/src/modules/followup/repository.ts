/**
 * SQL of the synergy follow-up: the cases (one per pair of flows of a territory), their events,
 * the parties' consents to disclosure, and what the follow-up reads of the latest stored analysis.
 * Every statement names the tenant: `territory_id` is in the WHERE clause of every UPDATE and
 * DELETE, and of every SELECT of a case.
 */
import type { Queryable } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/errors.js';
import { iso } from '../../platform/db/sql.js';

import type { AbandonReason, SynergyStatus } from '@boucles/engine';

/** The columns a change of a case may set. */
export interface SynergyCaseState {
  status: SynergyStatus;
  abandonReason: AbandonReason | null;
  abandonComment: string | null;
  ownerUserId: string | null;
  nextSteps: string | null;
  /** `YYYY-MM-DD`. */
  nextStepDue: string | null;
  notes: string | null;
  verifiedImpacts: unknown;
  proposedAt: string | null;
  discussionAt: string | null;
  implementationStartedAt: string | null;
  implementedAt: string | null;
  abandonedAt: string | null;
}

export interface SynergyCaseRecord extends SynergyCaseState {
  id: string;
  territoryId: string;
  /** `outputFlowId>inputFlowId`. */
  synergyKey: string;
  outputFlowId: string;
  inputFlowId: string;
  supplierActorId: string;
  receiverActorId: string;
  /** The display name of the user in charge, when there is one. */
  ownerName: string | null;
  estimated: unknown;
  analysisId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewSynergyCase {
  synergyKey: string;
  outputFlowId: string;
  inputFlowId: string;
  supplierActorId: string;
  receiverActorId: string;
  status: SynergyStatus;
  estimated: unknown;
  analysisId: string;
  proposedAt: string | null;
  discussionAt: string | null;
  implementationStartedAt: string | null;
  implementedAt: string | null;
}

export interface SynergyCaseEvent {
  id: number;
  caseId: string;
  at: string;
  userId: string | null;
  userName: string | null;
  fromStatus: SynergyStatus | null;
  toStatus: SynergyStatus;
  comment: string | null;
}

export interface DisclosureConsent {
  caseId: string;
  actorId: string;
  consentedBy: string | null;
  consentedAt: string;
  withdrawnAt: string | null;
}

/** What the follow-up reads of one synergy of the latest analysis (not its checks nor its methods). */
export interface StoredSynergyRow {
  analysisId: string;
  id: string;
  outputFlowId: string;
  inputFlowId: string;
  supplierActorId: string;
  receiverActorId: string;
  sameActor: boolean;
  ruleId: string;
  family: string;
  distanceKm: number;
  score: number | null;
  quantity: number | null;
  unit: string | null;
  basisKind: 'allocated' | 'potential' | null;
  tonnesDiverted: number | null;
  co2eAvoidedT: number | null;
  supplierSavingEur: number | null;
  receiverSavingEur: number | null;
  jobs: number | null;
  waterM3: number | null;
  /** The resource of the output flow, and of the input flow, when they still exist. */
  resourceCode: string | null;
  inputResourceCode: string | null;
}

interface CaseRow {
  id: string;
  territory_id: string;
  synergy_key: string;
  output_flow_id: string;
  input_flow_id: string;
  supplier_actor_id: string;
  receiver_actor_id: string;
  status: SynergyStatus;
  abandon_reason: AbandonReason | null;
  abandon_comment: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  next_steps: string | null;
  next_step_due: string | null;
  notes: string | null;
  estimated: unknown;
  verified_impacts: unknown;
  analysis_id: string | null;
  created_at: Date;
  updated_at: Date;
  proposed_at: Date | null;
  discussion_at: Date | null;
  implementation_started_at: Date | null;
  implemented_at: Date | null;
  abandoned_at: Date | null;
}

const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

function toCase(r: CaseRow): SynergyCaseRecord {
  return {
    id: r.id,
    territoryId: r.territory_id,
    synergyKey: r.synergy_key,
    outputFlowId: r.output_flow_id,
    inputFlowId: r.input_flow_id,
    supplierActorId: r.supplier_actor_id,
    receiverActorId: r.receiver_actor_id,
    status: r.status,
    abandonReason: r.abandon_reason,
    abandonComment: r.abandon_comment,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    nextSteps: r.next_steps,
    nextStepDue: r.next_step_due,
    notes: r.notes,
    estimated: r.estimated,
    verifiedImpacts: r.verified_impacts,
    analysisId: r.analysis_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    proposedAt: isoOrNull(r.proposed_at),
    discussionAt: isoOrNull(r.discussion_at),
    implementationStartedAt: isoOrNull(r.implementation_started_at),
    implementedAt: isoOrNull(r.implemented_at),
    abandonedAt: isoOrNull(r.abandoned_at),
  };
}

const CASE_COLUMNS = `c.id, c.territory_id, c.synergy_key, c.output_flow_id, c.input_flow_id, c.supplier_actor_id, c.receiver_actor_id, c.status,
  c.abandon_reason, c.abandon_comment, c.owner_user_id, u.display_name AS owner_name, c.next_steps, c.next_step_due::text AS next_step_due, c.notes,
  c.estimated, c.verified_impacts, c.analysis_id, c.created_at, c.updated_at, c.proposed_at, c.discussion_at, c.implementation_started_at,
  c.implemented_at, c.abandoned_at`;
const CASE_FROM = 'synergy_case c LEFT JOIN app_user u ON u.id = c.owner_user_id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface StoredRow {
  analysis_id: string;
  id: string;
  output_flow_id: string;
  input_flow_id: string;
  supplier_actor_id: string;
  receiver_actor_id: string;
  same_actor: boolean | null;
  rule_id: string;
  family: string;
  distance_km: number;
  score: number | null;
  quantity: number | null;
  unit: string | null;
  basis_kind: 'allocated' | 'potential' | null;
  tonnes_diverted: number | null;
  co2e_avoided_t: number | null;
  supplier_saving_eur: number | null;
  receiver_saving_eur: number | null;
  jobs: number | null;
  water_m3: number | null;
  resource_code: string | null;
  input_resource_code: string | null;
}

const figure = (name: string): string => `(s->'impacts'->'figures'->'${name}'->>'value')::float8`;

/** Synergies of the territory's latest analysis, with the resources of their flows; `$1` is the territory. */
const latestSynergiesSql = (extra = ''): string => `
  WITH latest AS (SELECT id, result FROM synergy_analysis WHERE territory_id = $1 ORDER BY created_at DESC, id LIMIT 1)
  SELECT ${extra}l.id AS analysis_id, s->>'id' AS id, s->>'outputFlowId' AS output_flow_id, s->>'inputFlowId' AS input_flow_id,
    s->>'supplierActorId' AS supplier_actor_id, s->>'receiverActorId' AS receiver_actor_id, (s->>'sameActor')::boolean AS same_actor,
    s->>'ruleId' AS rule_id, s->>'family' AS family, (s->>'distanceKm')::float8 AS distance_km, (s->'score'->>'value')::float8 AS score,
    (s->'impacts'->'basis'->>'quantity')::float8 AS quantity, s->'impacts'->'basis'->>'unit' AS unit, s->'impacts'->'basis'->>'kind' AS basis_kind,
    ${figure('divertedFromDisposal')} AS tonnes_diverted, ${figure('co2eAvoided')} AS co2e_avoided_t,
    ${figure('supplierSaving')} AS supplier_saving_eur, ${figure('receiverSaving')} AS receiver_saving_eur,
    ${figure('jobs')} AS jobs, ${figure('waterSaved')} AS water_m3,
    fo.resource_code AS resource_code, fi.resource_code AS input_resource_code
  FROM latest l
  CROSS JOIN LATERAL jsonb_array_elements(l.result->'synergies') WITH ORDINALITY AS e(s, n)
  LEFT JOIN flow fo ON fo.territory_id = $1 AND fo.id::text = s->>'outputFlowId'
  LEFT JOIN flow fi ON fi.territory_id = $1 AND fi.id::text = s->>'inputFlowId'`;

function toStored(r: StoredRow): StoredSynergyRow {
  return {
    analysisId: r.analysis_id,
    id: r.id,
    outputFlowId: r.output_flow_id,
    inputFlowId: r.input_flow_id,
    supplierActorId: r.supplier_actor_id,
    receiverActorId: r.receiver_actor_id,
    sameActor: r.same_actor === true,
    ruleId: r.rule_id,
    family: r.family,
    distanceKm: Number(r.distance_km),
    score: r.score,
    quantity: r.quantity,
    unit: r.unit,
    basisKind: r.basis_kind,
    tonnesDiverted: r.tonnes_diverted,
    co2eAvoidedT: r.co2e_avoided_t,
    supplierSavingEur: r.supplier_saving_eur,
    receiverSavingEur: r.receiver_saving_eur,
    jobs: r.jobs,
    waterM3: r.water_m3,
    resourceCode: r.resource_code,
    inputResourceCode: r.input_resource_code,
  };
}

export class SynergyCaseRepository {
  /** The synergies of the territory's latest analysis, in its order (best score first); empty without one. */
  async latestSynergies(db: Queryable, territoryId: string): Promise<StoredSynergyRow[]> {
    return (await db.query<StoredRow>(`${latestSynergiesSql()} ORDER BY e.n`, [territoryId])).map(toStored);
  }

  /** One synergy of the latest analysis, with the whole of its impacts (figures with methods). */
  async latestSynergy(
    db: Queryable,
    territoryId: string,
    synergyId: string,
  ): Promise<(StoredSynergyRow & { impacts: unknown }) | undefined> {
    const [row] = await db.query<StoredRow & { impacts: unknown }>(
      `${latestSynergiesSql("s->'impacts' AS impacts, ")} WHERE s->>'id' = $2`,
      [territoryId, synergyId],
    );
    return row ? { ...toStored(row), impacts: row.impacts } : undefined;
  }

  /** The case of that ID in the territory; with a lock, the row stays locked until the end of the transaction. */
  async get(db: Queryable, territoryId: string, id: string, lock?: 'update'): Promise<SynergyCaseRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await db.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.territory_id = $1 AND c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
      [territoryId, id],
    );
    return row && toCase(row);
  }

  async all(db: Queryable, territoryId: string): Promise<SynergyCaseRecord[]> {
    return (
      await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.territory_id = $1 ORDER BY c.created_at, c.id`, [
        territoryId,
      ])
    ).map(toCase);
  }

  /** Opens a case; undefined when the pair already has one in the territory. */
  async insert(db: Queryable, territoryId: string, c: NewSynergyCase): Promise<SynergyCaseRecord | undefined> {
    let id: string | undefined;
    try {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO synergy_case (territory_id, synergy_key, output_flow_id, input_flow_id, supplier_actor_id, receiver_actor_id, status, estimated,
           analysis_id, proposed_at, discussion_at, implementation_started_at, implemented_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          territoryId,
          c.synergyKey,
          c.outputFlowId,
          c.inputFlowId,
          c.supplierActorId,
          c.receiverActorId,
          c.status,
          JSON.stringify(c.estimated),
          c.analysisId,
          c.proposedAt,
          c.discussionAt,
          c.implementationStartedAt,
          c.implementedAt,
        ],
      );
      id = row?.id;
    } catch (e) {
      if (isUniqueViolation(e)) return undefined;
      throw e;
    }
    if (!id) throw new Error('insert returned no row');
    return this.get(db, territoryId, id);
  }

  /** Sets the case's changeable columns; undefined when the territory has no such case. */
  async update(db: Queryable, territoryId: string, id: string, s: SynergyCaseState): Promise<SynergyCaseRecord | undefined> {
    const rows = await db.query<{ id: string }>(
      `UPDATE synergy_case SET status = $3, abandon_reason = $4, abandon_comment = $5, owner_user_id = $6, next_steps = $7, next_step_due = $8::date,
         notes = $9, verified_impacts = $10::jsonb, proposed_at = $11, discussion_at = $12, implementation_started_at = $13, implemented_at = $14,
         abandoned_at = $15, updated_at = now()
       WHERE territory_id = $1 AND id = $2 RETURNING id`,
      [
        territoryId,
        id,
        s.status,
        s.abandonReason,
        s.abandonComment,
        s.ownerUserId,
        s.nextSteps,
        s.nextStepDue,
        s.notes,
        s.verifiedImpacts === null || s.verifiedImpacts === undefined ? null : JSON.stringify(s.verifiedImpacts),
        s.proposedAt,
        s.discussionAt,
        s.implementationStartedAt,
        s.implementedAt,
        s.abandonedAt,
      ],
    );
    return rows.length ? this.get(db, territoryId, id) : undefined;
  }

  async addEvent(
    db: Queryable,
    territoryId: string,
    caseId: string,
    e: { userId: string | null; fromStatus: SynergyStatus | null; toStatus: SynergyStatus; comment: string | null },
  ): Promise<void> {
    await db.query(
      'INSERT INTO synergy_case_event (case_id, territory_id, user_id, from_status, to_status, comment) VALUES ($1, $2, $3, $4, $5, $6)',
      [caseId, territoryId, e.userId, e.fromStatus, e.toStatus, e.comment],
    );
  }

  /** The case's events, oldest first, with the display name of who made each. */
  async events(db: Queryable, territoryId: string, caseId: string): Promise<SynergyCaseEvent[]> {
    const rows = await db.query<{
      id: string | number;
      case_id: string;
      at: Date;
      user_id: string | null;
      user_name: string | null;
      from_status: SynergyStatus | null;
      to_status: SynergyStatus;
      comment: string | null;
    }>(
      `SELECT e.id, e.case_id, e.at, e.user_id, u.display_name AS user_name, e.from_status, e.to_status, e.comment
       FROM synergy_case_event e LEFT JOIN app_user u ON u.id = e.user_id
       WHERE e.territory_id = $1 AND e.case_id = $2 ORDER BY e.at, e.id`,
      [territoryId, caseId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      caseId: r.case_id,
      at: iso(r.at),
      userId: r.user_id,
      userName: r.user_name,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      comment: r.comment,
    }));
  }

  /** The consents recorded on the territory's cases (all of them, or those of the cases given). */
  async consents(db: Queryable, territoryId: string, caseIds?: readonly string[]): Promise<DisclosureConsent[]> {
    const rows = await db.query<{
      case_id: string;
      actor_id: string;
      consented_by: string | null;
      consented_at: Date;
      withdrawn_at: Date | null;
    }>(
      `SELECT case_id, actor_id, consented_by, consented_at, withdrawn_at FROM disclosure_consent
       WHERE territory_id = $1${caseIds ? ' AND case_id = ANY($2::uuid[])' : ''} ORDER BY case_id, actor_id`,
      caseIds ? [territoryId, [...caseIds]] : [territoryId],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      actorId: r.actor_id,
      consentedBy: r.consented_by,
      consentedAt: iso(r.consented_at),
      withdrawnAt: isoOrNull(r.withdrawn_at),
    }));
  }

  /** Records (or renews, after a withdrawal) an actor's consent to disclosure on a case; false when it was live already. */
  async consent(db: Queryable, territoryId: string, caseId: string, actorId: string, userId: string | null): Promise<boolean> {
    const rows = await db.query(
      `INSERT INTO disclosure_consent (case_id, territory_id, actor_id, consented_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id, actor_id) DO UPDATE SET consented_by = EXCLUDED.consented_by, consented_at = now(), withdrawn_at = NULL
       WHERE disclosure_consent.territory_id = $2 AND disclosure_consent.withdrawn_at IS NOT NULL RETURNING case_id`,
      [caseId, territoryId, actorId, userId],
    );
    return rows.length > 0;
  }

  /** Withdraws a live consent; false when there was none. The row stays, with the time of withdrawal. */
  async withdraw(db: Queryable, territoryId: string, caseId: string, actorId: string): Promise<boolean> {
    const rows = await db.query(
      'UPDATE disclosure_consent SET withdrawn_at = now() WHERE territory_id = $1 AND case_id = $2 AND actor_id = $3 AND withdrawn_at IS NULL RETURNING case_id',
      [territoryId, caseId, actorId],
    );
    return rows.length > 0;
  }

  /**
   * The platform's secret for the opaque synergy IDs shown below facilitators, created on first
   * use with the random value given (kept in `app_meta`).
   */
  async idSecret(db: Queryable, candidate: string): Promise<string> {
    await db.query(`INSERT INTO app_meta (key, value) VALUES ('synergy_id_secret', $1) ON CONFLICT (key) DO NOTHING`, [
      JSON.stringify(candidate),
    ]);
    const [row] = await db.query<{ value: unknown }>(`SELECT value FROM app_meta WHERE key = 'synergy_id_secret'`);
    if (typeof row?.value !== 'string') throw new Error('synergy_id_secret missing from app_meta');
    return row.value;
  }
}
