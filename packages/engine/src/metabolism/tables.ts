/**
 * The accounts, indicators, mass balance and scenario as tables (`{ columns, rows }`, French
 * headers) for the server's CSV/XLSX exports — and as the table equivalents of the charts (RGAA).
 * Quantities are in the unit given on each row; nothing is rounded here.
 */
import type { Accounts, LayerAccount } from './accounts.js';
import type { MassBalance } from './balance.js';
import type { Indicator } from './indicators.js';
import { DESTINATION_LABELS, FAMILY_LABELS, LAYER_LABELS, ORIGIN_LABELS } from './labels.js';
import type { IndicatorChange } from './scenario.js';
import { DESTINATIONS, FAMILIES, LAYERS, ORIGINS, type Layer } from './types.js';

export interface MetabolismTable {
  columns: string[];
  rows: (string | number | null)[][];
}

const TOTAL = 'Total';

/**
 * The accounts, one row per layer × item × family × origin or destination with a non-zero
 * quantity, and a total row per layer and item (always, even when zero).
 */
export function accountsTable(accounts: Accounts): MetabolismTable {
  const rows: MetabolismTable['rows'] = [];
  const layerRows = <L extends Layer>(a: LayerAccount<L>): void => {
    const layer = LAYER_LABELS[a.layer].fr;
    const push = (item: string, family: string, detail: string, value: number, always = false): void => {
      if (value !== 0 || always) rows.push([layer, a.unit, item, family, detail, value]);
    };
    for (const f of FAMILIES) for (const o of ORIGINS) push('Intrants', FAMILY_LABELS[f].fr, ORIGIN_LABELS[o].fr, a.inputs[f][o].value);
    for (const f of FAMILIES) push('Intrants', FAMILY_LABELS[f].fr, 'dont recyclés locaux (boucle locale)', a.localRecycledInputs[f].value);
    push('Intrants', TOTAL, TOTAL, a.totals.inputs.value, true);
    for (const f of FAMILIES)
      for (const d of DESTINATIONS) push('Sorties', FAMILY_LABELS[f].fr, DESTINATION_LABELS[d].fr, a.outputs[f][d].value);
    for (const f of FAMILIES) push('Sorties', FAMILY_LABELS[f].fr, 'dont exportations (EXP)', a.exports[f].value);
    push('Sorties', TOTAL, TOTAL, a.totals.outputs.value, true);
    for (const f of FAMILIES) push('Extraction intérieure', FAMILY_LABELS[f].fr, '', a.extraction[f].value);
    push('Extraction intérieure', TOTAL, TOTAL, a.totals.extraction.value, true);
    for (const f of FAMILIES) push('Variation de stock', FAMILY_LABELS[f].fr, '', a.stockChange[f].value);
    push('Variation de stock', TOTAL, TOTAL, a.totals.stockChange.value, true);
  };
  layerRows(accounts.layers.material);
  layerRows(accounts.layers.energy);
  layerRows(accounts.layers.water);
  return { columns: ['Couche', 'Unité', 'Poste', 'Famille', 'Origine ou destination', 'Quantité annuelle'], rows };
}

/** The accounts by resource code. */
export function resourcesTable(accounts: Accounts): MetabolismTable {
  const rows: MetabolismTable['rows'] = [];
  for (const layer of LAYERS) {
    const a = accounts.layers[layer];
    for (const r of a.byResource)
      rows.push([
        LAYER_LABELS[layer].fr,
        a.unit,
        r.resourceCode ?? '(agrégat sans code)',
        r.inputs.value,
        r.outputs.value,
        r.extraction.value,
        r.stockChange.value,
      ]);
  }
  return { columns: ['Couche', 'Unité', 'Code ressource', 'Intrants', 'Sorties', 'Extraction intérieure', 'Variation de stock'], rows };
}

/** What the accounts left out, and why. */
export function notCountedTable(accounts: Accounts): MetabolismTable {
  return {
    columns: ['Type', 'Identifiant', 'Unité', 'Raison'],
    rows: accounts.notCounted.map((x) => [x.kind === 'flow' ? 'flux' : 'agrégat', x.id, x.unit, x.message.fr]),
  };
}

/** The indicators, one row each. */
export function indicatorsTable(list: readonly Indicator[]): MetabolismTable {
  return {
    columns: [
      'Indicateur',
      'Identifiant',
      'Couche',
      'Famille',
      'Valeur',
      'Unité',
      'Couverture (%)',
      'Données nécessaires',
      'Formule',
      'Définition',
      'Pourquoi la valeur manque',
    ],
    rows: list.map((i) => [
      i.name.fr,
      i.id,
      LAYER_LABELS[i.layer].fr,
      i.family ? FAMILY_LABELS[i.family].fr : 'Toutes familles',
      i.value,
      i.unit,
      i.coverage === undefined ? null : 100 * i.coverage,
      i.needs === 'declared' ? 'déclarations des acteurs' : 'statistiques (agrégats saisis)',
      i.formula,
      i.definition.fr,
      i.missing?.fr ?? null,
    ]),
  };
}

/** The mass balance, one row per layer. */
export function massBalanceTable(balance: MassBalance): MetabolismTable {
  return {
    columns: [
      'Couche',
      'Unité',
      'Intrants',
      'Extraction intérieure',
      'Sorties',
      'Variation de stock',
      'Entrées (intrants + extraction)',
      'Sorties + variation de stock',
      'Écart de bilan (entrées − sorties)',
      'Écart relatif (%)',
      'Tolérance (%)',
      'Hors tolérance',
      'Constat',
    ],
    rows: LAYERS.map((layer) => {
      const b = balance[layer];
      return [
        LAYER_LABELS[layer].fr,
        b.unit,
        b.inputs.value,
        b.extraction.value,
        b.outputs.value,
        b.stockChange.value,
        b.entering.value,
        b.leaving.value,
        b.imbalance.value,
        b.relativeImbalance === null ? null : 100 * b.relativeImbalance,
        100 * b.tolerance,
        b.exceedsTolerance ? 'oui' : 'non',
        b.message.fr,
      ];
    }),
  };
}

/** A scenario's indicators before and after. */
export function scenarioTable(changes: readonly IndicatorChange[]): MetabolismTable {
  return {
    columns: ['Indicateur', 'Identifiant', 'Couche', 'Famille', 'Unité', 'Avant', 'Après', 'Écart (après − avant)'],
    rows: changes.map((c) => [
      c.name.fr,
      c.id,
      LAYER_LABELS[c.layer].fr,
      c.family ? FAMILY_LABELS[c.family].fr : 'Toutes familles',
      c.unit,
      c.before,
      c.after,
      c.delta,
    ]),
  };
}
