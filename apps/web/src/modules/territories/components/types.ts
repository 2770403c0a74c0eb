/**
 * The records the actors pages read and write, as the API answers them (docs/api.md). The lists
 * are the browser's own (nothing of the engine is bundled) and are checked against the engine's.
 */
import type {
  ActorKind as EngineActorKind,
  FateMode as EngineFateMode,
  NeedCategory as EngineNeedCategory,
  Period as EnginePeriod,
  PurityGrade as EnginePurityGrade,
} from '@boucles/engine';
import type { Flow } from '../../../api/types.js';

export const ACTOR_KINDS = ['company', 'ess', 'public_body', 'association', 'farm', 'other'] as const satisfies readonly EngineActorKind[];
export const FLOW_DIRECTIONS = ['output', 'input'] as const;
export const FATE_MODES = [
  'landfill',
  'incineration',
  'energy_recovery',
  'recycling',
  'reuse',
  'composting',
  'anaerobic_digestion',
  'spreading',
  'other',
] as const satisfies readonly EngineFateMode[];
export const PURITY_GRADES = ['high', 'medium', 'low'] as const satisfies readonly EnginePurityGrade[];
export const NEED_CATEGORIES = [
  'waste_collection',
  'purchasing',
  'equipment',
  'service',
  'skills',
  'logistics',
] as const satisfies readonly EngineNeedCategory[];
export const PERIODS = ['year', 'month', 'week', 'day', 'once'] as const satisfies readonly EnginePeriod[];

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];
export type FateMode = (typeof FATE_MODES)[number];
export type PurityGrade = (typeof PURITY_GRADES)[number];
export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export type Period = (typeof PERIODS)[number];

/** The records as the API answers them: types generated from the server's OpenAPI document (api/types.ts). */
export type { Actor, Flow, Need, Site } from '../../../api/types.js';
export type Quantity = NonNullable<Flow['quantity']>;

/** Reference entries (GET /api/reference/…). */
export interface NafEntry {
  code: string;
  labelFr: string;
  labelEn: string | null;
  section: string;
  sectionLabelFr: string;
  sectionLabelEn: string;
}

export interface WasteEntry {
  code: string;
  chapter: string;
  labelFr: string;
  labelEn: string;
  hazardous: boolean;
}

/** The reference lists' entries, shared with the other modules (src/api/reference.ts). */
export type { CommuneEntry, HeadcountBand, PeriodEntry, ResourceEntry, Results, UnitEntry } from '../../../api/reference.js';

/** What an actor's page needs of a synergy of the latest analysis (docs/formats.md). */
export interface SynergySummary {
  id: string;
  outputFlowId: string;
  inputFlowId: string;
  supplierActorId: string;
  receiverActorId: string;
  sameActor: boolean;
  ruleId: string;
  family: string;
  distanceKm: number;
  allocation: { quantity: number; unit: string } | { quantity: null };
  score: { value: number };
}
