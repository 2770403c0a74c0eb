/**
 * Interdependencies between territories: the flows crossing their boundaries, as each side
 * declares them. For each ordered pair (A → B), layer and family, what A declares as outputs going
 * to B (`currentFate.partner` = B's code, or output aggregates with partner B) and what B declares
 * as inputs coming from A (`currentOrigin.partner` = A's code, or input aggregates with partner A)
 * are kept apart, with the gap between them: a negotiation aid, not something to average away.
 */
import type { Bilingual } from '../i18n.js';
import { buildAccounts, FamilyResolver, layerOfQuantity } from './accounts.js';
import { ExactSum } from './exact-sum.js';
import { FAMILY_LABELS, LAYER_LABELS } from './labels.js';
import {
  FAMILIES,
  LAYER_UNIT,
  LAYERS,
  type Family,
  type FamilyMapping,
  type Layer,
  type LayerUnit,
  type MetabolismInput,
} from './types.js';

export interface TerritoryMetabolism {
  code: string;
  name: string;
  input: MetabolismInput;
}

export interface InterdependencyRow {
  /** The territory the flow leaves (its code). */
  from: string;
  /** The territory the flow reaches (its code). */
  to: string;
  layer: Layer;
  unit: string;
  /** null: all families of the layer. */
  family: Family | null;
  /** What `from` declares sending to `to`. */
  declaredBySource: number;
  /** What `to` declares receiving from `from`. */
  declaredByDestination: number;
  /** declaredBySource − declaredByDestination. */
  gap: number;
  /** The larger of the two declarations: what the matrix shows. */
  retained: number;
  /** All the inputs `to` declares in this layer (and family). */
  destinationInputs: number;
  /**
   * Dependency of `to` on `from`, in %: retained / (destinationInputs − declaredByDestination +
   * retained) — `to`'s inputs, corrected when `from` declares more than `to` does. null when `to` has no input.
   */
  dependency: number | null;
}

export interface InterdependencyMatrix<L extends Layer> {
  layer: L;
  unit: LayerUnit<L>;
  /** Row and column order: territory codes as given. */
  codes: string[];
  /** values[i][j]: from codes[i] to codes[j], the larger of the two declarations (0 on the diagonal). */
  values: number[][];
  basis: Bilingual;
}

export interface InterdependencyResult {
  territories: { code: string; name: string }[];
  /** Ordered pairs with something declared, by from, to, layer, then all families before each family. */
  rows: InterdependencyRow[];
  matrices: { [L in Layer]: InterdependencyMatrix<L> };
  /** Flows and aggregates not counted (no yearly quantity, unit in no layer…), per territory. */
  notCounted: { territory: string; kind: 'flow' | 'aggregate'; id: string; reason: string }[];
}

const MATRIX_BASIS: Bilingual = {
  fr: 'Valeur retenue : la plus grande des deux déclarations (celle du territoire d’origine et celle du territoire de destination).',
  en: 'Value shown: the larger of the two declarations (the origin territory’s and the destination territory’s).',
};

/**
 * The interdependencies between territories, from each one's declared flows and aggregates. A
 * partner that is not one of the territories given is ignored here (it is outside the set); a
 * territory naming itself as partner too. Families are those of each declaration (an output
 * declared as waste by A may be an agrifood input for B): compare the all-families rows when the
 * families of the two sides differ.
 */
export function interdependencies(territories: readonly TerritoryMetabolism[], families: FamilyMapping): InterdependencyResult {
  const index = new Map<string, number>();
  territories.forEach((t, i) => {
    if (index.has(t.code)) throw new Error(`territory ${t.code} given twice`);
    index.set(t.code, i);
  });
  const n = territories.length;
  const resolver = new FamilyResolver(families);
  const L = LAYERS.length;
  const F = FAMILIES.length;
  const familyIndex = new Map<string, number>(FAMILIES.map((f, i) => [f, i]));
  const layerIndex = new Map<Layer, number>(LAYERS.map((l, i) => [l, i]));
  // cells[((from * n + to) * L + layer) * F + family] = [by source, by destination]
  const cells = new Map<number, [ExactSum, ExactSum]>();
  const cell = (from: number, to: number, layer: Layer, family: Family): [ExactSum, ExactSum] => {
    const key = ((from * n + to) * L + (layerIndex.get(layer) as number)) * F + (familyIndex.get(family) as number);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = [new ExactSum(), new ExactSum()]));
    return c;
  };
  const notCounted: InterdependencyResult['notCounted'] = [];
  const inputsOf: { [L in Layer]: Record<Family, number> }[] = [];

  territories.forEach((t, self) => {
    const accounts = buildAccounts(t.input, families);
    for (const x of accounts.notCounted) notCounted.push({ territory: t.code, kind: x.kind, id: x.id, reason: x.reason });
    const inputs = {} as { [L in Layer]: Record<Family, number> };
    for (const layer of LAYERS) {
      const byFamily = accounts.layers[layer].totals.inputsByFamily;
      inputs[layer] = Object.fromEntries(FAMILIES.map((f) => [f, byFamily[f].value])) as Record<Family, number>;
    }
    inputsOf.push(inputs);
    const other = (partner: string | null | undefined): number | undefined => {
      if (partner == null) return undefined;
      const i = index.get(partner);
      return i === self ? undefined : i;
    };
    for (const flow of t.input.flows) {
      const where = layerOfQuantity(flow.annualQuantity);
      if ('reason' in where) continue;
      const value = (flow.annualQuantity as { value: number }).value;
      const family = resolver.ofFlow(flow);
      if (flow.direction === 'output') {
        const to = other(flow.currentFate?.partner);
        if (to !== undefined) cell(self, to, where.layer, family)[0].add(value);
      } else {
        const from = other(flow.currentOrigin?.partner);
        if (from !== undefined) cell(from, self, where.layer, family)[1].add(value);
      }
    }
    for (const agg of t.input.aggregates) {
      if (agg.kind !== 'input' && agg.kind !== 'output') continue;
      const where = layerOfQuantity(agg.annualQuantity);
      if ('reason' in where) continue;
      const partner = other(agg.partner);
      if (partner === undefined) continue;
      if (agg.kind === 'output') cell(self, partner, where.layer, agg.family)[0].add(agg.annualQuantity.value);
      else cell(partner, self, where.layer, agg.family)[1].add(agg.annualQuantity.value);
    }
  });

  const rows: InterdependencyRow[] = [];
  const matrix = <Ly extends Layer>(layer: Ly): InterdependencyMatrix<Ly> => ({
    layer,
    unit: LAYER_UNIT[layer],
    codes: territories.map((t) => t.code),
    values: Array.from({ length: n }, () => new Array<number>(n).fill(0)),
    basis: MATRIX_BASIS,
  });
  const matrices = { material: matrix('material'), energy: matrix('energy'), water: matrix('water') };
  const row = (
    from: number,
    to: number,
    layer: Layer,
    family: Family | null,
    bySource: number,
    byDestination: number,
  ): InterdependencyRow => {
    const retained = Math.max(bySource, byDestination);
    const inputs = inputsOf[to] as { [L in Layer]: Record<Family, number> };
    const destinationInputs = family ? inputs[layer][family] : sumValues(FAMILIES.map((f) => inputs[layer][f]));
    const denominator = destinationInputs - byDestination + retained;
    return {
      from: (territories[from] as TerritoryMetabolism).code,
      to: (territories[to] as TerritoryMetabolism).code,
      layer,
      unit: LAYER_UNIT[layer],
      family,
      declaredBySource: bySource,
      declaredByDestination: byDestination,
      gap: bySource - byDestination,
      retained,
      destinationInputs,
      dependency: denominator > 0 ? (100 * retained) / denominator : null,
    };
  };
  for (let from = 0; from < n; from++) {
    for (let to = 0; to < n; to++) {
      if (from === to) continue;
      for (const layer of LAYERS) {
        const familyRows: InterdependencyRow[] = [];
        const totalSource = new ExactSum();
        const totalDestination = new ExactSum();
        for (const family of FAMILIES) {
          const c = cells.get(((from * n + to) * L + (layerIndex.get(layer) as number)) * F + (familyIndex.get(family) as number));
          if (!c) continue;
          totalSource.addSum(c[0]);
          totalDestination.addSum(c[1]);
          familyRows.push(row(from, to, layer, family, c[0].value(), c[1].value()));
        }
        if (familyRows.length === 0) continue;
        const total = row(from, to, layer, null, totalSource.value(), totalDestination.value());
        (matrices[layer].values[from] as number[])[to] = total.retained;
        rows.push(total, ...familyRows);
      }
    }
  }
  notCounted.sort((a, b) => cmp(a.territory, b.territory) || cmp(a.kind, b.kind) || cmp(a.id, b.id) || cmp(a.reason, b.reason));
  return { territories: territories.map((t) => ({ code: t.code, name: t.name })), rows, matrices, notCounted };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sumValues(values: readonly number[]): number {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
}

/** The interdependencies as a table for CSV/XLSX export (French headers; numbers in the layer's unit). */
export function interdependencyTable(result: InterdependencyResult): { columns: string[]; rows: (string | number | null)[][] } {
  const names = new Map(result.territories.map((t) => [t.code, t.name]));
  return {
    columns: [
      "Territoire d'origine (code)",
      "Territoire d'origine",
      'Territoire de destination (code)',
      'Territoire de destination',
      'Couche',
      'Unité',
      'Famille',
      "Déclaré par l'origine",
      'Déclaré par la destination',
      'Écart (origine − destination)',
      'Valeur retenue (la plus grande)',
      'Intrants de la destination',
      'Dépendance de la destination (%)',
    ],
    rows: result.rows.map((r) => [
      r.from,
      names.get(r.from) ?? r.from,
      r.to,
      names.get(r.to) ?? r.to,
      LAYER_LABELS[r.layer].fr,
      r.unit,
      r.family ? FAMILY_LABELS[r.family].fr : 'Toutes familles',
      r.declaredBySource,
      r.declaredByDestination,
      r.gap,
      r.retained,
      r.destinationInputs,
      r.dependency,
    ]),
  };
}
