/**
 * The follow-up of synergies as the API answers it (docs/access.md, "Synergy follow-up"): the
 * synergies and cases a principal may see, the pipeline's counts, and one case.
 */
import type { Bilingual } from '@boucles/engine';
import type { SYNERGY_STEPS as STEPS } from '@boucles/engine/followup';
import {
  SYNERGY_STATUSES as STATUSES,
  transitionError,
  type AbandonReason,
  type Side,
  type SynergyStatus as Status,
} from '@boucles/engine/followup';

/** The statuses, steps, abandon reasons and sides, and the moves allowed between statuses, are the engine's (the server checks the same). */
export { ABANDON_REASONS, SIDES, SYNERGY_STATUSES as STATUSES, SYNERGY_STEPS as STEPS } from '@boucles/engine/followup';
export type { AbandonReason, Side, SynergyStatus as Status } from '@boucles/engine/followup';

/** One side of a synergy: named once disclosed to the reader, else described. */
export type Party = { disclosed: true; actorId: string; name: string } | { disclosed: false; actorId?: undefined; description: Bilingual };

/** A yearly quantity (allocated, or else potential); null when not shown to the reader. */
export type QuantityValue = { value: number; unit: string } | null;

export interface SynergyItem {
  /** The synergy's ID (`outputFlowId>inputFlowId@rule`). */
  id: string;
  caseId: string | null;
  status: Status;
  resourceCode: string | null;
  family: string;
  quantity: QuantityValue;
  /** Exact for facilitators; rounded for the others. */
  distanceKm: number;
  /** Null figures for readers (no single company's figure). */
  impacts: { co2eAvoidedT: number | null; tonnesDiverted: number | null };
  /** The reader's side, when they speak for one of the parties. */
  role: Side | null;
  supplier: Party;
  receiver: Party;
}

export interface Pipeline {
  /** Synergies at each status now (one of the latest analysis without a case is `detected`). */
  counts: Record<Status, number>;
  /** How many reached each step at some point, abandoned ones included. */
  reached: Record<(typeof STEPS)[number], number>;
  /** Implemented over detected, a ratio; null when nothing was detected. */
  conversion: { detectedToImplemented: number | null };
  abandonReasons: Record<AbandonReason, number>;
  total: number;
}

/** The statuses a case may move to from `from`: the engine's transitions, the server's rule. */
export function nextStatuses(from: Status): Status[] {
  return STATUSES.filter((to) => to !== from && transitionError(from, to) === null);
}

/** A person as the API names them in a case (the owner, the author of an event). */
export type PersonRef = { id: string; displayName: string } | null;

/** The yearly impacts a case compares: estimated by the analysis, verified once implemented. */
export interface ImpactFigures {
  tonnesDiverted: number | null;
  co2eAvoidedT: number | null;
  /** Each party's savings; a contributor sees only its own side's. */
  savingsEur: { supplier: number | null; receiver: number | null };
  jobs: number | null;
  waterM3: number | null;
}

/** What the analysis estimated when the case was opened (facilitators get more: rule, score, the engine's figures). */
export interface Estimate {
  resourceCode: string | null;
  family: string;
  distanceKm: number;
  quantity: { value: number; unit: string } | null;
  impacts: ImpactFigures;
  synergyId?: string;
  ruleId?: string;
  score?: number | null;
}

/** Impacts measured once the synergy is being implemented or implemented; a figure not measured is left out. */
export interface VerifiedImpacts {
  tonnesDiverted?: number;
  co2eAvoidedT?: number;
  savingsEur?: { supplier?: number; receiver?: number };
  jobs?: number;
  waterM3?: number;
  comment?: string;
  recordedAt?: string;
}

export interface CaseEvent {
  at: string;
  fromStatus: Status | null;
  toStatus: Status;
  comment: string | null;
  user: PersonRef;
}

export interface Consent {
  /** Given to facilitators, and to a contributor for its own side. */
  actorId?: string;
  side: Side;
  consentedAt: string;
  withdrawnAt: string | null;
}

export interface SynergyCase {
  id: string;
  synergyId: string;
  status: Status;
  abandonReason: AbandonReason | null;
  abandonComment: string | null;
  owner: PersonRef;
  nextSteps: string | null;
  nextStepDue: string | null;
  notes: string | null;
  /** What the analysis estimated when the case was opened. */
  estimated: Estimate;
  verifiedImpacts: VerifiedImpacts | null;
  /** The reader's side, when they speak for one of the parties. */
  role: Side | null;
  /** Both parties consent: each sees the other's name. */
  disclosed: boolean;
  supplier: Party;
  receiver: Party;
  consents: Consent[];
  events: CaseEvent[];
}
