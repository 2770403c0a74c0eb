import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../synergy/synthetic.js';
import { buildAccounts } from './families-data.test.js';
import { syntheticMetabolismInput } from './synthetic.js';

test('the synthetic territory is deterministic for a seed and its quantities are in base units', () => {
  const a = syntheticMetabolismInput(500, seededRandom(3));
  assert.deepEqual(syntheticMetabolismInput(500, seededRandom(3)), a);
  assert.notDeepEqual(syntheticMetabolismInput(500, seededRandom(4)), a);
  assert.ok(a.flows.length >= 2000);
  for (const f of a.flows) {
    if (!f.annualQuantity) continue;
    const { unit } = f.annualQuantity;
    assert.ok(['t', 'MWh', 'm3', 'unit'].includes(unit));
    if (f.resourceCode.startsWith('water')) assert.equal(unit, 'm3');
    if (f.resourceCode.startsWith('energy.heat')) assert.equal(unit, 'MWh');
    if (f.resourceCode.startsWith('material')) assert.equal(unit, 't');
    if (f.direction === 'output') assert.equal(f.currentOrigin, null);
    else assert.equal(f.currentFate, null);
  }
  const accounts = buildAccounts(a);
  for (const layer of ['material', 'energy', 'water'] as const)
    assert.ok(accounts.layers[layer].totals.inputs.value > 0 && accounts.layers[layer].totals.outputs.value > 0, layer);
  assert.ok(accounts.layers.material.counted.extractionAggregates > 0);
  assert.ok(
    accounts.notCounted.some((x) => x.reason === 'unit_not_in_a_layer') && accounts.notCounted.some((x) => x.reason === 'no_quantity'),
  );
});
