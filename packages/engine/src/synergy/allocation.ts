/**
 * Allocation of contested supplies by linear programming (HiGHS, see docs/adr/0007).
 *
 * Supplies i (output flows, s_i ≥ 0 a year in a base unit), demands j (input flows, d_j ≥ 0) and
 * sparse candidate pairs (i, j) with a benefit per unit b_ij computed by the caller (CO2e avoided
 * or euros saved, net of transport; the caller chooses). We solve
 *
 *     maximise Σ b_ij x_ij   subject to   Σ_j x_ij ≤ s_i,   Σ_i x_ij ≤ d_j,   0 ≤ x_ij (≤ u_ij).
 *
 * A supply and a demand of one pair are in the same unit: the caller guarantees it, pairs carry ids
 * only.
 *
 * How:
 * - Pairs whose benefit is ≤ 0, or whose reach min(s_i, d_j, u_ij) is 0, are left out of the model
 *   (an optimum never uses them) and reported with 0.
 * - The rest split into connected components (union-find over supplies and demands through
 *   pairs). Each is solved on its own, so each LP stays small (highs-js runs in WebAssembly, whose
 *   memory is bounded). A component with one supply or one demand is solved exactly without the
 *   solver: with a single shared bound, filling the pairs in decreasing benefit is optimal (a
 *   fractional knapsack of unit weights). Other components are written as CPLEX LP text, with
 *   variables x0, x1… and rows s0…, d0… (no caller id ever enters the LP text), quantities divided
 *   by a power of two near the component's largest quantity and benefits by one near its largest
 *   benefit (exact in floating point), so that HiGHS's absolute tolerances (1e-7) act as relative
 *   ones.
 * - The solver's values are clamped into [0, min(s_i, d_j, u_ij)], then reduced where a supply's or
 *   a demand's total exceeds it by rounding noise: an allocation never exceeds a supply or a demand.
 *   The objective is Σ b_ij x_ij recomputed from the reported (clamped) quantities.
 *
 * Quantities smaller than about 1e-7 of the largest quantity of their component are within the
 * solver's tolerance, and likewise benefits relative to the component's largest benefit.
 *
 * Determinism: supplies, demands and pairs are sorted by id (code-unit order) before anything else,
 * and each component's LP text depends only on that component. The result therefore does not
 * depend on the order of the inputs, nor on unrelated components. When a component has several
 * optima (e.g. two demands with equal benefits competing for too little supply), which optimum is
 * returned is the solver's choice: it is reproducible for a given HiGHS version (the WebAssembly
 * build is single-threaded and its random seed fixed), but another version may return another
 * optimum of the same objective. No tie-breaking perturbation is added: one small enough not to
 * change the optimum would fall below the solver's tolerances in large components, so it would
 * not reliably break ties. In the one-supply/one-demand components solved without the solver,
 * ties go to the smaller pair id. Either way, ids matter only through their order: the analysis
 * gives ids ranked by the records' content (`canonical.ts`), so that its LP text, and with it the
 * optimum chosen, follows the content of the territory rather than generated identifiers.
 *
 * No I/O here: `loadSolver` wraps highs-js's loader, which in Node reads its own `highs.wasm` from
 * the package directory by itself (in a browser it fetches it). Load it once and reuse it; each
 * `solve` builds and frees a fresh native instance.
 */
import highsModule, { type Highs } from 'highs';

// The package's types.d.ts sits in a CommonJS package, so TypeScript types this default import as
// the module object (`.default` being the loader), whereas Node loads build/highs.mjs, whose default
// export is the loader itself. Accept both.
const highsLoader: typeof highsModule.default = typeof highsModule === 'function' ? highsModule : highsModule.default;

/** A candidate pair: supply `supplyId` may feed demand `demandId`, with `benefitPerUnit` per unit moved. */
export interface AllocationPair {
  id: string;
  supplyId: string;
  demandId: string;
  /** Benefit per unit, net of transport (≤ 0: the pair is not used). */
  benefitPerUnit: number;
  /** Optional upper bound on the quantity moved through this pair (e.g. a transport capacity). */
  maxQuantity?: number;
}

export interface AllocationProblem {
  supplies: readonly { id: string; quantity: number }[];
  demands: readonly { id: string; quantity: number }[];
  pairs: readonly AllocationPair[];
}

export interface AllocationResult {
  /** `optimal` when every component was solved to optimality; otherwise the worst component status. */
  status: 'optimal' | 'infeasible' | 'error';
  /** Σ b_ij x_ij over the reported allocations. */
  objective: number;
  /** Every pair of the problem, sorted by pair id; 0 for pairs not used (and for those of a component the solver failed on). */
  allocations: { pairId: string; quantity: number }[];
  /** For every supply: the quantity allocated from it (≤ its quantity). */
  supplyUsed: Record<string, number>;
  /** For every demand: the quantity allocated to it (≤ its quantity). */
  demandCovered: Record<string, number>;
  solver: { name: 'HiGHS'; version: string; seconds?: never };
  /** How the problem split: components with at least one useful pair, those sent to HiGHS, the largest one's pair count. */
  components: { total: number; solvedByLp: number; largestPairs: number };
}

/** The object highs-js's loader resolves to (`highs()`). */
export type LpSolver = Highs;

/** Loads HiGHS (WebAssembly). In Node the loader reads `highs.wasm` from its package by itself. */
export async function loadSolver(): Promise<LpSolver> {
  return highsLoader();
}

/**
 * Options given to HiGHS for each component's LP: quiet, otherwise its defaults (presolve, and the
 * dual simplex it chooses for an LP; its random seed is fixed). Measured on one component of 50,000
 * pairs: 2.3 s with the default, 3.2 s with the interior point method; PDLP did not reach optimality.
 */
const SOLVER_OPTIONS = { output_flag: false, log_to_console: false } as const;

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkQuantity(value: unknown, field: string, id: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${field} of "${id}" must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw new Error(`${field} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`);
  return value;
}

/** Internal pair, with indices into the sorted supplies and demands. */
interface Pair {
  id: string;
  supply: number;
  demand: number;
  benefit: number;
  /** min(s_i, d_j, u_ij): no optimum moves more through this pair. */
  reach: number;
  /** The caller's upper bound, or Infinity. */
  max: number;
}

interface Node {
  id: string;
  quantity: number;
}

function sortedNodes(list: readonly { id: string; quantity: number }[], field: 'supplies' | 'demands'): Node[] {
  if (!Array.isArray(list)) throw new Error(`${field} must be an array`);
  const nodes = list.map((n, k) => {
    const id = checkId(n?.id, `${field}[${k}].id`);
    return { id, quantity: checkQuantity(n.quantity, `${field}[${k}].quantity`, id) };
  });
  nodes.sort((a, b) => byCodeUnit(a.id, b.id));
  for (let k = 1; k < nodes.length; k++) {
    if (nodes[k]!.id === nodes[k - 1]!.id) throw new Error(`${field}: duplicate id "${nodes[k]!.id}"`);
  }
  return nodes;
}

function validate(problem: AllocationProblem): { supplies: Node[]; demands: Node[]; pairs: Pair[] } {
  if (problem === null || typeof problem !== 'object') throw new Error('problem must be an object');
  const supplies = sortedNodes(problem.supplies, 'supplies');
  const demands = sortedNodes(problem.demands, 'demands');
  const supplyIndex = new Map(supplies.map((s, k) => [s.id, k]));
  const demandIndex = new Map(demands.map((d, k) => [d.id, k]));
  if (!Array.isArray(problem.pairs)) throw new Error('pairs must be an array');
  const pairs = problem.pairs.map((p: AllocationPair, k): Pair => {
    const id = checkId(p?.id, `pairs[${k}].id`);
    const supply = supplyIndex.get(p.supplyId);
    if (supply === undefined) throw new Error(`pairs[${k}].supplyId of "${id}": unknown supply "${String(p.supplyId)}"`);
    const demand = demandIndex.get(p.demandId);
    if (demand === undefined) throw new Error(`pairs[${k}].demandId of "${id}": unknown demand "${String(p.demandId)}"`);
    if (typeof p.benefitPerUnit !== 'number' || !Number.isFinite(p.benefitPerUnit)) {
      throw new Error(`pairs[${k}].benefitPerUnit of "${id}" must be a finite number, got ${String(p.benefitPerUnit)}`);
    }
    const max = p.maxQuantity === undefined ? Infinity : checkQuantity(p.maxQuantity, `pairs[${k}].maxQuantity`, id);
    const reach = Math.min(supplies[supply]!.quantity, demands[demand]!.quantity, max);
    return { id, supply, demand, benefit: p.benefitPerUnit, reach, max };
  });
  pairs.sort((a, b) => byCodeUnit(a.id, b.id));
  for (let k = 1; k < pairs.length; k++) {
    if (pairs[k]!.id === pairs[k - 1]!.id) throw new Error(`pairs: duplicate id "${pairs[k]!.id}"`);
  }
  return { supplies, demands, pairs };
}

/** Union-find over supplies (0..S-1) and demands (S..S+D-1), with path halving and union by size. */
class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let k = 0; k < n; k++) this.parent[k] = k;
  }
  find(k: number): number {
    let x = k;
    while (this.parent[x] !== x) {
      const grand = this.parent[this.parent[x]!]!;
      this.parent[x] = grand;
      x = grand;
    }
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }
}

/** Shortest decimal that reads back as the same double; LP format accepts exponents (1e-07). */
const num = (x: number): string => String(x);

/** CPLEX LP text of one component. Pairs are sorted by id; x<k> is the k-th of them. */
function lpText(
  pairs: readonly Pair[],
  supplies: readonly number[],
  demands: readonly number[],
  quantities: { s: readonly Node[]; d: readonly Node[] },
  qScale: number,
  bScale: number,
): string {
  const out: string[] = ['Maximize', ' obj:'];
  let line = '';
  pairs.forEach((p, k) => {
    line += ` + ${num(p.benefit / bScale)} x${k}`;
    if (k % 8 === 7) {
      out.push(line);
      line = '';
    }
  });
  if (line) out.push(line);
  out.push('Subject To');
  const rows = (nodes: readonly number[], side: 's' | 'd'): void => {
    const members = new Map<number, number[]>();
    pairs.forEach((p, k) => {
      const node = side === 's' ? p.supply : p.demand;
      const list = members.get(node);
      if (list) list.push(k);
      else members.set(node, [k]);
    });
    nodes.forEach((node, r) => {
      const cols = members.get(node) ?? [];
      const quantity = (side === 's' ? quantities.s : quantities.d)[node]!.quantity;
      let text = ` ${side}${r}:`;
      cols.forEach((k, c) => {
        text += `${c ? ' +' : ''} x${k}`;
        if (c % 16 === 15) {
          out.push(text);
          text = '';
        }
      });
      out.push(`${text} <= ${num(quantity / qScale)}`);
    });
  };
  rows(supplies, 's');
  rows(demands, 'd');
  const bounded = pairs.map((p, k) => [p, k] as const).filter(([p]) => p.max < Infinity);
  if (bounded.length) {
    out.push('Bounds');
    for (const [p, k] of bounded) out.push(` 0 <= x${k} <= ${num(p.max / qScale)}`);
  }
  out.push('End', '');
  return out.join('\n');
}

type ComponentStatus = AllocationResult['status'];

/**
 * A component with one supply or one demand: every pair shares that node, and the other nodes
 * group the pairs (several pairs may join the same two flows). These bounds form a laminar family,
 * so filling pairs by decreasing benefit, each as far as its bound and what remains of its supply
 * and demand allow, is optimal (the greedy algorithm on a polymatroid). Ties go to the smaller id.
 */
function solveStar(
  pairs: readonly Pair[],
  supplies: readonly Node[],
  demands: readonly Node[],
  x: Float64Array,
  index: readonly number[],
): void {
  const order = pairs.map((_, k) => k).sort((a, b) => pairs[b]!.benefit - pairs[a]!.benefit || a - b);
  const supplyLeft = new Map<number, number>();
  const demandLeft = new Map<number, number>();
  for (const k of order) {
    const p = pairs[k]!;
    const s = supplyLeft.get(p.supply) ?? supplies[p.supply]!.quantity;
    const d = demandLeft.get(p.demand) ?? demands[p.demand]!.quantity;
    const q = Math.max(0, Math.min(p.max, s, d));
    x[index[k]!] = q;
    supplyLeft.set(p.supply, s - q);
    demandLeft.set(p.demand, d - q);
  }
}

/** Reduces `x` at `members` so that their sum (in that order) does not exceed `cap`. */
function fitUnder(x: Float64Array, members: readonly number[], cap: number): void {
  for (let attempt = 0; attempt < 20; attempt++) {
    let sum = 0;
    for (const k of members) sum += x[k]!;
    if (sum <= cap) return;
    let excess = sum - cap;
    if (attempt > 0) excess += Number.EPSILON * Math.max(cap, sum);
    // Take the excess off the largest quantities first (noise sits on them in relative terms).
    const order = [...members].sort((a, b) => x[b]! - x[a]! || a - b);
    for (const k of order) {
      if (excess <= 0) break;
      const cut = Math.min(x[k]!, excess);
      x[k] = x[k]! - cut;
      excess -= cut;
    }
  }
  for (const k of members) x[k] = 0; // unreachable in practice: give up on this row rather than exceed it
}

/**
 * Maximises Σ b_ij x_ij under the supplies, the demands and the optional per-pair bounds. Throws
 * on invalid input (the message names the field and the id); a solver failure on a component is
 * reported through `status` (that component's pairs get 0), not thrown.
 */
export function allocate(solver: LpSolver, problem: AllocationProblem): AllocationResult {
  const { supplies, demands, pairs } = validate(problem);
  const S = supplies.length;
  const x = new Float64Array(pairs.length);

  // Only pairs that can carry a positive benefit enter the model.
  const useful: number[] = [];
  pairs.forEach((p, k) => {
    if (p.benefit > 0 && p.reach > 0) useful.push(k);
  });

  const sets = new DisjointSets(S + demands.length);
  for (const k of useful) sets.union(pairs[k]!.supply, S + pairs[k]!.demand);
  // Components in order of their smallest pair id (useful is sorted by id).
  const byRoot = new Map<number, number[]>();
  for (const k of useful) {
    const root = sets.find(pairs[k]!.supply);
    const list = byRoot.get(root);
    if (list) list.push(k);
    else byRoot.set(root, [k]);
  }

  let status: ComponentStatus = 'optimal';
  let solvedByLp = 0;
  let largestPairs = 0;
  for (const members of byRoot.values()) {
    largestPairs = Math.max(largestPairs, members.length);
    const local = members.map((k) => pairs[k]!);
    const supplyNodes = [...new Set(local.map((p) => p.supply))].sort((a, b) => a - b);
    const demandNodes = [...new Set(local.map((p) => p.demand))].sort((a, b) => a - b);
    if (supplyNodes.length === 1 || demandNodes.length === 1) {
      solveStar(local, supplies, demands, x, members);
      continue;
    }
    solvedByLp++;
    const componentStatus = solveLp(solver, local, supplyNodes, demandNodes, supplies, demands, x, members);
    if (componentStatus === 'error' || (componentStatus === 'infeasible' && status === 'optimal')) status = componentStatus;
  }

  // Clamp the solver's noise: each pair within its reach, then each supply and each demand within its quantity.
  const supplyMembers: number[][] = supplies.map(() => []);
  const demandMembers: number[][] = demands.map(() => []);
  pairs.forEach((p, k) => {
    const v = x[k]!;
    x[k] = Number.isFinite(v) ? Math.min(Math.max(v, 0), p.reach) : 0;
    supplyMembers[p.supply]!.push(k);
    demandMembers[p.demand]!.push(k);
  });
  supplies.forEach((s, i) => fitUnder(x, supplyMembers[i]!, s.quantity));
  demands.forEach((d, j) => fitUnder(x, demandMembers[j]!, d.quantity));

  const sumOf = (members: readonly number[]): number => {
    let sum = 0;
    for (const k of members) sum += x[k]!;
    return sum;
  };
  let objective = 0;
  pairs.forEach((p, k) => {
    objective += p.benefit * x[k]!;
  });
  return {
    status,
    objective,
    allocations: pairs.map((p, k) => ({ pairId: p.id, quantity: x[k]! })),
    // fromEntries defines own properties, so an id such as "__proto__" is a key like any other.
    supplyUsed: Object.fromEntries(supplies.map((s, i) => [s.id, sumOf(supplyMembers[i]!)])),
    demandCovered: Object.fromEntries(demands.map((d, j) => [d.id, sumOf(demandMembers[j]!)])),
    solver: { name: 'HiGHS', version: solver.version.string },
    components: { total: byRoot.size, solvedByLp, largestPairs },
  };
}

/** Solves one component with HiGHS and writes its quantities into `x` at `members`. */
function solveLp(
  solver: LpSolver,
  local: readonly Pair[],
  supplyNodes: readonly number[],
  demandNodes: readonly number[],
  supplies: readonly Node[],
  demands: readonly Node[],
  x: Float64Array,
  members: readonly number[],
): ComponentStatus {
  let qScale = 0;
  let bScale = 0;
  for (const i of supplyNodes) qScale = Math.max(qScale, supplies[i]!.quantity);
  for (const j of demandNodes) qScale = Math.max(qScale, demands[j]!.quantity);
  for (const p of local) bScale = Math.max(bScale, p.benefit);
  // Useful pairs have reach > 0 and benefit > 0, so both scales are positive. Rounded down to a
  // power of two, scaling is exact in binary floating point: the solver computes on the same
  // numbers as it would unscaled, but its absolute tolerances act relative to the component.
  qScale = 2 ** Math.floor(Math.log2(qScale));
  bScale = 2 ** Math.floor(Math.log2(bScale));
  const text = lpText(local, supplyNodes, demandNodes, { s: supplies, d: demands }, qScale, bScale);
  let solution: ReturnType<LpSolver['solve']>;
  try {
    solution = solver.solve(text, SOLVER_OPTIONS);
  } catch {
    // E.g. WebAssembly memory exhausted (about 1.4 GB for one component of a million pairs, near
    // the 2 GB limit of this build). After such an abort the solver instance may stay unusable:
    // the following components then fail too, and the status says so.
    return 'error';
  }
  if (solution.Status === 'Infeasible') return 'infeasible';
  if (solution.Status !== 'Optimal') return 'error';
  const columns = solution.Columns;
  for (let k = 0; k < local.length; k++) {
    const column = columns[`x${k}`];
    // HiGHS drops nothing here (every column has a positive cost), but a missing column reads as 0.
    const value = column && 'Primal' in column ? column.Primal * qScale : 0;
    x[members[k]!] = value;
  }
  return 'optimal';
}
