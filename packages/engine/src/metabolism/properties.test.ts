import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FATE_MODES } from '../model.js';
import { seededRandom } from '../synergy/synthetic.js';
import { buildAccounts } from './families-data.test.js';
import { massBalance } from './balance.js';
import { indicators } from './indicators.js';
import { sankey } from './sankey.js';
import { applySynergies } from './scenario.js';
import { DESTINATIONS, FAMILIES, LAYERS, ORIGINS, type MetabolismAggregate, type MetabolismFlow, type MetabolismInput } from './types.js';

const unit = fc.constantFrom('t', 't', 'MWh', 'm3', 'unit', 'h');
const value = fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 1000 }));
const partner = fc.option(fc.constantFrom('P1', 'P2', 'P3', 'P4'), { nil: undefined });
const code = fc.constantFrom(
  'material.wood.clean',
  'material.biowaste',
  'material.metals.ferrous',
  'material.minerals_aggregates',
  'material.agrifood_byproducts',
  'energy.heat.low',
  'energy.fuels.biomass',
  'water.process',
  'packaging.pallets',
  'other.thing',
);

const flow = fc.record({
  direction: fc.constantFrom('output' as const, 'input' as const),
  resourceCode: code,
  wasteCode: fc.option(fc.constantFrom('150101', '200108'), { nil: null }),
  annualQuantity: fc.option(fc.record({ value, unit }), { nil: null, freq: 8 }),
  currentFate: fc.option(fc.record({ mode: fc.constantFrom(...FATE_MODES), local: fc.option(fc.boolean(), { nil: undefined }), partner }), {
    nil: null,
  }),
  currentOrigin: fc.option(fc.record({ recycled: fc.boolean(), local: fc.boolean(), partner }), { nil: null }),
});

const aggregate = fc.record({
  kind: fc.constantFrom('extraction' as const, 'input' as const, 'output' as const, 'stock_change' as const),
  family: fc.constantFrom(...FAMILIES),
  resourceCode: fc.option(code, { nil: null }),
  annualQuantity: fc.record({ value: fc.oneof(value, fc.integer({ min: -500, max: 500 })), unit }),
  origin: fc.constantFrom('local' as const, 'external' as const, null),
  destination: fc.constantFrom(
    'recovery_inside' as const,
    'recovery_outside' as const,
    'incineration' as const,
    'landfill' as const,
    'other' as const,
    null,
  ),
  partner: fc.option(fc.constantFrom('P1', 'P2', 'P5'), { nil: null }),
});

const territory: fc.Arbitrary<MetabolismInput> = fc
  .record({ flows: fc.array(flow, { maxLength: 40 }), aggregates: fc.array(aggregate, { maxLength: 8 }) })
  .map(({ flows, aggregates }) => ({
    flows: flows.map((f, i): MetabolismFlow => ({ ...f, id: `f${i}`, actorId: `a${i % 7}` })),
    aggregates: aggregates.map((a, i): MetabolismAggregate => ({
      ...a,
      id: `g${i}`,
      label: `g${i}`,
      year: 2024,
      source: { title: 'test' },
      estimate: true,
    })),
  }));

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

test('for random territories, the sums over families and origins or destinations equal the layer totals', () => {
  fc.assert(
    fc.property(territory, (input) => {
      const accounts = buildAccounts(input);
      for (const layer of LAYERS) {
        const a = accounts.layers[layer];
        assert.ok(near(sum(FAMILIES.flatMap((f) => ORIGINS.map((o) => a.inputs[f][o].value))), a.totals.inputs.value));
        assert.ok(near(sum(FAMILIES.flatMap((f) => DESTINATIONS.map((d) => a.outputs[f][d].value))), a.totals.outputs.value));
        for (const f of FAMILIES) {
          assert.ok(near(sum(ORIGINS.map((o) => a.inputs[f][o].value)), a.totals.inputsByFamily[f].value));
          assert.ok(near(sum(DESTINATIONS.map((d) => a.outputs[f][d].value)), a.totals.outputsByFamily[f].value));
          assert.ok(
            near(sum(a.externalByPartner[f].map((p) => p.amount.value)) + a.externalWithoutPartner[f].value, a.inputs[f].external.value),
          );
          assert.ok(a.localRecycledInputs[f].value <= a.inputs[f].local.value);
        }
        for (const o of ORIGINS) assert.ok(near(sum(FAMILIES.map((f) => a.inputs[f][o].value)), a.totals.inputsByOrigin[o].value));
        for (const d of DESTINATIONS)
          assert.ok(near(sum(FAMILIES.map((f) => a.outputs[f][d].value)), a.totals.outputsByDestination[d].value));
        assert.ok(near(sum(a.byResource.map((r) => r.inputs.value)), a.totals.inputs.value));
        assert.ok(near(sum(a.byResource.map((r) => r.outputs.value)), a.totals.outputs.value));
        const b = massBalance(accounts)[layer];
        assert.ok(near(b.imbalance.value, b.entering.value - b.leaving.value));
      }
      // Every flow and aggregate is counted in exactly one layer or listed as not counted.
      const counted = sum(LAYERS.map((l) => accounts.layers[l].counted.flows + accounts.layers[l].counted.aggregates));
      assert.equal(counted + accounts.notCounted.length, input.flows.length + input.aggregates.length);
    }),
  );
});

test('for random territories, shares stay within 0–100 %, the concentration index within 0–10,000 and coverage within 0–1', () => {
  fc.assert(
    fc.property(territory, (input) => {
      for (const i of indicators(buildAccounts(input))) {
        if (i.coverage !== undefined) assert.ok(i.coverage >= 0 && i.coverage <= 1, `${i.id} coverage ${i.coverage}`);
        if (i.value === null) {
          assert.ok(i.missing);
          continue;
        }
        if (i.unit === '%') assert.ok(i.value >= 0 && i.value <= 100, `${i.id} ${i.value}`);
        if (i.id === 'external_supply_concentration') assert.ok(i.value > 0 && i.value <= 10000 * (1 + 1e-12), `${i.id} ${i.value}`);
      }
    }),
  );
});

test('for random territories, accounts, indicators, balance and Sankey graphs do not depend on input order', () => {
  fc.assert(
    fc.property(territory, fc.integer(), (input, seed) => {
      const other: MetabolismInput = { flows: shuffled(input.flows, seed), aggregates: shuffled(input.aggregates, seed + 1) };
      const a = buildAccounts(input);
      const b = buildAccounts(other);
      assert.deepEqual(b, a);
      assert.deepEqual(indicators(b), indicators(a));
      assert.deepEqual(massBalance(b), massBalance(a));
      for (const layer of LAYERS) assert.deepEqual(sankey(b, layer), sankey(a, layer));
    }),
  );
});

test('for random territories and synergies, a scenario moves quantities without changing any layer total', () => {
  fc.assert(
    fc.property(
      territory,
      fc.array(fc.record({ o: fc.nat(40), i: fc.nat(40), quantity: fc.double({ min: 0.001, max: 1e6, noNaN: true }) }), { maxLength: 10 }),
      (input, picks) => {
        const synergies = picks.map((p) => {
          const out = input.flows[p.o % Math.max(1, input.flows.length)];
          return { outputFlowId: out?.id ?? 'none', inputFlowId: `f${p.i}`, quantity: p.quantity, unit: out?.annualQuantity?.unit ?? 't' };
        });
        const result = applySynergies(input, synergies);
        assert.equal(result.applied.length + result.skipped.length, synergies.length);
        const before = buildAccounts(input);
        const after = buildAccounts(result.input);
        for (const layer of LAYERS) {
          assert.ok(near(after.layers[layer].totals.inputs.value, before.layers[layer].totals.inputs.value));
          assert.ok(near(after.layers[layer].totals.outputs.value, before.layers[layer].totals.outputs.value));
          assert.ok(
            after.layers[layer].totals.outputsByDestination.recovery_inside.value >=
              before.layers[layer].totals.outputsByDestination.recovery_inside.value - 1e-9,
          );
        }
      },
    ),
  );
});
