/**
 * Synthetic regions for benchmarks and tests: establishments clustered around towns of very
 * unequal size, as real ones are, each with about five flows drawn from its activity. Randomness
 * is given (a seeded generator), never taken.
 */
import type { CandidateFlow, CandidateSite } from './candidates.js';

/** Activities and the flows they typically have: [direction, resource]. Illustrative, for load only. */
const ACTIVITIES: readonly (readonly ['output' | 'input', string])[][] = [
  [['output', 'material.wood.clean'], ['output', 'packaging.pallets'], ['input', 'material.wood.clean'], ['output', 'material.paper_cardboard'], ['input', 'energy.heat.low']],
  [['output', 'material.biowaste.food_waste'], ['output', 'material.agrifood_byproducts.vegetable'], ['input', 'energy.heat.medium'], ['output', 'material.paper_cardboard'], ['input', 'water.process']],
  [['input', 'energy.heat.medium'], ['input', 'gas.co2'], ['output', 'material.biowaste.green_waste'], ['input', 'water.process'], ['output', 'material.plastics.pe']],
  [['output', 'material.construction.inert'], ['input', 'material.minerals_aggregates'], ['output', 'material.construction.mixed'], ['output', 'material.metals.ferrous'], ['output', 'material.wood.treated']],
  [['output', 'material.metals.ferrous'], ['output', 'energy.heat.high'], ['input', 'material.metals.ferrous'], ['output', 'material.chemicals.solvents'], ['output', 'packaging.pallets']],
  [['output', 'packaging.glass_bottles'], ['input', 'packaging.glass_bottles'], ['output', 'material.glass.cullet'], ['output', 'material.paper_cardboard'], ['output', 'material.plastics.pp']],
  [['output', 'energy.heat.medium'], ['output', 'material.ashes_slags'], ['input', 'energy.fuels.biomass'], ['output', 'gas.co2'], ['output', 'water.cooling']],
  [['input', 'energy.fuels.biomass'], ['output', 'material.biowaste.food_waste'], ['output', 'material.paper_cardboard'], ['input', 'energy.heat.low'], ['output', 'material.textiles']],
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
    activity.forEach(([direction, resourceCode], j) => flows.push({ id: `${id}-f${j}`, siteId: id, direction, resourceCode, wasteCode: null }));
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
