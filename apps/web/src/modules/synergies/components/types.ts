/**
 * The stored analysis as the API answers it (docs/formats.md, "Analysis result",
 * `boucles-analysis/1`): only the fields the synergy pages read.
 */
// The result's parts exactly as the engine types them (type-only: nothing of the engine is bundled).
import type { CheckName as EngineCheckName, ImpactName as EngineImpactName, ScoreComponent as EngineScoreComponent } from '@boucles/engine';
export type { Bilingual, Check, CheckStatus, FactorUsed as Factor, ImpactFigure } from '@boucles/engine';
import type { Bilingual, Check, FateMode, ImpactFigure, NeedCategory } from '@boucles/engine';

export const CHECK_NAMES = [
  'quantity',
  'months',
  'temperature',
  'quality',
  'receiver',
  'hazardous',
  'regulatory',
  'distance',
  'completeness',
] as const satisfies readonly EngineCheckName[];
export type CheckName = (typeof CHECK_NAMES)[number];

/** In the order the detail page lists them (NISP's metrics first). */
export const IMPACT_NAMES = [
  'co2eAvoided',
  'divertedFromDisposal',
  'virginMaterialSaved',
  'hazardousWasteReused',
  'waterSaved',
  'transportEmissions',
  'transportCost',
  'supplierSaving',
  'receiverSaving',
  'newSales',
  'jobs',
] as const satisfies readonly EngineImpactName[];
export type ImpactName = (typeof IMPACT_NAMES)[number];

export const SCORE_COMPONENTS = [
  'impact',
  'quantity',
  'proximity',
  'season',
  'confidence',
  'regulatory',
] as const satisfies readonly EngineScoreComponent[];
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

export interface Synergy {
  id: string;
  type?: 'substitution';
  outputFlowId: string;
  inputFlowId: string;
  supplierActorId: string;
  receiverActorId: string;
  sameActor: boolean;
  ruleId: string;
  family: string;
  distanceKm: number;
  checks: Partial<Record<CheckName, Check>>;
  impacts: {
    basis: { quantity: number | null; unit: string | null; kind: 'allocated' | 'potential' };
    mode: FateMode;
    figures: Partial<Record<ImpactName, ImpactFigure>>;
  };
  allocation: { quantity: number; unit: string; benefitPerUnit: number | null } | { quantity: null; reason: Bilingual };
  score: { value: number; components: Partial<Record<ScoreComponent, number>> };
  explanation: Bilingual;
}

export interface RejectedCandidate {
  id: string;
  outputFlowId: string;
  inputFlowId: string;
  ruleId: string;
  distanceKm: number;
  reasons: CheckName[];
}

export interface Mutualisation {
  id: string;
  kind: 'shared_need' | 'small_waste_stream';
  category: NeedCategory;
  resourceCode: string | null;
  hazardous: boolean | null;
  members: { actorId: string; needIds: string[]; flowIds: string[]; distanceToCentreKm: number }[];
  radiusKm: number;
  totalQuantity: { value: number; unit: string } | null;
  saving: {
    value: number | null;
    unit: string;
    method: Bilingual;
    parameters: { name: string; value: number | null; source: string | null; estimate: boolean }[];
    estimate: boolean;
  };
  explanation: Bilingual;
}

export interface AnalysisSummary {
  actors?: number;
  sites?: number;
  flows?: number;
  notLocatedFlows?: number;
  candidates: number;
  proposed: number;
  rejected: number;
  rejectedBy?: Partial<Record<CheckName, number>>;
  mutualisations: number;
  allocatedTonnes: number;
  co2eAvoidedTonnes: number;
  divertedTonnes: number;
}

export interface AnalysisResult {
  schema: string;
  objective: 'co2' | 'cost';
  k: number;
  weights: Partial<Record<ScoreComponent, number>>;
  summary: AnalysisSummary;
  synergies: Synergy[];
  rejected: RejectedCandidate[];
  mutualisations: Mutualisation[];
  allocation: { status: string; objectiveValue: number; objectiveUnit: string; solver: { name: string; version: string } };
}

/** `GET /api/territories/{code}/analyses/latest`. */
export interface StoredAnalysis {
  id: string;
  createdAt: string;
  engineVersion: string;
  rulesVersion: string;
  rulesSource?: string;
  impactFactorsVersion: string;
  objective: 'co2' | 'cost';
  k: number;
  seconds: number;
  summary: AnalysisSummary;
  result: AnalysisResult;
}

/** What `POST /api/territories/{code}/analyses` answers (the run without its result). */
export type AnalysisRunMeta = Omit<StoredAnalysis, 'result'>;

/** What the pages read of an actor and a flow. */
export interface ActorName {
  id: string;
  name: string;
}

export interface FlowLabel {
  id: string;
  label: string;
  resourceCode: string;
  actorId: string;
}
