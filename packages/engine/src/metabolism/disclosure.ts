/**
 * Statistical disclosure control ("secret statistique") of the metabolism shown to readers and API
 * keys: no figure may let a single actor's confidential quantity be inferred. Given the input the
 * figures were built from, each figure of the accounts, the Sankey graphs, the mass balance, the
 * indicators, the scenario and the interdependencies is shown, or replaced by null with the reason.
 *
 * - Primary suppression: a figure resting on flows of fewer than `minActors` distinct actors (INSEE's
 *   rule: 3), or of which one actor gives more than the dominance share (INSEE: 85 %), is withheld.
 *   Aggregates entered by the facilitator are territory figures, not an actor's: they count as
 *   public, and so do flows whose quantity the actor made public (`publicFlowIds`).
 * - Complementary suppression: the figures shown must not let anyone recompute a withheld one, or
 *   any combination of one or two actors' cells, by adding and subtracting shown ones (a total minus
 *   its other parts…). The smallest figure such a computation uses is withheld too, until none is
 *   left (`disclosure-audit.ts`). An indicator (a share, an index) is shown only when the figures
 *   shown already determine what it is computed from, so it tells nothing more.
 *
 * What it does not protect against is said in docs/metabolism.md: bounds (a part cannot exceed a
 * shown total), the existence of a flow (which rows and links there are), comparisons between two
 * moments, and actors who are really one company.
 */
import type { Bilingual } from '../i18n.js';
import type { Amount } from './amount.js';
import {
  destinationOfFate,
  FamilyResolver,
  isExportAggregate,
  layerOfQuantity,
  originOfFlow,
  type Accounts,
  type LayerAccount,
  type NotCounted,
} from './accounts.js';
import type { LayerBalance, MassBalance } from './balance.js';
import { Ledger, type Audit, type Parts, type SuppressionReason } from './disclosure-audit.js';
import { indicatorKey, type Indicator } from './indicators.js';
import type { InterdependencyMatrix, InterdependencyResult, InterdependencyRow, TerritoryMetabolism } from './interdependencies.js';
import { SANKEY_ACTIVITIES_NODE, type SankeyGraph, type SankeyLink, type SankeyNode } from './sankey.js';
import type { AppliedSynergy, IndicatorChange } from './scenario.js';
import {
  DESTINATIONS,
  FAMILIES,
  LAYERS,
  ORIGINS,
  RECOVERY_MODES,
  type Destination,
  type Family,
  type FamilyMapping,
  type Layer,
  type LayerUnit,
  type MetabolismFlow,
  type MetabolismInput,
  type Origin,
} from './types.js';

export type { SuppressionReason } from './disclosure-audit.js';

/** The rules of disclosure control (the reference data's `disclosure-control.json` is a superset). */
export interface DisclosureControl {
  /** A figure resting on fewer distinct actors than this is withheld (INSEE's frequency rule: 3). */
  minActors: number;
  /** A figure one actor gives more than `share` (0–1) of is withheld (INSEE: 0.85); null: no such rule. */
  dominance: { share: number } | null;
}

export interface DisclosureOptions {
  /**
   * Flows whose quantity anyone may read (their quantity field is public): known to readers, so they
   * count as public like aggregates, not as an actor's confidential quantity.
   */
  publicFlowIds?: ReadonlySet<string> | undefined;
}

/** A figure as readers see it: its value, or null and why it is withheld. */
export type Disclosed = { value: number; suppressed: null } | { value: null; suppressed: SuppressionReason };

/** Which figures of an object holding several are withheld, and why. */
export type SuppressedFields<K extends string> = Partial<Record<K, SuppressionReason>>;

export type DisclosedAmount<L extends Layer> = { layer: L; unit: LayerUnit<L> } & Disclosed;

/**
 * A structure of the accounts with each amount in it as readers see it: the same fields, so that
 * a field added to the accounts is in their disclosed form too.
 */
type DiscloseAmounts<T, L extends Layer> =
  T extends Amount<L>
    ? DisclosedAmount<L>
    : T extends readonly (infer U)[]
      ? DiscloseAmounts<U, L>[]
      : T extends object
        ? { -readonly [K in keyof T]: K extends 'layer' | 'unit' ? T[K] : DiscloseAmounts<T[K], L> }
        : T;

export type DisclosedLayerAccount<L extends Layer> = DiscloseAmounts<LayerAccount<L>, L>;

export interface DisclosedAccounts {
  layers: { [L in Layer]: DisclosedLayerAccount<L> };
  /** Aggregates left out (flows left out are only counted: their IDs are records of actors). */
  notCounted: NotCounted[];
  notCountedFlows: number;
  unmappedResourceCodes: string[];
}

/** An indicator: `value` and `coverage` are null where withheld (`suppressed` says why). */
export type DisclosedIndicator = Omit<Indicator, 'coverage'> & {
  coverage?: number | null;
  suppressed: SuppressedFields<'value' | 'coverage'>;
};

export type DisclosedLayerBalance<L extends Layer> = Omit<
  LayerBalance<L>,
  | 'inputs'
  | 'extraction'
  | 'outputs'
  | 'stockChange'
  | 'entering'
  | 'leaving'
  | 'imbalance'
  | 'relativeImbalance'
  | 'exceedsTolerance'
  | 'side'
> & {
  inputs: DisclosedAmount<L>;
  extraction: DisclosedAmount<L>;
  outputs: DisclosedAmount<L>;
  stockChange: DisclosedAmount<L>;
  entering: DisclosedAmount<L>;
  leaving: DisclosedAmount<L>;
  imbalance: DisclosedAmount<L>;
  relativeImbalance: number | null;
  exceedsTolerance: boolean | null;
  /** null when the imbalance is withheld (its sign, or that it is zero, would say something). */
  side: LayerBalance<L>['side'] | null;
  suppressed: SuppressedFields<'relativeImbalance'>;
};

export type DisclosedMassBalance = { [L in Layer]: DisclosedLayerBalance<L> };

/** Node values are given (ECharts computes them from the links, which may be withheld). */
export type DisclosedSankeyNode = SankeyNode & Disclosed;
export type DisclosedSankeyLink = Omit<SankeyLink, 'value'> & Disclosed;
export interface DisclosedSankeyGraph<L extends Layer> {
  layer: L;
  unit: LayerUnit<L>;
  nodes: DisclosedSankeyNode[];
  links: DisclosedSankeyLink[];
}

export interface DisclosedMetabolismFigures {
  accounts: DisclosedAccounts;
  indicators: DisclosedIndicator[];
  massBalance: DisclosedMassBalance;
  sankey: { [L in Layer]: DisclosedSankeyGraph<L> };
}

export type DisclosedIndicatorChange = IndicatorChange & { suppressed: SuppressedFields<'before' | 'after' | 'delta'> };

export interface DisclosedScenario extends DisclosedMetabolismFigures {
  /** How many synergies were applied and skipped (their flows and quantities are the actors'). */
  appliedCount: number;
  skippedCount: number;
  comparison: DisclosedIndicatorChange[];
}

export interface DisclosureReport {
  minActors: number;
  dominanceShare: number | null;
  /** Figures withheld, by reason (a figure shown in several places counts once per place). */
  suppressed: Record<SuppressionReason, number>;
  /** False when the audit failed safe: every figure resting on an actor is withheld. */
  complete: boolean;
  method: Bilingual;
}

export interface DisclosedMetabolism extends DisclosedMetabolismFigures {
  scenario: DisclosedScenario | null;
  disclosure: DisclosureReport;
}

/** The figures of the metabolism as the server builds them (`metabolism()`), without scenario. */
export interface MetabolismFigures {
  accounts: Accounts;
  indicators: readonly Indicator[];
  massBalance: MassBalance;
  sankey: Readonly<Record<string, SankeyGraph<Layer>>>;
}

export interface ScenarioFigures extends MetabolismFigures {
  applied: readonly AppliedSynergy[];
  skipped: readonly unknown[];
  comparison: readonly IndicatorChange[];
}

export type DisclosedInterdependencyRow = Omit<
  InterdependencyRow,
  'declaredBySource' | 'declaredByDestination' | 'gap' | 'retained' | 'destinationInputs' | 'dependency'
> & {
  declaredBySource: number | null;
  declaredByDestination: number | null;
  gap: number | null;
  retained: number | null;
  destinationInputs: number | null;
  dependency: number | null;
  suppressed: SuppressedFields<'declaredBySource' | 'declaredByDestination' | 'gap' | 'retained' | 'destinationInputs' | 'dependency'>;
};

export type DisclosedInterdependencyMatrix<L extends Layer> = Omit<InterdependencyMatrix<L>, 'values'> & {
  values: (number | null)[][];
  /** suppressed[i][j]: why values[i][j] is withheld, or null. */
  suppressed: (SuppressionReason | null)[][];
};

export interface DisclosedInterdependencies {
  territories: { code: string; name: string }[];
  rows: DisclosedInterdependencyRow[];
  matrices: { [L in Layer]: DisclosedInterdependencyMatrix<L> };
  notCounted: { territory: string; kind: 'aggregate'; id: string; reason: string }[];
  notCountedFlows: number;
  disclosure: DisclosureReport;
}

const METHOD: Bilingual = {
  fr: "Secret statistique : une valeur qui repose sur les flux de moins de N acteurs distincts, ou dont un acteur apporte plus de la part de dominance, n'est pas affichée (null) ; d'autres valeurs sont masquées pour qu'on ne puisse pas la retrouver par addition ou soustraction. Les agrégats saisis par l'animateur sont des chiffres du territoire, publics.",
  en: 'Statistical disclosure control: a figure resting on the flows of fewer than N distinct actors, or of which one actor gives more than the dominance share, is withheld (null); other figures are withheld so that it cannot be recomputed by adding or subtracting. Aggregates entered by the facilitator are territory figures, public.',
};

const BALANCING_NODE_WITHHELD: Bilingual = {
  fr: 'Écart de bilan (non affiché : secret statistique)',
  en: 'Balancing item (withheld: statistical disclosure control)',
};

const BALANCE_WITHHELD: Bilingual = {
  fr: 'Écart de bilan non affiché (secret statistique).',
  en: 'Balancing item withheld (statistical disclosure control).',
};

/** Checks the rules; throws when they make no sense. */
export function checkDisclosureControl(control: DisclosureControl): void {
  if (!Number.isInteger(control.minActors) || control.minActors < 1)
    throw new Error(`minActors must be an integer ≥ 1, got ${control.minActors}`);
  const share = control.dominance?.share;
  if (share !== undefined && !(share > 0 && share <= 1)) throw new Error(`the dominance share must be in (0, 1], got ${share}`);
}

const rulesOf = (control: DisclosureControl) => ({ minActors: control.minActors, dominanceShare: control.dominance?.share ?? null });

const j = (x: string | null): string => JSON.stringify(x);

/** What the view says, against what the input gives: the view must have been built from it. */
function check(ledger: Ledger, key: string, shown: number): void {
  const { value, magnitude } = ledger.value(key);
  if (Math.abs(value - shown) > 1e-9 * Math.max(1, magnitude, Math.abs(shown))) {
    throw new Error(
      `disclosure control: ${key} is ${shown} in the figures but ${value} from the input — the figures were not built from this input`,
    );
  }
}

// ——— Elementary cells of the metabolism ———

interface CellOf {
  key: string;
  figures: (world: string) => string[];
}

function inputCell(
  layer: Layer,
  family: Family,
  origin: Origin,
  recycledLocal: boolean,
  partner: string | null | undefined,
  resource: string | null,
): CellOf {
  const p = origin === 'external' && partner != null && partner !== '' ? partner : null;
  return {
    key: JSON.stringify(['in', layer, family, origin, recycledLocal, p, resource]),
    figures: (w) => {
      const x = `${w}/${layer}/`;
      const out = [
        `${x}inputs/${family}/${origin}`,
        `${x}totals.inputs`,
        `${x}totals.inputsByOrigin/${origin}`,
        `${x}totals.inputsByFamily/${family}`,
        `${x}byResource/${j(resource)}/inputs`,
      ];
      if (recycledLocal) out.push(`${x}localRecycledInputs/${family}`, `${x}totals.localRecycledInputs`);
      if (origin === 'local' && !recycledLocal) out.push(`${x}localOther/${family}`);
      if (origin === 'external') out.push(p !== null ? `${x}externalByPartner/${family}/${j(p)}` : `${x}externalWithoutPartner/${family}`);
      return out;
    },
  };
}

function outputCell(layer: Layer, family: Family, destination: Destination, exported: boolean, resource: string | null): CellOf {
  return {
    key: JSON.stringify(['out', layer, family, destination, exported, resource]),
    figures: (w) => {
      const x = `${w}/${layer}/`;
      const out = [
        `${x}outputs/${family}/${destination}`,
        `${x}totals.outputs`,
        `${x}totals.outputsByDestination/${destination}`,
        `${x}totals.outputsByFamily/${family}`,
        `${x}byResource/${j(resource)}/outputs`,
      ];
      if (exported) out.push(`${x}exports/${family}`, `${x}totals.exports`);
      return out;
    },
  };
}

function otherCell(kind: 'extraction' | 'stockChange', layer: Layer, family: Family, resource: string | null): CellOf {
  return {
    key: JSON.stringify([kind, layer, family, resource]),
    figures: (w) => [`${w}/${layer}/${kind}/${family}`, `${w}/${layer}/totals.${kind}`, `${w}/${layer}/byResource/${j(resource)}/${kind}`],
  };
}

/** The cell of a declared flow as the accounts count it (null: not counted). */
function flowCell(flow: MetabolismFlow, resolver: FamilyResolver): { cell: CellOf; layer: Layer; value: number } | null {
  const where = layerOfQuantity(flow.annualQuantity);
  if ('reason' in where) return null;
  const value = (flow.annualQuantity as { value: number }).value;
  const family = resolver.ofFlow(flow);
  if (flow.direction === 'input') {
    const o = flow.currentOrigin;
    const origin = originOfFlow(o);
    return {
      cell: inputCell(where.layer, family, origin, origin === 'local' && o?.recycled === true, o?.partner, flow.resourceCode),
      layer: where.layer,
      value,
    };
  }
  const destination = destinationOfFate(flow.currentFate);
  return {
    cell: outputCell(where.layer, family, destination, destination === 'recovery_outside', flow.resourceCode),
    layer: where.layer,
    value,
  };
}

/** The flow as a synergy of the scenario leaves it (as `applySynergies` does). */
function movedFlow(flow: MetabolismFlow, layer: Layer): MetabolismFlow {
  if (flow.direction === 'input') return { ...flow, currentOrigin: { recycled: true, local: true } };
  const mode = flow.currentFate?.mode;
  const kept = mode !== undefined && RECOVERY_MODES.includes(mode) ? mode : layer === 'energy' ? 'energy_recovery' : 'reuse';
  return { ...flow, currentFate: { mode: kept, local: true } };
}

/**
 * Fills the ledger with the input's cells; with a scenario, each cell is split by where its quantity
 * is after the synergies, so that figures before and after are audited together (their difference
 * is what the synergies moved).
 */
function fillMetabolism(
  ledger: Ledger,
  input: MetabolismInput,
  families: FamilyMapping,
  options: DisclosureOptions,
  applied: readonly AppliedSynergy[] | null,
): void {
  const resolver = new FamilyResolver(families);
  const publicFlows = options.publicFlowIds ?? new Set<string>();
  const put = (before: CellOf, after: CellOf | null, actor: string | null, value: number): void => {
    const key = after === null ? before.key : `${before.key}→${after.key}`;
    ledger.add(key, actor, value, () => [...before.figures('now'), ...(after ? after.figures('scenario') : [])]);
  };

  // What each synergy moves, by flow, in order (the first flow of an ID, as applySynergies).
  const moved = new Map<string, number[]>();
  for (const a of applied ?? []) {
    for (const id of [a.outputFlowId, a.inputFlowId]) {
      let list = moved.get(id);
      if (!list) moved.set(id, (list = []));
      list.push(a.applied);
    }
  }
  const first = new Set<string>();
  for (const flow of input.flows) {
    const c = flowCell(flow, resolver);
    const isFirst = !first.has(flow.id);
    first.add(flow.id);
    if (!c) continue;
    const actor = publicFlows.has(flow.id) ? null : flow.actorId;
    if (applied === null) {
      put(c.cell, null, actor, c.value);
      continue;
    }
    const parts = isFirst ? moved.get(flow.id) : undefined;
    if (!parts) {
      put(c.cell, c.cell, actor, c.value);
      continue;
    }
    let rest = c.value;
    for (const q of parts) rest -= q;
    if (rest > 0) put(c.cell, c.cell, actor, rest);
    const after = flowCell({ ...movedFlow(flow, c.layer), annualQuantity: flow.annualQuantity }, resolver);
    for (const q of parts) if (after) put(c.cell, after.cell, actor, q);
  }

  for (const agg of input.aggregates) {
    const where = layerOfQuantity(agg.annualQuantity, agg.kind === 'stock_change');
    if ('reason' in where) continue;
    const value = agg.annualQuantity.value;
    const l = where.layer;
    const cell =
      agg.kind === 'input'
        ? inputCell(l, agg.family, agg.origin ?? 'unknown', false, agg.partner, agg.resourceCode)
        : agg.kind === 'output'
          ? outputCell(l, agg.family, agg.destination ?? 'unknown', isExportAggregate(agg), agg.resourceCode)
          : otherCell(agg.kind === 'extraction' ? 'extraction' : 'stockChange', l, agg.family, agg.resourceCode);
    put(cell, applied === null ? null : cell, null, value);
  }
}

// ——— Walking the figures ———

/** Looks a figure up: in the first pass it collects it, in the second it says whether it is shown. */
interface Lookup {
  /** A figure shown in the view, under its key in the ledger, with the value the view shows. */
  shown(key: string, value: number): Disclosed;
  /** A figure the view does not show but computes from (null: it may be used). */
  derived(parts: Parts): SuppressionReason | null;
  /** Whether a figure shown elsewhere is withheld (not counted again). */
  withheld(key: string): boolean;
}

class Walk implements Lookup {
  readonly published = new Set<string>();
  counts: Record<SuppressionReason, number> = { too_few_actors: 0, dominance: 0, complementary: 0 };
  private audit: Audit | null = null;

  constructor(private readonly ledger: Ledger) {}

  start(audit: Audit): void {
    this.audit = audit;
  }

  shown(key: string, value: number): Disclosed {
    if (!this.audit) {
      check(this.ledger, key, value);
      this.published.add(key);
      return { value, suppressed: null };
    }
    const reason = this.audit.reason(key);
    if (reason === null) return { value, suppressed: null };
    this.counts[reason]++;
    return { value: null, suppressed: reason };
  }

  withheld(key: string): boolean {
    return this.audit !== null && this.audit.reason(key) !== null;
  }

  derived(parts: Parts): SuppressionReason | null {
    // Named by what it is: both passes ask the same questions, though not always all of them.
    const key = `derived/${JSON.stringify(parts)}`;
    this.ledger.define(key, parts);
    return this.audit ? this.audit.reason(key) : null;
  }
}

function amountOf<L extends Layer>(look: Lookup, key: string, a: { layer: L; unit: LayerUnit<L>; value: number }): DisclosedAmount<L> {
  return { layer: a.layer, unit: a.unit, ...look.shown(key, a.value) };
}

function mapRecord<K extends string, T, U>(keys: readonly K[], record: Record<K, T>, f: (k: K, v: T) => U): Record<K, U> {
  return Object.fromEntries(keys.map((k) => [k, f(k, record[k])])) as Record<K, U>;
}

function walkAccounts(look: Lookup, w: string, accounts: Accounts): DisclosedAccounts {
  const layer = <L extends Layer>(l: L): DisclosedLayerAccount<L> => {
    const a = accounts.layers[l];
    const x = `${w}/${l}/`;
    const am = (key: string, v: { layer: L; unit: LayerUnit<L>; value: number }): DisclosedAmount<L> => amountOf(look, x + key, v);
    const t = a.totals;
    return {
      layer: l,
      unit: a.unit,
      inputs: mapRecord(FAMILIES, a.inputs, (f, byOrigin) => mapRecord(ORIGINS, byOrigin, (o, v) => am(`inputs/${f}/${o}`, v))),
      localRecycledInputs: mapRecord(FAMILIES, a.localRecycledInputs, (f, v) => am(`localRecycledInputs/${f}`, v)),
      outputs: mapRecord(FAMILIES, a.outputs, (f, byDestination) =>
        mapRecord(DESTINATIONS, byDestination, (d, v) => am(`outputs/${f}/${d}`, v)),
      ),
      exports: mapRecord(FAMILIES, a.exports, (f, v) => am(`exports/${f}`, v)),
      extraction: mapRecord(FAMILIES, a.extraction, (f, v) => am(`extraction/${f}`, v)),
      stockChange: mapRecord(FAMILIES, a.stockChange, (f, v) => am(`stockChange/${f}`, v)),
      externalByPartner: mapRecord(FAMILIES, a.externalByPartner, (f, list) =>
        list.map((p) => ({ partner: p.partner, amount: am(`externalByPartner/${f}/${j(p.partner)}`, p.amount) })),
      ),
      externalWithoutPartner: mapRecord(FAMILIES, a.externalWithoutPartner, (f, v) => am(`externalWithoutPartner/${f}`, v)),
      totals: {
        inputs: am('totals.inputs', t.inputs),
        inputsByOrigin: mapRecord(ORIGINS, t.inputsByOrigin, (o, v) => am(`totals.inputsByOrigin/${o}`, v)),
        inputsByFamily: mapRecord(FAMILIES, t.inputsByFamily, (f, v) => am(`totals.inputsByFamily/${f}`, v)),
        localRecycledInputs: am('totals.localRecycledInputs', t.localRecycledInputs),
        outputs: am('totals.outputs', t.outputs),
        outputsByDestination: mapRecord(DESTINATIONS, t.outputsByDestination, (d, v) => am(`totals.outputsByDestination/${d}`, v)),
        outputsByFamily: mapRecord(FAMILIES, t.outputsByFamily, (f, v) => am(`totals.outputsByFamily/${f}`, v)),
        exports: am('totals.exports', t.exports),
        extraction: am('totals.extraction', t.extraction),
        stockChange: am('totals.stockChange', t.stockChange),
      },
      byResource: a.byResource.map((r) => {
        const k = `byResource/${j(r.resourceCode)}/`;
        return {
          resourceCode: r.resourceCode,
          inputs: am(`${k}inputs`, r.inputs),
          outputs: am(`${k}outputs`, r.outputs),
          extraction: am(`${k}extraction`, r.extraction),
          stockChange: am(`${k}stockChange`, r.stockChange),
        };
      }),
      counted: { ...a.counted },
    };
  };
  return {
    layers: { material: layer('material'), energy: layer('energy'), water: layer('water') },
    notCounted: accounts.notCounted.filter((n) => n.kind === 'aggregate'),
    notCountedFlows: accounts.notCounted.filter((n) => n.kind === 'flow').length,
    unmappedResourceCodes: [...accounts.unmappedResourceCodes],
  };
}

/** Figures that are combinations of the accounts' (defined once per world and layer). */
function defineCombinations(ledger: Ledger, w: string, l: Layer): void {
  const x = `${w}/${l}/`;
  ledger.define(`${x}balance.entering`, [
    [`${x}totals.inputs`, 1],
    [`${x}totals.extraction`, 1],
  ]);
  ledger.define(`${x}balance.leaving`, [
    [`${x}totals.outputs`, 1],
    [`${x}totals.stockChange`, 1],
  ]);
  ledger.define(`${x}balance.imbalance`, [
    [`${x}balance.entering`, 1],
    [`${x}balance.leaving`, -1],
  ]);
}

function walkBalance(look: Lookup, w: string, balance: MassBalance): DisclosedMassBalance {
  const layer = <L extends Layer>(l: L): DisclosedLayerBalance<L> => {
    const b = balance[l];
    const x = `${w}/${l}/`;
    const am = (key: string, v: { layer: L; unit: LayerUnit<L>; value: number }): DisclosedAmount<L> => amountOf(look, x + key, v);
    const imbalance = am('balance.imbalance', b.imbalance);
    const larger = Math.abs(b.entering.value) >= Math.abs(b.leaving.value) ? 'balance.entering' : 'balance.leaving';
    const relative =
      b.relativeImbalance === null ? null : (look.derived([[`${x}balance.imbalance`, 1]]) ?? look.derived([[x + larger, 1]]));
    const withheld = imbalance.suppressed !== null || relative !== null;
    return {
      ...b,
      inputs: am('totals.inputs', b.inputs),
      extraction: am('totals.extraction', b.extraction),
      outputs: am('totals.outputs', b.outputs),
      stockChange: am('totals.stockChange', b.stockChange),
      entering: am('balance.entering', b.entering),
      leaving: am('balance.leaving', b.leaving),
      imbalance,
      side: imbalance.suppressed === null ? b.side : null,
      relativeImbalance: relative === null ? b.relativeImbalance : null,
      exceedsTolerance: relative === null ? b.exceedsTolerance : null,
      message: withheld ? BALANCE_WITHHELD : b.message,
      suppressed: relative === null ? {} : { relativeImbalance: relative },
    };
  };
  return { material: layer('material'), energy: layer('energy'), water: layer('water') };
}

/** The figure a Sankey link shows (a combination of the accounts'), from its two nodes. */
function linkParts(x: string, source: SankeyNode, target: SankeyNode, stockSign: (f: Family) => number): Parts {
  const stock = (sign: 1 | -1): Parts =>
    FAMILIES.filter((f) => sign * stockSign(f) > 0).map((f) => [`${x}stockChange/${f}`, sign] as const);
  if (target.kind === 'activities') {
    const f = source.family;
    switch (source.kind) {
      case 'local_loop':
        return [[`${x}localRecycledInputs/${f}`, 1]];
      case 'local_supply':
        return [[`${x}localOther/${f}`, 1]];
      case 'external_supply':
        return [[`${x}inputs/${f}/external`, 1]];
      case 'unknown_supply':
        return [[`${x}inputs/${f}/unknown`, 1]];
      case 'extraction':
        return [[`${x}extraction/${f}`, 1]];
      case 'stock_release':
        return stock(-1);
      case 'balancing_item':
        return [[`${x}balance.imbalance`, -1]];
      default:
        break;
    }
  } else if (source.kind === 'activities') {
    if (target.kind === 'output_family') return [[`${x}totals.outputsByFamily/${target.family}`, 1]];
    if (target.kind === 'stock_addition') return stock(1);
    if (target.kind === 'balancing_item') return [[`${x}balance.imbalance`, 1]];
  } else if (source.kind === 'output_family' && target.kind === 'destination') {
    return [[`${x}outputs/${source.family}/${target.destination}`, 1]];
  }
  throw new Error(`disclosure control: unknown Sankey link ${source.id} → ${target.id}`);
}

function walkSankey(
  look: Lookup,
  ledger: Ledger,
  w: string,
  accounts: Accounts,
  graphs: Readonly<Record<string, SankeyGraph<Layer>>>,
): { [L in Layer]: DisclosedSankeyGraph<L> } {
  const layer = <L extends Layer>(l: L): DisclosedSankeyGraph<L> => {
    const given = graphs[l];
    if (!given || given.layer !== l) throw new Error(`disclosure control: no Sankey graph for the ${l} layer`);
    const x = `${w}/${l}/`;
    // A withheld balancing item must not show through the graph: its side would give its sign, and
    // its absence that it is zero. It is drawn on the right, with a neutral name and no value.
    const withheld = look.withheld(`${x}balance.imbalance`);
    const graph: SankeyGraph<Layer> = withheld
      ? {
          ...given,
          nodes: [
            ...given.nodes.filter((n) => n.kind !== 'balancing_item'),
            { id: 'balancing_item', name: BALANCING_NODE_WITHHELD, kind: 'balancing_item' },
          ],
          links: [
            ...given.links.filter((k) => k.source !== 'balancing_item' && k.target !== 'balancing_item'),
            { source: SANKEY_ACTIVITIES_NODE, target: 'balancing_item', value: 0, family: null },
          ],
        }
      : given;
    const stockSign = (f: Family): number => Math.sign(accounts.layers[l].stockChange[f].value);
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const linkKey = (k: SankeyLink): string => `${x}sankey.link/${j(k.source)}/${j(k.target)}`;
    const incoming = new Map<string, SankeyLink[]>();
    const outgoing = new Map<string, SankeyLink[]>();
    const push = (m: Map<string, SankeyLink[]>, id: string, k: SankeyLink): void => {
      const list = m.get(id);
      if (list) list.push(k);
      else m.set(id, [k]);
    };
    for (const k of graph.links) {
      const s = nodes.get(k.source);
      const t = nodes.get(k.target);
      if (!s || !t) throw new Error(`disclosure control: Sankey link ${k.source} → ${k.target} without its nodes`);
      ledger.define(linkKey(k), linkParts(x, s, t, stockSign));
      push(incoming, k.target, k);
      push(outgoing, k.source, k);
    }
    const links = graph.links.map((k): DisclosedSankeyLink => ({
      source: k.source,
      target: k.target,
      family: k.family,
      ...look.shown(linkKey(k), k.value),
    }));
    const out = graph.nodes.map((n): DisclosedSankeyNode => {
      // ECharts' node value: the larger of what comes in and what goes out; here they are equal
      // except for sources (nothing in) and ends (nothing out).
      const inLinks = incoming.get(n.id) ?? [];
      const side = inLinks.length > 0 ? inLinks : (outgoing.get(n.id) ?? []);
      const parts: Parts = side.map((k) => [linkKey(k), 1] as const);
      // Named by its links too: a node whose links change between the passes is another figure.
      const key = `${x}sankey.node/${j(n.id)}/${JSON.stringify(parts)}`;
      ledger.define(key, parts);
      return {
        ...n,
        ...look.shown(
          key,
          side.reduce((s, k) => s + k.value, 0),
        ),
      };
    });
    return { layer: l, unit: graph.unit as LayerUnit<L>, nodes: out, links };
  };
  return { material: layer('material'), energy: layer('energy'), water: layer('water') };
}

/** The figures an indicator is computed from: for its value, and for its coverage. */
function indicatorParts(x: string, i: Indicator, accounts: Accounts): { value: Parts[]; coverage: Parts[] } {
  const f = i.family;
  const byDestination = (d: Destination): string => (f ? `${x}outputs/${f}/${d}` : `${x}totals.outputsByDestination/${d}`);
  const allOut = f ? `${x}totals.outputsByFamily/${f}` : `${x}totals.outputs`;
  const knownOut: Parts = DESTINATIONS.filter((d) => d !== 'unknown').map((d) => [byDestination(d), 1] as const);
  const byOrigin = (o: Origin): string => (f ? `${x}inputs/${f}/${o}` : `${x}totals.inputsByOrigin/${o}`);
  const allIn = f ? `${x}totals.inputsByFamily/${f}` : `${x}totals.inputs`;
  const knownIn: Parts = [
    [byOrigin('local'), 1],
    [byOrigin('external'), 1],
  ];
  const imp: Parts = [[byOrigin('external'), 1]];
  const exp = f ? `${x}exports/${f}` : `${x}totals.exports`;
  const de = f ? `${x}extraction/${f}` : `${x}totals.extraction`;
  switch (i.id) {
    case 'local_loop_closure':
      return { value: [[[byDestination('recovery_inside'), 1]], knownOut], coverage: [knownOut, [[allOut, 1]]] };
    case 'landfill_share':
      return { value: [[[byDestination('landfill'), 1]], knownOut], coverage: [knownOut, [[allOut, 1]]] };
    case 'incineration_share':
      return { value: [[[byDestination('incineration'), 1]], knownOut], coverage: [knownOut, [[allOut, 1]]] };
    case 'external_dependency':
      return { value: [imp, knownIn], coverage: [knownIn, [[allIn, 1]]] };
    case 'local_secondary_input_share':
      return {
        value: [[[f ? `${x}localRecycledInputs/${f}` : `${x}totals.localRecycledInputs`, 1]], knownIn],
        coverage: [knownIn, [[allIn, 1]]],
      };
    case 'external_supply_concentration': {
      const partners = new Set<string>();
      for (const fam of f ? [f] : FAMILIES) for (const p of accounts.layers[i.layer].externalByPartner[fam]) partners.add(p.partner);
      const byPartner = [...partners].map((p): Parts =>
        (f ? [f] : FAMILIES).map((fam) => [`${x}externalByPartner/${fam}/${j(p)}`, 1] as const),
      );
      const withPartner: Parts = byPartner.flat();
      return { value: byPartner, coverage: [withPartner, imp] };
    }
    case 'dmi':
      return { value: [[...imp, [de, 1]]], coverage: [] };
    case 'dmc':
      return { value: [[...imp, [de, 1], [exp, -1]]], coverage: [] };
    case 'ptb':
      return { value: [[...imp, [exp, -1]]], coverage: [] };
  }
}

function walkIndicators(look: Lookup, w: string, list: readonly Indicator[], accounts: Accounts): DisclosedIndicator[] {
  return list.map((i): DisclosedIndicator => {
    const parts = indicatorParts(`${w}/${i.layer}/`, i, accounts);
    const firstReason = (forms: Parts[]): SuppressionReason | null => {
      for (const p of forms) {
        const r = look.derived(p);
        if (r) return r;
      }
      return null;
    };
    const value = i.value === null ? null : firstReason(parts.value);
    const coverage = i.coverage === undefined ? null : firstReason(parts.coverage);
    const suppressed: SuppressedFields<'value' | 'coverage'> = {};
    if (value) suppressed.value = value;
    if (coverage) suppressed.coverage = coverage;
    const { coverage: shownCoverage, ...rest } = i;
    return {
      ...rest,
      value: value ? null : i.value,
      ...(shownCoverage === undefined ? {} : { coverage: coverage ? null : shownCoverage }),
      suppressed,
    };
  });
}

function walkFigures(look: Lookup, ledger: Ledger, w: string, figures: MetabolismFigures): DisclosedMetabolismFigures {
  for (const l of LAYERS) defineCombinations(ledger, w, l);
  return {
    accounts: walkAccounts(look, w, figures.accounts),
    indicators: walkIndicators(look, w, figures.indicators, figures.accounts),
    massBalance: walkBalance(look, w, figures.massBalance),
    sankey: walkSankey(look, ledger, w, figures.accounts, figures.sankey),
  };
}

function compare(
  before: readonly DisclosedIndicator[],
  after: readonly DisclosedIndicator[],
  changes: readonly IndicatorChange[],
): DisclosedIndicatorChange[] {
  const b = new Map(before.map((i) => [indicatorKey(i), i]));
  const a = new Map(after.map((i) => [indicatorKey(i), i]));
  return changes.map((c) => {
    const rb = b.get(c.key)?.suppressed.value;
    const ra = a.get(c.key)?.suppressed.value;
    const suppressed: SuppressedFields<'before' | 'after' | 'delta'> = {};
    if (rb) suppressed.before = rb;
    if (ra) suppressed.after = ra;
    const rd = rb ?? ra;
    if (rd) suppressed.delta = rd;
    return { ...c, before: rb ? null : c.before, after: ra ? null : c.after, delta: rd ? null : c.delta, suppressed };
  });
}

function report(control: DisclosureControl, counts: Record<SuppressionReason, number>, complete: boolean): DisclosureReport {
  return { minActors: control.minActors, dominanceShare: control.dominance?.share ?? null, suppressed: counts, complete, method: METHOD };
}

/**
 * The metabolism as readers and API keys may see it. `figures` are what `buildAccounts`,
 * `indicators`, `massBalance` and `sankey` gave for `input` (with `families`); `scenario`, when
 * shown, the same after `applySynergies` with what it applied, and `compareScenario`'s rows.
 * Throws if the figures were not built from this input.
 */
export function discloseMetabolism(
  input: MetabolismInput,
  figures: MetabolismFigures,
  families: FamilyMapping,
  control: DisclosureControl,
  scenario: ScenarioFigures | null = null,
  options: DisclosureOptions = {},
): DisclosedMetabolism {
  checkDisclosureControl(control);
  const ledger = new Ledger();
  fillMetabolism(ledger, input, families, options, scenario ? scenario.applied : null);
  const walk = new Walk(ledger);
  const run = () => {
    const current = walkFigures(walk, ledger, 'now', figures);
    const after = scenario ? walkFigures(walk, ledger, 'scenario', scenario) : null;
    return { current, after };
  };
  run();
  const audit = ledger.audit(walk.published, rulesOf(control));
  walk.start(audit);
  const { current, after } = run();
  return {
    ...current,
    scenario:
      scenario && after
        ? {
            ...after,
            appliedCount: scenario.applied.length,
            skippedCount: scenario.skipped.length,
            comparison: compare(current.indicators, after.indicators, scenario.comparison),
          }
        : null,
    disclosure: report(control, walk.counts, audit.complete),
  };
}

/**
 * The interdependencies between territories as readers and API keys may see them. `territories`
 * are those `interdependencies` was given (each one's input), `result` what it gave.
 */
export function discloseInterdependencies(
  result: InterdependencyResult,
  territories: readonly TerritoryMetabolism[],
  families: FamilyMapping,
  control: DisclosureControl,
  options: DisclosureOptions = {},
): DisclosedInterdependencies {
  checkDisclosureControl(control);
  const codes = new Set(territories.map((t) => t.code));
  for (const t of result.territories) if (!codes.has(t.code)) throw new Error(`disclosure control: no input for territory ${t.code}`);
  const ledger = new Ledger();
  const resolver = new FamilyResolver(families);
  const publicFlows = options.publicFlowIds ?? new Set<string>();
  const pair = (from: string, to: string): string => `${j(from)}>${j(to)}`;
  const inCell = (t: string, from: string | null, l: Layer, f: Family, actor: string | null, value: number): void => {
    ledger.add(JSON.stringify(['in', t, from, l, f]), actor, value, () => [
      `dest/${j(t)}/${l}/${f}`,
      `dest/${j(t)}/${l}`,
      ...(from === null ? [] : [`byDestination/${pair(from, t)}/${l}/${f}`, `byDestination/${pair(from, t)}/${l}`]),
    ]);
  };
  const outCell = (t: string, to: string, l: Layer, f: Family, actor: string | null, value: number): void => {
    ledger.add(JSON.stringify(['out', t, to, l, f]), actor, value, () => [
      `bySource/${pair(t, to)}/${l}/${f}`,
      `bySource/${pair(t, to)}/${l}`,
    ]);
  };
  for (const t of territories) {
    const other = (partner: string | null | undefined): string | null =>
      partner != null && partner !== t.code && codes.has(partner) ? partner : null;
    for (const flow of t.input.flows) {
      const where = layerOfQuantity(flow.annualQuantity);
      if ('reason' in where) continue;
      const value = (flow.annualQuantity as { value: number }).value;
      const family = resolver.ofFlow(flow);
      const actor = publicFlows.has(flow.id) ? null : flow.actorId;
      if (flow.direction === 'input') inCell(t.code, other(flow.currentOrigin?.partner), where.layer, family, actor, value);
      else {
        const to = other(flow.currentFate?.partner);
        if (to !== null) outCell(t.code, to, where.layer, family, actor, value);
      }
    }
    for (const agg of t.input.aggregates) {
      if (agg.kind !== 'input' && agg.kind !== 'output') continue;
      const where = layerOfQuantity(agg.annualQuantity);
      if ('reason' in where) continue;
      const partner = other(agg.partner);
      if (agg.kind === 'input') inCell(t.code, partner, where.layer, agg.family, null, agg.annualQuantity.value);
      else if (partner !== null) outCell(t.code, partner, where.layer, agg.family, null, agg.annualQuantity.value);
    }
  }

  const walk = new Walk(ledger);
  const rowKeys = (r: InterdependencyRow) => {
    const s = `${pair(r.from, r.to)}/${r.layer}${r.family ? `/${r.family}` : ''}`;
    const keys = {
      bySource: `bySource/${s}`,
      byDestination: `byDestination/${s}`,
      gap: `gap/${s}`,
      retained: `retained/${s}`,
      inputs: `dest/${j(r.to)}/${r.layer}${r.family ? `/${r.family}` : ''}`,
    };
    ledger.define(keys.gap, [
      [keys.bySource, 1],
      [keys.byDestination, -1],
    ]);
    ledger.define(keys.retained, [[r.declaredBySource >= r.declaredByDestination ? keys.bySource : keys.byDestination, 1]]);
    return keys;
  };
  const walkRows = (look: Lookup): DisclosedInterdependencyRow[] =>
    result.rows.map((r): DisclosedInterdependencyRow => {
      const k = rowKeys(r);
      const fields = {
        declaredBySource: look.shown(k.bySource, r.declaredBySource),
        declaredByDestination: look.shown(k.byDestination, r.declaredByDestination),
        gap: look.shown(k.gap, r.gap),
        retained: look.shown(k.retained, r.retained),
        destinationInputs: look.shown(k.inputs, r.destinationInputs),
      };
      const dependency =
        r.dependency === null
          ? null
          : (look.derived([[k.retained, 1]]) ??
            look.derived([
              [k.inputs, 1],
              [k.byDestination, -1],
              [k.retained, 1],
            ]));
      const suppressed: DisclosedInterdependencyRow['suppressed'] = {};
      for (const [name, d] of Object.entries(fields) as [keyof typeof fields, Disclosed][])
        if (d.suppressed) suppressed[name] = d.suppressed;
      if (dependency) suppressed.dependency = dependency;
      return {
        ...r,
        declaredBySource: fields.declaredBySource.value,
        declaredByDestination: fields.declaredByDestination.value,
        gap: fields.gap.value,
        retained: fields.retained.value,
        destinationInputs: fields.destinationInputs.value,
        dependency: dependency ? null : r.dependency,
        suppressed,
      };
    });
  const walkMatrix = <L extends Layer>(look: Lookup, m: InterdependencyMatrix<L>): DisclosedInterdependencyMatrix<L> => {
    const total = new Map(result.rows.filter((r) => r.layer === m.layer && r.family === null).map((r) => [pair(r.from, r.to), r]));
    const values: (number | null)[][] = [];
    const suppressed: (SuppressionReason | null)[][] = [];
    m.codes.forEach((from, i) => {
      const vs: (number | null)[] = [];
      const ss: (SuppressionReason | null)[] = [];
      m.codes.forEach((to, jx) => {
        const v = m.values[i]?.[jx] ?? 0;
        const r = total.get(pair(from, to));
        const d: Disclosed = r ? look.shown(rowKeys(r).retained, v) : { value: v, suppressed: null };
        vs.push(d.value);
        ss.push(d.suppressed);
      });
      values.push(vs);
      suppressed.push(ss);
    });
    return { ...m, values, suppressed };
  };
  const run = (look: Lookup) => ({
    rows: walkRows(look),
    matrices: {
      material: walkMatrix(look, result.matrices.material),
      energy: walkMatrix(look, result.matrices.energy),
      water: walkMatrix(look, result.matrices.water),
    },
  });
  run(walk);
  const audit = ledger.audit(walk.published, rulesOf(control));
  walk.start(audit);
  const { rows, matrices } = run(walk);
  return {
    territories: result.territories.map((t) => ({ ...t })),
    rows,
    matrices,
    notCounted: result.notCounted.filter((n): n is DisclosedInterdependencies['notCounted'][number] => n.kind === 'aggregate'),
    notCountedFlows: result.notCounted.filter((n) => n.kind === 'flow').length,
    disclosure: report(control, walk.counts, audit.complete),
  };
}
