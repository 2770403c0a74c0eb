/**
 * The follow-up of synergies as the API answers it (docs/access.md, "Synergy follow-up"): the
 * synergies and cases a principal may see, the pipeline's counts, and one case.
 */
import type { Bilingual } from '@boucles/engine';

/** From detection to implementation, in order; abandonment may come at any step. */
export const STATUSES = ['detected', 'proposed', 'in_discussion', 'being_implemented', 'implemented', 'abandoned'] as const;
export type Status = (typeof STATUSES)[number];
/** The steps of the pipeline, without abandonment. */
export const STEPS = ['detected', 'proposed', 'in_discussion', 'being_implemented', 'implemented'] as const satisfies readonly Status[];

export const ABANDON_REASONS = ['regulation', 'cost', 'quantity', 'quality', 'distance', 'timing', 'trust', 'other'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

export const SIDES = ['supplier', 'receiver'] as const;
export type Side = (typeof SIDES)[number];

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

/** The statuses a case may move to from `from` (the server's rule: forward, or abandoned; an abandoned one reopens as proposed; implemented is final). */
export function nextStatuses(from: Status): Status[] {
  if (from === 'implemented') return [];
  if (from === 'abandoned') return ['proposed'];
  const i = STEPS.indexOf(from);
  return [...STEPS.slice(i + 1), 'abandoned'];
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
