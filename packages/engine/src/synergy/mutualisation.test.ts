import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { distanceMetres, type LatLon } from '../geo.js';
import type { Flow, Need, NeedCategory } from '../model.js';
import {
  findMutualisations,
  type MutualisationActorInput,
  type MutualisationFlowInput,
  type MutualisationInput,
  type MutualisationNeedInput,
  type MutualisationParameters,
  type MutualisationSavingParameters,
} from './mutualisation.js';

// Points around the centre of Lille, given in km east and north of it.
const ORIGIN = { lat: 50.6292, lon: 3.0573 };
const at = (kmEast: number, kmNorth = 0): LatLon => ({
  lat: ORIGIN.lat + kmNorth / 111.2,
  lon: ORIGIN.lon + kmEast / (111.2 * Math.cos((ORIGIN.lat * Math.PI) / 180)),
});

const noRate = (fr: string, en: string): MutualisationSavingParameters => ({
  method: { fr, en },
  costReductionRate: { value: null, estimate: true, sources: [] },
});

function parameters(overrides: Partial<MutualisationParameters> = {}): MutualisationParameters {
  const category = (radiusKm: number) => ({ radiusKm, saving: noRate('Méthode à sourcer.', 'Method to be sourced.') });
  return {
    minMembers: 3,
    categories: {
      waste_collection: {
        radiusKm: 2,
        saving: {
          method: { fr: 'Taux × coûts déclarés.', en: 'Rate × declared costs.' },
          costReductionRate: { value: 0.3, estimate: true, sources: ['optigede-genlis-auxonne'] },
        },
      },
      purchasing: category(10),
      equipment: category(5),
      service: category(2),
      skills: category(15),
      logistics: category(5),
    },
    smallStreams: {
      radiusKm: 2,
      thresholds: [
        { resourceCode: 'material.chemicals', maxAnnualQuantity: 1, unit: 't' },
        { resourceCode: 'material.paper_cardboard', maxAnnualQuantity: 2.87, unit: 't' },
      ],
      saving: {
        method: { fr: 'Taux × coûts déclarés.', en: 'Rate × declared costs.' },
        costReductionRate: { value: 0.3, estimate: true, sources: ['optigede-genlis-auxonne'] },
      },
    },
    ...overrides,
  };
}

const need = (
  id: string,
  actorId: string,
  category: NeedCategory = 'waste_collection',
  resourceCode: string | null = 'material.paper_cardboard',
  extra: Partial<MutualisationNeedInput> = {},
): MutualisationNeedInput => ({
  id,
  actorId,
  category,
  resourceCode,
  ...extra,
});

const flow = (id: string, actorId: string, tonnes: number | null, extra: Partial<MutualisationFlowInput> = {}): MutualisationFlowInput => ({
  id,
  actorId,
  direction: 'output',
  resourceCode: 'material.chemicals.solvents',
  annualQuantity: tonnes === null ? null : { value: tonnes, unit: 't' },
  currentFate: { mode: 'landfill' },
  hazardous: false,
  ...extra,
});

test('three bakeries within 2 km needing cardboard collection form one group, centred on the mean of their positions', () => {
  const actors: MutualisationActorInput[] = [
    { id: 'boulangerie-a', location: at(0) },
    { id: 'boulangerie-b', location: at(1.2) },
    { id: 'boulangerie-c', location: at(0.6, 0.9) },
  ];
  const needs = [need('n-a', 'boulangerie-a'), need('n-b', 'boulangerie-b'), need('n-c', 'boulangerie-c')];
  const { groups, notLocated } = findMutualisations({ actors, needs, flows: [] }, parameters());
  assert.equal(notLocated, 0);
  assert.equal(groups.length, 1);
  const g = groups[0];
  assert.ok(g);
  assert.equal(g.kind, 'shared_need');
  assert.equal(g.category, 'waste_collection');
  assert.equal(g.resourceCode, 'material.paper_cardboard');
  assert.equal(g.radiusKm, 2);
  assert.deepEqual(
    g.members.map((m) => [m.actorId, m.needIds, m.flowIds]),
    [
      ['boulangerie-a', ['n-a'], []],
      ['boulangerie-b', ['n-b'], []],
      ['boulangerie-c', ['n-c'], []],
    ],
  );
  const mean = { lat: (at(0).lat + at(1.2).lat + at(0.6, 0.9).lat) / 3, lon: (at(0).lon + at(1.2).lon + at(0.6, 0.9).lon) / 3 };
  assert.ok(distanceMetres(g.centre, mean) < 0.01, 'centre is the mean position');
  assert.ok(distanceMetres(g.centre, at(0.6, 0.3)) < 1, 'about 0.6 km east and 0.3 km north of the first bakery');
  for (const m of g.members) assert.ok(Math.abs(m.distanceToCentreKm - distanceMetres(g.centre, m.location) / 1000) < 1e-9);
  assert.match(g.id, /^mut-[0-9a-f]{16}$/);
  assert.ok(g.explanation.fr.includes('3 acteurs') && g.explanation.en.includes('3 actors'));
});

test('two members only make no group at the default minimum of three; the minimum is configurable', () => {
  const actors: MutualisationActorInput[] = [
    { id: 'a', location: at(0) },
    { id: 'b', location: at(0.5) },
  ];
  const input: MutualisationInput = {
    actors,
    needs: [need('n1', 'a', 'equipment', 'equipment.machinery'), need('n2', 'b', 'equipment', 'equipment.machinery')],
    flows: [],
  };
  assert.deepEqual(findMutualisations(input, parameters()).groups, []);
  const two = findMutualisations(input, parameters({ minMembers: 2 })).groups;
  assert.equal(two.length, 1);
  assert.deepEqual(
    two[0]?.members.map((m) => m.actorId),
    ['a', 'b'],
  );
  assert.throws(() => findMutualisations(input, parameters({ minMembers: 1 })), RangeError);
});

test('an actor counts once in a group even with several needs of the same key, and several actors are needed', () => {
  const actors: MutualisationActorInput[] = [
    { id: 'a', location: at(0) },
    { id: 'b', location: at(0.3) },
  ];
  const needs = [need('n1', 'a'), need('n2', 'a'), need('n3', 'a'), need('n4', 'b')];
  assert.deepEqual(findMutualisations({ actors, needs, flows: [] }, parameters()).groups, []);
  const withC = findMutualisations(
    { actors: [...actors, { id: 'c', location: at(0.1, 0.1) }], needs: [...needs, need('n5', 'c')], flows: [] },
    parameters(),
  );
  assert.deepEqual(
    withC.groups[0]?.members.map((m) => [m.actorId, m.needIds]),
    [
      ['a', ['n1', 'n2', 'n3']],
      ['b', ['n4']],
      ['c', ['n5']],
    ],
  );
});

test('members beyond the radius are left out, and needs of another category or resource do not join', () => {
  const actors: MutualisationActorInput[] = [
    { id: 'a', location: at(0) },
    { id: 'b', location: at(1) },
    { id: 'c', location: at(0, 1) },
    { id: 'far', location: at(4.5) },
    { id: 'other-resource', location: at(0.2) },
    { id: 'other-category', location: at(0.2, 0.2) },
  ];
  const needs = [
    need('n-a', 'a'),
    need('n-b', 'b'),
    need('n-c', 'c'),
    need('n-far', 'far'),
    need('n-res', 'other-resource', 'waste_collection', 'material.plastics'),
    need('n-cat', 'other-category', 'purchasing', 'material.paper_cardboard'),
  ];
  const { groups } = findMutualisations({ actors, needs, flows: [] }, parameters());
  assert.deepEqual(
    groups.map((g) => g.members.map((m) => m.actorId)),
    [['a', 'b', 'c']],
  );
  for (const m of groups[0]?.members ?? []) assert.ok(distanceMetres(m.location, at(0)) / 1000 <= 2);
});

test('needs without a resource are grouped by category alone, apart from needs naming one', () => {
  const actors: MutualisationActorInput[] = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, location: at(i * 0.5) }));
  const needs = [
    need('s1', 'a', 'skills', null),
    need('s2', 'b', 'skills', null),
    need('s3', 'c', 'skills', null),
    need('s4', 'd', 'skills', 'service.skills'),
  ];
  const { groups } = findMutualisations({ actors, needs, flows: [] }, parameters());
  assert.deepEqual(
    groups.map((g) => [g.category, g.resourceCode, g.members.length]),
    [['skills', null, 3]],
  );
});

test('three workshops each with 0.5 t/yr of the same waste going to landfill form a group; a big producer that can recover it alone does not join', () => {
  const actors: MutualisationActorInput[] = [
    { id: 'atelier-1', location: at(0) },
    { id: 'atelier-2', location: at(0.8) },
    { id: 'atelier-3', location: at(0.4, 0.7) },
    { id: 'gros-producteur', location: at(0.4, 0.2) },
  ];
  const flows = [
    flow('f1', 'atelier-1', 0.5),
    flow('f2', 'atelier-2', 0.5, { currentFate: null }),
    flow('f3', 'atelier-3', 0.5, { currentFate: { mode: 'incineration' } }),
    flow('f-big', 'gros-producteur', 40),
  ];
  const { groups } = findMutualisations({ actors, needs: [], flows }, parameters());
  assert.equal(groups.length, 1);
  const g = groups[0];
  assert.ok(g);
  assert.equal(g.kind, 'small_waste_stream');
  assert.equal(g.category, 'waste_collection');
  assert.equal(g.resourceCode, 'material.chemicals.solvents');
  assert.equal(g.hazardous, false);
  assert.deepEqual(
    g.members.map((m) => [m.actorId, m.flowIds]),
    [
      ['atelier-1', ['f1']],
      ['atelier-2', ['f2']],
      ['atelier-3', ['f3']],
    ],
  );
  assert.deepEqual(g.totalQuantity, { value: 1.5, unit: 't' });
});

test('small streams already recovered, inputs, hazardous streams with non-hazardous ones and classes without a threshold are kept apart', () => {
  const actors: MutualisationActorInput[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({ id, location: at(i * 0.2) }));
  const flows = [
    flow('recycled-1', 'a', 0.5, { currentFate: { mode: 'recycling' } }),
    flow('recycled-2', 'b', 0.5, { currentFate: { mode: 'recycling' } }),
    flow('recycled-3', 'c', 0.5, { currentFate: { mode: 'recycling' } }),
    flow('in-1', 'a', 0.5, { direction: 'input' }),
    flow('in-2', 'b', 0.5, { direction: 'input' }),
    flow('in-3', 'c', 0.5, { direction: 'input' }),
    flow('haz', 'd', 0.5, { hazardous: true }),
    flow('plain-1', 'e', 0.5),
    flow('plain-2', 'f', 0.5),
    flow('glass-1', 'a', 0.1, { resourceCode: 'material.glass' }),
    flow('glass-2', 'b', 0.1, { resourceCode: 'material.glass' }),
    flow('glass-3', 'c', 0.1, { resourceCode: 'material.glass' }),
  ];
  assert.deepEqual(findMutualisations({ actors, needs: [], flows }, parameters()).groups, []);
});

test('a stream of unknown quantity is counted as not assessed, not guessed small', () => {
  const actors: MutualisationActorInput[] = ['a', 'b', 'c'].map((id, i) => ({ id, location: at(i * 0.2) }));
  const flows = [
    flow('f1', 'a', 0.5),
    flow('f2', 'b', 0.5),
    flow('f3', 'c', null),
    flow('f4', 'c', 0.5, { annualQuantity: { value: 500, unit: 'm3' } }),
  ];
  const r = findMutualisations({ actors, needs: [], flows }, parameters());
  assert.deepEqual(r.groups, []);
  assert.equal(r.smallStreamFlowsNotAssessed, 2);
});

test('actors without a location are left out and counted, including actors missing from the list', () => {
  const actors: MutualisationActorInput[] = [
    { id: 'a', location: at(0) },
    { id: 'b', location: at(0.5) },
    { id: 'c', location: at(1) },
    { id: 'sans-lieu', location: null },
  ];
  const needs = [need('n-a', 'a'), need('n-b', 'b'), need('n-c', 'c'), need('n-x', 'sans-lieu'), need('n-y', 'inconnu')];
  const r = findMutualisations({ actors, needs, flows: [flow('f', 'sans-lieu', 0.5)] }, parameters());
  assert.equal(r.notLocated, 2);
  assert.deepEqual(r.notLocatedActorIds, ['inconnu', 'sans-lieu']);
  assert.deepEqual(
    r.groups.map((g) => g.members.map((m) => m.actorId)),
    [['a', 'b', 'c']],
  );
  assert.throws(() => findMutualisations({ actors: [...actors, { id: 'a', location: null }], needs, flows: [] }, parameters()), RangeError);
});

test('the saving states its method in both languages; with no sourced rate or a missing cost it stays null', () => {
  const actors: MutualisationActorInput[] = ['a', 'b', 'c'].map((id, i) => ({ id, location: at(i * 0.3) }));
  // Purchasing has no sourced rate: the saving is null even with every cost declared.
  const buying = findMutualisations(
    {
      actors,
      needs: ['a', 'b', 'c'].map((id) => need(`p-${id}`, id, 'purchasing', 'material.plastics', { annualCostEur: 1000 })),
      flows: [],
    },
    parameters(),
  ).groups[0];
  assert.ok(buying);
  assert.equal(buying.saving.value, null);
  assert.equal(buying.saving.unit, 'EUR/yr');
  assert.equal(buying.saving.estimate, true);
  assert.ok(buying.saving.method.fr.includes('Aucun taux') && buying.saving.method.en.includes('No sourced saving rate'));
  const rate = buying.saving.parameters.find((p) => p.name === 'costReductionRate');
  assert.deepEqual(rate, { name: 'costReductionRate', value: null, source: null, estimate: true });
  assert.equal(buying.saving.parameters.find((p) => p.name === 'separateArrangementsReplaced')?.value, 3);

  // Collection has a rate: one member without a declared cost keeps the saving null.
  const partial = findMutualisations(
    {
      actors,
      needs: [
        need('a1', 'a', undefined, undefined, { annualCostEur: 1200 }),
        need('b1', 'b', undefined, undefined, { annualCostEur: 800 }),
        need('c1', 'c'),
      ],
      flows: [],
    },
    parameters(),
  ).groups[0];
  assert.ok(partial);
  assert.equal(partial.saving.value, null);
  assert.equal(partial.saving.parameters.find((p) => p.name === 'declaredAnnualCostEur')?.value, null);
  assert.equal(partial.saving.parameters.find((p) => p.name === 'membersWithDeclaredCost')?.value, 2);
  assert.ok(partial.saving.method.fr.includes('2 membres sur 3') && partial.saving.method.en.includes('2 of 3 members'));
  assert.equal(partial.totalQuantity, null, 'needs without quantities pool no quantity');

  // Every cost declared: rate × sum, the rate's source named.
  const full = findMutualisations(
    {
      actors,
      needs: [
        need('a1', 'a', undefined, undefined, { annualCostEur: 1200 }),
        need('b1', 'b', undefined, undefined, { annualCostEur: 800 }),
        need('c1', 'c', undefined, undefined, { annualCostEur: 1000 }),
      ],
      flows: [],
    },
    parameters(),
  ).groups[0];
  assert.ok(full);
  assert.ok(Math.abs((full.saving.value ?? NaN) - 900) < 1e-9);
  assert.equal(full.saving.method.fr, 'Taux × coûts déclarés.');
  assert.deepEqual(
    full.saving.parameters.find((p) => p.name === 'costReductionRate'),
    { name: 'costReductionRate', value: 0.3, source: 'optigede-genlis-auxonne', estimate: true },
  );
  for (const g of [buying, partial, full])
    assert.ok(g.saving.method.fr.length > 0 && g.saving.method.en.length > 0 && g.explanation.fr.length > 0 && g.explanation.en.length > 0);
});

test("the model's needs and flows can be given as they are", () => {
  const needs: readonly Need[] = [];
  const flows: readonly Flow[] = [];
  const input: MutualisationInput = { actors: [], needs, flows };
  assert.deepEqual(findMutualisations(input, parameters()), {
    groups: [],
    notLocated: 0,
    notLocatedActorIds: [],
    smallStreamFlowsNotAssessed: 0,
  });
});

test('the shipped parameter file is accepted as it is', () => {
  const path = new URL('../../../reference-data/data/mutualisation-parameters.json', import.meta.url);
  const shipped = JSON.parse(readFileSync(path, 'utf8')) as MutualisationParameters;
  const actors: MutualisationActorInput[] = ['a', 'b', 'c'].map((id, i) => ({ id, location: at(i * 0.3) }));
  const flows = ['a', 'b', 'c'].map((id) => flow(`f-${id}`, id, 1, { resourceCode: 'material.paper_cardboard', annualCostEur: 500 }));
  const { groups } = findMutualisations({ actors, needs: [], flows }, shipped);
  assert.equal(groups.length, 1);
  assert.equal(groups[0]?.saving.value, 450);
});

// Order independence: any shuffle of actors, needs and flows gives the same groups.
const resources = ['material.paper_cardboard', 'material.plastics', null] as const;
const categories: NeedCategory[] = ['waste_collection', 'purchasing', 'equipment', 'skills'];
const worldArb = fc.record({
  actors: fc.array(
    fc.record({ x: fc.double({ min: 0, max: 12, noNaN: true }), y: fc.double({ min: 0, max: 12, noNaN: true }), located: fc.boolean() }),
    { minLength: 1, maxLength: 40 },
  ),
  needs: fc.array(
    fc.record({
      actor: fc.nat(),
      category: fc.constantFrom(...categories),
      resource: fc.constantFrom(...resources),
      cost: fc.option(fc.integer({ min: 0, max: 5000 })),
    }),
    { maxLength: 80 },
  ),
  flows: fc.array(
    fc.record({
      actor: fc.nat(),
      tonnes: fc.option(fc.double({ min: 0.01, max: 5, noNaN: true })),
      fate: fc.constantFrom('landfill', 'incineration', 'recycling', null),
      hazardous: fc.boolean(),
    }),
    { maxLength: 80 },
  ),
  seed: fc.integer(),
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

test('input order does not change the result (property test)', () => {
  fc.assert(
    fc.property(worldArb, ({ actors, needs, flows, seed }) => {
      const actorInputs: MutualisationActorInput[] = actors.map((a, i) => ({ id: `A${i}`, location: a.located ? at(a.x, a.y) : null }));
      const input: MutualisationInput = {
        actors: actorInputs,
        needs: needs.map((n, i) => need(`N${i}`, `A${n.actor % actors.length}`, n.category, n.resource, { annualCostEur: n.cost })),
        flows: flows.map((f, i) =>
          flow(`F${i}`, `A${f.actor % actors.length}`, f.tonnes, {
            resourceCode: 'material.paper_cardboard',
            currentFate: f.fate === null ? null : { mode: f.fate },
            hazardous: f.hazardous,
          }),
        ),
      };
      const p = parameters();
      const reference = findMutualisations(input, p);
      const other = findMutualisations(
        { actors: shuffled(input.actors, seed), needs: shuffled(input.needs, seed + 1), flows: shuffled(input.flows, seed + 2) },
        p,
      );
      assert.deepEqual(other, reference);
      // Every group is valid: enough members, actors once, no two members more than twice the radius apart.
      for (const g of reference.groups) {
        assert.ok(g.members.length >= p.minMembers);
        assert.equal(new Set(g.members.map((m) => m.actorId)).size, g.members.length);
        for (const m of g.members)
          for (const o of g.members) assert.ok(distanceMetres(o.location, m.location) / 1000 <= 2 * g.radiusKm + 1e-9);
      }
    }),
    { numRuns: 150 },
  );
});
