/**
 * Flow accounts of a territory, per layer (material in t, energy in MWh, water in m3): inputs by
 * family × origin, outputs by family × destination, extraction and stock change, totals, and by
 * resource code. A flow whose yearly quantity is missing or is in a unit of no layer (counts in
 * `unit`, hours…) is not counted, and is listed in `notCounted` with the reason: it is never
 * converted. Each flow's quantity goes to the one layer of its unit, and amounts carry their
 * layer (`amount.ts`): nothing is added across layers.
 *
 * Sums are exact then rounded once (`exact-sum.ts`): the accounts do not depend on input order.
 */
import type { Bilingual } from '../i18n.js';
import { amount, layerOfUnit, type Amount } from './amount.js';
import { ExactSum } from './exact-sum.js';
import {
  DESTINATIONS,
  FAMILIES,
  LAYER_UNIT,
  ORIGINS,
  RECOVERY_MODES,
  type Destination,
  type Family,
  type FamilyMapping,
  type Layer,
  type LayerUnit,
  type MetabolismAggregate,
  type MetabolismFlow,
  type MetabolismInput,
  type Origin,
} from './types.js';

export type NotCountedReason = 'no_quantity' | 'unit_not_in_a_layer' | 'invalid_quantity';

/** A flow or an aggregate left out of the accounts, and why. */
export interface NotCounted {
  kind: 'flow' | 'aggregate';
  id: string;
  reason: NotCountedReason;
  /** The unit it was given in, if any. */
  unit: string | null;
  message: Bilingual;
}

export interface ResourceAccount<L extends Layer> {
  /** null for aggregates entered without a resource code. */
  resourceCode: string | null;
  inputs: Amount<L>;
  outputs: Amount<L>;
  extraction: Amount<L>;
  stockChange: Amount<L>;
}

export interface PartnerAmount<L extends Layer> {
  partner: string;
  amount: Amount<L>;
}

/** The accounts of one layer. Every amount is in the layer's unit. */
export interface LayerAccount<L extends Layer> {
  layer: L;
  unit: LayerUnit<L>;
  /** Inputs of the territory's actors (declared flows and input aggregates) by family and origin. */
  inputs: Record<Family, Record<Origin, Amount<L>>>;
  /** Inputs declared recycled and local: the local loop as the receivers see it (included in `inputs[f].local`). */
  localRecycledInputs: Record<Family, Amount<L>>;
  /** Outputs (declared flows and output aggregates) by family and destination. */
  outputs: Record<Family, Record<Destination, Amount<L>>>;
  /**
   * Outputs leaving the territory (EXP): outputs recovered outside, and output aggregates naming a
   * partner (another territory or place) that are not recovered inside. Included in `outputs`.
   */
  exports: Record<Family, Amount<L>>;
  /** Extraction aggregates (DE: domestic extraction used). */
  extraction: Record<Family, Amount<L>>;
  /** Stock-change aggregates (positive: added to stock; negative: released). */
  stockChange: Record<Family, Amount<L>>;
  /** External inputs whose partner (territory or place of origin) is known, sorted by partner. */
  externalByPartner: Record<Family, PartnerAmount<L>[]>;
  /** External inputs whose partner is not known (included in `inputs[f].external`). */
  externalWithoutPartner: Record<Family, Amount<L>>;
  totals: {
    inputs: Amount<L>;
    inputsByOrigin: Record<Origin, Amount<L>>;
    inputsByFamily: Record<Family, Amount<L>>;
    localRecycledInputs: Amount<L>;
    outputs: Amount<L>;
    outputsByDestination: Record<Destination, Amount<L>>;
    outputsByFamily: Record<Family, Amount<L>>;
    exports: Amount<L>;
    extraction: Amount<L>;
    stockChange: Amount<L>;
  };
  /** Sorted by resource code, aggregates without a code last. */
  byResource: ResourceAccount<L>[];
  counted: { flows: number; aggregates: number; extractionAggregates: number };
}

export interface Accounts {
  layers: { [L in Layer]: LayerAccount<L> };
  /** Flows and aggregates left out, sorted by kind then ID. */
  notCounted: NotCounted[];
  /** Resource codes no prefix of the family mapping matched (counted in the fallback family), sorted. */
  unmappedResourceCodes: string[];
}

/** Where an output goes, from its current fate (see docs/metabolism.md). */
export function destinationOfFate(fate: MetabolismFlow['currentFate']): Destination {
  if (fate == null) return 'unknown';
  switch (fate.mode) {
    case 'landfill':
      return 'landfill';
    case 'incineration':
      return 'incineration';
    case 'other':
      return 'other';
    default:
      if (!RECOVERY_MODES.includes(fate.mode)) return 'other';
      return fate.local === true ? 'recovery_inside' : fate.local === false ? 'recovery_outside' : 'recovery_place_unknown';
  }
}

/** Where an input comes from, from its current origin. */
export function originOfFlow(origin: MetabolismFlow['currentOrigin']): Origin {
  if (origin == null) return 'unknown';
  return origin.local ? 'local' : 'external';
}

/** Whether an output aggregate leaves the territory (counts in EXP). */
export function isExportAggregate(a: Pick<MetabolismAggregate, 'destination' | 'partner'>): boolean {
  return a.destination === 'recovery_outside' || (a.partner !== null && a.destination !== 'recovery_inside');
}

/** Resolves families from resource codes with a mapping, caching codes. */
/** Resource classes whose outputs are not waste without a waste code. */
const NOT_WASTE = /^(?:energy|water|gas)(?:\.|$)/;

export class FamilyResolver {
  private readonly byPrefix = new Map<string, Family>();
  private readonly cache = new Map<string, { family: Family; mapped: boolean }>();
  private readonly fallback: Family;

  constructor(mapping: FamilyMapping) {
    // On a prefix given twice, the first one counts.
    for (const p of mapping.prefixes) if (!this.byPrefix.has(p.resource)) this.byPrefix.set(p.resource, p.family);
    this.fallback = mapping.fallback ?? 'manufactured';
  }

  /** The family of a resource code: its most specific prefix's, else the fallback (mapped: false). */
  ofResource(code: string): { family: Family; mapped: boolean } {
    let found = this.cache.get(code);
    if (found) return found;
    let prefix = code;
    for (;;) {
      const family = this.byPrefix.get(prefix);
      if (family !== undefined) {
        found = { family, mapped: true };
        break;
      }
      const dot = prefix.lastIndexOf('.');
      if (dot < 0) {
        found = { family: this.fallback, mapped: false };
        break;
      }
      prefix = prefix.slice(0, dot);
    }
    this.cache.set(code, found);
    return found;
  }

  /**
   * The family of a flow: 'wastes' for an output with a waste code, or a material output with a
   * current fate other than `other`; else its resource's. Energy, water and gases let go (injected
   * electricity, waste heat, treated water, CO2) keep their resource's family: they are not waste.
   */
  ofFlow(flow: Pick<MetabolismFlow, 'direction' | 'resourceCode' | 'wasteCode' | 'currentFate'>): Family {
    if (flow.direction === 'output') {
      if (flow.wasteCode != null) return 'wastes';
      if (flow.currentFate != null && flow.currentFate.mode !== 'other' && !NOT_WASTE.test(flow.resourceCode)) return 'wastes';
    }
    return this.ofResource(flow.resourceCode).family;
  }
}

/** The layer a yearly quantity counts in, or why it does not count. */
export function layerOfQuantity(
  q: { value: number; unit: string } | null,
  allowNegative = false,
): { layer: Layer } | { reason: NotCountedReason } {
  if (q == null) return { reason: 'no_quantity' };
  const layer = layerOfUnit(q.unit);
  if (layer === null) return { reason: 'unit_not_in_a_layer' };
  if (typeof q.value !== 'number' || !Number.isFinite(q.value) || (!allowNegative && q.value < 0)) return { reason: 'invalid_quantity' };
  return { layer };
}

export function notCountedMessage(reason: NotCountedReason, unit: string | null): Bilingual {
  switch (reason) {
    case 'no_quantity':
      return { fr: 'Pas de quantité annuelle : non compté.', en: 'No yearly quantity: not counted.' };
    case 'unit_not_in_a_layer':
      return {
        fr: `Unité « ${unit ?? ''} » hors des couches matières (t), énergie (MWh) et eau (m3) : non comptée, jamais convertie.`,
        en: `Unit "${unit ?? ''}" is in none of the material (t), energy (MWh) and water (m3) layers: not counted, never converted.`,
      };
    case 'invalid_quantity':
      return {
        fr: 'Quantité non valide (négative ou non finie) : non comptée.',
        en: 'Invalid quantity (negative or not finite): not counted.',
      };
  }
}

const F = FAMILIES.length;
const O = ORIGINS.length;
const D = DESTINATIONS.length;
const FAMILY_INDEX = new Map<string, number>(FAMILIES.map((f, i) => [f, i]));
const ORIGIN_INDEX: Record<Origin, number> = { local: 0, external: 1, unknown: 2 };
const DESTINATION_INDEX = new Map<Destination, number>(DESTINATIONS.map((d, i) => [d, i]));

const sums = (n: number): ExactSum[] => Array.from({ length: n }, () => new ExactSum());

/** Sums of one layer while the flows are read: numbers of the one unit of that layer. */
class LayerAccumulator {
  readonly inputs = sums(F * O);
  readonly localRecycled = sums(F);
  readonly outputs = sums(F * D);
  readonly exports = sums(F);
  readonly extraction = sums(F);
  readonly stock = sums(F);
  readonly partners: Map<string, ExactSum>[] = Array.from({ length: F }, () => new Map());
  readonly externalNoPartner = sums(F);
  /** [inputs, outputs, extraction, stockChange] per resource code. */
  readonly resources = new Map<string | null, ExactSum[]>();
  flows = 0;
  aggregates = 0;
  extractionAggregates = 0;

  resource(code: string | null): ExactSum[] {
    let r = this.resources.get(code);
    if (!r) this.resources.set(code, (r = sums(4)));
    return r;
  }

  input(f: number, origin: Origin, value: number, code: string | null, partner: string | null | undefined, recycled: boolean): void {
    (this.inputs[f * O + ORIGIN_INDEX[origin]] as ExactSum).add(value);
    (this.resource(code)[0] as ExactSum).add(value);
    if (origin === 'local' && recycled) (this.localRecycled[f] as ExactSum).add(value);
    if (origin === 'external') {
      if (partner != null && partner !== '') {
        const byPartner = this.partners[f] as Map<string, ExactSum>;
        let s = byPartner.get(partner);
        if (!s) byPartner.set(partner, (s = new ExactSum()));
        s.add(value);
      } else (this.externalNoPartner[f] as ExactSum).add(value);
    }
  }

  output(f: number, destination: Destination, value: number, code: string | null, exported: boolean): void {
    (this.outputs[f * D + (DESTINATION_INDEX.get(destination) as number)] as ExactSum).add(value);
    (this.resource(code)[1] as ExactSum).add(value);
    if (exported) (this.exports[f] as ExactSum).add(value);
  }

  /** The account, amounts built in the layer's unit. */
  finish<L extends Layer>(layer: L): LayerAccount<L> {
    const a = (s: ExactSum): Amount<L> => amount(layer, s.value());
    const total = (list: readonly ExactSum[]): Amount<L> => {
      const s = new ExactSum();
      for (const x of list) s.addSum(x);
      return a(s);
    };
    const byFamily = <T>(f: (i: number) => T): Record<Family, T> =>
      Object.fromEntries(FAMILIES.map((family, i) => [family, f(i)])) as Record<Family, T>;
    const inputCell = (fi: number, oi: number): ExactSum => this.inputs[fi * O + oi] as ExactSum;
    const outputCell = (fi: number, di: number): ExactSum => this.outputs[fi * D + di] as ExactSum;
    const familyRange = Array.from({ length: F }, (_, i) => i);
    const resources = [...this.resources.entries()].sort(([x], [y]) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1));
    return {
      layer,
      unit: LAYER_UNIT[layer],
      inputs: byFamily((fi) => Object.fromEntries(ORIGINS.map((o, oi) => [o, a(inputCell(fi, oi))])) as Record<Origin, Amount<L>>),
      localRecycledInputs: byFamily((fi) => a(this.localRecycled[fi] as ExactSum)),
      outputs: byFamily(
        (fi) => Object.fromEntries(DESTINATIONS.map((d, di) => [d, a(outputCell(fi, di))])) as Record<Destination, Amount<L>>,
      ),
      exports: byFamily((fi) => a(this.exports[fi] as ExactSum)),
      extraction: byFamily((fi) => a(this.extraction[fi] as ExactSum)),
      stockChange: byFamily((fi) => a(this.stock[fi] as ExactSum)),
      externalByPartner: byFamily((fi) =>
        [...(this.partners[fi] as Map<string, ExactSum>).entries()]
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
          .map(([partner, s]) => ({ partner, amount: a(s) })),
      ),
      externalWithoutPartner: byFamily((fi) => a(this.externalNoPartner[fi] as ExactSum)),
      totals: {
        inputs: total(this.inputs),
        inputsByOrigin: Object.fromEntries(ORIGINS.map((o, oi) => [o, total(familyRange.map((fi) => inputCell(fi, oi)))])) as Record<
          Origin,
          Amount<L>
        >,
        inputsByFamily: byFamily((fi) => total(ORIGINS.map((_, oi) => inputCell(fi, oi)))),
        localRecycledInputs: total(this.localRecycled),
        outputs: total(this.outputs),
        outputsByDestination: Object.fromEntries(
          DESTINATIONS.map((d, di) => [d, total(familyRange.map((fi) => outputCell(fi, di)))]),
        ) as Record<Destination, Amount<L>>,
        outputsByFamily: byFamily((fi) => total(DESTINATIONS.map((_, di) => outputCell(fi, di)))),
        exports: total(this.exports),
        extraction: total(this.extraction),
        stockChange: total(this.stock),
      },
      byResource: resources.map(([resourceCode, [i, o, e, s]]) => ({
        resourceCode,
        inputs: a(i as ExactSum),
        outputs: a(o as ExactSum),
        extraction: a(e as ExactSum),
        stockChange: a(s as ExactSum),
      })),
      counted: { flows: this.flows, aggregates: this.aggregates, extractionAggregates: this.extractionAggregates },
    };
  }
}

/**
 * The flow accounts of a territory: declared flows and the user's aggregates, per layer.
 *
 * - Inputs by family × origin: `currentOrigin.local` (true: local, false: external), none: unknown;
 *   input aggregates by their `origin` (null: unknown).
 * - Outputs by family × destination: landfill, incineration and other from the fate mode; recovery
 *   modes (energy_recovery, recycling, reuse, composting, anaerobic_digestion, spreading) go to
 *   recovery_inside when `local === true`, recovery_outside when `local === false`,
 *   recovery_place_unknown otherwise; no fate: unknown. Output aggregates by their `destination`.
 * - Extraction and stock-change aggregates by family.
 * - Flows without a yearly quantity, or in a unit of no layer, are listed in `notCounted`.
 */
/** `families`: the mapping of `metabolism-families.json` (reference data), given by the caller. */
export function buildAccounts(input: MetabolismInput, families: FamilyMapping): Accounts {
  const resolver = new FamilyResolver(families);
  const acc: Record<Layer, LayerAccumulator> = {
    material: new LayerAccumulator(),
    energy: new LayerAccumulator(),
    water: new LayerAccumulator(),
  };
  const notCounted: NotCounted[] = [];
  const unmapped = new Set<string>();
  const skip = (kind: NotCounted['kind'], id: string, reason: NotCountedReason, unit: string | null): void => {
    notCounted.push({ kind, id, reason, unit, message: notCountedMessage(reason, unit) });
  };

  for (const flow of input.flows) {
    const q = flow.annualQuantity;
    const where = layerOfQuantity(q);
    if ('reason' in where) {
      skip('flow', flow.id, where.reason, q?.unit ?? null);
      continue;
    }
    const value = (q as { value: number }).value;
    const layer = acc[where.layer];
    layer.flows++;
    const family = resolver.ofFlow(flow);
    if (family !== 'wastes' || flow.direction === 'input') {
      const r = resolver.ofResource(flow.resourceCode);
      if (!r.mapped) unmapped.add(flow.resourceCode);
    }
    const f = FAMILY_INDEX.get(family) as number;
    if (flow.direction === 'input') {
      const origin = flow.currentOrigin;
      layer.input(f, originOfFlow(origin), value, flow.resourceCode, origin?.partner, origin?.recycled === true);
    } else {
      const destination = destinationOfFate(flow.currentFate);
      layer.output(f, destination, value, flow.resourceCode, destination === 'recovery_outside');
    }
  }

  for (const agg of input.aggregates) {
    const where = layerOfQuantity(agg.annualQuantity, agg.kind === 'stock_change');
    if ('reason' in where) {
      skip('aggregate', agg.id, where.reason, agg.annualQuantity?.unit ?? null);
      continue;
    }
    const value = agg.annualQuantity.value;
    const layer = acc[where.layer];
    layer.aggregates++;
    const f = FAMILY_INDEX.get(agg.family);
    if (f === undefined) throw new Error(`aggregate ${agg.id}: unknown family ${String(agg.family)}`);
    switch (agg.kind) {
      case 'input':
        layer.input(f, agg.origin ?? 'unknown', value, agg.resourceCode, agg.partner, false);
        break;
      case 'output':
        layer.output(f, agg.destination ?? 'unknown', value, agg.resourceCode, isExportAggregate(agg));
        break;
      case 'extraction':
        layer.extractionAggregates++;
        (layer.extraction[f] as ExactSum).add(value);
        (layer.resource(agg.resourceCode)[2] as ExactSum).add(value);
        break;
      case 'stock_change':
        (layer.stock[f] as ExactSum).add(value);
        (layer.resource(agg.resourceCode)[3] as ExactSum).add(value);
        break;
      default:
        throw new Error(`aggregate ${agg.id}: unknown kind ${String((agg as { kind: unknown }).kind)}`);
    }
  }

  notCounted.sort((x, y) =>
    x.kind !== y.kind
      ? x.kind === 'flow'
        ? -1
        : 1
      : x.id < y.id
        ? -1
        : x.id > y.id
          ? 1
          : x.reason < y.reason
            ? -1
            : x.reason > y.reason
              ? 1
              : 0,
  );
  return {
    layers: { material: acc.material.finish('material'), energy: acc.energy.finish('energy'), water: acc.water.finish('water') },
    notCounted,
    unmappedResourceCodes: [...unmapped].sort(),
  };
}
