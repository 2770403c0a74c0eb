import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allocate, loadSolver, type AllocationProblem, type AllocationResult, type LpSolver } from './allocation.js';

const solver = await loadSolver();

const byPair = (r: AllocationResult): Record<string, number> => Object.fromEntries(r.allocations.map((a) => [a.pairId, a.quantity]));
const pair = (id: string, supplyId: string, demandId: string, benefitPerUnit: number, maxQuantity?: number) =>
  maxQuantity === undefined ? { id, supplyId, demandId, benefitPerUnit } : { id, supplyId, demandId, benefitPerUnit, maxQuantity };

/** A solver stand-in that records the LP text it is given and answers with `answer` (or the real solver). */
function spySolver(texts: string[], answer?: (text: string) => unknown): LpSolver {
  return {
    version: solver.version,
    solve: (text: string, options: Parameters<LpSolver['solve']>[1]) => {
      texts.push(text);
      return answer ? answer(text) : solver.solve(text, options);
    },
  } as unknown as LpSolver;
}

/** Checks every invariant of a result: bounds, sums and objective. */
function assertConsistent(problem: AllocationProblem, r: AllocationResult): void {
  const got = byPair(r);
  assert.equal(r.allocations.length, problem.pairs.length);
  const supply = new Map(problem.supplies.map((s) => [s.id, s.quantity]));
  const demand = new Map(problem.demands.map((d) => [d.id, d.quantity]));
  const used = new Map<string, number>();
  const covered = new Map<string, number>();
  let objective = 0;
  for (const p of problem.pairs) {
    const q = got[p.id];
    assert.ok(q !== undefined, `pair ${p.id} reported`);
    assert.ok(q >= 0, `pair ${p.id}: ${q} ≥ 0`);
    assert.ok(q <= supply.get(p.supplyId)! && q <= demand.get(p.demandId)!, `pair ${p.id} within its supply and demand`);
    if (p.maxQuantity !== undefined) assert.ok(q <= p.maxQuantity, `pair ${p.id} within its maximum`);
    if (p.benefitPerUnit <= 0) assert.equal(q, 0, `pair ${p.id} with benefit ${p.benefitPerUnit} unused`);
    used.set(p.supplyId, (used.get(p.supplyId) ?? 0) + q);
    covered.set(p.demandId, (covered.get(p.demandId) ?? 0) + q);
    objective += p.benefitPerUnit * q;
  }
  for (const s of problem.supplies) {
    const reported = r.supplyUsed[s.id]!;
    assert.ok(reported <= s.quantity, `supply ${s.id}: ${reported} ≤ ${s.quantity}`);
    assert.ok(Math.abs(reported - (used.get(s.id) ?? 0)) <= 1e-9 * Math.max(1, s.quantity), `supply ${s.id} sum`);
  }
  for (const d of problem.demands) {
    const reported = r.demandCovered[d.id]!;
    assert.ok(reported <= d.quantity, `demand ${d.id}: ${reported} ≤ ${d.quantity}`);
    assert.ok(Math.abs(reported - (covered.get(d.id) ?? 0)) <= 1e-9 * Math.max(1, d.quantity), `demand ${d.id} sum`);
  }
  assert.ok(
    Math.abs(r.objective - objective) <= 1e-9 * Math.max(1, Math.abs(objective)),
    `objective ${r.objective} = Σ b x = ${objective}`,
  );
}

/** The optimum by enumeration of integer allocations (the constraint matrix is totally unimodular, so with integer data an integer optimum exists). */
function bruteForce(problem: AllocationProblem): number {
  const supply = new Map(problem.supplies.map((s) => [s.id, s.quantity]));
  const demand = new Map(problem.demands.map((d) => [d.id, d.quantity]));
  const pairs = problem.pairs;
  let best = 0;
  const x = pairs.map(() => 0);
  const visit = (k: number): void => {
    if (k === pairs.length) {
      const used = new Map<string, number>();
      const covered = new Map<string, number>();
      let value = 0;
      pairs.forEach((p, i) => {
        used.set(p.supplyId, (used.get(p.supplyId) ?? 0) + x[i]!);
        covered.set(p.demandId, (covered.get(p.demandId) ?? 0) + x[i]!);
        value += p.benefitPerUnit * x[i]!;
      });
      for (const [id, q] of used) if (q > supply.get(id)!) return;
      for (const [id, q] of covered) if (q > demand.get(id)!) return;
      best = Math.max(best, value);
      return;
    }
    const p = pairs[k]!;
    const reach = Math.min(supply.get(p.supplyId)!, demand.get(p.demandId)!, p.maxQuantity ?? Infinity);
    for (let q = 0; q <= reach; q++) {
      x[k] = q;
      visit(k + 1);
    }
    x[k] = 0;
  };
  visit(0);
  return best;
}

/** Small random problems: up to 4 supplies, 4 demands and 7 pairs. `quantity` draws each quantity and bound. */
function problems(quantity: fc.Arbitrary<number>, benefit: fc.Arbitrary<number>): fc.Arbitrary<AllocationProblem> {
  return fc
    .record({
      supplies: fc.array(quantity, { minLength: 1, maxLength: 4 }),
      demands: fc.array(quantity, { minLength: 1, maxLength: 4 }),
      pairs: fc.array(fc.record({ s: fc.nat(), d: fc.nat(), b: benefit, max: fc.option(quantity, { nil: undefined }) }), { maxLength: 7 }),
    })
    .map(({ supplies, demands, pairs }) => ({
      supplies: supplies.map((q, i) => ({ id: `S${i}`, quantity: q })),
      demands: demands.map((q, j) => ({ id: `D${j}`, quantity: q })),
      pairs: pairs.map((p, k) => pair(`P${(k * 7) % 11}-${k}`, `S${p.s % supplies.length}`, `D${p.d % demands.length}`, p.b, p.max)),
    }));
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test('a supply wanted by two demands goes to the better one first, and a demand served by two supplies takes the better one first (hand-computed)', () => {
  // A (10 t) can feed X (6 t, 3 per t) or Y (8 t, 2 per t); B (5 t) can feed Y only (1 per t).
  // A fills X (6 t), then gives its remaining 4 t to Y; B completes Y with 4 t. 18 + 8 + 4 = 30.
  const problem: AllocationProblem = {
    supplies: [
      { id: 'A', quantity: 10 },
      { id: 'B', quantity: 5 },
    ],
    demands: [
      { id: 'X', quantity: 6 },
      { id: 'Y', quantity: 8 },
    ],
    pairs: [pair('AX', 'A', 'X', 3), pair('AY', 'A', 'Y', 2), pair('BY', 'B', 'Y', 1)],
  };
  const r = allocate(solver, problem);
  assert.equal(r.status, 'optimal');
  assert.deepEqual(byPair(r), { AX: 6, AY: 4, BY: 4 });
  assert.equal(r.objective, 30);
  assert.deepEqual(r.supplyUsed, { A: 10, B: 4 });
  assert.deepEqual(r.demandCovered, { X: 6, Y: 8 });
  assert.deepEqual(r.solver, { name: 'HiGHS', version: solver.version.string });
  assert.deepEqual(r.components, { total: 1, solvedByLp: 1, largestPairs: 3 });
});

test('the optimum gives up the best single pair when that frees a supply for a demand nobody else can serve', () => {
  // Greedy on the best pair (A→X, 5 per t) would reach 50; leaving X to B and sending A to Y reaches 40 + 45 = 85.
  const problem: AllocationProblem = {
    supplies: [
      { id: 'A', quantity: 10 },
      { id: 'B', quantity: 10 },
    ],
    demands: [
      { id: 'X', quantity: 10 },
      { id: 'Y', quantity: 10 },
    ],
    pairs: [pair('AX', 'A', 'X', 5), pair('AY', 'A', 'Y', 4), pair('BX', 'B', 'X', 4.5)],
  };
  const r = allocate(solver, problem);
  assert.deepEqual(byPair(r), { AX: 0, AY: 10, BX: 10 });
  assert.equal(r.objective, 85);
});

test('pairs with a benefit of zero or below, or with no room, get 0 and are still reported', () => {
  const problem: AllocationProblem = {
    supplies: [
      { id: 'A', quantity: 10 },
      { id: 'B', quantity: 0 },
    ],
    demands: [
      { id: 'X', quantity: 4 },
      { id: 'Y', quantity: 10 },
    ],
    pairs: [
      pair('zero', 'A', 'Y', 0),
      pair('negative', 'A', 'Y', -3),
      pair('good', 'A', 'X', 2),
      pair('empty-supply', 'B', 'Y', 9),
      pair('no-room', 'A', 'Y', 7, 0),
    ],
  };
  const r = allocate(solver, problem);
  assert.deepEqual(byPair(r), { zero: 0, negative: 0, good: 4, 'empty-supply': 0, 'no-room': 0 });
  assert.deepEqual(
    r.allocations.map((a) => a.pairId),
    ['empty-supply', 'good', 'negative', 'no-room', 'zero'],
  );
  assert.equal(r.objective, 8);
  assert.deepEqual(r.components, { total: 1, solvedByLp: 0, largestPairs: 1 });
});

test('a per-pair maximum bounds the pair, and the rest goes to the next best use, in a component solved by the LP', () => {
  const problem: AllocationProblem = {
    supplies: [
      { id: 'A', quantity: 10 },
      { id: 'B', quantity: 10 },
    ],
    demands: [
      { id: 'X', quantity: 10 },
      { id: 'Y', quantity: 10 },
    ],
    pairs: [pair('AX', 'A', 'X', 5, 3), pair('AY', 'A', 'Y', 1), pair('BX', 'B', 'X', 2), pair('BY', 'B', 'Y', 1)],
  };
  const r = allocate(solver, problem);
  assert.deepEqual(byPair(r), { AX: 3, AY: 7, BX: 7, BY: 3 });
  assert.equal(r.objective, 15 + 7 + 14 + 3);
  assert.equal(r.components.solvedByLp, 1);
});

test('where the optimum is obvious (separate pairs, one supply for many demands, one demand for many supplies) the result is the greedy one', () => {
  const problem: AllocationProblem = {
    supplies: [
      { id: 'lone', quantity: 7 },
      { id: 'hub', quantity: 10 },
      { id: 'p', quantity: 3 },
      { id: 'q', quantity: 3 },
      { id: 'r', quantity: 3 },
    ],
    demands: [
      { id: 'L', quantity: 5 },
      { id: 'h1', quantity: 4 },
      { id: 'h2', quantity: 4 },
      { id: 'h3', quantity: 4 },
      { id: 'sink', quantity: 5 },
    ],
    pairs: [
      pair('lone-L', 'lone', 'L', 1),
      // The hub's 10 go to h2 (best), then h3, then 2 to h1; the parallel pair to h2 finds h2 full.
      pair('hub-h1', 'hub', 'h1', 1),
      pair('hub-h2', 'hub', 'h2', 3),
      pair('hub-h2-by-rail', 'hub', 'h2', 2.5),
      pair('hub-h3', 'hub', 'h3', 2),
      // The sink's 5 come from r (best), then 2 from p (p before q on equal benefits: smaller id).
      pair('p-sink', 'p', 'sink', 1),
      pair('q-sink', 'q', 'sink', 1),
      pair('r-sink', 'r', 'sink', 4),
    ],
  };
  const r = allocate(solver, problem);
  assert.deepEqual(byPair(r), {
    'lone-L': 5,
    'hub-h1': 2,
    'hub-h2': 4,
    'hub-h2-by-rail': 0,
    'hub-h3': 4,
    'p-sink': 2,
    'q-sink': 0,
    'r-sink': 3,
  });
  assert.deepEqual(r.components, { total: 3, solvedByLp: 0, largestPairs: 4 });
  assertConsistent(problem, r);
});

test('the objective equals the brute-force optimum on small problems with integer data (fast-check)', () => {
  fc.assert(
    fc.property(problems(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -3, max: 9 })), (problem) => {
      const r = allocate(solver, problem);
      assert.equal(r.status, 'optimal');
      assertConsistent(problem, r);
      assert.ok(Math.abs(r.objective - bruteForce(problem)) <= 1e-6, `${r.objective} vs brute force ${bruteForce(problem)}`);
    }),
    { numRuns: 60, seed: 7 },
  );
});

test('no allocation is negative or exceeds its supply, its demand or its maximum, and the objective is Σ b x (fast-check)', () => {
  fc.assert(
    fc.property(problems(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: -5, max: 50, noNaN: true })), (problem) => {
      const r = allocate(solver, problem);
      assert.equal(r.status, 'optimal');
      assertConsistent(problem, r);
    }),
    { numRuns: 50, seed: 11 },
  );
});

test('the result does not depend on the order of supplies, demands and pairs (fast-check)', () => {
  fc.assert(
    fc.property(problems(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: -2, max: 5 })), fc.integer(), (problem, seed) => {
      const reordered: AllocationProblem = {
        supplies: shuffled(problem.supplies, seed),
        demands: shuffled(problem.demands, seed + 1),
        pairs: shuffled(problem.pairs, seed + 2),
      };
      const a = allocate(solver, problem);
      const b = allocate(solver, reordered);
      const qa = byPair(a);
      const qb = byPair(b);
      for (const p of problem.pairs) assert.ok(Math.abs(qa[p.id]! - qb[p.id]!) <= 1e-6, `pair ${p.id}: ${qa[p.id]} vs ${qb[p.id]}`);
      assert.deepEqual(
        a.allocations.map((x) => x.pairId),
        b.allocations.map((x) => x.pairId),
      );
    }),
    { numRuns: 50, seed: 13 },
  );
});

test("the solver's rounding noise is clamped: no allocation is negative or exceeds a supply or a demand", () => {
  // A and B (1 each) against X and Y (1 each): four pairs, so the component goes to the solver,
  // which here answers slightly outside the bounds.
  const problem: AllocationProblem = {
    supplies: [
      { id: 'A', quantity: 1 },
      { id: 'B', quantity: 1 },
    ],
    demands: [
      { id: 'X', quantity: 1 },
      { id: 'Y', quantity: 1 },
    ],
    pairs: [pair('AX', 'A', 'X', 2), pair('AY', 'A', 'Y', 1), pair('BX', 'B', 'X', 1), pair('BY', 'B', 'Y', 2)],
  };
  const noisy = { x0: 0.6 + 1e-9, x1: 0.4 + 1e-9, x2: 0.4 + 3e-9, x3: -1e-9 }; // x<k> is the k-th pair by id: AX, AY, BX, BY
  const texts: string[] = [];
  const r = allocate(
    spySolver(texts, () => ({
      Status: 'Optimal',
      ObjectiveValue: 0,
      Rows: [],
      Columns: Object.fromEntries(Object.entries(noisy).map(([name, Primal]) => [name, { Name: name, Primal }])),
    })),
    problem,
  );
  assert.equal(texts.length, 1);
  assert.equal(r.status, 'optimal');
  assertConsistent(problem, r);
  const q = byPair(r);
  assert.equal(q.BY, 0);
  assert.ok(Math.abs(q.AX! - 0.6) < 1e-8 && Math.abs(q.AY! - 0.4) < 1e-8 && Math.abs(q.BX! - 0.4) < 1e-8);
  assert.ok(r.supplyUsed.A! <= 1 && r.demandCovered.X! <= 1);
});

test('a solver failure on one component is reported as an error, with 0 on that component only', () => {
  const problem: AllocationProblem = {
    supplies: [
      { id: 'A', quantity: 1 },
      { id: 'B', quantity: 1 },
      { id: 'C', quantity: 5 },
    ],
    demands: [
      { id: 'X', quantity: 1 },
      { id: 'Y', quantity: 1 },
      { id: 'Z', quantity: 2 },
    ],
    pairs: [pair('AX', 'A', 'X', 2), pair('AY', 'A', 'Y', 1), pair('BX', 'B', 'X', 1), pair('BY', 'B', 'Y', 2), pair('CZ', 'C', 'Z', 1)],
  };
  const r = allocate(
    spySolver([], () => {
      throw new Error('out of memory');
    }),
    problem,
  );
  assert.equal(r.status, 'error');
  assert.deepEqual(byPair(r), { AX: 0, AY: 0, BX: 0, BY: 0, CZ: 2 });
  assert.equal(r.objective, 2);
});

test('no caller id enters the LP text, whatever its characters', () => {
  const evil = ['x1', 's0: x0 <= 0\nEnd', '__proto__', 'Bounds', 'é t'];
  const problem: AllocationProblem = {
    supplies: [
      { id: evil[0]!, quantity: 4 },
      { id: evil[1]!, quantity: 4 },
    ],
    demands: [
      { id: evil[2]!, quantity: 4 },
      { id: evil[3]!, quantity: 4 },
    ],
    pairs: [
      pair(evil[4]!, evil[0]!, evil[2]!, 3),
      pair('p2', evil[0]!, evil[3]!, 1),
      pair('p3', evil[1]!, evil[2]!, 1),
      pair(evil[1]!, evil[1]!, evil[3]!, 2),
    ],
  };
  const texts: string[] = [];
  const r = allocate(spySolver(texts), problem);
  assert.equal(texts.length, 1);
  // Every token is a keyword, a generated name, an operator or a number.
  const tokens = texts[0]!.split(/\s+/).filter(Boolean);
  for (const token of tokens)
    assert.match(token, /^(Maximize|Subject|To|Bounds|End|obj:|[sd]\d+:|x\d+|\+|<=|\d[\d.e+-]*)$/, `token "${token}"`);
  assert.ok(!texts[0]!.includes('é') && !texts[0]!.includes('proto'));
  assert.deepEqual(byPair(r), { [evil[4]!]: 4, p2: 0, p3: 0, [evil[1]!]: 4 });
  assert.equal(Object.getPrototypeOf(r.demandCovered), Object.prototype);
  assert.equal(r.demandCovered['__proto__'], 4);
  assertConsistent(problem, r);
});

test('an empty problem gives an empty optimal result', () => {
  const r = allocate(solver, { supplies: [], demands: [], pairs: [] });
  assert.deepEqual(
    { ...r, solver: undefined },
    {
      status: 'optimal',
      objective: 0,
      allocations: [],
      supplyUsed: {},
      demandCovered: {},
      solver: undefined,
      components: { total: 0, solvedByLp: 0, largestPairs: 0 },
    },
  );
});

test('invalid input is refused with an error naming the field and the id', () => {
  const base = (): {
    supplies: { id: string; quantity: number }[];
    demands: { id: string; quantity: number }[];
    pairs: ReturnType<typeof pair>[];
  } => ({
    supplies: [{ id: 'A', quantity: 1 }],
    demands: [{ id: 'X', quantity: 1 }],
    pairs: [pair('AX', 'A', 'X', 1)],
  });
  const cases: [string, (p: ReturnType<typeof base>) => void, RegExp][] = [
    ['negative supply', (p) => void (p.supplies[0]!.quantity = -1), /supplies\[0\]\.quantity of "A".*-1/],
    ['NaN demand', (p) => void (p.demands[0]!.quantity = NaN), /demands\[0\]\.quantity of "X".*NaN/],
    ['infinite supply', (p) => void (p.supplies[0]!.quantity = Infinity), /supplies\[0\]\.quantity of "A"/],
    ['unknown supply', (p) => void (p.pairs[0]!.supplyId = 'B'), /pairs\[0\]\.supplyId of "AX": unknown supply "B"/],
    ['unknown demand', (p) => void (p.pairs[0]!.demandId = 'Y'), /pairs\[0\]\.demandId of "AX": unknown demand "Y"/],
    ['infinite benefit', (p) => void (p.pairs[0]!.benefitPerUnit = Infinity), /pairs\[0\]\.benefitPerUnit of "AX".*Infinity/],
    ['NaN benefit', (p) => void (p.pairs[0]!.benefitPerUnit = NaN), /pairs\[0\]\.benefitPerUnit of "AX".*NaN/],
    ['negative maximum', (p) => void (p.pairs[0] = pair('AX', 'A', 'X', 1, -2)), /pairs\[0\]\.maxQuantity of "AX".*-2/],
    ['duplicate pair', (p) => void p.pairs.push(pair('AX', 'A', 'X', 2)), /pairs: duplicate id "AX"/],
    ['duplicate supply', (p) => void p.supplies.push({ id: 'A', quantity: 2 }), /supplies: duplicate id "A"/],
    ['empty demand id', (p) => void (p.demands[0]!.id = ''), /demands\[0\]\.id must be a non-empty string/],
  ];
  for (const [name, spoil, message] of cases) {
    const problem = base();
    spoil(problem);
    assert.throws(() => allocate(solver, problem), message, name);
  }
});
