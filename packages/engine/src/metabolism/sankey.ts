/**
 * Sankey diagram data of one layer, in the shape ECharts' `sankey` series takes (`data` = nodes,
 * `links`), with bilingual node names.
 *
 * Columns, left to right:
 *   sources — "boucle locale" (local inputs declared recycled), other local supply, external
 *   supply and supply of unknown origin, each by family; domestic extraction by family; stock
 *   released (negative stock change)
 *   → the territory's activities (one node)
 *   → outputs by family
 *   → destinations (recovered inside, recovered outside, recovered at an unknown place,
 *     incineration, landfill, other, unknown); stock added (positive stock change).
 *
 * The loop. What is recovered inside the territory feeds its local supply again: drawn as a link
 * back, it would make a cycle, which ECharts' sankey (like d3-sankey) refuses. The cycle is cut:
 * on the right, "valorisé sur le territoire (→ boucle locale)" ends the outputs recovered inside;
 * on the left, a distinct node per family, "boucle locale", brings in the local recycled inputs
 * the receivers declare. The two are declared by different actors and need not be equal.
 *
 * The balancing item. When what enters does not equal what leaves, a node "écart de bilan"
 * carries the difference (on the right when more enters than leaves, on the left otherwise), so
 * the gap is drawn rather than hidden and the activities node is balanced. No zero-value link.
 */
import type { Bilingual } from '../i18n.js';
import type { Accounts } from './accounts.js';
import { subtractAmounts } from './amount.js';
import { ExactSum } from './exact-sum.js';
import { DESTINATION_LABELS, FAMILY_LABELS, LAYER_LABELS } from './labels.js';
import { DESTINATIONS, FAMILIES, LAYER_UNIT, type Destination, type Family, type Layer, type LayerUnit } from './types.js';

export type SankeyNodeKind =
  | 'local_loop'
  | 'local_supply'
  | 'external_supply'
  | 'unknown_supply'
  | 'extraction'
  | 'stock_release'
  | 'activities'
  | 'output_family'
  | 'destination'
  | 'stock_addition'
  | 'balancing_item';

export interface SankeyNode {
  id: string;
  name: Bilingual;
  kind: SankeyNodeKind;
  family?: Family;
  destination?: Destination;
}

export interface SankeyLink {
  source: string;
  target: string;
  /** In the layer's unit, > 0. */
  value: number;
  /** null on the stock and balancing-item links, which are not split by family. */
  family: Family | null;
}

export interface SankeyGraph<L extends Layer> {
  layer: L;
  unit: LayerUnit<L>;
  nodes: SankeyNode[];
  links: SankeyLink[];
}

export const SANKEY_ACTIVITIES_NODE = 'activities';

const SOURCE_NAMES: Record<'local_loop' | 'local_supply' | 'external_supply' | 'unknown_supply' | 'extraction', Bilingual> = {
  local_loop: { fr: 'Boucle locale', en: 'Local loop' },
  local_supply: { fr: 'Approvisionnement local', en: 'Local supply' },
  external_supply: { fr: 'Approvisionnement extérieur', en: 'External supply' },
  unknown_supply: { fr: 'Approvisionnement d’origine inconnue', en: 'Supply of unknown origin' },
  extraction: { fr: 'Extraction intérieure', en: 'Domestic extraction' },
};

const withFamily = (name: Bilingual, family: Family): Bilingual => ({
  fr: `${name.fr} — ${FAMILY_LABELS[family].fr}`,
  en: `${name.en} — ${FAMILY_LABELS[family].en}`,
});

/** The Sankey graph of one layer of the accounts. */
export function sankey<L extends Layer>(accounts: Accounts, layer: L): SankeyGraph<L> {
  const account = accounts.layers[layer];
  const nodes = new Map<string, SankeyNode>();
  const links: SankeyLink[] = [];
  /** What enters the activities node minus what leaves it, exactly. */
  const net = new ExactSum();
  const node = (n: SankeyNode): string => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
    return n.id;
  };
  const activities = (): string =>
    node({
      id: SANKEY_ACTIVITIES_NODE,
      name: {
        fr: `Activités du territoire (${LAYER_LABELS[layer].fr.toLowerCase()})`,
        en: `Activities of the territory (${LAYER_LABELS[layer].en.toLowerCase()})`,
      },
      kind: 'activities',
    });
  const source = (kind: keyof typeof SOURCE_NAMES, family: Family, value: number): void => {
    if (!(value > 0)) return;
    const id = node({ id: `${kind}:${family}`, name: withFamily(SOURCE_NAMES[kind], family), kind, family });
    links.push({ source: id, target: activities(), value, family });
    net.add(value);
  };

  // Sources, by kind then family (so ECharts keeps them grouped).
  const localOther = FAMILIES.map((f) => subtractAmounts(account.inputs[f].local, account.localRecycledInputs[f]).value);
  FAMILIES.forEach((f) => source('local_loop', f, account.localRecycledInputs[f].value));
  FAMILIES.forEach((f, i) => source('local_supply', f, localOther[i] as number));
  FAMILIES.forEach((f) => source('external_supply', f, account.inputs[f].external.value));
  FAMILIES.forEach((f) => source('unknown_supply', f, account.inputs[f].unknown.value));
  FAMILIES.forEach((f) => source('extraction', f, account.extraction[f].value));
  const released = new ExactSum();
  const added = new ExactSum();
  for (const f of FAMILIES) {
    const v = account.stockChange[f].value;
    if (v < 0) released.add(-v);
    else added.add(v);
  }
  const release = released.value();
  if (release > 0) {
    const id = node({ id: 'stock_release', name: { fr: 'Déstockage', en: 'Released from stock' }, kind: 'stock_release' });
    links.push({ source: id, target: activities(), value: release, family: null });
    net.add(release);
  }

  // Outputs by family, then destinations.
  for (const f of FAMILIES) {
    const total = account.totals.outputsByFamily[f].value;
    if (!(total > 0)) continue;
    const out = node({ id: `output:${f}`, name: withFamily({ fr: 'Sorties', en: 'Outputs' }, f), kind: 'output_family', family: f });
    links.push({ source: activities(), target: out, value: total, family: f });
    net.add(-total);
  }
  for (const d of DESTINATIONS) {
    for (const f of FAMILIES) {
      const v = account.outputs[f][d].value;
      if (!(v > 0)) continue;
      const name: Bilingual =
        d === 'recovery_inside'
          ? { fr: `${DESTINATION_LABELS[d].fr} (→ boucle locale)`, en: `${DESTINATION_LABELS[d].en} (→ local loop)` }
          : DESTINATION_LABELS[d];
      const id = node({ id: `destination:${d}`, name, kind: 'destination', destination: d });
      links.push({ source: `output:${f}`, target: id, value: v, family: f });
    }
  }
  const add = added.value();
  if (add > 0) {
    const id = node({ id: 'stock_addition', name: { fr: 'Ajout au stock', en: 'Added to stock' }, kind: 'stock_addition' });
    links.push({ source: activities(), target: id, value: add, family: null });
    net.add(-add);
  }

  // The balancing item, never hidden.
  const imbalance = net.value();
  if (imbalance !== 0) {
    const id = node({
      id: 'balancing_item',
      name:
        imbalance > 0
          ? { fr: 'Écart de bilan (entrées non retrouvées en sorties)', en: 'Balancing item (inputs not found in outputs)' }
          : { fr: 'Écart de bilan (sorties sans entrées déclarées)', en: 'Balancing item (outputs without declared inputs)' },
      kind: 'balancing_item',
    });
    if (imbalance > 0) links.push({ source: activities(), target: id, value: imbalance, family: null });
    else links.push({ source: id, target: activities(), value: -imbalance, family: null });
  }

  // Nodes in column order: sources (as created), activities, outputs, destinations, stock, balancing item.
  const order: Record<SankeyNodeKind, number> = {
    local_loop: 0,
    local_supply: 0,
    external_supply: 0,
    unknown_supply: 0,
    extraction: 0,
    stock_release: 0,
    activities: 1,
    output_family: 2,
    destination: 3,
    stock_addition: 3,
    balancing_item: 4,
  };
  const sorted = [...nodes.values()]
    .map((n, i) => ({ n, i }))
    .sort((a, b) => order[a.n.kind] - order[b.n.kind] || a.i - b.i)
    .map((x) => x.n);
  return { layer, unit: LAYER_UNIT[layer], nodes: sorted, links };
}
