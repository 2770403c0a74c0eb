import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import fc from 'fast-check';
import {
  analyse,
  ENGINE_VERSION,
  type AnalysisActor,
  type AnalysisFlow,
  type AnalysisInput,
  type AnalysisOptions,
  type AnalysisResult,
  type AnalysisSite,
} from './analysis.js';
import { loadSolver, type LpSolver } from './allocation.js';
import type { ImpactModel } from './impacts.js';
import type { MutualisationParameters } from './mutualisation.js';
import type { CompatibilityRule } from './rules.js';
import type { PurityGrade } from '../model.js';

// Tests may read files: the shipped rules, factors and parameters, so that the seeds' examples run
// against the real knowledge base.
const data = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../reference-data/data/${name}`, import.meta.url), 'utf8'));
const RULES = data('compatibility-rules.json') as { version: string; rules: CompatibilityRule[] };
const IMPACTS = data('impact-factors.json') as ImpactModel;
const MUTUALISATION = data('mutualisation-parameters.json') as MutualisationParameters & { version: string };

let solver: LpSolver;
before(async () => {
  solver = await loadSolver();
});

const options = (extra: Partial<AnalysisOptions> = {}): AnalysisOptions => ({
  rules: RULES.rules,
  rulesVersion: RULES.version,
  impacts: IMPACTS,
  mutualisation: MUTUALISATION,
  objective: 'co2',
  solver,
  ...extra,
});

// Points east of Bergues (Nord), in km.
const at = (kmEast: number, kmNorth = 0) => ({
  lat: 50.97 + kmNorth / 111.2,
  lon: 2.43 + kmEast / (111.2 * Math.cos((50.97 * Math.PI) / 180)),
});

interface Party {
  actor: string;
  naf: string | null;
  km: number;
}

function flow(
  id: string,
  party: Party,
  direction: 'output' | 'input',
  resourceCode: string,
  extra: Partial<AnalysisFlow> = {},
): AnalysisFlow {
  return {
    id,
    siteId: `site-${party.actor}`,
    actorId: party.actor,
    direction,
    resourceCode,
    wasteCode: null,
    label: id,
    annualQuantity: null,
    monthsAvailable: null,
    quality: {},
    hazardous: false,
    currentFate: null,
    costPerUnit: null,
    ...extra,
  };
}

function world(parties: Party[], flows: AnalysisFlow[]): AnalysisInput {
  const actors: AnalysisActor[] = parties.map((p) => ({ id: p.actor, name: `Entreprise ${p.actor}`, nafCode: p.naf }));
  const sites: AnalysisSite[] = parties.map((p) => ({ id: `site-${p.actor}`, actorId: p.actor, location: at(p.km) }));
  return { actors, sites, flows, needs: [] };
}

const CHP: Party = { actor: 'cogeneration', naf: '35.11Z', km: 0 };
const GREENHOUSE: Party = { actor: 'serres', naf: '01.13Z', km: 2 };

function heatWorld(supplyC: number, demandC: number, months: { supply?: number[]; demand?: number[] } = {}): AnalysisInput {
  return world(
    [CHP, GREENHOUSE],
    [
      flow('chaleur-fatale', CHP, 'output', 'energy.heat.medium', {
        label: 'Chaleur fatale 65 °C',
        annualQuantity: { value: 4000, unit: 'MWh' },
        quality: { temperatureC: supplyC },
        monthsAvailable: months.supply ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      }),
      flow('chauffage-serres', GREENHOUSE, 'input', 'energy.heat.medium', {
        label: 'Chauffage des serres',
        annualQuantity: { value: 3000, unit: 'MWh' },
        quality: { temperatureC: demandC },
        monthsAvailable: months.demand ?? [1, 2, 3, 4, 10, 11, 12],
        costPerUnit: { eur: 60, kind: 'cost' },
      }),
    ],
  );
}

test('the seeds’ example: waste heat at 65 °C from a wood cogeneration plant heats greenhouses 2 km away, with its checks, impacts and explanation', async () => {
  const result = await analyse(heatWorld(65, 55), options());
  const s = result.synergies.find((x) => x.ruleId === 'heat-medium-to-greenhouses');
  assert.ok(s, 'a synergy under the greenhouse rule');
  assert.equal(s.outputFlowId, 'chaleur-fatale');
  assert.equal(s.checks.temperature.status, 'passed');
  assert.equal(s.checks.receiver.status, 'passed');
  assert.equal(s.checks.months.status, 'passed');
  assert.equal(s.checks.quantity.values?.demandCovered, 1);
  assert.ok(Math.abs(s.distanceKm - 2) < 0.05);
  // Allocated: all 3,000 MWh of the demand. CO2e: 3,000 MWh × 264.52 kg/MWh, piped (no road transport).
  assert.deepEqual(s.allocation, { quantity: 3000, unit: 'MWh', benefitPerUnit: 264.52 });
  assert.ok(Math.abs((s.impacts.figures.co2eAvoided.value as number) - (3000 * 264.52) / 1000) < 1e-6);
  assert.equal(s.impacts.figures.co2eAvoided.estimated, true);
  assert.ok(s.impacts.figures.co2eAvoided.factors.some((f) => f.source?.url.startsWith('http')));
  assert.equal(s.impacts.figures.receiverSaving.value, 3000 * 60);
  assert.match(s.explanation.fr, /Chaleur fatale 65 °C.*Chauffage des serres.*2 km/);
  assert.match(s.explanation.en, /greenhouse/i);
  assert.ok(s.score.value > 0 && s.score.value <= 100);
  assert.equal(result.engineVersion, ENGINE_VERSION);
  assert.equal(result.rulesVersion, RULES.version);
});

test('heat too cold for the need plus its margin is rejected, with the reason', async () => {
  const result = await analyse(heatWorld(58, 55), options());
  assert.equal(
    result.synergies.some((x) => x.ruleId === 'heat-medium-to-greenhouses'),
    false,
  );
  const r = result.rejected.find((x) => x.ruleId === 'heat-medium-to-greenhouses');
  assert.ok(r);
  assert.deepEqual(r.reasons, ['temperature']);
  assert.match(r.checks.temperature.detail.fr, /Trop froid/);
});

test('an out-of-season supply is rejected, with the reason', async () => {
  const result = await analyse(heatWorld(65, 55, { supply: [6, 7, 8], demand: [1, 2, 12] }), options());
  const r = result.rejected.find((x) => x.ruleId === 'heat-medium-to-greenhouses');
  assert.ok(r);
  assert.ok(r.reasons.includes('months'));
  assert.match(r.checks.months.detail.en, /Out of season/);
});

test('hazardous spent solvents go to an authorised regenerator, not to a receiver outside the rule', async () => {
  const printer: Party = { actor: 'imprimerie', naf: '18.12Z', km: 0 };
  const regenerator: Party = { actor: 'regenerateur', naf: '38.22Z', km: 20 };
  const paintShop: Party = { actor: 'peinture', naf: '25.61Z', km: 5 };
  const result = await analyse(
    world(
      [printer, regenerator, paintShop],
      [
        flow('solvants-uses', printer, 'output', 'material.chemicals.solvents', {
          hazardous: true,
          quality: { purityGrade: 'medium' },
          annualQuantity: { value: 12, unit: 't' },
        }),
        flow('solvants-regen', regenerator, 'input', 'material.chemicals.solvents', { annualQuantity: { value: 500, unit: 't' } }),
        flow('solvants-peinture', paintShop, 'input', 'material.chemicals.solvents', { annualQuantity: { value: 5, unit: 't' } }),
      ],
    ),
    options(),
  );
  assert.deepEqual(
    result.synergies.map((s) => s.inputFlowId),
    ['solvants-regen'],
  );
  assert.equal(result.synergies[0]?.checks.hazardous.status, 'passed');
  assert.equal(result.synergies[0]?.impacts.figures.hazardousWasteReused.value, 12);
  const r = result.rejected.find((x) => x.inputFlowId === 'solvants-peinture');
  assert.ok(r?.reasons.includes('hazardous'));
});

test('the seeds’ examples: wine bottles go to washing for reuse, and wood waste to a biomass boiler', async () => {
  const winery: Party = { actor: 'domaine', naf: '11.02A', km: 0 };
  const washer: Party = { actor: 'laverie', naf: '82.92Z', km: 12 };
  const joinery: Party = { actor: 'menuiserie', naf: '16.23Z', km: 3 };
  const boiler: Party = { actor: 'reseau-chaleur', naf: '35.30Z', km: 9 };
  const result = await analyse(
    world(
      [winery, washer, joinery, boiler],
      [
        flow('bouteilles', winery, 'output', 'packaging.glass_bottles', {
          quality: { purityGrade: 'high' },
          annualQuantity: { value: 40000, unit: 'unit' },
        }),
        flow('bouteilles-lavees', washer, 'input', 'packaging.glass_bottles', { annualQuantity: { value: 200000, unit: 'unit' } }),
        flow('chutes-bois', joinery, 'output', 'material.wood.clean', {
          quality: { purityGrade: 'high' },
          annualQuantity: { value: 80, unit: 't' },
          currentFate: { mode: 'landfill' },
        }),
        flow('plaquettes', boiler, 'input', 'energy.fuels.biomass', { annualQuantity: { value: 2000, unit: 't' } }),
      ],
    ),
    options(),
  );
  const bottles = result.synergies.find((s) => s.ruleId === 'glass-bottles-washing-reuse');
  assert.equal(bottles?.inputFlowId, 'bouteilles-lavees');
  assert.deepEqual(bottles?.allocation, { quantity: 40000, unit: 'unit', benefitPerUnit: null });
  const wood = result.synergies.find((s) => s.ruleId === 'clean-wood-to-biomass-boiler');
  assert.equal(wood?.inputFlowId, 'plaquettes');
  assert.equal(wood?.impacts.figures.divertedFromDisposal.value, 80);
  // Transport of 80 t over 6 km × detour 1.3 by lorry, in t CO2e.
  assert.ok(Math.abs((wood?.impacts.figures.transportEmissions.value as number) - (80 * 6 * 1.3 * 0.0755) / 1000) < 1e-3);
});

test('every rule family of the knowledge base yields a synergy on a hand-made case that meets its conditions', async () => {
  const families = [...new Set(RULES.rules.map((r) => r.family))].sort();
  for (const family of families) {
    const rule = RULES.rules.find((r) => r.family === family) as CompatibilityRule;
    const supplier: Party = { actor: 'fournisseur', naf: '10.00Z', km: 0 };
    const receiver: Party = { actor: 'receveur', naf: rule.input.receiverNaf?.[0] ?? '99.00Z', km: Math.min(1, rule.maxDistanceKm / 2) };
    const temperature = rule.conditions.minTemperatureC ?? 0;
    const result = await analyse(
      world(
        [supplier, receiver],
        [
          flow('sortie', supplier, 'output', rule.output.resources[0] as string, {
            quality: {
              temperatureC: temperature + 100,
              purityGrade: (rule.conditions.purityGrades?.[0] as PurityGrade | undefined) ?? 'high',
            },
          }),
          flow('entree', receiver, 'input', rule.input.resources[0] as string, { quality: { temperatureC: temperature } }),
        ],
      ),
      options(),
    );
    assert.ok(
      result.synergies.some((s) => s.ruleId === rule.id),
      `family ${family}: rule ${rule.id} should propose a synergy (rejected: ${JSON.stringify(result.rejected.map((r) => [r.ruleId, r.reasons]))})`,
    );
  }
});

// Random worlds for the properties.
const resources = [
  'energy.heat.medium',
  'energy.heat.low',
  'material.wood.clean',
  'energy.fuels.biomass',
  'material.chemicals.solvents',
  'material.glass.cullet',
  'material.metals.ferrous',
] as const;
const nafs = ['01.13Z', '38.22Z', '35.30Z', '24.10Z', '23.13Z', '18.12Z', null] as const;
const worldArb = fc.record({
  parties: fc.array(
    fc.record({
      naf: fc.constantFrom(...nafs),
      east: fc.double({ min: 0, max: 15, noNaN: true }),
      north: fc.double({ min: 0, max: 15, noNaN: true }),
    }),
    { minLength: 2, maxLength: 8 },
  ),
  flows: fc.array(
    fc.record({
      party: fc.nat(),
      output: fc.boolean(),
      resource: fc.constantFrom(...resources),
      quantity: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
      temperature: fc.option(fc.integer({ min: 20, max: 120 }), { nil: undefined }),
      months: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }), { nil: null }),
      hazardous: fc.boolean(),
      purity: fc.option(fc.constantFrom<PurityGrade>('high', 'medium', 'low'), { nil: undefined }),
    }),
    { minLength: 2, maxLength: 24 },
  ),
});
type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function randomWorld(w: WorldSpec): AnalysisInput {
  const actors: AnalysisActor[] = w.parties.map((p, i) => ({ id: `a${i}`, name: `A${i}`, nafCode: p.naf }));
  const sites: AnalysisSite[] = w.parties.map((p, i) => ({ id: `s${i}`, actorId: `a${i}`, location: at(p.east, p.north) }));
  const flows: AnalysisFlow[] = w.flows.map((f, i) => {
    const p = f.party % w.parties.length;
    const unit = f.resource.startsWith('energy.heat') ? 'MWh' : 't';
    return {
      id: `f${i}`,
      siteId: `s${p}`,
      actorId: `a${p}`,
      direction: f.output ? 'output' : 'input',
      resourceCode: f.resource,
      wasteCode: null,
      label: `flux ${i}`,
      annualQuantity: f.quantity === null ? null : { value: f.quantity, unit },
      monthsAvailable: f.months === null ? null : [...f.months].sort((a, b) => a - b),
      quality: { temperatureC: f.temperature, purityGrade: f.purity },
      hazardous: f.hazardous,
      currentFate: null,
      costPerUnit: null,
    };
  });
  return { actors, sites, flows, needs: [] };
}

test('no proposed synergy violates a hard constraint, and allocation never exceeds a supply or a demand', async () => {
  await fc.assert(
    fc.asyncProperty(worldArb, async (w) => {
      const input = randomWorld(w);
      const result = await analyse(input, options());
      const flows = new Map(input.flows.map((f) => [f.id, f]));
      const naf = new Map(input.actors.map((a) => [a.id, a.nafCode]));
      const used = new Map<string, number>();
      for (const s of result.synergies) {
        const rule = RULES.rules.find((r) => r.id === s.ruleId) as CompatibilityRule;
        const supply = flows.get(s.outputFlowId) as AnalysisFlow;
        const demand = flows.get(s.inputFlowId) as AnalysisFlow;
        assert.ok(s.distanceKm <= rule.maxDistanceKm);
        if (supply.monthsAvailable && demand.monthsAvailable)
          assert.ok(
            supply.monthsAvailable.some((m) => demand.monthsAvailable?.includes(m)),
            'months overlap',
          );
        const ts = supply.quality.temperatureC;
        const td = demand.quality.temperatureC;
        if (ts !== undefined && rule.conditions.minTemperatureC != null) assert.ok(ts >= rule.conditions.minTemperatureC);
        if (ts !== undefined && td !== undefined && rule.conditions.temperatureMarginC != null)
          assert.ok(ts >= td + rule.conditions.temperatureMarginC, 'temperature margin');
        const receiver = naf.get(demand.actorId) ?? null;
        if (receiver && rule.input.receiverNaf?.length)
          assert.ok(
            rule.input.receiverNaf.some((p) => receiver.startsWith(p)),
            'receiver',
          );
        if (supply.hazardous) assert.notEqual(rule.conditions.hazardous, 'forbidden');
        if (supply.quality.purityGrade && rule.conditions.purityGrades?.length)
          assert.ok(rule.conditions.purityGrades.includes(supply.quality.purityGrade));
        if (s.allocation.quantity !== null) {
          used.set(`out:${s.outputFlowId}`, (used.get(`out:${s.outputFlowId}`) ?? 0) + s.allocation.quantity);
          used.set(`in:${s.inputFlowId}`, (used.get(`in:${s.inputFlowId}`) ?? 0) + s.allocation.quantity);
        }
      }
      for (const [key, total] of used) {
        const f = flows.get(key.slice(key.indexOf(':') + 1)) as AnalysisFlow;
        assert.ok(total <= (f.annualQuantity?.value ?? 0) * (1 + 1e-9), `${key} allocated ${total} of ${f.annualQuantity?.value}`);
      }
    }),
    { numRuns: 60, seed: 4 },
  );
});

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed + 7;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

test('the analysis is deterministic and does not depend on the order of actors, sites, flows or rules', async () => {
  await fc.assert(
    fc.asyncProperty(worldArb, fc.nat(), async (w, seed) => {
      const input = randomWorld(w);
      const a: AnalysisResult = await analyse(input, options());
      const b = await analyse(
        { actors: shuffled(input.actors, seed), sites: shuffled(input.sites, seed + 1), flows: shuffled(input.flows, seed + 2), needs: [] },
        options({ rules: shuffled(RULES.rules, seed + 3) }),
      );
      assert.deepEqual(b, a);
    }),
    { numRuns: 40, seed: 9 },
  );
});

test('the engine version constant matches the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(ENGINE_VERSION, pkg.version);
});

test('score weights are validated', async () => {
  await assert.rejects(analyse(heatWorld(65, 55), options({ weights: { impact: -1 } })), /weight impact/);
});
