/**
 * Indicators of the territorial metabolism, computed from the accounts (`buildAccounts`). Each says
 * its definition, its formula, whether declared data suffice (`needs: 'declared'`) or it needs
 * statistics the user enters as aggregates (`needs: 'statistics'`), and, when it cannot be
 * computed, why (`missing`). Percentages are 0–100; the concentration index is 0–10,000.
 *
 * From declared data alone: local loop closure, landfill and incineration shares, external
 * dependency, local secondary inputs; the concentration of external supply needs the partners
 * (places of origin) of external inputs. DMI, DMC and PTB (Eurostat EW-MFA as adapted by the CGDD
 * 2014 guide) need domestic extraction, which actors do not declare.
 */
import type { Bilingual } from '../i18n.js';
import type { Accounts, LayerAccount } from './accounts.js';
import { addAmounts, amount, ratioOf, subtractAmounts, sumAmounts, type Amount } from './amount.js';
import { ExactSum } from './exact-sum.js';
import { FAMILY_LABELS, LAYER_LABELS } from './labels.js';
import { DESTINATIONS, FAMILIES, LAYER_UNIT, LAYERS, type Family, type Layer } from './types.js';

export const INDICATOR_IDS = [
  'local_loop_closure',
  'landfill_share',
  'incineration_share',
  'external_dependency',
  'local_secondary_input_share',
  'external_supply_concentration',
  'dmi',
  'dmc',
  'ptb',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface Indicator {
  id: IndicatorId;
  layer: Layer;
  /** Absent: the whole layer. */
  family?: Family;
  name: Bilingual;
  value: number | null;
  /** '%', 'index 0–10000', or the layer's unit (t for DMI, DMC, PTB). */
  unit: string;
  definition: Bilingual;
  formula: string;
  needs: 'declared' | 'statistics';
  /** Why the value is null. */
  missing?: Bilingual;
  /**
   * Share (0–1) of the relevant quantity the value rests on: outputs with a known destination,
   * inputs with a known origin, external inputs with a known partner. Absent when not applicable.
   */
  coverage?: number;
}

export interface IndicatorDescription {
  id: IndicatorId;
  name: Bilingual;
  definition: Bilingual;
  formula: string;
  needs: 'declared' | 'statistics';
  /** null: the layer's unit. */
  unit: string | null;
  /** The layers it is computed for. */
  layers: readonly Layer[];
}

/** What each indicator is (also the text of docs/metabolism.md). */
export const INDICATOR_CATALOGUE: Readonly<Record<IndicatorId, IndicatorDescription>> = {
  local_loop_closure: {
    id: 'local_loop_closure',
    name: { fr: 'Taux de bouclage local', en: 'Local loop closure rate' },
    definition: {
      fr: 'Part des sorties des acteurs (déchets, sous-produits, chaleur, eau…) valorisées sur le territoire, parmi les sorties dont le devenir est connu. Définition de la plateforme, pas un standard officiel. Les sorties valorisées en un lieu inconnu restent au dénominateur : le taux est une borne basse.',
      en: "Share of the actors' outputs (wastes, by-products, heat, water…) recovered inside the territory, among outputs whose fate is known. A platform definition, not an official standard. Outputs recovered at an unknown place stay in the denominator: the rate is a lower bound.",
    },
    formula: '100 × recovery_inside / (outputs − unknown)',
    needs: 'declared',
    unit: '%',
    layers: LAYERS,
  },
  landfill_share: {
    id: 'landfill_share',
    name: { fr: 'Part des sorties enfouies', en: 'Landfill share of outputs' },
    definition: {
      fr: 'Part des sorties dont le devenir est connu qui vont en stockage (enfouissement).',
      en: 'Share of the outputs whose fate is known that go to landfill.',
    },
    formula: '100 × landfill / (outputs − unknown)',
    needs: 'declared',
    unit: '%',
    layers: LAYERS,
  },
  incineration_share: {
    id: 'incineration_share',
    name: { fr: 'Part des sorties incinérées sans valorisation', en: 'Incineration share of outputs' },
    definition: {
      fr: "Part des sorties dont le devenir est connu qui sont incinérées sans valorisation énergétique (l'incinération avec valorisation compte en valorisation).",
      en: 'Share of the outputs whose fate is known that are incinerated without energy recovery (incineration with energy recovery counts as recovery).',
    },
    formula: '100 × incineration / (outputs − unknown)',
    needs: 'declared',
    unit: '%',
    layers: LAYERS,
  },
  external_dependency: {
    id: 'external_dependency',
    name: { fr: 'Dépendance extérieure', en: 'External dependency' },
    definition: {
      fr: "Part des intrants d'origine connue qui viennent de l'extérieur du territoire.",
      en: 'Share of the inputs of known origin that come from outside the territory.',
    },
    formula: '100 × external / (local + external)',
    needs: 'declared',
    unit: '%',
    layers: LAYERS,
  },
  local_secondary_input_share: {
    id: 'local_secondary_input_share',
    name: { fr: 'Part des intrants recyclés locaux', en: 'Share of local secondary inputs' },
    definition: {
      fr: "Part des intrants d'origine connue qui sont des ressources recyclées ou de réemploi venant du territoire (la boucle locale vue par les receveurs ; mesure compagnon du bouclage local, définition de la plateforme).",
      en: 'Share of the inputs of known origin that are recycled or reused resources from the territory (the local loop seen by the receivers; companion of the loop closure, a platform definition).',
    },
    formula: '100 × local_recycled / (local + external)',
    needs: 'declared',
    unit: '%',
    layers: LAYERS,
  },
  external_supply_concentration: {
    id: 'external_supply_concentration',
    name: { fr: "Concentration de l'approvisionnement extérieur", en: 'Concentration of external supply' },
    definition: {
      fr: "Indice de Herfindahl-Hirschman des intrants extérieurs par partenaire (territoire ou lieu d'origine) : 10 000 quand tout vient d'un seul partenaire, proche de 0 quand l'approvisionnement est très dispersé. Calculé sur les intrants extérieurs dont le partenaire est connu (voir la couverture).",
      en: 'Herfindahl–Hirschman index of external inputs by partner (territory or place of origin): 10,000 when everything comes from one partner, close to 0 when supply is spread. Computed on the external inputs whose partner is known (see coverage).',
    },
    formula: 'Σ_partners (100 × external_partner / external_with_known_partner)²',
    needs: 'declared',
    unit: 'index 0–10000',
    layers: LAYERS,
  },
  dmi: {
    id: 'dmi',
    name: { fr: 'Besoin apparent en matières (DMI)', en: 'Direct material input (DMI)' },
    definition: {
      fr: "Extraction intérieure utilisée plus importations (méthode Eurostat EW-MFA adaptée par le guide CGDD/SOeS 2014). L'extraction vient des statistiques (Agreste, UNICEM/DREAL…) saisies en agrégats ; les importations sont les intrants extérieurs déclarés et saisis.",
      en: 'Domestic extraction used plus imports (Eurostat EW-MFA as adapted by the CGDD/SOeS 2014 guide). Extraction comes from statistics (Agreste, UNICEM/DREAL…) entered as aggregates; imports are the external inputs declared and entered.',
    },
    formula: 'DMI = DE + IMP',
    needs: 'statistics',
    unit: null,
    layers: ['material'],
  },
  dmc: {
    id: 'dmc',
    name: { fr: 'Consommation intérieure apparente de matières (DMC)', en: 'Domestic material consumption (DMC)' },
    definition: {
      fr: 'Besoin apparent en matières moins exportations (Eurostat EW-MFA, guide CGDD 2014). Les exportations sont les sorties valorisées hors du territoire et les agrégats de sortie vers un partenaire extérieur.',
      en: 'Direct material input minus exports (Eurostat EW-MFA, CGDD 2014 guide). Exports are outputs recovered outside the territory and output aggregates to an outside partner.',
    },
    formula: 'DMC = DMI − EXP = DE + IMP − EXP',
    needs: 'statistics',
    unit: null,
    layers: ['material'],
  },
  ptb: {
    id: 'ptb',
    name: { fr: 'Balance commerciale physique (PTB)', en: 'Physical trade balance (PTB)' },
    definition: {
      fr: "Importations moins exportations, en tonnes (Eurostat EW-MFA, guide CGDD 2014). Positive : le territoire importe plus de matières qu'il n'en exporte.",
      en: 'Imports minus exports, in tonnes (Eurostat EW-MFA, CGDD 2014 guide). Positive: the territory imports more material than it exports.',
    },
    formula: 'PTB = IMP − EXP',
    needs: 'statistics',
    unit: null,
    layers: ['material'],
  },
};

const scope = (layer: Layer, family: Family | undefined): Bilingual => ({
  fr: `${LAYER_LABELS[layer].fr.toLowerCase()}${family ? `, famille « ${FAMILY_LABELS[family].fr} »` : ''}`,
  en: `${LAYER_LABELS[layer].en.toLowerCase()}${family ? `, family "${FAMILY_LABELS[family].en}"` : ''}`,
});

function indicator(
  id: IndicatorId,
  layer: Layer,
  family: Family | undefined,
  value: number | null,
  extra: { missing?: Bilingual | undefined; coverage?: number | undefined } = {},
): Indicator {
  const d = INDICATOR_CATALOGUE[id];
  const result: Indicator = {
    id,
    layer,
    ...(family ? { family } : {}),
    name: d.name,
    value,
    unit: d.unit ?? LAYER_UNIT[layer],
    definition: d.definition,
    formula: d.formula,
    needs: d.needs,
  };
  if (value === null && extra.missing) result.missing = extra.missing;
  if (extra.coverage !== undefined) result.coverage = extra.coverage;
  return result;
}

/** The indicators of one layer: the layer as a whole, then each family. */
function layerIndicators<L extends Layer>(account: LayerAccount<L>): Indicator[] {
  const { layer } = account;
  const out: Indicator[] = [];
  const scopes: (Family | undefined)[] = [undefined, ...FAMILIES];

  // Outputs: shares of outputs whose fate is known.
  for (const family of scopes) {
    const byDestination = family ? account.outputs[family] : account.totals.outputsByDestination;
    const all = family ? account.totals.outputsByFamily[family] : account.totals.outputs;
    const known = sumAmounts(
      layer,
      DESTINATIONS.filter((d) => d !== 'unknown').map((d) => byDestination[d]),
    );
    const coverage = ratioOf(known, all) ?? undefined;
    const missing: Bilingual =
      all.value === 0
        ? {
            fr: `Aucune sortie déclarée ou saisie (${scope(layer, family).fr}).`,
            en: `No output declared or entered (${scope(layer, family).en}).`,
          }
        : {
            fr: `Aucune sortie dont le devenir est connu (${scope(layer, family).fr}) : demander aux acteurs le devenir actuel de leurs sorties.`,
            en: `No output with a known fate (${scope(layer, family).en}): ask the actors the current fate of their outputs.`,
          };
    const share = (part: Amount<L>): number | null => {
      const r = ratioOf(part, known);
      return r === null ? null : 100 * r;
    };
    out.push(indicator('local_loop_closure', layer, family, share(byDestination.recovery_inside), { missing, coverage }));
    out.push(indicator('landfill_share', layer, family, share(byDestination.landfill), { missing, coverage }));
    out.push(indicator('incineration_share', layer, family, share(byDestination.incineration), { missing, coverage }));
  }

  // Inputs: origin and partners.
  for (const family of scopes) {
    const byOrigin = family ? account.inputs[family] : account.totals.inputsByOrigin;
    const all = family ? account.totals.inputsByFamily[family] : account.totals.inputs;
    const known = addAmounts(byOrigin.local, byOrigin.external);
    const coverage = ratioOf(known, all) ?? undefined;
    const missing: Bilingual =
      all.value === 0
        ? {
            fr: `Aucun intrant déclaré ou saisi (${scope(layer, family).fr}).`,
            en: `No input declared or entered (${scope(layer, family).en}).`,
          }
        : {
            fr: `Aucun intrant d'origine connue (${scope(layer, family).fr}) : demander aux acteurs d'où viennent leurs intrants.`,
            en: `No input of known origin (${scope(layer, family).en}): ask the actors where their inputs come from.`,
          };
    const dependency = ratioOf(byOrigin.external, known);
    out.push(indicator('external_dependency', layer, family, dependency === null ? null : 100 * dependency, { missing, coverage }));
    const recycled = family ? account.localRecycledInputs[family] : account.totals.localRecycledInputs;
    const secondary = ratioOf(recycled, known);
    out.push(indicator('local_secondary_input_share', layer, family, secondary === null ? null : 100 * secondary, { missing, coverage }));

    // Herfindahl–Hirschman index over the partners of external inputs.
    const partners = new Map<string, ExactSum>();
    for (const f of family ? [family] : FAMILIES) {
      for (const p of account.externalByPartner[f]) {
        let s = partners.get(p.partner);
        if (!s) partners.set(p.partner, (s = new ExactSum()));
        s.add(p.amount.value);
      }
    }
    const partnerAmounts = [...partners.values()].map((s) => amount(layer, s.value()));
    const withPartner = sumAmounts(layer, partnerAmounts);
    if (byOrigin.external.value === 0) {
      out.push(
        indicator('external_supply_concentration', layer, family, null, {
          missing: { fr: `Aucun intrant extérieur (${scope(layer, family).fr}).`, en: `No external input (${scope(layer, family).en}).` },
        }),
      );
    } else if (withPartner.value === 0) {
      out.push(
        indicator('external_supply_concentration', layer, family, null, {
          missing: {
            fr: `Le partenaire (territoire ou lieu d'origine) d'aucun intrant extérieur n'est connu (${scope(layer, family).fr}).`,
            en: `The partner (territory or place of origin) of no external input is known (${scope(layer, family).en}).`,
          },
          coverage: 0,
        }),
      );
    } else {
      let hhi = 0;
      for (const a of partnerAmounts) hhi += (100 * (ratioOf(a, withPartner) ?? 0)) ** 2;
      out.push(indicator('external_supply_concentration', layer, family, hhi, { coverage: ratioOf(withPartner, byOrigin.external) ?? 0 }));
    }
  }

  // Eurostat EW-MFA: material layer only, and only with domestic extraction entered.
  if (layer === 'material') {
    const missing: Bilingual = {
      fr: "Il faut saisir l'extraction intérieure (agrégats « extraction » : Agreste pour la biomasse, UNICEM/DREAL pour les minéraux…) : les déclarations des acteurs ne la couvrent pas (guide CGDD 2014).",
      en: 'Domestic extraction must be entered (extraction aggregates: Agreste for biomass, UNICEM/DREAL for minerals…): actors’ declarations do not cover it (CGDD 2014 guide).',
    };
    const withStatistics = account.counted.extractionAggregates > 0;
    for (const family of scopes) {
      const de = family ? account.extraction[family] : account.totals.extraction;
      const imp = family ? account.inputs[family].external : account.totals.inputsByOrigin.external;
      const exp = family ? account.exports[family] : account.totals.exports;
      const dmi = addAmounts(de, imp);
      out.push(indicator('dmi', layer, family, withStatistics ? dmi.value : null, { missing }));
      out.push(indicator('dmc', layer, family, withStatistics ? subtractAmounts(dmi, exp).value : null, { missing }));
      out.push(indicator('ptb', layer, family, withStatistics ? subtractAmounts(imp, exp).value : null, { missing }));
    }
  }
  return out;
}

/** Every indicator of every layer, in a fixed order (layer, then indicator, the whole layer before each family). */
export function indicators(accounts: Accounts): Indicator[] {
  const out: Indicator[] = [];
  for (const layer of LAYERS) out.push(...layerIndicators(accounts.layers[layer]));
  const rank = new Map<IndicatorId, number>(INDICATOR_IDS.map((id, i) => [id, i]));
  const layerRank = new Map<Layer, number>(LAYERS.map((l, i) => [l, i]));
  const familyRank = (f: Family | undefined): number => (f ? FAMILIES.indexOf(f) + 1 : 0);
  return out.sort(
    (a, b) =>
      (layerRank.get(a.layer) as number) - (layerRank.get(b.layer) as number) ||
      (rank.get(a.id) as number) - (rank.get(b.id) as number) ||
      familyRank(a.family) - familyRank(b.family),
  );
}

/** A key that names one indicator among those `indicators` returns: `id/layer[/family]`. */
export function indicatorKey(i: Pick<Indicator, 'id' | 'layer' | 'family'>): string {
  return `${i.id}/${i.layer}${i.family ? `/${i.family}` : ''}`;
}
