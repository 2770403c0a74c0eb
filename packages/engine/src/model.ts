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
