/**
 * Impacts of a substitution synergy, after NISP's eight metrics where they apply: tonnes diverted
 * from landfill or incineration, t CO2e avoided net of transport, cost savings for each party, new
 * sales, virgin material saved, water saved, hazardous waste reused, and jobs. Every figure is
 * linear in the quantity exchanged, carries its method, the factors used and their sources, and is
 * an estimate: a verified figure comes from follow-up. A figure whose factor is missing is null,
 * never guessed.
 */
import type { Bilingual } from '../i18n.js';
import type { FateMode } from '../model.js';
import { resourceMatches, type CompatibilityRule } from './rules.js';

/** A figure of the impact factors file with its provenance (see packages/reference-data). */
export interface ImpactParameterInput {
  value: number | null;
  unit: string;
  source: string | null;
  estimate: boolean;
}

/** What the engine reads of `impact-factors.json`; the reference-data type fits it. */
export interface ImpactModel {
  version: string;
  sources: readonly { key: string; title: string; url: string }[];
  co2: readonly {
    resource: string;
    mode: FateMode;
    kgCo2ePerUnit: number | null;
    unit: string;
    method: Bilingual;
    source: string | null;
    estimate: boolean;
  }[];
  transport: { kgCo2ePerTonneKm: ImpactParameterInput; eurPerTonneKm: ImpactParameterInput; detourFactor: ImpactParameterInput };
  jobs: readonly { mode: FateMode; perKiloTonne: number | null; source: string | null; estimate: boolean }[];
  familyModes: Readonly<Record<string, FateMode>>;
  ruleModes: Readonly<Record<string, { mode: FateMode }>>;
}

export interface FactorUsed {
  name: string;
  value: number | null;
  unit: string;
  source: { title: string; url: string } | null;
  estimate: boolean;
}

export interface ImpactFigure {
  /** Per year, for the quantity in `basis`; null when a factor or a declared figure is missing. */
  value: number | null;
  unit: string;
  method: Bilingual;
  factors: FactorUsed[];
  estimated: true;
}

export const IMPACT_NAMES = [
  'divertedFromDisposal',
  'co2eAvoided',
  'transportEmissions',
  'transportCost',
  'supplierSaving',
  'receiverSaving',
  'newSales',
  'virginMaterialSaved',
  'waterSaved',
  'hazardousWasteReused',
  'jobs',
] as const;
export type ImpactName = (typeof IMPACT_NAMES)[number];

export interface SynergyImpacts {
  /** The yearly quantity the figures are for: the allocated one, or else the most that could be exchanged. */
  basis: { quantity: number | null; unit: string | null; kind: 'allocated' | 'potential' };
  /** The treatment mode the synergy performs (from the rule's family), which picks the factors. */
  mode: FateMode;
  figures: Record<ImpactName, ImpactFigure>;
}

/** What impacts read of the two flows. */
export interface ImpactFlow {
  resourceCode: string;
  annualQuantity: { value: number; unit: string } | null;
  hazardous: boolean;
  currentFate: { mode: FateMode } | null;
  currentOrigin?: { recycled: boolean } | null | undefined;
  /** Yearly cost (paid) or price (received) per unit of `annualQuantity`, in euros, when declared. */
  costPerUnit: { eur: number; kind: 'cost' | 'price' } | null;
}

/** Per-unit figures of a pair: what allocation weighs and what impacts scale. */
export interface UnitImpacts {
  mode: FateMode;
  unit: string | null;
  /** kg CO2e avoided per unit, before transport; null when no factor. */
  co2KgPerUnit: number | null;
  co2Factor: ImpactModel['co2'][number] | null;
  /** Transport per unit (mass only: road km × factor); 0 for energy and water, which are piped. */
  transportKgPerUnit: number | null;
  transportEurPerUnit: number | null;
  supplierEurPerUnit: number | null;
  receiverEurPerUnit: number | null;
  jobsPerUnit: number | null;
  jobRatios: { scenario: ImpactModel['jobs'][number] | null; baseline: ImpactModel['jobs'][number] | null };
  roadKm: number;
}

export function synergyMode(model: ImpactModel, rule: CompatibilityRule): FateMode {
  return model.ruleModes[rule.id]?.mode ?? model.familyModes[rule.family] ?? 'other';
}

/** The CO2 factor of the most specific taxonomy class of `resource` for `mode`. */
export function co2FactorFor(model: ImpactModel, resource: string, mode: FateMode): ImpactModel['co2'][number] | null {
  let best: ImpactModel['co2'][number] | null = null;
  for (const f of model.co2) {
    if (f.mode !== mode || !resourceMatches(f.resource, resource)) continue;
    if (!best || f.resource.length > best.resource.length) best = f;
  }
  return best;
}

const DISPOSAL: readonly FateMode[] = ['landfill', 'incineration'];

export function unitImpacts(
  model: ImpactModel,
  rule: CompatibilityRule,
  supply: ImpactFlow,
  demand: ImpactFlow,
  distanceKm: number,
): UnitImpacts {
  const mode = synergyMode(model, rule);
  const unit = supply.annualQuantity?.unit ?? null;
  const detour = model.transport.detourFactor.value ?? 1;
  const roadKm = distanceKm * detour;
  const factor = co2FactorFor(model, supply.resourceCode, mode);
  const factorFits = factor !== null && factor.kgCo2ePerUnit !== null && factor.unit === unit;
  const byRoad = unit === 't';
  const tkm = model.transport.kgCo2ePerTonneKm.value;
  const eurTkm = model.transport.eurPerTonneKm.value;
  const jobRatio = (m: FateMode | undefined): ImpactModel['jobs'][number] | null =>
    m ? (model.jobs.find((j) => j.mode === m) ?? null) : null;
  const scenario = jobRatio(mode);
  const baseline = jobRatio(supply.currentFate?.mode);
  const jobsPerUnit =
    byRoad && scenario?.perKiloTonne != null && baseline?.perKiloTonne != null
      ? (scenario.perKiloTonne - baseline.perKiloTonne) / 1000
      : null;
  return {
    mode,
    unit,
    co2KgPerUnit: factorFits ? (factor.kgCo2ePerUnit as number) : null,
    co2Factor: factor,
    transportKgPerUnit: byRoad ? (tkm === null ? null : roadKm * tkm) : unit === null ? null : 0,
    transportEurPerUnit: byRoad ? (eurTkm === null ? null : roadKm * eurTkm) : unit === null ? null : 0,
    supplierEurPerUnit: supply.costPerUnit?.kind === 'cost' ? supply.costPerUnit.eur : null,
    receiverEurPerUnit: demand.costPerUnit?.kind === 'cost' ? demand.costPerUnit.eur : null,
    jobsPerUnit,
    jobRatios: { scenario, baseline },
    roadKm,
  };
}

/** Benefit per unit for allocation: kg CO2e or euros, net of transport; null when unknown. */
export function benefitPerUnit(u: UnitImpacts, objective: 'co2' | 'cost'): number | null {
  if (objective === 'co2') return u.co2KgPerUnit === null || u.transportKgPerUnit === null ? null : u.co2KgPerUnit - u.transportKgPerUnit;
  if (u.transportEurPerUnit === null || (u.supplierEurPerUnit === null && u.receiverEurPerUnit === null)) return null;
  return (u.supplierEurPerUnit ?? 0) + (u.receiverEurPerUnit ?? 0) - u.transportEurPerUnit;
}

function source(model: ImpactModel, key: string | null): { title: string; url: string } | null {
  if (!key) return null;
  const s = model.sources.find((x) => x.key === key);
  return s ? { title: s.title, url: s.url } : null;
}

export function synergyImpacts(
  model: ImpactModel,
  u: UnitImpacts,
  supply: ImpactFlow,
  demand: ImpactFlow,
  basis: SynergyImpacts['basis'],
): SynergyImpacts {
  const q = basis.quantity;
  const scaled = (perUnit: number | null, factor = 1): number | null => (q === null || perUnit === null ? null : perUnit * q * factor);
  const t = model.transport;
  const param = (name: string, p: ImpactParameterInput): FactorUsed => ({
    name,
    value: p.value,
    unit: p.unit,
    source: source(model, p.source),
    estimate: p.estimate,
  });
  const detour = param('detourFactor', t.detourFactor);
  const isMass = u.unit === 't';
  const fate = supply.currentFate?.mode ?? null;
  const fig = (value: number | null, unit: string, method: Bilingual, factors: FactorUsed[] = []): ImpactFigure => ({
    value,
    unit,
    method,
    factors,
    estimated: true,
  });

  const transportEmissions = fig(
    scaled(u.transportKgPerUnit, 1 / 1000),
    't CO2e/an',
    isMass
      ? {
          fr: `Quantité × ${u.roadKm.toFixed(1)} km par la route (vol d'oiseau × facteur de détour) × facteur du poids lourd.`,
          en: `Quantity × ${u.roadKm.toFixed(1)} road km (great circle × detour factor) × lorry factor.`,
        }
      : {
          fr: 'Énergie et eau sont acheminées par réseau : pas de transport routier compté.',
          en: 'Energy and water are piped: no road transport counted.',
        },
    isMass ? [param('kgCo2ePerTonneKm', t.kgCo2ePerTonneKm), detour] : [],
  );
  const co2Factor = u.co2Factor;
  const co2Used: FactorUsed[] = co2Factor
    ? [
        {
          name: `co2:${co2Factor.resource}:${co2Factor.mode}`,
          value: co2Factor.kgCo2ePerUnit,
          unit: `kgCO2e/${co2Factor.unit}`,
          source: source(model, co2Factor.source),
          estimate: co2Factor.estimate,
        },
      ]
    : [];
  const co2Net = u.co2KgPerUnit === null || u.transportKgPerUnit === null ? null : u.co2KgPerUnit - u.transportKgPerUnit;
  const co2eAvoided = fig(
    scaled(co2Net, 1 / 1000),
    't CO2e/an',
    co2Factor
      ? {
          fr: `${co2Factor.method.fr} Moins les émissions du transport. ${co2Factor.kgCo2ePerUnit === null ? 'Facteur à sourcer : non chiffré.' : ''}`.trim(),
          en: `${co2Factor.method.en} Less transport emissions. ${co2Factor.kgCo2ePerUnit === null ? 'Factor to be sourced: not estimated.' : ''}`.trim(),
        }
      : {
          fr: `Aucun facteur d'émission pour ce flux et ce mode (${u.mode}) : non chiffré.`,
          en: `No emission factor for this flow and mode (${u.mode}): not estimated.`,
        },
    [...co2Used, ...transportEmissions.factors],
  );
  const transportCost = fig(
    scaled(u.transportEurPerUnit),
    '€/an',
    isMass
      ? { fr: 'Quantité × km par la route × coût du transport routier par t·km.', en: 'Quantity × road km × road freight cost per t·km.' }
      : { fr: 'Acheminement par réseau : coût à étudier, non chiffré ici.', en: 'Piped: cost to be studied, not estimated here.' },
    isMass ? [param('eurPerTonneKm', t.eurPerTonneKm), detour] : [],
  );
  const declared = (who: 'supplier' | 'receiver'): FactorUsed[] => {
    const perUnit = who === 'supplier' ? u.supplierEurPerUnit : u.receiverEurPerUnit;
    return perUnit === null
      ? []
      : [{ name: `${who}.declaredCostPerUnit`, value: perUnit, unit: `€/${u.unit ?? '?'}`, source: null, estimate: false }];
  };
  const supplierSaving = fig(
    scaled(u.supplierEurPerUnit),
    '€/an',
    {
      fr: "Coût d'élimination déclaré par le fournisseur, évité si le flux est cédé sans prix ; non chiffré sans coût déclaré.",
      en: 'Disposal cost declared by the supplier, avoided if the flow is given away at no price; not estimated without a declared cost.',
    },
    declared('supplier'),
  );
  const receiverSaving = fig(
    scaled(u.receiverEurPerUnit),
    '€/an',
    {
      fr: "Prix d'achat déclaré par le receveur pour la matière remplacée, évité si le flux est cédé sans prix ; le transport est compté à part.",
      en: 'Purchase price declared by the receiver for the material replaced, avoided if the flow is given away at no price; transport is counted apart.',
    },
    declared('receiver'),
  );
  const newSales = fig(null, '€/an', {
    fr: 'Le prix de cession est à négocier entre les parties : pas de vente nouvelle estimée.',
    en: 'The price is for the parties to agree: no new sales estimated.',
  });
  const diverted = isMass && fate !== null ? (DISPOSAL.includes(fate) ? q : q === null ? null : 0) : null;
  const divertedFromDisposal = fig(diverted, 't/an', {
    fr: `Quantité échangée dont le devenir actuel est l'enfouissement ou l'incinération (devenir déclaré : ${fate ?? 'inconnu'}).`,
    en: `Quantity exchanged whose current fate is landfill or incineration (declared fate: ${fate ?? 'unknown'}).`,
  });
  const virgin = isMass && demand.currentOrigin?.recycled !== true ? q : isMass ? 0 : null;
  const virginMaterialSaved = fig(virgin, 't/an', {
    fr: "Quantité de matière vierge remplacée chez le receveur (sauf s'il déclare déjà une origine recyclée).",
    en: 'Quantity of virgin material replaced at the receiver (unless it declares a recycled origin already).',
  });
  const waterSaved = fig(u.unit === 'm3' ? q : null, 'm3/an', {
    fr: "Volume d'eau réutilisé à la place d'un prélèvement (flux d'eau seulement).",
    en: 'Volume of water reused instead of abstracted (water flows only).',
  });
  const hazardousWasteReused = fig(isMass ? (supply.hazardous ? q : q === null ? null : 0) : null, 't/an', {
    fr: 'Quantité échangée si le flux est un déchet dangereux.',
    en: 'Quantity exchanged when the flow is hazardous waste.',
  });
  const jobsFactors: FactorUsed[] = [u.jobRatios.scenario, u.jobRatios.baseline]
    .filter((j): j is NonNullable<typeof j> => j !== null)
    .map((j) => ({
      name: `jobs:${j.mode}`,
      value: j.perKiloTonne,
      unit: 'ETP/1000 t',
      source: source(model, j.source),
      estimate: j.estimate,
    }));
  const jobs = fig(
    scaled(u.jobsPerUnit),
    'ETP',
    {
      fr: `Quantité / 1000 × (emplois par 1000 t du mode ${u.mode} − ceux du devenir actuel ${fate ?? 'inconnu'}) ; non chiffré si un ratio manque.`,
      en: `Quantity / 1000 × (jobs per 1,000 t of mode ${u.mode} − those of the current fate ${fate ?? 'unknown'}); not estimated when a ratio is missing.`,
    },
    jobsFactors,
  );
  return {
    basis,
    mode: u.mode,
    figures: {
      divertedFromDisposal,
      co2eAvoided,
      transportEmissions,
      transportCost,
      supplierSaving,
      receiverSaving,
      newSales,
      virginMaterialSaved,
      waterSaved,
      hazardousWasteReused,
      jobs,
    },
  };
}
