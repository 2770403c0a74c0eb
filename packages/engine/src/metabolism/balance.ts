/**
 * Mass balance of each layer: what enters the territory's activities (inputs + domestic
 * extraction) against what leaves them or stays (outputs + stock change). A territory's declared
 * data rarely balance: the gap — the balancing item — is always reported, with its side and its
 * size relative to the larger side, and flagged beyond a tolerance (1 % by default). It is never
 * spread over the flows nor hidden.
 */
import type { Bilingual } from '../i18n.js';
import type { Accounts, LayerAccount } from './accounts.js';
import { addAmounts, amount, type Amount } from './amount.js';
import { ExactSum } from './exact-sum.js';
import { LAYER_LABELS } from './labels.js';
import type { Layer, LayerUnit } from './types.js';

export interface LayerBalance<L extends Layer> {
  layer: L;
  unit: LayerUnit<L>;
  inputs: Amount<L>;
  extraction: Amount<L>;
  outputs: Amount<L>;
  stockChange: Amount<L>;
  /** inputs + extraction. */
  entering: Amount<L>;
  /** outputs + stock change. */
  leaving: Amount<L>;
  /** The balancing item: entering − leaving (exact, then rounded once). */
  imbalance: Amount<L>;
  /** |imbalance| / the larger of entering and leaving (0–1); null when both are zero. */
  relativeImbalance: number | null;
  /** Which side is larger. */
  side: 'entering' | 'leaving' | 'balanced';
  tolerance: number;
  exceedsTolerance: boolean;
  message: Bilingual;
}

export type MassBalance = { [L in Layer]: LayerBalance<L> };

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function layerBalance<L extends Layer>(account: LayerAccount<L>, tolerance: number): LayerBalance<L> {
  const { layer, unit, totals } = account;
  const entering = addAmounts(totals.inputs, totals.extraction);
  const leaving = addAmounts(totals.outputs, totals.stockChange);
  const s = new ExactSum();
  s.add(totals.inputs.value);
  s.add(totals.extraction.value);
  s.add(-totals.outputs.value);
  s.add(-totals.stockChange.value);
  const imbalance = amount(layer, s.value());
  const larger = Math.max(Math.abs(entering.value), Math.abs(leaving.value));
  const relative = larger === 0 ? null : Math.abs(imbalance.value) / larger;
  const side = imbalance.value > 0 ? 'entering' : imbalance.value < 0 ? 'leaving' : 'balanced';
  const exceeds = relative !== null && relative > tolerance;
  const name = LAYER_LABELS[layer];
  const gap = Math.abs(imbalance.value);
  const pct = relative === null ? '' : ` (${fr.format(100 * relative)} %)`;
  const pctEn = relative === null ? '' : ` (${en.format(100 * relative)}%)`;
  const verdict: Bilingual = exceeds
    ? { fr: `au-delà de la tolérance de ${fr.format(100 * tolerance)} %`, en: `beyond the ${en.format(100 * tolerance)}% tolerance` }
    : { fr: `dans la tolérance de ${fr.format(100 * tolerance)} %`, en: `within the ${en.format(100 * tolerance)}% tolerance` };
  const message: Bilingual =
    side === 'balanced'
      ? { fr: `${name.fr} : bilan équilibré.`, en: `${name.en}: balanced.` }
      : side === 'entering'
        ? {
            fr: `${name.fr} : les entrées (intrants + extraction) dépassent les sorties (+ variation de stock) de ${fr.format(gap)} ${unit}${pct}, ${verdict.fr}. Des sorties ou un stockage ne sont pas déclarés, ou des intrants sont surestimés.`,
            en: `${name.en}: what enters (inputs + extraction) exceeds what leaves (outputs + stock change) by ${en.format(gap)} ${unit}${pctEn}, ${verdict.en}. Outputs or stock additions are undeclared, or inputs overstated.`,
          }
        : {
            fr: `${name.fr} : les sorties (+ variation de stock) dépassent les entrées (intrants + extraction) de ${fr.format(gap)} ${unit}${pct}, ${verdict.fr}. Des intrants ou une extraction ne sont pas déclarés, ou des sorties sont surestimées.`,
            en: `${name.en}: what leaves (outputs + stock change) exceeds what enters (inputs + extraction) by ${en.format(gap)} ${unit}${pctEn}, ${verdict.en}. Inputs or extraction are undeclared, or outputs overstated.`,
          };
  return {
    layer,
    unit,
    inputs: totals.inputs,
    extraction: totals.extraction,
    outputs: totals.outputs,
    stockChange: totals.stockChange,
    entering,
    leaving,
    imbalance,
    relativeImbalance: relative,
    side,
    tolerance,
    exceedsTolerance: exceeds,
    message,
  };
}

/**
 * The mass balance of each layer: inputs + extraction against outputs + stock change. `tolerance`
 * is a share (0.01 = 1 %) of the larger side. Water and energy are balanced in their own units;
 * note that declared outputs rarely include losses (evaporation, heat dissipated, emissions to air).
 */
export function massBalance(accounts: Accounts, options: { tolerance?: number } = {}): MassBalance {
  const tolerance = options.tolerance ?? 0.01;
  if (!(tolerance >= 0)) throw new Error(`tolerance must be a share ≥ 0, got ${tolerance}`);
  return {
    material: layerBalance(accounts.layers.material, tolerance),
    energy: layerBalance(accounts.layers.energy, tolerance),
    water: layerBalance(accounts.layers.water, tolerance),
  };
}
