import assert from 'node:assert/strict';
import { test } from 'node:test';
import { destinationOfFate, FamilyResolver } from './accounts.js';
import { buildAccounts, FAMILIES_DATA } from './families-data.test.js';
import { addAmounts, amount, layerOfUnit, ratioOf, subtractAmounts, sumAmounts } from './amount.js';
import { EXAMPLE, input, output } from './testing.js';
import { LAYERS } from './types.js';

test('the accounts of the example territory are the hand-computed ones', () => {
  const { layers, notCounted } = buildAccounts(EXAMPLE);
  const m = layers.material;
  assert.equal(m.unit, 't');
  assert.equal(m.inputs.construction_minerals.local.value, 30);
  assert.equal(m.inputs.construction_minerals.external.value, 90);
  assert.equal(m.inputs.manufactured.local.value, 10);
  assert.equal(m.localRecycledInputs.manufactured.value, 10);
  assert.equal(m.totals.inputs.value, 130);
  assert.deepEqual(Object.fromEntries(Object.entries(m.outputs.wastes).map(([d, a]) => [d, a.value])), {
    recovery_inside: 40,
    recovery_outside: 20,
    recovery_place_unknown: 10,
    incineration: 10,
    landfill: 20,
    other: 0,
    unknown: 0,
  });
  assert.equal(m.outputs.agrifood.unknown.value, 15, 'an output without fate nor waste code keeps its resource family');
  assert.equal(m.outputs.manufactured.unknown.value, 25, 'an output aggregate without destination is unknown');
  assert.equal(m.totals.outputs.value, 140);
  assert.equal(m.totals.exports.value, 45, 'recovered outside (20) + the export aggregate (25)');
  assert.equal(m.extraction.construction_minerals.value, 50);
  assert.equal(m.stockChange.construction_minerals.value, 5);
  assert.deepEqual(
    m.externalByPartner.construction_minerals.map((p) => [p.partner, p.amount.value]),
    [
      ['EPCI-B', 60],
      ['EPCI-C', 30],
    ],
  );
  assert.deepEqual(
    m.byResource.map((r) => r.resourceCode),
    [
      'material.agrifood_byproducts.vegetable',
      'material.biowaste.food_waste',
      'material.construction.mixed',
      'material.metals.ferrous',
      'material.minerals_aggregates',
      'material.paper_cardboard',
      'material.plastics.mixed',
      'material.wood.clean',
      null,
    ],
  );
  assert.deepEqual(m.counted, { flows: 10, aggregates: 3, extractionAggregates: 1 });
  assert.equal(layers.energy.inputs.energy_carriers.external.value, 100);
  assert.equal(layers.energy.externalWithoutPartner.energy_carriers.value, 100);
  assert.equal(layers.water.totals.inputs.value, 0);
  assert.deepEqual(
    notCounted.map((x) => [x.kind, x.id, x.reason, x.unit]),
    [
      ['flow', 'i6', 'unit_not_in_a_layer', 'unit'],
      ['flow', 'i7', 'no_quantity', null],
    ],
  );
});

test('a flow in MWh lands only in the energy layer, and flows in unit or hours are listed as not counted, never converted', () => {
  const { layers, notCounted } = buildAccounts({
    flows: [
      input('heat', 'energy.heat.low', 250, 'MWh', { recycled: false, local: true }),
      input('pallets', 'packaging.pallets', 40, 'unit', { recycled: true, local: true }),
      output('service', 'service.maintenance', 12, 'h', { mode: 'other' }),
      output('kilos', 'material.plastics.pe', 800, 'kg', { mode: 'recycling', local: true }),
    ],
    aggregates: [],
  });
  assert.equal(layers.energy.totals.inputs.value, 250);
  assert.equal(layers.energy.inputs.energy_carriers.local.value, 250);
  for (const layer of ['material', 'water'] as const) {
    assert.equal(layers[layer].totals.inputs.value, 0);
    assert.equal(layers[layer].totals.outputs.value, 0);
  }
  assert.deepEqual(
    notCounted.map((x) => [x.id, x.reason, x.unit]),
    [
      ['kilos', 'unit_not_in_a_layer', 'kg'],
      ['pallets', 'unit_not_in_a_layer', 'unit'],
      ['service', 'unit_not_in_a_layer', 'h'],
    ],
  );
  assert.match(notCounted[0]?.message.fr ?? '', /jamais convertie/);
});

test('adding tonnes to MWh does not compile, and throws if forced', () => {
  const tonnes = amount('material', 10);
  const mwh = amount('energy', 10);
  assert.throws(
    // @ts-expect-error — a material amount cannot be added to an energy amount
    () => addAmounts(tonnes, mwh),
    /cannot combine MWh \(energy\) with t \(material\)|cannot combine t \(material\) with MWh \(energy\)/,
  );
  // @ts-expect-error — nor subtracted
  assert.throws(() => subtractAmounts(mwh, tonnes));
  // @ts-expect-error — nor divided into a ratio
  assert.throws(() => ratioOf(tonnes, mwh));
  // @ts-expect-error — a sum of the water layer takes only cubic metres
  assert.throws(() => sumAmounts('water', [tonnes]));
  // @ts-expect-error — an amount of the material layer is in tonnes, not MWh
  assert.throws(() => amount('material', 1, 'MWh'), /not the unit of the material layer/);
  assert.equal(addAmounts(tonnes, amount('material', 5)).value, 15);
});

test('each layer has its own base unit and no other unit belongs to a layer', () => {
  assert.deepEqual(
    LAYERS.map((l) => amount(l, 1).unit),
    ['t', 'MWh', 'm3'],
  );
  for (const unit of ['kg', 'kWh', 'l', 'unit', 'h', 'T', 'm³']) assert.equal(layerOfUnit(unit), null, unit);
});

test('the most specific prefix gives the family, and an output with a waste code or a fate counts in wastes', () => {
  const r = new FamilyResolver({
    prefixes: [
      { resource: 'material', family: 'manufactured' },
      { resource: 'material.biowaste', family: 'agrifood' },
      { resource: 'material.bio', family: 'energy_carriers' },
    ],
  });
  assert.deepEqual(r.ofResource('material.biowaste.food_waste'), { family: 'agrifood', mapped: true });
  assert.deepEqual(r.ofResource('material.plastics'), { family: 'manufactured', mapped: true });
  assert.deepEqual(r.ofResource('water.process'), { family: 'manufactured', mapped: false }, 'falls back, reported');
  assert.equal(r.ofFlow(output('x', 'material.biowaste', 1, 't', null, '200108')), 'wastes');
  assert.equal(r.ofFlow(output('x', 'material.biowaste', 1, 't', { mode: 'composting' })), 'wastes');
  assert.equal(r.ofFlow(output('x', 'material.biowaste', 1, 't', null)), 'agrifood');
  assert.equal(r.ofFlow(input('x', 'material.biowaste', 1, 't', null)), 'agrifood');
  const accounts = buildAccounts({ flows: [input('w', 'water.process', 5, 'm3', null)], aggregates: [] }, { prefixes: [] });
  assert.deepEqual(accounts.unmappedResourceCodes, ['water.process']);
  assert.equal(
    buildAccounts({ flows: [input('w', 'water.process', 5, 'm3', null)], aggregates: [] }, FAMILIES_DATA).unmappedResourceCodes.length,
    0,
  );
});

test('recovery modes go inside, outside or to an unknown place by the local flag', () => {
  for (const mode of ['energy_recovery', 'recycling', 'reuse', 'composting', 'anaerobic_digestion', 'spreading'] as const) {
    assert.equal(destinationOfFate({ mode, local: true }), 'recovery_inside');
    assert.equal(destinationOfFate({ mode, local: false }), 'recovery_outside');
    assert.equal(destinationOfFate({ mode }), 'recovery_place_unknown');
  }
  assert.equal(destinationOfFate({ mode: 'landfill', local: true }), 'landfill');
  assert.equal(destinationOfFate({ mode: 'incineration' }), 'incineration');
  assert.equal(destinationOfFate({ mode: 'other' }), 'other');
  assert.equal(destinationOfFate(null), 'unknown');
});

test('negative or non-finite quantities are not counted, except a stock release', () => {
  const accounts = buildAccounts(
    {
      flows: [input('neg', 'material.wood', -3, 't', null), input('nan', 'material.wood', Number.NaN, 't', null)],
      aggregates: [
        {
          id: 's',
          label: 's',
          kind: 'stock_change',
          family: 'construction_minerals',
          resourceCode: null,
          annualQuantity: { value: -7, unit: 't' },
          origin: null,
          destination: null,
          partner: null,
          year: 2024,
          source: { title: 't' },
          estimate: false,
        },
      ],
    },
    FAMILIES_DATA,
  );
  assert.deepEqual(
    accounts.notCounted.map((x) => [x.id, x.reason]),
    [
      ['nan', 'invalid_quantity'],
      ['neg', 'invalid_quantity'],
    ],
  );
  assert.equal(accounts.layers.material.totals.stockChange.value, -7);
});
