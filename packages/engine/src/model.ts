/**
 * The territory data model: territories, actors (SIRET-identified organisations), their sites,
 * the resource flows of each site and the needs actors could share (mutualisation), and the
 * aggregates the local authority enters. Every record but a territory belongs to exactly one
 * territory: the tenant. The records' shapes are defined once, in `records/`; this module adds the
 * territory and the confidentiality of flows.
 */
import type { Flow } from './records/flow.js';
import type { Period, Quantity } from './units.js';
import { type ConfidentialFlowField, type ConfidentialityLevel, type TerritoryLevel } from './records/vocabulary.js';

export * from './records/vocabulary.js';
export type { Actor, Contact } from './records/actor.js';
export type { Site } from './records/site.js';
export type { Flow, FlowQuality, CurrentFate, CurrentOrigin, FlowCost } from './records/flow.js';
export type { Need } from './records/need.js';
export type { Aggregate } from './records/aggregate.js';

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

export type { Period, Quantity };

/** The effective confidentiality of each field of a flow, defaults filled in. */
export function effectiveConfidentiality(
  declared: Partial<Record<ConfidentialFlowField, ConfidentialityLevel>>,
): Record<ConfidentialFlowField, ConfidentialityLevel> {
  return { ...DEFAULT_CONFIDENTIALITY, ...declared };
}

/** Fields of a stored flow no one is ever shown apart from the flow itself, nor filters on: they need no sources. */
type UnshownFlowField = 'territoryId' | 'confidentiality' | 'createdAt' | 'updatedAt';

/**
 * What each field shown of a flow is read or derived from, among the fields whose confidentiality
 * can be set: a field is shown to a principal only when every one of its sources is visible to it,
 * and a filter or a sort on it applies only where it is shown (otherwise the filter would tell
 * the hidden value: `?hazardous=true` finding a flow whose waste code and quality are private).
 * The one table used by the server's projections (`visibility.ts`), its flow filters and sorting
 * (`flows.repository.ts`) and the metabolism's disclosure control (`disclosure.ts`). Every field
 * of the stored flow has its entry: a new field is a compile error here until its sources are said.
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
} as const satisfies Record<Exclude<keyof Flow, UnshownFlowField>, readonly ConfidentialFlowField[]> &
  Record<string, readonly ConfidentialFlowField[]>;

export type ShownFlowField = keyof typeof FLOW_FIELD_SOURCES;

/** The fields of a flow shown to a principal that sees the confidential fields of these levels. */
export function shownFlowFields(
  declared: Partial<Record<ConfidentialFlowField, ConfidentialityLevel>>,
  levels: readonly ConfidentialityLevel[],
): Set<ShownFlowField> {
  const effective = effectiveConfidentiality(declared);
  const sources: Readonly<Record<ShownFlowField, readonly ConfidentialFlowField[]>> = FLOW_FIELD_SOURCES;
  return new Set(
    (Object.keys(sources) as ShownFlowField[]).filter((field) => sources[field].every((source) => levels.includes(effective[source]))),
  );
}
