/**
 * The territory data model: territories, actors (SIRET-identified organisations), their sites,
 * the resource flows of each site and the needs actors could share (mutualisation).
 * Every record but a territory belongs to exactly one territory: the tenant.
 */
import type { LatLon } from './geo.js';
import type { Period, Quantity } from './units.js';
import type { Family } from './metabolism/types.js';

export const TERRITORY_LEVELS = ['commune', 'epci', 'departement', 'region', 'custom'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export const ACTOR_KINDS = ['company', 'ess', 'public_body', 'association', 'farm', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const FLOW_DIRECTIONS = ['output', 'input'] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

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
] as const;
export type FateMode = (typeof FATE_MODES)[number];

export const PURITY_GRADES = ['high', 'medium', 'low'] as const;
export type PurityGrade = (typeof PURITY_GRADES)[number];

export const CONFIDENTIALITY_LEVELS = ['public', 'territory', 'private'] as const;
/** public: anyone with access to the territory; territory: facilitators; private: the actor and facilitators. */
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

/** The flow fields whose visibility can be set one by one. */
export const CONFIDENTIAL_FLOW_FIELDS = [
  'label',
  'wasteCode',
  'quantity',
  'monthsAvailable',
  'quality',
  'currentFate',
  'currentOrigin',
  'cost',
] as const;
export type ConfidentialFlowField = (typeof CONFIDENTIAL_FLOW_FIELDS)[number];

/** What a field is when the declaring actor said nothing: figures stay with the facilitators. */
export const DEFAULT_CONFIDENTIALITY: Readonly<Record<ConfidentialFlowField, ConfidentialityLevel>> = {
  label: 'public',
  wasteCode: 'public',
  monthsAvailable: 'public',
  quality: 'territory',
  quantity: 'territory',
  currentFate: 'territory',
  currentOrigin: 'territory',
  cost: 'private',
};

export const NEED_CATEGORIES = ['waste_collection', 'purchasing', 'equipment', 'service', 'skills', 'logistics'] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const COST_KINDS = ['cost', 'price'] as const;
export const COST_BASES = ['unit-of-quantity', 'period'] as const;

export interface Territory {
  id: string;
  code: string;
  level: TerritoryLevel;
  name: string;
  description: string | null;
  fictional: boolean;
  communes: string[];
  /** A GeoJSON Polygon or MultiPolygon in WGS84, when known. */
  boundary: GeoJsonGeometry | null;
  createdAt: string;
  updatedAt: string;
}

export interface GeoJsonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface Contact {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface Actor {
  id: string;
  territoryId: string;
  externalId: string | null;
  siret: string | null;
  siren: string | null;
  name: string;
  nafCode: string | null;
  kind: ActorKind;
  headcountBand: string | null;
  ess: boolean;
  contact: Contact;
  createdAt: string;
  updatedAt: string;
}

export interface Site {
  id: string;
  territoryId: string;
  actorId: string;
  externalId: string | null;
  name: string;
  address: string | null;
  communeCode: string;
  location: LatLon | null;
  createdAt: string;
  updatedAt: string;
}

export interface FlowQuality {
  temperatureC?: number | undefined;
  moisturePct?: number | undefined;
  purityGrade?: PurityGrade | undefined;
  hazardous?: boolean | undefined;
}

export interface CurrentFate {
  mode: FateMode;
  operationCode?: string | undefined;
  /** Recovered inside the territory (true) or outside (false); unknown when absent. */
  local?: boolean | undefined;
  /** Where it goes: a territory code or a place. */
  partner?: string | undefined;
}

export interface CurrentOrigin {
  recycled: boolean;
  local: boolean;
  /** Where it comes from: a territory code or a place. */
  partner?: string | undefined;
}

export interface FlowCost {
  amountEur: number;
  per: (typeof COST_BASES)[number];
  kind: (typeof COST_KINDS)[number];
}

export interface Flow {
  id: string;
  territoryId: string;
  siteId: string;
  actorId: string;
  externalId: string | null;
  direction: FlowDirection;
  resourceCode: string;
  wasteCode: string | null;
  label: string;
  quantity: Quantity | null;
  /** The quantity per year in its dimension's base unit (t/yr, MWh/yr, m3/yr, unit/yr), derived. */
  annualQuantity: { value: number; unit: string } | null;
  monthsAvailable: number[] | null;
  /** What the declarant said; `quality.hazardous` is left out when they said nothing. */
  quality: FlowQuality;
  /** Derived: the declared flag, or else whether the waste code is starred (hazardous). */
  hazardous: boolean;
  currentFate: CurrentFate | null;
  currentOrigin: CurrentOrigin | null;
  cost: FlowCost | null;
  confidentiality: Partial<Record<ConfidentialFlowField, ConfidentialityLevel>>;
  createdAt: string;
  updatedAt: string;
}

export interface Need {
  id: string;
  territoryId: string;
  actorId: string;
  externalId: string | null;
  category: NeedCategory;
  description: string;
  resourceCode: string | null;
  quantity: Quantity | null;
  createdAt: string;
  updatedAt: string;
}

/** A figure the local authority enters for what actors do not declare (see `aggregateInputSchema`). */
export interface Aggregate {
  id: string;
  territoryId: string;
  externalId: string | null;
  label: string;
  kind: 'extraction' | 'input' | 'output' | 'stock_change';
  family: Family;
  resourceCode: string | null;
  quantity: Quantity;
  /** The quantity per year in its dimension's base unit, derived. */
  annualQuantity: { value: number; unit: string };
  origin: 'local' | 'external' | null;
  destination: 'recovery_inside' | 'recovery_outside' | 'incineration' | 'landfill' | 'other' | null;
  partner: string | null;
  year: number;
  source: { title: string; url?: string | undefined };
  estimate: boolean;
  createdAt: string;
  updatedAt: string;
}

export type { Period, Quantity };

/** The effective confidentiality of each field of a flow, defaults filled in. */
export function effectiveConfidentiality(
  declared: Partial<Record<ConfidentialFlowField, ConfidentialityLevel>>,
): Record<ConfidentialFlowField, ConfidentialityLevel> {
  return { ...DEFAULT_CONFIDENTIALITY, ...declared };
}

/**
 * What each field shown of a flow is read or derived from, among the fields whose confidentiality
 * can be set: a field is shown to a principal only when every one of its sources is visible to it,
 * and a filter or a sort on it applies only where it is shown (otherwise the filter would tell
 * the hidden value: `?hazardous=true` finding a flow whose waste code and quality are private).
 * The one table used by the server's projections (`visibility.ts`), its flow filters and sorting
 * (`repositories/flows.ts`) and the metabolism's disclosure control (`disclosure.ts`).
 */
export const FLOW_FIELD_SOURCES = {
  // Identity and classification: never confidential.
  id: [],
  siteId: [],
  actorId: [],
  externalId: [],
  direction: [],
  resourceCode: [],
  /** The resource's family (metabolism, synergies): from the resource code. */
  resourceFamily: [],
  label: ['label'],
  wasteCode: ['wasteCode'],
  quantity: ['quantity'],
  /** The quantity per year in the base unit of its dimension. */
  annualQuantity: ['quantity'],
  monthsAvailable: ['monthsAvailable'],
  quality: ['quality'],
  /** `quality.hazardous` as declared, or else whether the waste code is starred. */
  hazardous: ['quality', 'wasteCode'],
  currentFate: ['currentFate'],
  currentOrigin: ['currentOrigin'],
  cost: ['cost'],
  /**
   * Where an output counts in the metabolism: its yearly quantity, its family ('wastes' when it has
   * a waste code or a fate) and its destination (the fate's mode, place and partner).
   */
  metabolismOutput: ['quantity', 'wasteCode', 'currentFate'],
  /** Where an input counts in the metabolism: its yearly quantity and its origin (local, recycled, partner). */
  metabolismInput: ['quantity', 'currentOrigin'],
} as const satisfies Record<string, readonly ConfidentialFlowField[]>;

export type ShownFlowField = keyof typeof FLOW_FIELD_SOURCES;

/** The fields of a flow shown to a principal that sees the confidential fields of these levels. */
export function shownFlowFields(
  declared: Partial<Record<ConfidentialFlowField, ConfidentialityLevel>>,
  levels: readonly ConfidentialityLevel[],
): Set<ShownFlowField> {
  const effective = effectiveConfidentiality(declared);
  const sources: Readonly<Record<ShownFlowField, readonly ConfidentialFlowField[]>> = FLOW_FIELD_SOURCES;
  return new Set((Object.keys(sources) as ShownFlowField[]).filter((field) => sources[field].every((source) => levels.includes(effective[source]))));
}
