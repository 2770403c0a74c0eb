/**
 * A synthetic territory for benchmarks and tests: the synthetic region of the synergy engine
 * (establishments in Zipf-sized towns, about five flows each by activity) with yearly quantities in
 * each resource's base unit, current fates (with local flags and partners) and origins, and a few
 * aggregates of the kinds a user enters. Illustrative figures, for load only. Randomness is given
 * (a seeded generator), never taken.
 */
import type { FateMode } from '../model.js';
import { syntheticRegion } from '../synergy/synthetic.js';
import type { MetabolismAggregate, MetabolismFlow, MetabolismInput } from './types.js';

/** Codes of the neighbouring territories synthetic flows come from or go to. */
export const SYNTHETIC_PARTNERS = [
  '200093201',
  '200041960',
  '245900410',
  '200068500',
  '246200364',
  '200040277',
  '248000531',
  '200071751',
] as const;

const FATES: readonly (readonly [FateMode, number])[] = [
  ['landfill', 0.15],
  ['incineration', 0.05],
  ['energy_recovery', 0.1],
  ['recycling', 0.3],
  ['reuse', 0.1],
  ['composting', 0.1],
  ['anaerobic_digestion', 0.05],
  ['spreading', 0.05],
  ['other', 0.1],
];

const WASTE_CODES: readonly (readonly [string, string])[] = [
  ['material.paper_cardboard', '150101'],
  ['material.plastics', '150102'],
  ['material.wood', '150103'],
  ['material.metals', '150104'],
  ['material.glass', '150107'],
  ['material.biowaste', '200108'],
  ['material.construction', '170107'],
];

/** The base unit of a resource of the synthetic region (mass for biomass fuels and gases). */
function unitOf(code: string): string {
  if (code.startsWith('water')) return 'm3';
  if (code.startsWith('packaging') || code.startsWith('equipment')) return 'unit';
  if (code.startsWith('energy.fuels.biomass') || code.startsWith('energy.fuels.solid_recovered') || code.startsWith('energy.fuels.liquid'))
    return 't';
  if (code.startsWith('energy')) return 'MWh';
  return 't';
}

function quantityIn(unit: string, random: () => number): number {
  const r = random() ** 3;
  const scale = unit === 'MWh' ? 5000 : unit === 'm3' ? 50000 : unit === 'unit' ? 10000 : 1000;
  return Math.round((1 + scale * r) * 1000) / 1000;
}

/** A current fate for an output in this unit: heat is recovered or lost ('other'), water reused or discharged ('other'). */
function pickFate(unit: string | undefined, random: () => number): FateMode {
  if (unit === 'MWh') return random() < 0.5 ? 'energy_recovery' : 'other';
  if (unit === 'm3') return random() < 0.4 ? 'reuse' : 'other';
  let u = random();
  for (const [mode, p] of FATES) if ((u -= p) < 0) return mode;
  return 'other';
}

/**
 * The metabolism input of a synthetic territory of `siteCount` establishments, deterministic for a
 * given random function (use `seededRandom` from the synergy engine).
 */
export function syntheticMetabolismInput(siteCount: number, random: () => number): MetabolismInput {
  const region = syntheticRegion(siteCount, random);
  const actorOf = new Map(region.sites.map((s) => [s.id, s.actorId]));
  const partner = (): string => SYNTHETIC_PARTNERS[Math.floor(random() * SYNTHETIC_PARTNERS.length)] as string;
  const flows: MetabolismFlow[] = region.flows.map((f) => {
    const unit = unitOf(f.resourceCode);
    const annualQuantity = random() < 0.03 ? null : { value: quantityIn(unit, random), unit };
    const flow: MetabolismFlow = {
      id: f.id,
      actorId: actorOf.get(f.siteId) ?? f.siteId,
      direction: f.direction,
      resourceCode: f.resourceCode,
      wasteCode: null,
      annualQuantity,
      currentFate: null,
      currentOrigin: null,
    };
    if (f.direction === 'output') {
      const waste = WASTE_CODES.find(([prefix]) => f.resourceCode.startsWith(prefix));
      if (waste && random() < 0.5) flow.wasteCode = waste[1];
      if (random() >= 0.15) {
        const mode = pickFate(unit, random);
        const u = random();
        const local = u < 0.45 ? true : u < 0.8 ? false : undefined;
        flow.currentFate = { mode, local, partner: local === false && random() < 0.8 ? partner() : undefined };
      }
    } else if (random() >= 0.1) {
      const local = random() < 0.45;
      flow.currentOrigin = { recycled: random() < 0.25, local, partner: !local && random() < 0.7 ? partner() : undefined };
    }
    return flow;
  });

  const source = { title: 'Données synthétiques (banc d’essai)' };
  const aggregate = (
    id: string,
    label: string,
    rest: Omit<MetabolismAggregate, 'id' | 'label' | 'year' | 'source' | 'estimate' | 'partner'> & { partner?: string | null },
  ): MetabolismAggregate => ({
    id,
    label,
    partner: null,
    year: 2024,
    source,
    estimate: true,
    ...rest,
  });
  const scaled = (perSite: number): number => Math.round(siteCount * perSite * (0.8 + 0.4 * random()) * 1000) / 1000;
  const t = (value: number) => ({ value, unit: 't' });
  const aggregates: MetabolismAggregate[] = [
    aggregate('agg-extraction-minerals', 'Granulats extraits (carrières)', {
      kind: 'extraction',
      family: 'construction_minerals',
      resourceCode: 'material.minerals_aggregates',
      annualQuantity: t(scaled(3)),
      origin: null,
      destination: null,
    }),
    aggregate('agg-extraction-biomass', 'Récoltes agricoles', {
      kind: 'extraction',
      family: 'agrifood',
      resourceCode: null,
      annualQuantity: t(scaled(2)),
      origin: null,
      destination: null,
    }),
    aggregate('agg-household-waste', 'Ordures ménagères résiduelles', {
      kind: 'output',
      family: 'wastes',
      resourceCode: 'material.mixed_waste',
      annualQuantity: t(scaled(0.5)),
      origin: null,
      destination: 'incineration',
    }),
    aggregate('agg-household-biowaste', 'Biodéchets des ménages', {
      kind: 'output',
      family: 'wastes',
      resourceCode: 'material.biowaste',
      annualQuantity: t(scaled(0.1)),
      origin: null,
      destination: 'recovery_inside',
    }),
    aggregate('agg-food-imports', 'Produits alimentaires importés', {
      kind: 'input',
      family: 'agrifood',
      resourceCode: null,
      annualQuantity: t(scaled(1.5)),
      origin: 'external',
      destination: null,
      partner: partner(),
    }),
    aggregate('agg-fuel-imports', 'Carburants', {
      kind: 'input',
      family: 'energy_carriers',
      resourceCode: 'energy.fuels.liquid',
      annualQuantity: t(scaled(1)),
      origin: 'external',
      destination: null,
    }),
    aggregate('agg-electricity', 'Électricité consommée', {
      kind: 'input',
      family: 'energy_carriers',
      resourceCode: 'energy.electricity',
      annualQuantity: { value: scaled(40), unit: 'MWh' },
      origin: 'external',
      destination: null,
    }),
    aggregate('agg-exports', 'Produits manufacturés expédiés', {
      kind: 'output',
      family: 'manufactured',
      resourceCode: null,
      annualQuantity: t(scaled(1)),
      origin: null,
      destination: null,
      partner: partner(),
    }),
    aggregate('agg-stock', 'Bâtiments et infrastructures (ajout net au stock)', {
      kind: 'stock_change',
      family: 'construction_minerals',
      resourceCode: null,
      annualQuantity: t(scaled(2)),
      origin: null,
      destination: null,
    }),
  ];
  return { flows, aggregates };
}
