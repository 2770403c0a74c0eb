/**
 * The enumerations of the territory's records: kinds, directions, fates, grades, levels and
 * categories. Imports nothing, so that every part of the engine (records, synergies, metabolism)
 * can use them without depending on one another.
 */

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

export const NEED_CATEGORIES = ['waste_collection', 'purchasing', 'equipment', 'service', 'skills', 'logistics'] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const COST_KINDS = ['cost', 'price'] as const;
export const COST_BASES = ['unit-of-quantity', 'period'] as const;

/**
 * An aggregate: a figure the local authority enters for what actors do not declare (household
 * waste collected, energy consumed, water abstracted, imports of a family…), with its year and
 * source. It feeds the territory's flow accounts (docs/metabolism.md).
 */
export const AGGREGATE_KINDS = ['extraction', 'input', 'output', 'stock_change'] as const;
export const AGGREGATE_ORIGINS = ['local', 'external'] as const;
export const AGGREGATE_DESTINATIONS = ['recovery_inside', 'recovery_outside', 'incineration', 'landfill', 'other'] as const;

/**
 * Families of flows. They follow the seeds (Occitanie PRAEC: agricultural and agrifood flows; raw
 * materials — metals… — and construction materials/minerals; energy carriers; other manufactured
 * goods), plus wastes.
 */
export const FAMILIES = ['agrifood', 'construction_minerals', 'energy_carriers', 'manufactured', 'wastes'] as const;
export type Family = (typeof FAMILIES)[number];
