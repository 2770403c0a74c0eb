/**
 * The candidate stage of substitution synergies: for every output flow and every input resource a
 * rule lets it feed, the k nearest input flows of that resource within the rule's distance. Run
 * on its own, it makes detection comparable with other tools doing the same work; checks, scoring
 * and allocation come after it. Deterministic: the result does not depend on input order.
 */
import type { LatLon } from '../geo.js';
import { distanceMetres } from '../geo.js';
import { resourceMatches, type CompatibilityRule } from './rules.js';
import { PointGrid, type Located } from './spatial.js';

export interface CandidateSite {
  id: string;
  actorId: string;
  location: LatLon | null;
}

export interface CandidateFlow {
  id: string;
  siteId: string;
  direction: 'output' | 'input';
  resourceCode: string;
  wasteCode: string | null;
}

export interface Candidate {
  outputFlowId: string;
  inputFlowId: string;
  ruleId: string;
  /** Great-circle distance between the two sites, in km. */
  distanceKm: number;
  /** Both flows belong to one actor (two of its sites): an internal loop rather than an exchange. */
  sameActor: boolean;
}

export interface CandidateOptions {
  /** How many nearest input flows are kept per output flow and input resource (default 10). */
  k?: number;
}

export interface CandidateResult {
  candidates: Candidate[];
  /** Flows left out because their site has no coordinates: they cannot be placed, so are not guessed. */
  notLocated: number;
}

function ruleMatchesOutput(rule: CompatibilityRule, flow: CandidateFlow): boolean {
  return rule.output.resources.some((r) => resourceMatches(r, flow.resourceCode)) || (flow.wasteCode !== null && (rule.output.wasteCodes ?? []).includes(flow.wasteCode));
}

interface Prepared {
  outputs: { flow: CandidateFlow; site: CandidateSite; at: LatLon }[];
  inputs: { flow: CandidateFlow; site: CandidateSite; at: LatLon }[];
  rules: CompatibilityRule[];
  notLocated: number;
}

function prepare(sites: readonly CandidateSite[], flows: readonly CandidateFlow[], rules: readonly CompatibilityRule[]): Prepared {
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const located: Prepared['outputs'] = [];
  let notLocated = 0;
  for (const flow of [...flows].sort(byId)) {
    const site = siteById.get(flow.siteId);
    if (!site?.location) {
      notLocated++;
      continue;
    }
    located.push({ flow, site, at: site.location });
  }
  return {
    outputs: located.filter((x) => x.flow.direction === 'output'),
    inputs: located.filter((x) => x.flow.direction === 'input'),
    rules: [...rules].sort(byId),
    notLocated,
  };
}

type Input = Prepared['inputs'][number];

/** Keeps the k nearest, ties broken by flow ID so that the choice never depends on order. */
function nearest(found: { input: Input; km: number }[], k: number): { input: Input; km: number }[] {
  return found.sort((a, b) => a.km - b.km || (a.input.flow.id < b.input.flow.id ? -1 : a.input.flow.id > b.input.flow.id ? 1 : 0)).slice(0, k);
}

function emit(out: Candidate[], output: Prepared['outputs'][number], rule: CompatibilityRule, kept: { input: Input; km: number }[]): void {
  for (const { input, km } of kept) {
    out.push({ outputFlowId: output.flow.id, inputFlowId: input.flow.id, ruleId: rule.id, distanceKm: km, sameActor: input.site.actorId === output.site.actorId });
  }
}

const byFlowId = (a: Input, b: Input): number => (a.flow.id < b.flow.id ? -1 : a.flow.id > b.flow.id ? 1 : 0);

/**
 * A cell side (a power of two in km, 0.25 to 64) giving about four points per occupied area cell:
 * from the points' bounding box and count.
 */
function cellKmFor(points: readonly Located<Input>[]): number {
  if (points.length < 2) return 16;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const { at } of points) {
    minLat = Math.min(minLat, at.lat);
    maxLat = Math.max(maxLat, at.lat);
    minLon = Math.min(minLon, at.lon);
    maxLon = Math.max(maxLon, at.lon);
  }
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  const areaKm2 = Math.max(1, (maxLat - minLat) * 111.2 * (maxLon - minLon) * 111.2 * Math.cos(midLat));
  const side = Math.sqrt((4 * areaKm2) / points.length);
  return 2 ** Math.max(-2, Math.min(6, Math.round(Math.log2(side))));
}

/** Finds, for one output, rule and input resource, the k nearest inputs within the rule's reach. */
type Search = (output: Prepared['outputs'][number], rule: CompatibilityRule, resource: string, k: number) => { input: Input; km: number }[];

function run(p: Prepared, k: number, search: Search): CandidateResult {
  const candidates: Candidate[] = [];
  for (const output of p.outputs) {
    for (const rule of p.rules) {
      if (!ruleMatchesOutput(rule, output.flow)) continue;
      for (const resource of [...rule.input.resources].sort()) emit(candidates, output, rule, search(output, rule, resource, k));
    }
  }
  return { candidates: dedupe(candidates), notLocated: p.notLocated };
}

export function findCandidates(
  sites: readonly CandidateSite[],
  flows: readonly CandidateFlow[],
  rules: readonly CompatibilityRule[],
  options: CandidateOptions = {},
): CandidateResult {
  const p = prepare(sites, flows, rules);
  // One spatial index per input resource of the rules, built on first use, its cells sized to
  // hold a few points each: the ring search then stops after a few cells where points are dense.
  const indexes = new Map<string, PointGrid<Input>>();
  const index = (resource: string): PointGrid<Input> => {
    let grid = indexes.get(resource);
    if (!grid) {
      const points: Located<Input>[] = p.inputs.filter((i) => resourceMatches(resource, i.flow.resourceCode)).map((i) => ({ item: i, at: i.at }));
      grid = new PointGrid(points, cellKmFor(points));
      indexes.set(resource, grid);
    }
    return grid;
  };
  return run(p, options.k ?? 10, (output, rule, resource, k) =>
    index(resource)
      .nearest(output.at, rule.maxDistanceKm, k, (input) => input.site.id !== output.site.id, byFlowId)
      .map((f) => ({ input: f.item, km: f.km })),
  );
}

/**
 * The same result by comparing every output with every input: the reference the indexed version
 * is tested and benchmarked against.
 */
export function findCandidatesAllPairs(
  sites: readonly CandidateSite[],
  flows: readonly CandidateFlow[],
  rules: readonly CompatibilityRule[],
  options: CandidateOptions = {},
): CandidateResult {
  const p = prepare(sites, flows, rules);
  return run(p, options.k ?? 10, (output, rule, resource, k) => {
    const found: { input: Input; km: number }[] = [];
    for (const input of p.inputs) {
      if (input.site.id === output.site.id || !resourceMatches(resource, input.flow.resourceCode)) continue;
      const km = distanceMetres(output.at, input.at) / 1000;
      if (km <= rule.maxDistanceKm) found.push({ input, km });
    }
    return nearest(found, k);
  });
}

/** A pair found through two input resources of one rule is one candidate. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.outputFlowId}|${c.inputFlowId}|${c.ruleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
