import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAccounts } from './families-data.test.js';
import { indicatorKey, indicators } from './indicators.js';
import { applySynergies, compareScenario, synergiesFromAnalysis } from './scenario.js';
import { EXAMPLE } from './testing.js';

test('one synergy of 10 t from landfill to a local receiver raises loop closure by exactly 10 points and lowers external dependency', () => {
  const before = indicators(buildAccounts(EXAMPLE));
  const snapshot = structuredClone(EXAMPLE);
  // o4: 20 t of mixed construction waste, landfilled; i2: 60 t of aggregates from EPCI-B.
  const result = applySynergies(EXAMPLE, [{ outputFlowId: 'o4', inputFlowId: 'i2', quantity: 10, unit: 't' }]);
  assert.deepEqual(EXAMPLE, snapshot, 'the input is not changed');
  assert.deepEqual(result.applied, [
    { outputFlowId: 'o4', inputFlowId: 'i2', layer: 'material', unit: 't', requested: 10, applied: 10, clamped: false },
  ]);
  assert.deepEqual(result.skipped, []);
  const accounts = buildAccounts(result.input);
  assert.equal(accounts.layers.material.outputs.wastes.landfill.value, 10);
  assert.equal(accounts.layers.material.outputs.wastes.recovery_inside.value, 50);
  assert.equal(accounts.layers.material.inputs.construction_minerals.external.value, 80);
  assert.equal(accounts.layers.material.inputs.construction_minerals.local.value, 40);
  assert.equal(accounts.layers.material.localRecycledInputs.construction_minerals.value, 10);

  const changes = new Map(compareScenario(before, indicators(accounts)).map((c) => [c.key, c]));
  // Loop closure: 40 / 100 → 50 / 100. Landfill: 20 % → 10 %.
  assert.deepEqual(
    ['before', 'after', 'delta'].map((k) => changes.get('local_loop_closure/material')?.[k as 'before']),
    [40, 50, 10],
  );
  assert.equal(changes.get('landfill_share/material')?.delta, -10);
  // External dependency of construction minerals: 90 / 120 = 75 % → 80 / 120.
  const dependency = changes.get('external_dependency/material/construction_minerals');
  assert.equal(dependency?.before, 75);
  assert.ok(Math.abs((dependency?.after as number) - (100 * 80) / 120) < 1e-12);
  assert.ok((dependency?.delta as number) < 0);
  assert.ok((changes.get('external_dependency/material')?.delta as number) < 0);
  // Concentration: EPCI-B 50, EPCI-C 30 → 62.5² + 37.5² = 5312.5.
  assert.equal(changes.get('external_supply_concentration/material/construction_minerals')?.after, 5312.5);
  // DMI falls by the 10 t no longer imported.
  assert.equal(changes.get('dmi/material')?.delta, -10);

  const ids = result.input.flows.map((f) => f.id);
  assert.deepEqual(
    ids.filter((id) => id.startsWith('o4') || id.startsWith('i2')),
    ['o4', 'o4#synergy-1', 'i2', 'i2#synergy-1'],
  );
  const part = result.input.flows.find((f) => f.id === 'o4#synergy-1');
  assert.deepEqual(part?.currentFate, { mode: 'reuse', local: true });
  assert.equal(part?.wasteCode, '170904');
});

test('synergies are clamped to what is left of both flows, in the order given', () => {
  const result = applySynergies(EXAMPLE, [
    { outputFlowId: 'o4', inputFlowId: 'i2', quantity: 15, unit: 't' },
    { outputFlowId: 'o4', inputFlowId: 'i3', quantity: 15, unit: 't' },
    { outputFlowId: 'o4', inputFlowId: 'i3', quantity: 1, unit: 't' },
  ]);
  assert.deepEqual(
    result.applied.map((a) => [a.inputFlowId, a.applied, a.clamped]),
    [
      ['i2', 15, false],
      ['i3', 5, true],
    ],
  );
  assert.deepEqual(
    result.skipped.map((s) => s.reason),
    ['nothing_left'],
  );
  // o4 wholly used: its first part keeps its ID.
  assert.deepEqual(
    result.input.flows.filter((f) => f.id.startsWith('o4')).map((f) => [f.id, f.annualQuantity?.value, f.currentFate?.local]),
    [
      ['o4', 15, true],
      ['o4#synergy-1', 5, true],
    ],
  );
  assert.equal(buildAccounts(result.input).layers.material.outputs.wastes.landfill.value, 0);
});

test('synergies between flows of other units, other layers or missing flows are skipped and reported', () => {
  const result = applySynergies(EXAMPLE, [
    { outputFlowId: 'o4', inputFlowId: 'i5', quantity: 10, unit: 't' },
    { outputFlowId: 'o4', inputFlowId: 'i6', quantity: 10, unit: 'unit' },
    { outputFlowId: 'o4', inputFlowId: 'i7', quantity: 10, unit: 't' },
    { outputFlowId: 'nope', inputFlowId: 'i2', quantity: 10, unit: 't' },
    { outputFlowId: 'i1', inputFlowId: 'i2', quantity: 10, unit: 't' },
    { outputFlowId: 'o4', inputFlowId: 'o5', quantity: 10, unit: 't' },
    { outputFlowId: 'o4', inputFlowId: 'i2', quantity: 10, unit: 'kg' },
    { outputFlowId: 'o4', inputFlowId: 'i2', quantity: 0, unit: 't' },
  ]);
  assert.deepEqual(
    result.skipped.map((s) => s.reason),
    [
      'unit_mismatch',
      'unit_not_in_a_layer',
      'no_quantity',
      'flow_not_found',
      'not_an_output',
      'not_an_input',
      'unit_mismatch',
      'invalid_quantity',
    ],
  );
  assert.equal(result.applied.length, 0);
  assert.deepEqual(result.input.flows, EXAMPLE.flows);
  for (const s of result.skipped) assert.ok(s.message.fr && s.message.en);
});

test('the synergies of an analysis with an allocated quantity become the scenario, in order', () => {
  const synergy = (
    outputFlowId: string,
    inputFlowId: string,
    allocation: { quantity: number; unit: string; benefitPerUnit: null } | { quantity: null; reason: { fr: string; en: string } },
  ) => ({ outputFlowId, inputFlowId, allocation }) as Parameters<typeof synergiesFromAnalysis>[0]['synergies'][number];
  assert.deepEqual(
    synergiesFromAnalysis({
      synergies: [
        synergy('o4', 'i2', { quantity: 10, unit: 't', benefitPerUnit: null }),
        synergy('o5', 'i2', { quantity: null, reason: { fr: '', en: '' } }),
        synergy('o1', 'i2', { quantity: 0, unit: 't', benefitPerUnit: null }),
      ],
    }),
    [{ outputFlowId: 'o4', inputFlowId: 'i2', quantity: 10, unit: 't' }],
  );
});

test('the comparison keeps indicators found on one side only, with a null delta', () => {
  const known = indicators(buildAccounts(EXAMPLE)).filter((i) => i.value !== null);
  const [a, b, c] = known;
  assert.ok(a && b && c);
  const rows = compareScenario([a, b], [b, c]);
  assert.deepEqual(
    rows.map((r) => [r.key, r.before, r.after, r.delta]),
    [
      [indicatorKey(a), a.value, null, null],
      [indicatorKey(b), b.value, b.value, 0],
      [indicatorKey(c), null, c.value, null],
    ],
  );
});
