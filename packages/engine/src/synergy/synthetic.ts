/**
 * Synthetic regions for benchmarks and tests: establishments clustered around towns of very
 * unequal size, as real ones are, each with about five flows drawn from its activity. Randomness
 * is given (a seeded generator), never taken.
 */
import type { NeedCategory } from '../model.js';
import type { AnalysisActor, AnalysisFlow, AnalysisInput, AnalysisSite } from './analysis.js';
import type { CandidateFlow, CandidateSite } from './candidates.js';
import type { MutualisationNeedInput } from './mutualisation.js';

/** Activities and the flows they typically have: [direction, resource]. Illustrative, for load only. */
const ACTIVITIES: readonly (readonly ['output' | 'input', string])[][] = [
  [
    ['output', 'material.wood.clean'],
    ['output', 'packaging.pallets'],
    ['input', 'material.wood.clean'],
    ['output', 'material.paper_cardboard'],
    ['input', 'energy.heat.low'],
  ],
  [
    ['output', 'material.biowaste.food_waste'],
    ['output', 'material.agrifood_byproducts.vegetable'],
    ['input', 'energy.heat.medium'],
    ['output', 'material.paper_cardboard'],
    ['input', 'water.process'],
  ],
  [
    ['input', 'energy.heat.medium'],
    ['input', 'gas.co2'],
    ['output', 'material.biowaste.green_waste'],
    ['input', 'water.process'],
    ['output', 'material.plastics.pe'],
  ],
  [
    ['output', 'material.construction.inert'],
    ['input', 'material.minerals_aggregates'],
    ['output', 'material.construction.mixed'],
    ['output', 'material.metals.ferrous'],
    ['output', 'material.wood.treated'],
  ],
  [
    ['output', 'material.metals.ferrous'],
    ['output', 'energy.heat.high'],
    ['input', 'material.metals.ferrous'],
    ['output', 'material.chemicals.solvents'],
    ['output', 'packaging.pallets'],
  ],
  [
    ['output', 'packaging.glass_bottles'],
    ['input', 'packaging.glass_bottles'],
    ['output', 'material.glass.cullet'],
    ['output', 'material.paper_cardboard'],
    ['output', 'material.plastics.pp'],
  ],
  [
    ['output', 'energy.heat.medium'],
    ['output', 'material.ashes_slags'],
    ['input', 'energy.fuels.biomass'],
    ['output', 'gas.co2'],
    ['output', 'water.cooling'],
  ],
  [
    ['input', 'energy.fuels.biomass'],
    ['output', 'material.biowaste.food_waste'],
    ['output', 'material.paper_cardboard'],
    ['input', 'energy.heat.low'],
    ['output', 'material.textiles'],
  ],
];

export interface SyntheticRegion {
  sites: CandidateSite[];
  flows: CandidateFlow[];
}

export interface SyntheticOptions {
  /** The region's bounding box; Hauts-de-France's by default (about 31,800 km²). */
  box?: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  /** Establishments per town on average (default 200). */
  perTown?: number;
}

export function syntheticRegion(siteCount: number, random: () => number, options: SyntheticOptions = {}): SyntheticRegion {
  const box = options.box ?? { minLat: 49.0, maxLat: 51.1, minLon: 1.4, maxLon: 4.3 };
  const towns = Math.max(1, Math.round(siteCount / (options.perTown ?? 200)));
  // Town weights follow Zipf's law (rank⁻¹): a few large towns, many small ones.
  const centres = Array.from({ length: towns }, (_, i) => ({
    lat: box.minLat + random() * (box.maxLat - box.minLat),
    lon: box.minLon + random() * (box.maxLon - box.minLon),
    weight: 1 / (i + 1),
    spreadKm: 1 + 6 * random(),
  }));
  const cumulative: number[] = [];
  let total = 0;
  for (const c of centres) cumulative.push((total += c.weight));
  const pickTown = (): (typeof centres)[number] => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return centres[lo] as (typeof centres)[number];
  };
  const sites: CandidateSite[] = [];
  const flows: CandidateFlow[] = [];
  for (let i = 0; i < siteCount; i++) {
    const town = pickTown();
    // Sum of three uniforms: a bell-shaped spread around the town centre.
    const dx = (random() + random() + random() - 1.5) * town.spreadKm;
    const dy = (random() + random() + random() - 1.5) * town.spreadKm;
    const lat = town.lat + dy / 111.2;
    const lon = town.lon + dx / (111.2 * Math.cos((lat * Math.PI) / 180));
    const id = `s${i}`;
    sites.push({ id, actorId: `a${i}`, location: { lat, lon } });
    const activity = ACTIVITIES[Math.floor(random() * ACTIVITIES.length)] ?? [];
    activity.forEach(([direction, resourceCode], j) =>
      flows.push({ id: `${id}-f${j}`, siteId: id, direction, resourceCode, wasteCode: null }),
    );
  }
  return { sites, flows };
}

/** A small seeded generator (mulberry32) for callers that need one. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Receiving activities (NAF) that the shipped rules name, so that synthetic receivers can qualify. */
const SYNTHETIC_NAF = ['35.30Z', '01.13Z', '38.32Z', '38.22Z', '16.21Z', '24.10Z', '23.13Z', '17.12Z', '10.91Z', null] as const;
const SYNTHETIC_QUANTITIES = [1, 2, 5, 10, 20, 50, 100, 200] as const;
const SYNTHETIC_MONTHS: readonly (readonly number[] | null)[] = [
  null,
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  [1, 2, 3, 4, 10, 11, 12],
  [5, 6, 7, 8, 9],
];
const SYNTHETIC_FATES = [null, 'landfill', 'incineration', 'recycling'] as const;
const SYNTHETIC_NEEDS: readonly (readonly [NeedCategory, string | null])[] = [
  ['waste_collection', 'material.paper_cardboard'],
  ['purchasing', 'energy.fuels.biomass'],
  ['equipment', null],
  ['service', null],
  ['logistics', null],
];

export interface SyntheticTerritoryOptions extends SyntheticOptions {
  /**
   * Groups of candidates alike in everything the analysis ranks by, added on purpose (default 0),
   * each at a place of its own north of the region (far from the rest and from the other groups):
   * two supplies of wood at one place and three boilers together 2 km north, wanting more than
   * the supplies give; two supplies of heat at one place and two greenhouses 1 km south. Each
   * allocation has many optima. Only names and labels tell the members apart.
   */
  tieGroups?: number;
}

/**
 * A synthetic territory to analyse: a synthetic region's sites and flows, each site an actor's
 * (one in seven sites is a second site of the previous actor), with quantities, seasons,
 * temperatures, purities, fates, costs and needs drawn from small sets, so that ties abound.
 */
export function syntheticTerritory(siteCount: number, random: () => number, options: SyntheticTerritoryOptions = {}): AnalysisInput {
  const region = syntheticRegion(siteCount, random, options);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const actors: AnalysisActor[] = [];
  const sites: AnalysisSite[] = [];
  const flows: AnalysisFlow[] = [];
  const needs: MutualisationNeedInput[] = [];
  const actorOfSite = new Map<string, string>();
  region.sites.forEach((s, i) => {
    let actorId = s.actorId;
    if (i % 7 === 3 && actors.length > 0) actorId = (actors[actors.length - 1] as AnalysisActor).id;
    else actors.push({ id: actorId, name: `Entreprise ${i}`, nafCode: pick(SYNTHETIC_NAF) });
    actorOfSite.set(s.id, actorId);
    sites.push({ id: s.id, actorId, location: s.location });
  });
  const unitOf = (resource: string): string => (resource.startsWith('energy.heat') ? 'MWh' : resource.startsWith('water.') ? 'm3' : 't');
  for (const f of region.flows) {
    const actorId = actorOfSite.get(f.siteId) as string;
    const quantity = random() < 0.1 ? null : pick(SYNTHETIC_QUANTITIES);
    const heat = f.resourceCode.startsWith('energy.heat');
    const fate = f.direction === 'output' ? pick(SYNTHETIC_FATES) : null;
    flows.push({
      id: f.id,
      siteId: f.siteId,
      actorId,
      direction: f.direction,
      resourceCode: f.resourceCode,
      wasteCode: f.wasteCode,
      label: `${f.resourceCode} ${f.id}`,
      annualQuantity: quantity === null ? null : { value: quantity, unit: unitOf(f.resourceCode) },
      monthsAvailable: pick(SYNTHETIC_MONTHS),
      quality: {
        temperatureC: heat ? (f.direction === 'output' ? pick([65, 90, 130]) : pick([40, 55])) : undefined,
        purityGrade: pick(['high', 'medium', undefined] as const),
      },
      hazardous: f.resourceCode === 'material.chemicals.solvents',
      currentFate: fate === null ? null : { mode: fate },
      costPerUnit: random() < 0.3 ? { eur: pick([30, 60]), kind: 'cost' } : null,
    });
  }
  for (const a of actors) {
    const count = Math.floor(random() * 3);
    for (let j = 0; j < count; j++) {
      const [category, resourceCode] = pick(SYNTHETIC_NEEDS);
      needs.push({
        id: `${a.id}-n${j}`,
        actorId: a.id,
        category,
        resourceCode,
        annualCostEur: random() < 0.5 ? pick([1000, 5000]) : null,
        description: `Besoin ${j + 1} de ${a.name}`,
      });
    }
  }
  const box = options.box ?? { minLat: 49.0, maxLat: 51.1, minLon: 1.4, maxLon: 4.3 };
  for (let g = 0; g < (options.tieGroups ?? 0); g++) {
    const lat = box.maxLat + 1.5 * (g + 1);
    const lon = box.minLon + random() * (box.maxLon - box.minLon);
    const place = (kmNorth: number) => ({ lat: lat + kmNorth / 111.2, lon });
    const party = (name: string, nafCode: string | null, kmNorth: number): { actorId: string; siteId: string } => {
      const actorId = `tie${g}-${actors.length}`;
      actors.push({ id: actorId, name, nafCode });
      sites.push({ id: `${actorId}-s`, actorId, location: place(kmNorth) });
      return { actorId, siteId: `${actorId}-s` };
    };
    const add = (
      at: { actorId: string; siteId: string },
      direction: 'output' | 'input',
      resourceCode: string,
      label: string,
      value: number,
      extra: Partial<AnalysisFlow> = {},
    ): void => {
      flows.push({
        id: `${at.siteId}-f${flows.length}`,
        ...at,
        direction,
        resourceCode,
        wasteCode: null,
        label,
        annualQuantity: { value, unit: unitOf(resourceCode) },
        monthsAvailable: null,
        quality: { purityGrade: 'high' },
        hazardous: false,
        currentFate: direction === 'output' ? { mode: 'landfill' } : null,
        costPerUnit: null,
        ...extra,
      });
    };
    for (let j = 0; j < 2; j++)
      add(party(`Menuiserie ${g}-${j}`, '16.23Z', 0), 'output', 'material.wood.clean', `Chutes de bois ${g}-${j}`, 100);
    for (let j = 0; j < 3; j++)
      add(party(`Chaufferie ${g}-${j}`, '35.30Z', 2), 'input', 'energy.fuels.biomass', `Plaquettes ${g}-${j}`, 100);
    for (let j = 0; j < 2; j++)
      add(party(`Usine ${g}-${j}`, '10.00Z', 4), 'output', 'energy.heat.medium', `Chaleur ${g}-${j}`, 500, {
        quality: { temperatureC: 90 },
      });
    for (let j = 0; j < 2; j++)
      add(party(`Serres ${g}-${j}`, '01.13Z', 3), 'input', 'energy.heat.medium', `Chauffage ${g}-${j}`, 600, {
        quality: { temperatureC: 55 },
      });
  }
  return { actors, sites, flows, needs };
}
