import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findCandidates, findCandidatesAllPairs, type CandidateFlow, type CandidateSite } from './candidates.js';
import type { CompatibilityRule } from './rules.js';

function rule(id: string, output: string[], input: string[], maxDistanceKm: number, wasteCodes: string[] = []): CompatibilityRule {
  return {
    id,
    family: 'test',
    labelFr: id,
    labelEn: id,
    output: { resources: output, wasteCodes },
    input: { resources: input },
    conditions: { hazardous: 'forbidden', regulatoryStatus: 'product' },
    maxDistanceKm,
    rationale: { fr: 'essai', en: 'test' },
    sources: [],
    estimate: true,
  };
}

const HEAT = rule('heat-to-greenhouses', ['energy.heat.medium'], ['energy.heat.low', 'energy.heat.medium'], 5);
const WOOD = rule('wood-to-boilers', ['material.wood'], ['energy.fuels.biomass'], 60, ['150103']);

// Points east of a cogeneration plant in the Nord, about 1.4 km apart along the parallel.
const at = (kmEast: number, kmNorth = 0) => ({
  lat: 50.95 + kmNorth / 111.2,
  lon: 2.45 + kmEast / (111.2 * Math.cos((50.95 * Math.PI) / 180)),
});

test('heat at a cogeneration plant reaches the greenhouse 2 km away, not the one 8 km away nor its own site', () => {
  const sites: CandidateSite[] = [
    { id: 'cogen', actorId: 'A', location: at(0) },
    { id: 'serre-proche', actorId: 'B', location: at(2) },
    { id: 'serre-loin', actorId: 'C', location: at(8) },
  ];
  const flows: CandidateFlow[] = [
    { id: 'chaleur', siteId: 'cogen', direction: 'output', resourceCode: 'energy.heat.medium', wasteCode: null },
    { id: 'besoin-cogen', siteId: 'cogen', direction: 'input', resourceCode: 'energy.heat.medium', wasteCode: null },
    { id: 'besoin-proche', siteId: 'serre-proche', direction: 'input', resourceCode: 'energy.heat.low', wasteCode: null },
    { id: 'besoin-loin', siteId: 'serre-loin', direction: 'input', resourceCode: 'energy.heat.medium', wasteCode: null },
  ];
  const { candidates, notLocated } = findCandidates(sites, flows, [HEAT]);
  assert.equal(notLocated, 0);
  assert.deepEqual(
    candidates.map((c) => [c.outputFlowId, c.inputFlowId, c.ruleId, Math.round(c.distanceKm * 10) / 10, c.sameActor]),
    [['chaleur', 'besoin-proche', 'heat-to-greenhouses', 2, false]],
  );
});

test('a rule on a class matches its sub-classes and its waste codes; a site without coordinates is counted, not guessed', () => {
  const sites: CandidateSite[] = [
    { id: 's1', actorId: 'A', location: at(0) },
    { id: 's2', actorId: 'B', location: at(30) },
    { id: 's3', actorId: 'C', location: null },
  ];
  const flows: CandidateFlow[] = [
    { id: 'bois', siteId: 's1', direction: 'output', resourceCode: 'material.wood.clean', wasteCode: null },
    { id: 'palettes', siteId: 's1', direction: 'output', resourceCode: 'packaging.pallets', wasteCode: '150103' },
    { id: 'chaudiere', siteId: 's2', direction: 'input', resourceCode: 'energy.fuels.biomass', wasteCode: null },
    { id: 'chaudiere-sans-lieu', siteId: 's3', direction: 'input', resourceCode: 'energy.fuels.biomass', wasteCode: null },
  ];
  const { candidates, notLocated } = findCandidates(sites, flows, [WOOD]);
  assert.equal(notLocated, 1);
  assert.deepEqual(
    candidates.map((c) => `${c.outputFlowId}→${c.inputFlowId}`),
    ['bois→chaudiere', 'palettes→chaudiere'],
  );
});

test('only the k nearest inputs are kept, ties broken by flow ID', () => {
  const sites: CandidateSite[] = [{ id: 'src', actorId: 'A', location: at(0) }];
  const flows: CandidateFlow[] = [{ id: 'out', siteId: 'src', direction: 'output', resourceCode: 'energy.heat.medium', wasteCode: null }];
  for (let i = 0; i < 15; i++) {
    sites.push({ id: `s${i}`, actorId: `B${i}`, location: at(0.1 + Math.floor(i / 2) * 0.3) });
    flows.push({
      id: `in${String(i).padStart(2, '0')}`,
      siteId: `s${i}`,
      direction: 'input',
      resourceCode: 'energy.heat.low',
      wasteCode: null,
    });
  }
  const { candidates } = findCandidates(sites, flows, [HEAT], { k: 3 });
  assert.deepEqual(
    candidates.map((c) => c.inputFlowId),
    ['in00', 'in01', 'in02'],
  );
});

const resources = [
  'energy.heat.medium',
  'energy.heat.low',
  'material.wood.clean',
  'energy.fuels.biomass',
  'material.glass.cullet',
] as const;
const worldArb = fc.record({
  sites: fc.array(
    fc.record({
      lat: fc.double({ min: 50, max: 51, noNaN: true }),
      lon: fc.double({ min: 2, max: 3.5, noNaN: true }),
      located: fc.boolean(),
    }),
    { minLength: 1, maxLength: 40 },
  ),
  flows: fc.array(fc.record({ site: fc.nat(), output: fc.boolean(), resource: fc.constantFrom(...resources) }), { maxLength: 120 }),
  k: fc.integer({ min: 1, max: 6 }),
});

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function world(w: World) {
  const sites: CandidateSite[] = w.sites.map((s, i) => ({
    id: `s${i}`,
    actorId: `a${i % 7}`,
    location: s.located ? { lat: s.lat, lon: s.lon } : null,
  }));
  const flows: CandidateFlow[] = w.flows.map((f, i) => ({
    id: `f${i}`,
    siteId: `s${f.site % sites.length}`,
    direction: f.output ? 'output' : 'input',
    resourceCode: f.resource,
    wasteCode: null,
  }));
  return { sites, flows };
}

test('the indexed search finds exactly what comparing every pair finds', () => {
  fc.assert(
    fc.property(worldArb, (w) => {
      const { sites, flows } = world(w);
      const rules = [HEAT, WOOD, rule('glass', ['material.glass'], ['material.glass'], 25)];
      assert.deepEqual(findCandidates(sites, flows, rules, { k: w.k }), findCandidatesAllPairs(sites, flows, rules, { k: w.k }));
    }),
    { numRuns: 150, seed: 20261122 },
  );
});

test('the result does not depend on the order of sites, flows or rules, and respects every distance', () => {
  fc.assert(
    fc.property(worldArb, fc.nat(), (w, seed) => {
      const { sites, flows } = world(w);
      const rules = [HEAT, WOOD];
      const shuffle = <T>(xs: T[]): T[] => {
        const out = [...xs];
        let s = seed + 1;
        for (let i = out.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const j = s % (i + 1);
          [out[i], out[j]] = [out[j] as T, out[i] as T];
        }
        return out;
      };
      const a = findCandidates(sites, flows, rules, { k: w.k });
      const b = findCandidates(shuffle(sites), shuffle(flows), shuffle(rules), { k: w.k });
      assert.deepEqual(b, a);
      for (const c of a.candidates) {
        const r = rules.find((x) => x.id === c.ruleId);
        assert.ok(r && c.distanceKm <= r.maxDistanceKm);
        assert.notEqual(flows.find((f) => f.id === c.outputFlowId)?.siteId, flows.find((f) => f.id === c.inputFlowId)?.siteId);
      }
    }),
    { numRuns: 100, seed: 42 },
  );
});
