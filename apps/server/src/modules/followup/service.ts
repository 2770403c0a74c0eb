/**
 * Synergy follow-up: the synergies of the latest analysis and the cases opened on them, from
 * detection to implementation or abandonment, with the parties' consent to disclosure.
 *
 * What each standing sees (docs/access.md):
 * - facilitators and administrators: every synergy and case, parties named, every field;
 * - contributors: the synergies where one of their actors is supplier or receiver; their actor is
 *   named, the counterpart is described anonymously ("une entreprise du secteur « Industries
 *   alimentaires » à environ 4 km") until both parties have a live consent; no ID of the
 *   counterpart (actor, site, flow, or the synergy ID, which is made of flow IDs) ever appears;
 *   the facilitators' free text (notes, next steps, comments) stays with them, as it may name the
 *   counterpart; the counterpart's savings stay with it (declared costs are private);
 * - readers: every synergy with both parties anonymous, no actor ID at all, no figure of a
 *   single company (quantities and impacts are left out), and the pipeline's counts;
 * - API keys: nothing of the follow-up.
 * A case a principal may not see is answered exactly as a missing one.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { noNul, parseBilingual, ValidationError, type Actor, type Bilingual, type ReferenceLookup } from '@boucles/engine';
import { loadNaf, loadNafSections } from '@boucles/reference-data';
import * as z from 'zod';
import type { Database, Queryable } from '../../platform/db/database.js';
import { AppError, ConflictError, isForeignKeyViolation, NotFoundError } from '../../platform/errors.js';
import type { AccountRepository } from '../accounts/index.js';
import type { ActorRepository } from '../territories/index.js';
import type { SynergyCaseRepository } from './repository.js';
import {
  ABANDON_REASONS,
  anonymousDescription as describeAnonymously,
  furthestStep,
  roundedDistanceKm,
  SIDES,
  stampSteps,
  STEP_INDEX,
  SYNERGY_STATUSES,
  SYNERGY_STEPS,
  transitionError,
  type AbandonReason,
  type Side,
  type SynergyStatus,
  type SynergyStep,
} from '@boucles/engine';
import { type DisclosureConsent, type StoredSynergyRow, type SynergyCaseRecord, type SynergyCaseState } from './repository.js';
import { Access, can, ForbiddenError, principalUserId, type Principal, type Scope } from '../../platform/access/access.js';
import type { AuditLog } from '../../platform/audit/service.js';

export {
  ABANDON_REASONS,
  SIDES,
  SYNERGY_STATUSES,
  SYNERGY_STEPS,
  roundedDistanceKm,
  transitionError,
  type AbandonReason,
  type Side,
  type SynergyStatus,
  type SynergyStep,
} from '@boucles/engine';

export type Party = { disclosed: true; actorId: string; name: string } | { disclosed: false; description: Bilingual };

export interface SynergyItem {
  /** The analysis's synergy ID for facilitators; an opaque stable ID for the others (the real one is made of flow IDs). */
  id: string;
  caseId: string | null;
  status: SynergyStatus;
  resourceCode: string | null;
  family: string;
  /** Yearly quantity (allocated, or else potential); null for readers. */
  quantity: { value: number; unit: string } | null;
  /** Exact for facilitators; rounded for the others (nearest km under 10 km, nearest 5 km above). */
  distanceKm: number;
  impacts: { co2eAvoidedT: number | null; tonnesDiverted: number | null };
  /** The side of the contributor's actor; null for the other standings. */
  role: Side | null;
  supplier: Party;
  receiver: Party;
}

export interface SynergyList {
  items: SynergyItem[];
  total: number;
}

export interface Pipeline {
  /** Synergies at each status now; a synergy of the latest analysis without a case is `detected`. */
  counts: Record<SynergyStatus, number>;
  /** Synergies that reached each step, whether they went further, stopped there or were abandoned later. */
  reached: Record<SynergyStep, number>;
  /** Implemented over detected; null when nothing was detected. */
  conversion: { detectedToImplemented: number | null };
  abandonReasons: Record<AbandonReason, number>;
  total: number;
}

export interface EstimatedImpacts {
  tonnesDiverted: number | null;
  co2eAvoidedT: number | null;
  savingsEur: { supplier: number | null; receiver: number | null };
  jobs: number | null;
  waterM3: number | null;
}

/** What the analysis estimated when the case was opened, kept as it was then. */
export interface EstimatedSnapshot {
  synergyId: string;
  analysisId: string;
  ruleId: string;
  family: string;
  resourceCode: string | null;
  inputResourceCode: string | null;
  distanceKm: number;
  quantity: { value: number; unit: string; kind: 'allocated' | 'potential' } | null;
  score: number | null;
  impacts: EstimatedImpacts;
  /** The engine's figures with their methods, factors and sources (facilitators only). */
  figures: unknown;
}

/** The estimate as contributors and readers see it: no IDs, no methods, distance rounded. */
export interface EstimatedView {
  resourceCode: string | null;
  family: string;
  distanceKm: number;
  quantity: { value: number; unit: string } | null;
  impacts: EstimatedImpacts;
}

const nonNegative = z.number().finite().min(0);
const amount = z.number().finite();
const text = (max: number) => noNul(z.string().trim().max(max));

export const verifiedImpactsSchema = z
  .strictObject({
    tonnesDiverted: nonNegative.optional().meta({ description: 'Tonnes a year diverted from landfill or incineration, measured' }),
    co2eAvoidedT: amount
      .optional()
      .meta({ description: 't CO2e a year avoided, net of transport (negative when the exchange emits more)' }),
    savingsEur: z
      .strictObject({ supplier: amount.optional(), receiver: amount.optional() })
      .optional()
      .meta({ description: 'Euros a year saved by each party' }),
    jobs: nonNegative.optional().meta({ description: 'Jobs (FTE) created or kept' }),
    waterM3: nonNegative.optional().meta({ description: 'Cubic metres of water a year saved' }),
    comment: text(2000).optional().meta({ description: 'How the figures were measured' }),
  })
  .meta({ id: 'VerifiedImpacts' });
export type VerifiedImpacts = z.output<typeof verifiedImpactsSchema>;
export type StoredVerifiedImpacts = VerifiedImpacts & { recordedAt: string };

export const openCaseSchema = z.strictObject({
  synergyId: z.string().min(1).max(300).meta({ description: 'The ID of a synergy of the latest analysis' }),
  status: z.enum(SYNERGY_STEPS).optional().meta({ description: 'Where the case starts (default `detected`)' }),
});
export type OpenCaseInput = z.input<typeof openCaseSchema>;

export const casePatchSchema = z.strictObject({
  status: z.enum(SYNERGY_STATUSES).optional(),
  abandonReason: z.enum(ABANDON_REASONS).optional().meta({ description: 'Required when abandoning' }),
  abandonComment: text(2000).nullable().optional().meta({ description: 'Required with the reason `other`' }),
  ownerUserId: z
    .uuid()
    .nullable()
    .optional()
    .meta({ description: 'The person in charge: a facilitator or administrator of the territory' }),
  nextSteps: text(2000).nullable().optional(),
  nextStepDue: z.iso.date().nullable().optional(),
  notes: text(10000).nullable().optional(),
  verifiedImpacts: verifiedImpactsSchema
    .nullable()
    .optional()
    .meta({ description: 'Measured impacts; only once being implemented or implemented' }),
  comment: text(2000).optional().meta({ description: 'Kept with the event this change makes' }),
});
export type CasePatch = z.input<typeof casePatchSchema>;

export interface CaseConsent {
  /** The consenting actor: for facilitators, and for a contributor on its own side. */
  actorId?: string;
  side: Side;
  consentedAt: string;
  withdrawnAt: string | null;
}

export interface CaseEvent {
  at: string;
  fromStatus: SynergyStatus | null;
  toStatus: SynergyStatus;
  comment: string | null;
  user: { id: string; displayName: string } | null;
}

export interface SynergyCase {
  id: string;
  /** As in `SynergyItem.id`. */
  synergyId: string;
  status: SynergyStatus;
  abandonReason: AbandonReason | null;
  abandonComment: string | null;
  owner: { id: string; displayName: string } | null;
  nextSteps: string | null;
  nextStepDue: string | null;
  notes: string | null;
  estimated: EstimatedSnapshot | EstimatedView;
  verifiedImpacts: StoredVerifiedImpacts | null;
  role: Side | null;
  disclosed: boolean;
  supplier: Party;
  receiver: Party;
  consents: CaseConsent[];
  events: CaseEvent[];
  createdAt: string;
  updatedAt: string;
  proposedAt: string | null;
  discussionAt: string | null;
  implementationStartedAt: string | null;
  implementedAt: string | null;
  abandonedAt: string | null;
}

const CASE = { fr: 'Suivi de synergie', en: 'Synergy case' };
const SYNERGY = { fr: 'Synergie', en: 'Synergy' };

/** How a principal sees the follow-up. */
type View = { kind: 'full' } | { kind: 'contributor'; own: ReadonlySet<string> } | { kind: 'reader' };

function viewOf(scope: Scope): View {
  if (can(scope, 'records:all')) return { kind: 'full' };
  if (scope.standing === 'contribute') return { kind: 'contributor', own: scope.ownActors };
  return { kind: 'reader' };
}

/** Whether the view may see a synergy between these two actors at all. */
function visible(view: View, supplierActorId: string, receiverActorId: string): boolean {
  return view.kind !== 'contributor' || view.own.has(supplierActorId) || view.own.has(receiverActorId);
}

function roleOf(view: View, supplierActorId: string, receiverActorId: string): Side | null {
  if (view.kind !== 'contributor') return null;
  if (view.own.has(supplierActorId)) return 'supplier';
  if (view.own.has(receiverActorId)) return 'receiver';
  return null;
}

let nafLabels: { divisionsFr: Map<string, string>; sections: { from: string; to: string; labelEn: string; labelFr: string }[] } | undefined;

/**
 * The activity of a NAF code at a level that does not identify a company: its division in French
 * (INSEE's labels), its section in English (the reference data has English labels of sections only).
 */
function activityOf(nafCode: string | null): Bilingual | undefined {
  const division = nafCode && /^\d{2}/.test(nafCode) ? nafCode.slice(0, 2) : undefined;
  if (!division) return undefined;
  nafLabels ??= {
    divisionsFr: new Map(
      loadNaf()
        .filter((n) => n.level === 'division')
        .map((n) => [n.code, n.labelFr]),
    ),
    sections: loadNafSections().sections.map((s) => ({ from: s.divisions[0], to: s.divisions[1], labelEn: s.labelEn, labelFr: s.labelFr })),
  };
  const section = nafLabels.sections.find((s) => division >= s.from && division <= s.to);
  const fr = nafLabels.divisionsFr.get(division) ?? section?.labelFr;
  if (!fr || !section) return undefined;
  return { fr, en: section.labelEn };
}

/** "une entreprise du secteur « Industries alimentaires » à environ 4 km": nothing that names or locates the actor. */
export function anonymousDescription(actor: Pick<Actor, 'kind' | 'nafCode'> | undefined, distanceKm: number): Bilingual {
  return describeAnonymously(actor?.kind, activityOf(actor?.nafCode ?? null), distanceKm);
}

/** A synergy of the latest analysis or a case in follow-up, before projection. */
interface Entry {
  key: string;
  synergyId: string;
  caseRecord: SynergyCaseRecord | undefined;
  status: SynergyStatus;
  supplierActorId: string;
  receiverActorId: string;
  resourceCode: string | null;
  family: string;
  quantity: { value: number; unit: string } | null;
  distanceKm: number;
  impacts: EstimatedImpacts;
}

const keyOf = (s: { outputFlowId: string; inputFlowId: string }): string => `${s.outputFlowId}>${s.inputFlowId}`;

function impactsOf(s: StoredSynergyRow): EstimatedImpacts {
  return {
    tonnesDiverted: s.tonnesDiverted,
    co2eAvoidedT: s.co2eAvoidedT,
    savingsEur: { supplier: s.supplierSavingEur, receiver: s.receiverSavingEur },
    jobs: s.jobs,
    waterM3: s.waterM3,
  };
}

function quantityOf(s: StoredSynergyRow): EstimatedSnapshot['quantity'] {
  return s.quantity !== null && s.unit !== null ? { value: s.quantity, unit: s.unit, kind: s.basisKind ?? 'potential' } : null;
}

const snapshotOf = (c: SynergyCaseRecord): EstimatedSnapshot => c.estimated as EstimatedSnapshot;

function liveConsent(consents: readonly DisclosureConsent[], actorId: string): DisclosureConsent | undefined {
  return consents.find((c) => c.actorId === actorId && c.withdrawnAt === null);
}

/** Both parties consent, and neither withdrew. */
function bothConsent(consents: readonly DisclosureConsent[], supplierActorId: string, receiverActorId: string): boolean {
  return liveConsent(consents, supplierActorId) !== undefined && liveConsent(consents, receiverActorId) !== undefined;
}

function invalid(path: string, code: string, fr: string, en: string): ValidationError {
  return new ValidationError([{ path, code, message: { fr, en } }]);
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = parseBilingual(schema, input);
  if (!r.ok) throw new ValidationError(r.issues);
  return r.value;
}

/** The repositories this service reads and writes. */
export interface FollowUpRepos {
  accounts: AccountRepository;
  actors: ActorRepository;
  synergyCases: SynergyCaseRepository;
}

export class SynergyFollowUpService {
  private secret: Promise<string> | undefined;

  constructor(
    private readonly db: Database,
    private readonly repos: FollowUpRepos,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly reference: Pick<ReferenceLookup, 'nafCode'>,
  ) {}

  /** The synergies of the latest analysis merged with the cases, as the principal may see them. */
  async synergies(who: Principal, code: string, filter: { status?: SynergyStatus | undefined } = {}): Promise<SynergyList> {
    const scope = await this.access.scope(this.db, who, code, 'synergies:read');
    const view = viewOf(scope);
    const territoryId = scope.territory.id;
    const [entries, consents, actors] = await Promise.all([
      this.entries(this.db, territoryId),
      this.repos.synergyCases.consents(this.db, territoryId),
      this.actors(this.db, territoryId),
    ]);
    const consentsByCase = new Map<string, DisclosureConsent[]>();
    for (const c of consents) consentsByCase.set(c.caseId, [...(consentsByCase.get(c.caseId) ?? []), c]);
    const items: SynergyItem[] = [];
    for (const e of entries) {
      if (filter.status && e.status !== filter.status) continue;
      if (!visible(view, e.supplierActorId, e.receiverActorId)) continue;
      const caseConsents = e.caseRecord ? (consentsByCase.get(e.caseRecord.id) ?? []) : [];
      const disclosed = bothConsent(caseConsents, e.supplierActorId, e.receiverActorId);
      const full = view.kind === 'full';
      items.push({
        id: full ? e.synergyId : await this.opaqueId(territoryId, e.key),
        caseId: e.caseRecord?.id ?? null,
        status: e.status,
        resourceCode: e.resourceCode,
        family: e.family,
        quantity: view.kind === 'reader' ? null : e.quantity,
        distanceKm: full ? e.distanceKm : roundedDistanceKm(e.distanceKm),
        impacts:
          view.kind === 'reader'
            ? { co2eAvoidedT: null, tonnesDiverted: null }
            : { co2eAvoidedT: e.impacts.co2eAvoidedT, tonnesDiverted: e.impacts.tonnesDiverted },
        role: roleOf(view, e.supplierActorId, e.receiverActorId),
        supplier: this.party(view, e.supplierActorId, disclosed, e.distanceKm, actors),
        receiver: this.party(view, e.receiverActorId, disclosed, e.distanceKm, actors),
      });
    }
    return { items, total: items.length };
  }

  /** How many synergies are at each step, how many reached each, the conversion and why they were abandoned. */
  async pipeline(who: Principal, code: string): Promise<Pipeline> {
    const scope = await this.access.scope(this.db, who, code, 'synergies:read');
    const entries = await this.entries(this.db, scope.territory.id);
    const counts = Object.fromEntries(SYNERGY_STATUSES.map((s) => [s, 0])) as Record<SynergyStatus, number>;
    const reached = Object.fromEntries(SYNERGY_STEPS.map((s) => [s, 0])) as Record<SynergyStep, number>;
    const abandonReasons = Object.fromEntries(ABANDON_REASONS.map((r) => [r, 0])) as Record<AbandonReason, number>;
    for (const e of entries) {
      counts[e.status] += 1;
      const furthest = STEP_INDEX[furthestStep(e.caseRecord, e.status)];
      for (const step of SYNERGY_STEPS) if (STEP_INDEX[step] <= furthest) reached[step] += 1;
      const reason = e.caseRecord?.abandonReason;
      if (e.status === 'abandoned' && reason) abandonReasons[reason] += 1;
    }
    return {
      counts,
      reached,
      conversion: { detectedToImplemented: reached.detected > 0 ? reached.implemented / reached.detected : null },
      abandonReasons,
      total: entries.length,
    };
  }

  /** Takes a synergy of the latest analysis into follow-up, with a snapshot of what it estimated (facilitators). */
  async openCase(who: Principal, code: string, input: OpenCaseInput): Promise<SynergyCase> {
    const { synergyId, status = 'detected' } = parse(openCaseSchema, input);
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:facilitate');
      const territoryId = scope.territory.id;
      const s = await this.repos.synergyCases.latestSynergy(tx, territoryId, synergyId);
      if (!s) throw new NotFoundError(SYNERGY);
      const estimated: EstimatedSnapshot = {
        synergyId: s.id,
        analysisId: s.analysisId,
        ruleId: s.ruleId,
        family: s.family,
        resourceCode: s.resourceCode,
        inputResourceCode: s.inputResourceCode,
        distanceKm: s.distanceKm,
        quantity: quantityOf(s),
        score: s.score,
        impacts: impactsOf(s),
        figures: s.impacts,
      };
      const stamps = { proposedAt: null, discussionAt: null, implementationStartedAt: null, implementedAt: null };
      stampSteps(stamps, 0, status, new Date().toISOString());
      let created: SynergyCaseRecord | undefined;
      try {
        created = await this.repos.synergyCases.insert(tx, territoryId, {
          synergyKey: keyOf(s),
          outputFlowId: s.outputFlowId,
          inputFlowId: s.inputFlowId,
          supplierActorId: s.supplierActorId,
          receiverActorId: s.receiverActorId,
          status,
          estimated,
          analysisId: s.analysisId,
          ...stamps,
        });
      } catch (e) {
        // A flow or actor of the analysis was deleted since: the synergy is no more.
        if (isForeignKeyViolation(e)) throw new NotFoundError(SYNERGY);
        throw e;
      }
      if (!created) throw new ConflictError({ fr: 'cette synergie est déjà suivie', en: 'this synergy is followed already' });
      await this.repos.synergyCases.addEvent(tx, territoryId, created.id, {
        userId: principalUserId(who),
        fromStatus: null,
        toStatus: status,
        comment: null,
      });
      await this.audit.record(tx, who, {
        territoryId,
        action: 'create',
        entity: 'synergy_case',
        entityId: created.id,
        details: { synergyId: s.id, status },
      });
      return this.caseView(tx, scope, created);
    });
  }

  /** One case as the principal may see it; one it may not see is not found. */
  async getCase(who: Principal, code: string, id: string): Promise<SynergyCase> {
    const scope = await this.access.scope(this.db, who, code, 'synergies:read');
    const c = await this.visibleCase(this.db, scope, id);
    return this.caseView(this.db, scope, c);
  }

  /** Changes a case: status (validated), abandonment, person in charge, next steps, notes, verified impacts (facilitators). */
  async updateCase(who: Principal, code: string, id: string, patchInput: CasePatch): Promise<SynergyCase> {
    const patch = parse(casePatchSchema, patchInput);
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:facilitate');
      const territoryId = scope.territory.id;
      const c = await this.repos.synergyCases.get(tx, territoryId, id, 'update');
      if (!c) throw new NotFoundError(CASE);
      const now = new Date().toISOString();
      const next: SynergyCaseState = {
        status: c.status,
        abandonReason: c.abandonReason,
        abandonComment: c.abandonComment,
        ownerUserId: c.ownerUserId,
        nextSteps: c.nextSteps,
        nextStepDue: c.nextStepDue,
        notes: c.notes,
        verifiedImpacts: c.verifiedImpacts,
        proposedAt: c.proposedAt,
        discussionAt: c.discussionAt,
        implementationStartedAt: c.implementationStartedAt,
        implementedAt: c.implementedAt,
        abandonedAt: c.abandonedAt,
      };
      const to = patch.status ?? c.status;
      if (to !== c.status) {
        const error = transitionError(c.status, to);
        if (error) throw new AppError('invalid_transition', error);
        next.status = to;
        if (to === 'abandoned') {
          next.abandonedAt = now;
        } else {
          if (c.status === 'abandoned') {
            next.abandonReason = null;
            next.abandonComment = null;
            next.abandonedAt = null;
          }
          stampSteps(next, c.status === 'abandoned' ? 0 : STEP_INDEX[c.status], to, now);
        }
      }
      if (to === 'abandoned') {
        if (patch.abandonReason !== undefined) next.abandonReason = patch.abandonReason;
        if (patch.abandonComment !== undefined) next.abandonComment = patch.abandonComment || null;
        if (!next.abandonReason)
          throw invalid('abandonReason', 'required', 'raison de l’abandon requise', 'a reason for abandoning is required');
        if (next.abandonReason === 'other' && !next.abandonComment) {
          throw invalid(
            'abandonComment',
            'required',
            'un commentaire est requis avec la raison « autre »',
            'a comment is required with the reason “other”',
          );
        }
      } else if (patch.abandonReason !== undefined || (patch.abandonComment !== undefined && patch.abandonComment !== null)) {
        throw invalid(
          'abandonReason',
          'not_abandoned',
          'raison d’abandon donnée pour une synergie qui n’est pas abandonnée',
          'abandon reason given for a synergy that is not abandoned',
        );
      }
      if (patch.ownerUserId !== undefined) {
        if (patch.ownerUserId !== null && !(await this.mayBeInCharge(tx, territoryId, patch.ownerUserId))) {
          throw invalid(
            'ownerUserId',
            'invalid_owner',
            'la personne en charge doit animer ou administrer ce territoire',
            'the person in charge must be a facilitator or administrator of this territory',
          );
        }
        next.ownerUserId = patch.ownerUserId;
      }
      if (patch.nextSteps !== undefined) next.nextSteps = patch.nextSteps || null;
      if (patch.nextStepDue !== undefined) next.nextStepDue = patch.nextStepDue;
      if (patch.notes !== undefined) next.notes = patch.notes || null;
      if (patch.verifiedImpacts !== undefined) {
        if (patch.verifiedImpacts !== null && next.status !== 'being_implemented' && next.status !== 'implemented') {
          throw invalid(
            'verifiedImpacts',
            'not_implemented',
            'les impacts vérifiés se saisissent une fois la synergie en cours de mise en œuvre ou mise en œuvre',
            'verified impacts are entered once the synergy is being implemented or implemented',
          );
        }
        next.verifiedImpacts =
          patch.verifiedImpacts === null ? null : ({ ...patch.verifiedImpacts, recordedAt: now } satisfies StoredVerifiedImpacts);
      }
      const changed = (Object.keys(next) as (keyof SynergyCaseState)[]).filter(
        (k) => JSON.stringify(next[k]) !== JSON.stringify(c[k]) && !k.endsWith('At'),
      );
      if (changed.length === 0 && patch.comment === undefined) return this.caseView(tx, scope, c);
      const updated = await this.repos.synergyCases.update(tx, territoryId, c.id, next);
      if (!updated) throw new NotFoundError(CASE);
      await this.repos.synergyCases.addEvent(tx, territoryId, c.id, {
        userId: principalUserId(who),
        fromStatus: c.status,
        toStatus: next.status,
        comment: patch.comment ?? null,
      });
      // Field names and statuses only: notes, comments and next steps are free text and may hold personal data.
      await this.audit.record(tx, who, {
        territoryId,
        action: 'update',
        entity: 'synergy_case',
        entityId: c.id,
        details: {
          fields: changed,
          fromStatus: c.status,
          toStatus: next.status,
          ...(next.status === 'abandoned' ? { abandonReason: next.abandonReason } : {}),
          ...(patch.comment !== undefined ? { commented: true } : {}),
        },
      });
      return this.caseView(tx, scope, updated);
    });
  }

  /** Records the consent of one side to disclosing its identity to the other: that side's contributor, or a facilitator on its behalf. */
  async consent(who: Principal, code: string, caseId: string, side: Side): Promise<SynergyCase> {
    return this.changeConsent(who, code, caseId, side, 'disclose');
  }

  /** Withdraws that side's consent: the counterpart sees it anonymous again. */
  async withdrawConsent(who: Principal, code: string, caseId: string, side: Side): Promise<SynergyCase> {
    return this.changeConsent(who, code, caseId, side, 'withdraw');
  }

  private async changeConsent(
    who: Principal,
    code: string,
    caseId: string,
    sideInput: Side,
    action: 'disclose' | 'withdraw',
  ): Promise<SynergyCase> {
    const side = parse(z.enum(SIDES), sideInput);
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const territoryId = scope.territory.id;
      const c = await this.visibleCase(tx, scope, caseId, 'update');
      const actorId = side === 'supplier' ? c.supplierActorId : c.receiverActorId;
      if (!Access.ownsActor(scope, actorId)) throw new ForbiddenError();
      const changed =
        action === 'disclose'
          ? await this.repos.synergyCases.consent(tx, territoryId, c.id, actorId, principalUserId(who))
          : await this.repos.synergyCases.withdraw(tx, territoryId, c.id, actorId);
      if (changed)
        await this.audit.record(tx, who, { territoryId, action, entity: 'synergy_case', entityId: c.id, details: { side, actorId } });
      return this.caseView(tx, scope, c);
    });
  }

  /** The case if the scope may see it; not found otherwise, exactly as a missing one. */
  private async visibleCase(db: Queryable, scope: Scope, id: string, lock?: 'update'): Promise<SynergyCaseRecord> {
    const c = await this.repos.synergyCases.get(db, scope.territory.id, id, lock);
    if (!c || !visible(viewOf(scope), c.supplierActorId, c.receiverActorId)) throw new NotFoundError(CASE);
    return c;
  }

  /** A platform administrator, or a facilitator or administrator of the territory. */
  private async mayBeInCharge(db: Queryable, territoryId: string, userId: string): Promise<boolean> {
    const user = await this.repos.accounts.userById(db, userId);
    if (!user) return false;
    if (user.isAdmin) return true;
    const roles = await this.repos.accounts.rolesOfUsers(db, [userId]);
    return roles.some((r) => r.territoryId === territoryId && (r.role === 'facilitator' || r.role === 'administrator'));
  }

  private async actors(db: Queryable, territoryId: string): Promise<Map<string, Actor>> {
    return new Map((await this.repos.actors.all(db, territoryId)).map((a) => [a.id, a]));
  }

  /** The latest analysis's synergies (one per pair of flows, the best scored) with their cases, then the cases whose synergy it no longer has. */
  private async entries(db: Queryable, territoryId: string): Promise<Entry[]> {
    const synergies = await this.repos.synergyCases.latestSynergies(db, territoryId);
    const cases = await this.repos.synergyCases.all(db, territoryId);
    const casesByKey = new Map(cases.map((c) => [c.synergyKey, c]));
    const entries: Entry[] = [];
    const seen = new Set<string>();
    for (const s of synergies) {
      const key = keyOf(s);
      if (seen.has(key)) continue;
      seen.add(key);
      const c = casesByKey.get(key);
      entries.push(
        c
          ? this.caseEntry(c)
          : {
              key,
              synergyId: s.id,
              caseRecord: undefined,
              status: 'detected',
              supplierActorId: s.supplierActorId,
              receiverActorId: s.receiverActorId,
              resourceCode: s.resourceCode,
              family: s.family,
              quantity: s.quantity !== null && s.unit !== null ? { value: s.quantity, unit: s.unit } : null,
              distanceKm: s.distanceKm,
              impacts: impactsOf(s),
            },
      );
    }
    for (const c of cases) if (!seen.has(c.synergyKey)) entries.push(this.caseEntry(c));
    return entries;
  }

  /** A case as an entry, with the figures estimated when it was opened. */
  private caseEntry(c: SynergyCaseRecord): Entry {
    const e = snapshotOf(c);
    return {
      key: c.synergyKey,
      synergyId: e.synergyId,
      caseRecord: c,
      status: c.status,
      supplierActorId: c.supplierActorId,
      receiverActorId: c.receiverActorId,
      resourceCode: e.resourceCode,
      family: e.family,
      quantity: e.quantity ? { value: e.quantity.value, unit: e.quantity.unit } : null,
      distanceKm: e.distanceKm,
      impacts: e.impacts,
    };
  }

  private party(view: View, actorId: string, disclosed: boolean, distanceKm: number, actors: ReadonlyMap<string, Actor>): Party {
    const actor = actors.get(actorId);
    const named = view.kind === 'full' || (view.kind === 'contributor' && (view.own.has(actorId) || disclosed));
    if (named && actor) return { disclosed: true, actorId, name: actor.name };
    return { disclosed: false, description: anonymousDescription(this.known(actor), distanceKm) };
  }

  /** The actor's kind, and its NAF code when the reference data knows it. */
  private known(actor: Actor | undefined): Pick<Actor, 'kind' | 'nafCode'> | undefined {
    if (!actor) return undefined;
    return { kind: actor.kind, nafCode: actor.nafCode && this.reference.nafCode(actor.nafCode) ? actor.nafCode : null };
  }

  /** A stable ID for a pair of flows that tells nothing of them: HMAC of the territory and the pair under the platform's secret. */
  private async opaqueId(territoryId: string, key: string): Promise<string> {
    this.secret ??= this.repos.synergyCases.idSecret(this.db, randomBytes(32).toString('base64url')).catch((e: unknown) => {
      this.secret = undefined;
      throw e;
    });
    const secret = await this.secret;
    return `syn_${createHmac('sha256', secret).update(`${territoryId}:${key}`).digest('base64url').slice(0, 24)}`;
  }

  private async caseView(db: Queryable, scope: Scope, c: SynergyCaseRecord): Promise<SynergyCase> {
    const view = viewOf(scope);
    const territoryId = scope.territory.id;
    // One after the other: `db` may be a transaction's single connection.
    const consents = await this.repos.synergyCases.consents(db, territoryId, [c.id]);
    const events = await this.repos.synergyCases.events(db, territoryId, c.id);
    const supplier = await this.repos.actors.get(db, territoryId, c.supplierActorId);
    const receiver = await this.repos.actors.get(db, territoryId, c.receiverActorId);
    const actors = new Map<string, Actor>();
    for (const a of [supplier, receiver]) if (a) actors.set(a.id, a);
    const disclosed = bothConsent(consents, c.supplierActorId, c.receiverActorId);
    const estimated = snapshotOf(c);
    const full = view.kind === 'full';
    const role = roleOf(view, c.supplierActorId, c.receiverActorId);
    const own = (side: Side): boolean =>
      view.kind === 'contributor' && view.own.has(side === 'supplier' ? c.supplierActorId : c.receiverActorId);
    const consentList: CaseConsent[] = [];
    for (const side of SIDES) {
      const actorId = side === 'supplier' ? c.supplierActorId : c.receiverActorId;
      const row = consents.find((x) => x.actorId === actorId);
      if (!row) continue;
      consentList.push({ ...(full || own(side) ? { actorId } : {}), side, consentedAt: row.consentedAt, withdrawnAt: row.withdrawnAt });
    }
    const verified = c.verifiedImpacts as StoredVerifiedImpacts | null;
    let verifiedView: StoredVerifiedImpacts | null = null;
    if (verified && full) verifiedView = verified;
    else if (verified && view.kind === 'contributor') {
      const { comment: _comment, savingsEur, ...figures } = verified;
      verifiedView = {
        ...figures,
        ...(savingsEur
          ? {
              savingsEur: {
                ...(own('supplier') ? { supplier: savingsEur.supplier } : {}),
                ...(own('receiver') ? { receiver: savingsEur.receiver } : {}),
              },
            }
          : {}),
      };
    }
    const estimatedView: EstimatedSnapshot | EstimatedView = full
      ? estimated
      : {
          resourceCode: estimated.resourceCode,
          family: estimated.family,
          distanceKm: roundedDistanceKm(estimated.distanceKm),
          quantity:
            view.kind === 'reader' || !estimated.quantity ? null : { value: estimated.quantity.value, unit: estimated.quantity.unit },
          impacts:
            view.kind === 'reader'
              ? { tonnesDiverted: null, co2eAvoidedT: null, savingsEur: { supplier: null, receiver: null }, jobs: null, waterM3: null }
              : {
                  ...estimated.impacts,
                  savingsEur: {
                    supplier: own('supplier') ? estimated.impacts.savingsEur.supplier : null,
                    receiver: own('receiver') ? estimated.impacts.savingsEur.receiver : null,
                  },
                },
        };
    return {
      id: c.id,
      synergyId: full ? estimated.synergyId : await this.opaqueId(territoryId, c.synergyKey),
      status: c.status,
      abandonReason: c.abandonReason,
      abandonComment: full ? c.abandonComment : null,
      owner: view.kind !== 'reader' && c.ownerUserId && c.ownerName !== null ? { id: c.ownerUserId, displayName: c.ownerName } : null,
      nextSteps: full ? c.nextSteps : null,
      nextStepDue: view.kind === 'reader' ? null : c.nextStepDue,
      notes: full ? c.notes : null,
      estimated: estimatedView,
      verifiedImpacts: verifiedView,
      role,
      disclosed,
      supplier: this.party(view, c.supplierActorId, disclosed, estimated.distanceKm, actors),
      receiver: this.party(view, c.receiverActorId, disclosed, estimated.distanceKm, actors),
      consents: consentList,
      events: events.map((e) => ({
        at: e.at,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        comment: full ? e.comment : null,
        user: full && e.userId && e.userName !== null ? { id: e.userId, displayName: e.userName } : null,
      })),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      proposedAt: c.proposedAt,
      discussionAt: c.discussionAt,
      implementationStartedAt: c.implementationStartedAt,
      implementedAt: c.implementedAt,
      abandonedAt: c.abandonedAt,
    };
  }
}
