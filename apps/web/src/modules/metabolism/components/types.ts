/**
 * The shapes the metabolism API returns (GET /api/territories/{code}/metabolism and
 * /api/interdependencies), as far as the page uses them. The engine defines them
 * (packages/engine/src/metabolism/*.ts, docs/metabolism.md); the web app imports its types only
 * (nothing of the engine is bundled), and checks its own lists against them.
 *
 * Two views share these shapes: facilitators get every figure; contributors, readers and API keys
 * get them through statistical disclosure control (docs/metabolism.md §9), where a withheld figure
 * is null and says why (`suppressed`), and a `disclosure` report comes with the answer. A null
 * without a reason is a figure that cannot be computed, not a withheld one.
 */
import type {
  Bilingual,
  DisclosedInterdependencyRow,
  DisclosureReport,
  Family as EngineFamily,
  InterdependencyRow,
  Layer as EngineLayer,
  SuppressionReason as EngineSuppressionReason,
} from '@boucles/engine';
export type { Bilingual, DisclosureReport } from '@boucles/engine';

export const LAYERS = ['material', 'energy', 'water'] as const satisfies readonly EngineLayer[];
export type Layer = (typeof LAYERS)[number];

export const FAMILIES = [
  'agrifood',
  'construction_minerals',
  'energy_carriers',
  'manufactured',
  'wastes',
] as const satisfies readonly EngineFamily[];
export type Family = (typeof FAMILIES)[number];

/** Why a figure is withheld: fewer than 3 actors, one above 85 %, or to protect another (INSEE's « secret induit »). */
export const SUPPRESSION_REASONS = ['too_few_actors', 'dominance', 'complementary'] as const satisfies readonly EngineSuppressionReason[];
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
/** Every reason the engine gives has its words here: a new one fails the build. */
const _everyReason: [Exclude<EngineSuppressionReason, SuppressionReason>] extends [never] ? true : never = true;

/** Which fields of an object holding several figures are withheld, and why. */
export type Withheld<K extends string> = Partial<Record<K, SuppressionReason>>;

export interface Indicator {
  id: string;
  layer: Layer;
  family?: Family;
  name: Bilingual;
  value: number | null;
  unit: string;
  definition: Bilingual;
  formula: string;
  needs: 'declared' | 'statistics';
  missing?: Bilingual;
  /** null: withheld (see `suppressed`). */
  coverage?: number | null;
  suppressed?: Withheld<'value' | 'coverage'>;
}

/** A figure of the accounts: `value` null and `suppressed` set when withheld. */
export interface Amount {
  layer: Layer;
  unit: string;
  value: number | null;
  suppressed?: SuppressionReason | null;
}

export interface LayerBalance {
  layer: Layer;
  unit: string;
  entering: Amount;
  leaving: Amount;
  imbalance: Amount;
  relativeImbalance: number | null;
  /** null when the imbalance is withheld (its sign would say something). */
  side: 'entering' | 'leaving' | 'balanced' | null;
  tolerance: number;
  /** null when the imbalance is withheld. */
  exceedsTolerance: boolean | null;
  message: Bilingual;
  suppressed?: Withheld<'relativeImbalance'>;
}

export interface SankeyNode {
  id: string;
  name: Bilingual;
  kind: string;
  family?: Family;
  destination?: string;
  /**
   * Given when figures are withheld (the chart cannot compute it from links that are not there):
   * null when the node's own value is withheld. Facilitators' nodes carry none.
   */
  value?: number | null;
  suppressed?: SuppressionReason | null;
}

export interface SankeyLink {
  source: string;
  target: string;
  /** null: withheld (see `suppressed`). */
  value: number | null;
  family: Family | null;
  suppressed?: SuppressionReason | null;
}

export interface SankeyGraph {
  layer: Layer;
  unit: string;
  nodes: SankeyNode[];
  links: SankeyLink[];
}

export interface IndicatorChange {
  key: string;
  id: string;
  layer: Layer;
  family?: Family;
  name: Bilingual;
  unit: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  suppressed?: Withheld<'before' | 'after' | 'delta'>;
}

interface ScenarioFigures {
  analysisId: string;
  analysisCreatedAt: string;
  indicators: Indicator[];
  sankey: Record<Layer, SankeyGraph>;
  comparison: IndicatorChange[];
}

/** The synergies applied and skipped, listed (facilitators). */
export interface ListedScenario extends ScenarioFigures {
  applied: {
    outputFlowId: string;
    inputFlowId: string;
    layer: Layer;
    unit: string;
    requested: number;
    applied: number;
    clamped: boolean;
  }[];
  skipped: { outputFlowId: string; inputFlowId: string; reason: string; message: Bilingual }[];
}

/** The synergies applied and skipped, counted only: their flows and quantities are the actors' (disclosure control). */
export interface CountedScenario extends ScenarioFigures {
  appliedCount: number;
  skippedCount: number;
}

export type Scenario = ListedScenario | CountedScenario;

export function isCounted(scenario: Scenario): scenario is CountedScenario {
  return 'appliedCount' in scenario;
}

export interface MetabolismResponse {
  territory: { code: string; name: string };
  accounts: {
    /** Aggregates (and, for facilitators, flows) left out, with why. */
    notCounted: { kind: string; id: string; reason: string; message: Bilingual }[];
    /** Flows left out, counted only (disclosure control: their IDs are actors' records). */
    notCountedFlows?: number;
    unmappedResourceCodes: string[];
  };
  indicators: Indicator[];
  massBalance: Record<Layer, LayerBalance>;
  sankey: Record<Layer, SankeyGraph>;
  scenario: Scenario | null;
  /** Present when figures went through disclosure control (below the facilitators). */
  disclosure?: DisclosureReport;
}

/** One row of the interdependency table, exactly as the engine computes it: whole, or with figures withheld. */
export type { InterdependencyRow, DisclosedInterdependencyRow } from '@boucles/engine';
export type InterdependencyRowView = InterdependencyRow | DisclosedInterdependencyRow;
export type InterdependencyFigure = keyof DisclosedInterdependencyRow['suppressed'];

/** Why a figure of an interdependency row is withheld, if it is. */
export function rowReason(row: InterdependencyRowView, field: InterdependencyFigure): SuppressionReason | undefined {
  return 'suppressed' in row ? row.suppressed[field] : undefined;
}

export interface InterdependencyMatrix {
  layer: Layer;
  unit: string;
  codes: string[];
  values: (number | null)[][];
  basis: Bilingual;
  /** suppressed[i][j]: why values[i][j] is withheld, or null (disclosure control only). */
  suppressed?: (SuppressionReason | null)[][];
}

export interface InterdependencyResponse {
  territories: { code: string; name: string }[];
  rows: InterdependencyRowView[];
  matrices?: Record<Layer, InterdependencyMatrix>;
  notCountedFlows?: number;
  /** Present when figures went through disclosure control (below the facilitators of every territory). */
  disclosure?: DisclosureReport;
}
