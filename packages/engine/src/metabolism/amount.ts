/**
 * Quantities tied to their layer. An `Amount<'material'>` is tonnes, an `Amount<'energy'>` MWh, an
 * `Amount<'water'>` m3: the arithmetic helpers take two amounts of ONE layer, so adding tonnes to
 * MWh does not compile (see the `@ts-expect-error` test), and they check the layer at run time too,
 * for callers in JavaScript or with casts. Nothing in the metabolism adds across layers.
 */
import { exactSum } from './exact-sum.js';
import { LAYER_UNIT, LAYERS, type Layer, type LayerUnit } from './types.js';

export interface Amount<L extends Layer> {
  readonly layer: L;
  readonly unit: LayerUnit<L>;
  readonly value: number;
}

/** The layer whose base unit this is, or null (unit, h, kg… are in no layer: never converted). */
export function layerOfUnit(unit: string): Layer | null {
  switch (unit) {
    case 't':
      return 'material';
    case 'MWh':
      return 'energy';
    case 'm3':
      return 'water';
    default:
      return null;
  }
}

/**
 * An amount of a layer. Throws if the unit given is not the layer's base unit (t, MWh, m3) or the
 * value is not a finite number: quantities are never converted here.
 */
export function amount<L extends Layer>(layer: L, value: number, unit: LayerUnit<L> = LAYER_UNIT[layer]): Amount<L> {
  if (!(LAYERS as readonly string[]).includes(layer)) throw new Error(`unknown layer ${String(layer)}`);
  if (unit !== LAYER_UNIT[layer]) throw new Error(`unit ${String(unit)} is not the unit of the ${layer} layer (${LAYER_UNIT[layer]})`);
  if (!Number.isFinite(value)) throw new Error(`not a finite quantity: ${value}`);
  return { layer, unit, value };
}

function sameLayer(a: Amount<Layer>, b: Amount<Layer>): void {
  if (a.layer !== b.layer || a.unit !== b.unit) throw new Error(`cannot combine ${a.unit} (${a.layer}) with ${b.unit} (${b.layer})`);
}

/** a + b, both of one layer. */
export function addAmounts<L extends Layer>(a: Amount<L>, b: NoInfer<Amount<L>>): Amount<L> {
  sameLayer(a, b);
  return amount(a.layer, a.value + b.value, a.unit);
}

/** a − b, both of one layer. */
export function subtractAmounts<L extends Layer>(a: Amount<L>, b: NoInfer<Amount<L>>): Amount<L> {
  sameLayer(a, b);
  return amount(a.layer, a.value - b.value, a.unit);
}

/** The correctly rounded sum of amounts of one layer (order-independent); zero when empty. */
export function sumAmounts<L extends Layer>(layer: L, amounts: Iterable<NoInfer<Amount<L>>>): Amount<L> {
  const values: number[] = [];
  const zero = amount(layer, 0);
  for (const a of amounts) {
    sameLayer(zero, a);
    values.push(a.value);
  }
  return amount(layer, exactSum(values));
}

/** a / b (dimensionless), both of one layer; null when b is zero. */
export function ratioOf<L extends Layer>(a: Amount<L>, b: NoInfer<Amount<L>>): number | null {
  sameLayer(a, b);
  return b.value === 0 ? null : a.value / b.value;
}
