/**
 * Input types of the territorial metabolism (material-flow accounts of a territory): what actors
 * declare (their flows with a yearly quantity, a current fate or origin) and the figures the user
 * enters for what actors do not declare (aggregates: household waste, extraction, imports…).
 *
 * Three layers are kept apart, each in its base unit: material (t), energy (MWh), water (m3).
 * Nothing is ever added across layers (see `amount.ts`).
 */
import type { FateMode, Family } from '../records/vocabulary.js';

export const LAYERS = ['material', 'energy', 'water'] as const;
export type Layer = (typeof LAYERS)[number];

/** Base units of the model's annual quantities, one per layer. */
export const LAYER_UNIT = { material: 't', energy: 'MWh', water: 'm3' } as const;
export type LayerUnit<L extends Layer> = (typeof LAYER_UNIT)[L];

// Families of flows (agrifood, construction minerals, energy carriers, manufactured goods, wastes):
// an enumeration of the records' vocabulary, since an aggregate is entered with its family.
export { FAMILIES, type Family } from '../records/vocabulary.js';

/** Where the outputs of the territory's actors go. */
export const DESTINATIONS = [
  'recovery_inside',
  'recovery_outside',
  'recovery_place_unknown',
  'incineration',
  'landfill',
  'other',
  'unknown',
] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Where the inputs of the territory's actors come from. */
export const ORIGINS = ['local', 'external', 'unknown'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Fate modes that recover the output (matter, energy or nutrients) rather than dispose of it. */
export const RECOVERY_MODES: readonly FateMode[] = [
  'energy_recovery',
  'recycling',
  'reuse',
  'composting',
  'anaerobic_digestion',
  'spreading',
];

/** A flow as the metabolism needs it (a subset of the model's `Flow`, plus places). */
export interface MetabolismFlow {
  id: string;
  actorId: string;
  direction: 'output' | 'input';
  resourceCode: string;
  wasteCode: string | null;
  /** The quantity per year; unit is the base unit of its dimension: t, MWh, m3, unit, h. */
  annualQuantity: { value: number; unit: string } | null;
  /** Outputs. local = recovered inside the territory; partner = territory (code) or place it goes to. */
  currentFate: { mode: FateMode; local?: boolean | undefined; partner?: string | undefined } | null;
  /** Inputs. partner = territory (code) or place it comes from. */
  currentOrigin: { recycled: boolean; local: boolean; partner?: string | undefined } | null;
}

/** A figure the user enters for what actors do not declare (household waste, energy consumption, imports of a family…). */
export interface MetabolismAggregate {
  id: string;
  label: string;
  kind: 'extraction' | 'input' | 'output' | 'stock_change';
  family: Family;
  resourceCode: string | null;
  /** Base unit: t, MWh or m3. A stock change may be negative (stock released). */
  annualQuantity: { value: number; unit: string };
  /** For kind input. */
  origin: 'local' | 'external' | null;
  /** For kind output. */
  destination: 'recovery_inside' | 'recovery_outside' | 'incineration' | 'landfill' | 'other' | null;
  /** The other territory (its code) or place, when known. */
  partner: string | null;
  year: number;
  source: { title: string; url?: string | undefined };
  estimate: boolean;
}

/** What the accounts are built from. */
export interface MetabolismInput {
  flows: readonly MetabolismFlow[];
  aggregates: readonly MetabolismAggregate[];
}

/**
 * How resource codes map to families. Prefixes follow the resource taxonomy's dots: `material.metals`
 * stands for itself and `material.metals.*`; the most specific (longest) prefix wins. An OUTPUT flow
 * with a waste code or a current fate counts in 'wastes' whatever its resource. A code no prefix
 * matches counts in `fallback` ('manufactured', the PRAEC's "other manufactured goods", by default)
 * and is listed in the accounts' `unmappedResourceCodes`.
 */
export interface FamilyMapping {
  prefixes: readonly { resource: string; family: Family }[];
  fallback?: Family | undefined;
}
