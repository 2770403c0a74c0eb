/**
 * The shapes the metabolism API returns (GET /api/territories/{code}/metabolism and
 * /api/interdependencies), as far as the page uses them. The engine defines them
 * (packages/engine/src/metabolism/*.ts, docs/metabolism.md); the web app imports its types only
 * (nothing of the engine is bundled), and checks its own lists against them.
 */
import type { Bilingual, Family as EngineFamily, Layer as EngineLayer } from '@boucles/engine';
export type { Bilingual } from '@boucles/engine';

export const LAYERS = ['material', 'energy', 'water'] as const satisfies readonly EngineLayer[];
export type Layer = (typeof LAYERS)[number];

export const FAMILIES = ['agrifood', 'construction_minerals', 'energy_carriers', 'manufactured', 'wastes'] as const satisfies readonly EngineFamily[];
export type Family = (typeof FAMILIES)[number];

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
  coverage?: number;
}

export interface Amount {
  layer: Layer;
  unit: string;
  value: number;
}

export interface LayerBalance {
  layer: Layer;
  unit: string;
  entering: Amount;
  leaving: Amount;
  imbalance: Amount;
  relativeImbalance: number | null;
  side: 'entering' | 'leaving' | 'balanced';
  tolerance: number;
  exceedsTolerance: boolean;
  message: Bilingual;
}

export interface SankeyNode {
  id: string;
  name: Bilingual;
  kind: string;
  family?: Family;
  destination?: string;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
  family: Family | null;
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
}

export interface Scenario {
  analysisId: string;
  analysisCreatedAt: string;
  applied: { outputFlowId: string; inputFlowId: string; layer: Layer; unit: string; requested: number; applied: number; clamped: boolean }[];
  skipped: { outputFlowId: string; inputFlowId: string; reason: string; message: Bilingual }[];
  indicators: Indicator[];
  sankey: Record<Layer, SankeyGraph>;
  comparison: IndicatorChange[];
}

export interface MetabolismResponse {
  territory: { code: string; name: string };
  accounts: { notCounted: { kind: string; id: string; reason: string; message: Bilingual }[]; unmappedResourceCodes: string[] };
  indicators: Indicator[];
  massBalance: Record<Layer, LayerBalance>;
  sankey: Record<Layer, SankeyGraph>;
  scenario: Scenario | null;
}

/** One row of the interdependency table, exactly as the engine computes it. */
export type { InterdependencyRow } from '@boucles/engine';
import type { InterdependencyRow } from '@boucles/engine';

export interface InterdependencyResponse {
  territories: { code: string; name: string }[];
  rows: InterdependencyRow[];
}
