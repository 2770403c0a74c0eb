import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAccounts } from './families-data.test.js';
import { indicatorKey, indicators, type Indicator } from './indicators.js';
import { aggregate, EXAMPLE, input, output } from './testing.js';
import type { MetabolismInput } from './types.js';

function byKey(list: Indicator[]): Map<string, Indicator> {
  return new Map(list.map((i) => [indicatorKey(i), i]));
}

const close = (actual: number | null | undefined, expected: number, message?: string): void => {
  assert.ok(
    actual != null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${message ?? ''} ${actual} ≠ ${expected}`,
  );
};

test('every indicator of the example territory is the hand-computed one', () => {
  const got = byKey(indicators(buildAccounts(EXAMPLE)));
  const value = (key: string): number | null => {
    const i = got.get(key);
    assert.ok(i, key);
    return i.value;
  };
  // Outputs with a known fate: 40 inside + 20 outside + 10 place unknown + 20 landfill + 10 incineration = 100 t
  // (o6, 15 t without fate, and the 25 t export aggregate without destination are unknown).
  close(value('local_loop_closure/material'), 40, 'loop closure = 40 / 100');
  close(value('landfill_share/material'), 20, 'landfill = 20 / 100');
  close(value('incineration_share/material'), 10, 'incineration = 10 / 100');
  close(got.get('local_loop_closure/material')?.coverage, 100 / 140, 'known / all outputs');
  close(value('local_loop_closure/material/wastes'), 40);
  close(value('landfill_share/material/wastes'), 20);
  close(value('incineration_share/material/wastes'), 10);
  close(got.get('local_loop_closure/material/wastes')?.coverage, 1);
  assert.equal(value('local_loop_closure/material/agrifood'), null, 'agrifood outputs have no known fate');
  assert.match(got.get('local_loop_closure/material/agrifood')?.missing?.fr ?? '', /devenir est connu/);
  assert.equal(value('local_loop_closure/material/construction_minerals'), null);
  assert.match(got.get('local_loop_closure/material/construction_minerals')?.missing?.fr ?? '', /Aucune sortie déclarée/);

  // Inputs with a known origin: 40 local (30 minerals, 10 recycled wood) + 90 external = 130 t.
  close(value('external_dependency/material'), (100 * 90) / 130, 'external dependency = 90 / 130');
  close(value('external_dependency/material/construction_minerals'), 75, '90 / (30 + 90)');
  close(value('external_dependency/material/manufactured'), 0);
  assert.equal(value('external_dependency/material/agrifood'), null);
  close(value('local_secondary_input_share/material'), (100 * 10) / 130);
  close(value('local_secondary_input_share/material/manufactured'), 100);
  close(value('local_secondary_input_share/material/construction_minerals'), 0);

  // HHI: EPCI-B 60 t, EPCI-C 30 t: (100 × 2/3)² + (100 × 1/3)² = 50,000 / 9.
  close(value('external_supply_concentration/material'), 50000 / 9);
  close(value('external_supply_concentration/material/construction_minerals'), 50000 / 9);
  close(got.get('external_supply_concentration/material')?.coverage, 1);
  assert.equal(value('external_supply_concentration/material/manufactured'), null, 'no external input');
  assert.match(got.get('external_supply_concentration/material/manufactured')?.missing?.fr ?? '', /Aucun intrant extérieur/);

  // Energy: 100 MWh of heat from outside, partner unknown.
  close(value('external_dependency/energy'), 100);
  close(value('external_dependency/energy/energy_carriers'), 100);
  assert.equal(value('external_supply_concentration/energy'), null);
  assert.equal(got.get('external_supply_concentration/energy')?.coverage, 0);
  assert.match(got.get('external_supply_concentration/energy')?.missing?.fr ?? '', /partenaire/);
  assert.equal(value('local_loop_closure/energy'), null);

  // EW-MFA (t): DE 50, IMP 90, EXP 20 recovered outside + 25 exported = 45.
  close(value('dmi/material'), 140, 'DMI = 50 + 90');
  close(value('dmc/material'), 95, 'DMC = 140 − 45');
  close(value('ptb/material'), 45, 'PTB = 90 − 45');
  close(value('dmi/material/construction_minerals'), 140);
  close(value('dmc/material/construction_minerals'), 140);
  close(value('ptb/material/construction_minerals'), 90);
  close(value('dmc/material/manufactured'), -25);
  close(value('ptb/material/wastes'), -20);
  assert.equal(got.has('dmi/energy'), false, 'DMI is a material indicator');
});

test('which indicators need statistics and which declared data suffice is stated on each', () => {
  const list = indicators(buildAccounts(EXAMPLE));
  const needs = new Map(list.map((i) => [i.id, i.needs]));
  assert.deepEqual(Object.fromEntries(needs), {
    local_loop_closure: 'declared',
    landfill_share: 'declared',
    incineration_share: 'declared',
    external_dependency: 'declared',
    local_secondary_input_share: 'declared',
    external_supply_concentration: 'declared',
    dmi: 'statistics',
    dmc: 'statistics',
    ptb: 'statistics',
  });
  for (const i of list) {
    assert.ok(i.definition.fr && i.definition.en && i.formula, indicatorKey(i));
    if (i.value === null) assert.ok(i.missing?.fr && i.missing.en, `${indicatorKey(i)} says why it is missing`);
  }
  assert.equal(new Set(list.map(indicatorKey)).size, list.length, 'keys are unique');
});

test('DMI, DMC and PTB are null, saying why, when no extraction is entered', () => {
  const noExtraction: MetabolismInput = { flows: EXAMPLE.flows, aggregates: EXAMPLE.aggregates.filter((a) => a.kind !== 'extraction') };
  const got = byKey(indicators(buildAccounts(noExtraction)));
  for (const id of ['dmi', 'dmc', 'ptb']) {
    const i = got.get(`${id}/material`);
    assert.equal(i?.value, null);
    assert.equal(i?.needs, 'statistics');
    assert.match(i?.missing?.fr ?? '', /extraction intérieure/);
  }
  // Declared-data indicators are unchanged.
  assert.equal(got.get('local_loop_closure/material')?.value, 40);
});

test('a territory of five flows: loop closure 40 %, landfill 40 %, incineration 20 %, by family', () => {
  const list = indicators(
    buildAccounts({
      flows: [
        output('a', 'material.biowaste', 8, 't', { mode: 'composting', local: true }),
        output('b', 'material.biowaste', 2, 't', { mode: 'landfill' }),
        output('c', 'material.wood', 2, 't', null, '150103'),
        output('d', 'material.plastics', 6, 't', { mode: 'landfill' }),
        output('e', 'material.plastics', 4, 't', { mode: 'incineration' }),
      ],
      aggregates: [aggregate('hh', 'output', 'wastes', 0, 't', { destination: 'landfill' })],
    }),
  );
  const got = byKey(list);
  // Known: 8 + 2 + 6 + 4 = 20 t (c has a waste code but no fate: unknown).
  assert.equal(got.get('local_loop_closure/material')?.value, 40);
  assert.equal(got.get('landfill_share/material')?.value, 40);
  assert.equal(got.get('incineration_share/material')?.value, 20);
  assert.equal(got.get('local_loop_closure/material/wastes')?.value, 40);
  assert.equal(got.get('local_loop_closure/material')?.coverage, 20 / 22);
});

test('indicators come in a fixed order: layer, indicator, the whole layer before each family', () => {
  const list = indicators(buildAccounts(EXAMPLE));
  assert.equal(indicatorKey(list[0] as Indicator), 'local_loop_closure/material');
  assert.equal(indicatorKey(list[1] as Indicator), 'local_loop_closure/material/agrifood');
  assert.equal(list.length, 3 * 6 * 6 + 3 * 6);
  assert.deepEqual([...new Set(list.map((i) => i.layer))], ['material', 'energy', 'water']);
});

test('an input aggregate with a partner counts in the concentration of external supply', () => {
  const got = byKey(
    indicators(
      buildAccounts({
        flows: [input('x', 'material.agrifood_byproducts', 75, 't', { recycled: false, local: false, partner: 'P1' })],
        aggregates: [
          aggregate('food', 'input', 'agrifood', 25, 't', { origin: 'external', partner: 'P2' }),
          aggregate('other', 'input', 'agrifood', 100, 't', { origin: 'external' }),
        ],
      }),
    ),
  );
  // Shares among known partners: 75 %, 25 % → 5625 + 625 = 6250; coverage 100 / 200.
  assert.equal(got.get('external_supply_concentration/material/agrifood')?.value, 6250);
  assert.equal(got.get('external_supply_concentration/material/agrifood')?.coverage, 0.5);
});
