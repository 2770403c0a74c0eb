/**
 * The candidate stage of substitution synergies: for every output flow and every input resource a
 * rule lets it feed, the k nearest input flows of that resource within the rule's distance. Run
 * on its own, it makes detection comparable with other tools doing the same work; checks, scoring
 * and allocation come after it. Deterministic: the result does not depend on input order.
 *
 * Built for regions of a million sites: searches are shared by every output flow of a site and
 * every rule needing the same input resource (one search at the widest distance, then cut per
 * rule), and the result is a table of typed columns rather than millions of objects.
 */
import { resourceMatches, type CompatibilityRule } from './rules.js';
import { KdTree, NearestBuffer, PointSet, chordTerm, termToKm, kmToTerm } from './nearest.js';
import type { LatLon } from '../geo.js';

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

/**
 * Candidates as columns: row i pairs flows[output[i]] with flows[input[i]] under rules[rule[i]].
 * Rows come by output site (in a spatial order fixed by the coordinates and site IDs), then output
 * flow ID, rule ID, input resource, distance and input flow ID.
 */
export interface CandidateTable {
  count: number;
  flows: readonly CandidateFlow[];
  sites: readonly CandidateSite[];
  /** For each flow of `flows`, the index of its site in `sites`. */
  flowSite: Int32Array;
  rules: readonly CompatibilityRule[];
  output: Int32Array;
  input: Int32Array;
  rule: Uint16Array;
  distanceKm: Float64Array;
  sameActor: Uint8Array;
  notLocated: number;
}

export interface CandidateResult {
  candidates: Candidate[];
  /** Flows left out because their site has no coordinates: they cannot be placed, so are not guessed. */
  notLocated: number;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A rule's input resources, sorted, without those another of its resources already covers. */
function ruleInputs(rule: CompatibilityRule): string[] {
  const all = [...new Set(rule.input.resources)].sort(compareIds);
  return all.filter((r) => !all.some((other) => other !== r && resourceMatches(other, r)));
}

/**
 * Typed columns allocated once, at an upper bound of the row count worked out beforehand: growing
 * them would copy every row several times and, worse, each large allocation makes the garbage
 * collector run again over the caller's objects (millions of flows at the scale of a region).
 * The table's columns are views of the first `count` rows.
 */
class Columns {
  count = 0;
  readonly output: Int32Array;
  readonly input: Int32Array;
  readonly rule: Uint16Array;
  readonly distanceKm: Float64Array;
  readonly sameActor: Uint8Array;
  constructor(capacity: number) {
    this.output = new Int32Array(capacity);
    this.input = new Int32Array(capacity);
    this.rule = new Uint16Array(capacity);
    this.distanceKm = new Float64Array(capacity);
    this.sameActor = new Uint8Array(capacity);
  }
  push(output: number, input: number, rule: number, km: number, sameActor: boolean): void {
    const i = this.count++;
    this.output[i] = output;
    this.input[i] = input;
    this.rule[i] = rule;
    this.distanceKm[i] = km;
    this.sameActor[i] = sameActor ? 1 : 0;
  }
  views(): Pick<CandidateTable, 'output' | 'input' | 'rule' | 'distanceKm' | 'sameActor'> {
    const n = this.count;
    return {
      output: this.output.subarray(0, n),
      input: this.input.subarray(0, n),
      rule: this.rule.subarray(0, n),
      distanceKm: this.distanceKm.subarray(0, n),
      sameActor: this.sameActor.subarray(0, n),
    };
  }
}

interface Prepared {
  sites: CandidateSite[];
  flows: CandidateFlow[];
  flowSite: Int32Array;
  points: PointSet;
  rules: CompatibilityRule[];
  /** Per rule, its input resources (no overlaps). */
  ruleResources: string[][];
  /** The distinct input resources of all rules, sorted; per resource, the located input flows. */
  resources: string[];
  inputsOf: Int32Array[];
  /** Output flows grouped by site, sites in spatial order, flows in ID order. */
  outputsBySite: { site: number; flows: number[] }[];
  notLocated: number;
}

function prepare(sites: readonly CandidateSite[], flows: readonly CandidateFlow[], rules: readonly CompatibilityRule[]): Prepared {
  if (rules.length > 65535) throw new RangeError('at most 65,535 compatibility rules');
  if (sites.length >= 2 ** 21) throw new RangeError('at most 2,097,151 sites in one search');
  const sortedSites = [...sites].sort((a, b) => compareIds(a.id, b.id));
  const siteIndex = new Map<string, number>();
  sortedSites.forEach((s, i) => siteIndex.set(s.id, i));
  const lat = new Float64Array(sortedSites.length);
  const lon = new Float64Array(sortedSites.length);
  sortedSites.forEach((s, i) => {
    lat[i] = s.location?.lat ?? 0;
    lon[i] = s.location?.lon ?? 0;
  });
  const points = PointSet.fromDegrees(lat, lon);
  const sortedRules = [...rules].sort((a, b) => compareIds(a.id, b.id));
  const ruleResources = sortedRules.map(ruleInputs);
  const resources = [...new Set(ruleResources.flat())].sort(compareIds);
  const resourceIndex = new Map(resources.map((r, i) => [r, i]));

  // Flows keep the caller's order in `flows`; every ordering below goes through IDs.
  const flowSite = new Int32Array(flows.length);
  const inputLists: number[][] = resources.map(() => []);
  const outputs = new Map<number, number[]>();
  const resourcesOfCode = new Map<string, number[]>();
  let notLocated = 0;
  for (let f = 0; f < flows.length; f++) {
    const flow = flows[f] as CandidateFlow;
    const s = siteIndex.get(flow.siteId);
    flowSite[f] = s ?? -1;
    if (s === undefined || !sortedSites[s]?.location) {
      notLocated++;
      continue;
    }
    if (flow.direction === 'output') {
      const list = outputs.get(s);
      if (list) list.push(f);
      else outputs.set(s, [f]);
      continue;
    }
    // The rule resources this input is of: its code and each of its parent classes.
    let matched = resourcesOfCode.get(flow.resourceCode);
    if (!matched) {
      matched = [];
      const parts = flow.resourceCode.split('.');
      for (let n = parts.length; n > 0; n--) {
        const r = resourceIndex.get(parts.slice(0, n).join('.'));
        if (r !== undefined) matched.push(r);
      }
      resourcesOfCode.set(flow.resourceCode, matched);
    }
    for (const r of matched) (inputLists[r] as number[]).push(f);
  }
  // Sites are searched in a spatial order (Morton code, ties by site ID): neighbours then share
  // the parts of the index in the processor's cache, which is about a quarter faster at scale.
  const morton = mortonCodes(sortedSites);
  // Sorted as numbers (code × 2²¹ + site index: exact below 2⁵³), without a comparator.
  const keys = new Float64Array(outputs.size);
  let n = 0;
  for (const site of outputs.keys()) keys[n++] = (morton[site] as number) * 2 ** 21 + site;
  keys.sort();
  const outputsBySite = Array.from(keys, (key) => {
    const site = key % 2 ** 21;
    const list = outputs.get(site) as number[];
    if (list.length > 1) list.sort((a, b) => compareIds((flows[a] as CandidateFlow).id, (flows[b] as CandidateFlow).id));
    return { site, flows: list };
  });
  return {
    sites: sortedSites,
    flows: [...flows],
    flowSite,
    points,
    rules: sortedRules,
    ruleResources,
    resources,
    inputsOf: inputLists.map((l) => Int32Array.from(l)),
    outputsBySite,
    notLocated,
  };
}

/** Per site, its position on a Z-order curve over the sites' bounding box (16 bits a coordinate). */
function mortonCodes(sites: readonly CandidateSite[]): Float64Array {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const s of sites) {
    if (!s.location) continue;
    minLat = Math.min(minLat, s.location.lat);
    maxLat = Math.max(maxLat, s.location.lat);
    minLon = Math.min(minLon, s.location.lon);
    maxLon = Math.max(maxLon, s.location.lon);
  }
  const spread = (v: number): number => {
    let x = v & 0xffff;
    x = (x | (x << 8)) & 0x00ff00ff;
    x = (x | (x << 4)) & 0x0f0f0f0f;
    x = (x | (x << 2)) & 0x33333333;
    x = (x | (x << 1)) & 0x55555555;
    return x >>> 0;
  };
  const codes = new Float64Array(sites.length);
  const scale = (v: number, min: number, max: number): number =>
    max > min ? Math.min(65535, Math.floor(((v - min) / (max - min)) * 65536)) : 0;
  sites.forEach((s, i) => {
    if (!s.location) return;
    codes[i] = spread(scale(s.location.lon, minLon, maxLon)) + 2 * spread(scale(s.location.lat, minLat, maxLat));
  });
  return codes;
}

function ruleMatchesOutput(rule: CompatibilityRule, flow: CandidateFlow): boolean {
  return (
    rule.output.resources.some((r) => resourceMatches(r, flow.resourceCode)) ||
    (flow.wasteCode !== null && (rule.output.wasteCodes ?? []).includes(flow.wasteCode))
  );
}

/**
 * Finds, for the site `site`, the nearest input flows of resource `resource` within `radiusKm`,
 * other sites only, into `out` (items are flow indices, terms haversine terms).
 */
type Search = (site: number, resource: number, radiusKm: number, out: NearestBuffer) => void;

function run(p: Prepared, k: number, search: Search): CandidateTable {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  const flowRank = (f: number): string => (p.flows[f] as CandidateFlow).id;
  // Ties in distance are broken by flow ID: NearestBuffer compares numbers, so give it ranks.
  const rankOf = new Int32Array(p.flows.length);
  {
    const order = Array.from(p.flows.keys()).sort((a, b) => compareIds(flowRank(a), flowRank(b)));
    order.forEach((f, i) => (rankOf[f] = i));
  }
  const buffer = new NearestBuffer(k, (f) => rankOf[f] as number);
  const matchCache = new Map<string, Map<string | null, number[]>>();
  const rulesFor = (flow: CandidateFlow): number[] => {
    let byWaste = matchCache.get(flow.resourceCode);
    if (!byWaste) matchCache.set(flow.resourceCode, (byWaste = new Map()));
    let list = byWaste.get(flow.wasteCode);
    if (!list) {
      list = [];
      for (let r = 0; r < p.rules.length; r++) if (ruleMatchesOutput(p.rules[r] as CompatibilityRule, flow)) list.push(r);
      byWaste.set(flow.wasteCode, list);
    }
    return list;
  };
  // Actors as numbers, so that comparing two is cheap.
  const siteActor = new Int32Array(p.sites.length);
  {
    const actors = new Map<string, number>();
    p.sites.forEach((s, i) => {
      let a = actors.get(s.actorId);
      if (a === undefined) actors.set(s.actorId, (a = actors.size));
      siteActor[i] = a;
    });
  }
  const ruleRes = p.ruleResources.map((list) => Int32Array.from(list, (res) => p.resources.indexOf(res)));
  // At most k rows per output flow, matching rule and input resource, and no more than there are
  // inputs of that resource.
  let bound = 0;
  for (const { flows } of p.outputsBySite) {
    for (const f of flows)
      for (const r of rulesFor(p.flows[f] as CandidateFlow))
        for (const ri of ruleRes[r] as Int32Array) bound += Math.min(k, (p.inputsOf[ri] as Int32Array).length);
  }
  const cols = new Columns(bound);
  // Per input resource: the widest reach the site's rules need (-1: not needed), and what was found.
  const reach = new Float64Array(p.resources.length).fill(-1);
  const touched: number[] = [];
  const foundTerms = p.resources.map(() => new Float64Array(k));
  const foundItems = p.resources.map(() => new Int32Array(k));
  const foundSize = new Int32Array(p.resources.length);
  for (const { site, flows } of p.outputsBySite) {
    // One search per input resource for the whole site, at the widest distance its rules allow.
    for (const f of flows) {
      for (const r of rulesFor(p.flows[f] as CandidateFlow)) {
        const km = (p.rules[r] as CompatibilityRule).maxDistanceKm;
        for (const ri of ruleRes[r] as Int32Array) {
          if ((reach[ri] as number) < 0) touched.push(ri);
          if (km > (reach[ri] as number)) reach[ri] = km;
        }
      }
    }
    for (const ri of touched) {
      search(site, ri, reach[ri] as number, buffer);
      const terms = foundTerms[ri] as Float64Array;
      const items = foundItems[ri] as Int32Array;
      for (let j = 0; j < buffer.size; j++) {
        terms[j] = buffer.terms[j] as number;
        items[j] = buffer.items[j] as number;
      }
      foundSize[ri] = buffer.size;
      reach[ri] = -1;
    }
    touched.length = 0;
    const actor = siteActor[site] as number;
    for (const f of flows) {
      for (const r of rulesFor(p.flows[f] as CandidateFlow)) {
        const maxTerm = kmToTerm((p.rules[r] as CompatibilityRule).maxDistanceKm);
        for (const ri of ruleRes[r] as Int32Array) {
          const terms = foundTerms[ri] as Float64Array;
          const items = foundItems[ri] as Int32Array;
          const size = foundSize[ri] as number;
          for (let j = 0; j < size; j++) {
            const term = terms[j] as number;
            if (term > maxTerm) break;
            const input = items[j] as number;
            cols.push(f, input, r, termToKm(term), siteActor[p.flowSite[input] as number] === actor);
          }
        }
      }
    }
  }
  return {
    count: cols.count,
    flows: p.flows,
    sites: p.sites,
    flowSite: p.flowSite,
    rules: p.rules,
    ...cols.views(),
    notLocated: p.notLocated,
  };
}

/** The candidate stage as a table of columns: what large regions and the analysis use. */
export function findCandidateTable(
  sites: readonly CandidateSite[],
  flows: readonly CandidateFlow[],
  rules: readonly CompatibilityRule[],
  options: CandidateOptions = {},
): CandidateTable {
  const p = prepare(sites, flows, rules);
  // One k-d tree per input resource of the rules, holding input flows placed at their site.
  const flowPoints = PointSet.gather(p.points, p.flowSite);
  // Built before the searches rather than on first use: large allocations in the middle of the
  // searches would each set the garbage collector going over the caller's objects.
  const trees = p.inputsOf.map((members) => new KdTree(flowPoints, members));
  return run(p, options.k ?? 10, (site, resource, radiusKm, out) => {
    (trees[resource] as KdTree).nearest(p.points, site, radiusKm, (f) => p.flowSite[f] === site, out);
  });
}

/** Row i of a table as an object. */
export function candidateAt(table: CandidateTable, i: number): Candidate {
  return {
    outputFlowId: (table.flows[table.output[i] as number] as CandidateFlow).id,
    inputFlowId: (table.flows[table.input[i] as number] as CandidateFlow).id,
    ruleId: (table.rules[table.rule[i] as number] as CompatibilityRule).id,
    distanceKm: table.distanceKm[i] as number,
    sameActor: table.sameActor[i] === 1,
  };
}

function toResult(table: CandidateTable): CandidateResult {
  const candidates: Candidate[] = [];
  for (let i = 0; i < table.count; i++) candidates.push(candidateAt(table, i));
  return { candidates, notLocated: table.notLocated };
}

export function findCandidates(
  sites: readonly CandidateSite[],
  flows: readonly CandidateFlow[],
  rules: readonly CompatibilityRule[],
  options: CandidateOptions = {},
): CandidateResult {
  return toResult(findCandidateTable(sites, flows, rules, options));
}

/**
 * The same table by comparing every output site with every input flow: the reference the indexed
 * version is tested and benchmarked against.
 */
export function findCandidateTableAllPairs(
  sites: readonly CandidateSite[],
  flows: readonly CandidateFlow[],
  rules: readonly CompatibilityRule[],
  options: CandidateOptions = {},
): CandidateTable {
  const p = prepare(sites, flows, rules);
  return run(p, options.k ?? 10, (site, resource, radiusKm, out) => {
    out.reset();
    const maxTerm = kmToTerm(radiusKm);
    for (const f of p.inputsOf[resource] as Int32Array) {
      const s = p.flowSite[f] as number;
      if (s === site) continue;
      const term = chordTerm(p.points, site, p.points, s);
      if (term <= maxTerm) out.offer(term, f);
    }
  });
}

export function findCandidatesAllPairs(
  sites: readonly CandidateSite[],
  flows: readonly CandidateFlow[],
  rules: readonly CompatibilityRule[],
  options: CandidateOptions = {},
): CandidateResult {
  return toResult(findCandidateTableAllPairs(sites, flows, rules, options));
}
