import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAccounts } from './families-data.test.js';
import { massBalance } from './balance.js';
import { aggregate, EXAMPLE, input, output } from './testing.js';

test('a balanced layer passes: inputs + extraction equal outputs + stock change', () => {
  const balance = massBalance(
    buildAccounts({
      flows: [input('in', 'material.wood', 70, 't', null), output('out', 'material.wood', 95, 't', { mode: 'recycling', local: true })],
      aggregates: [aggregate('de', 'extraction', 'manufactured', 30, 't'), aggregate('stock', 'stock_change', 'manufactured', 5, 't')],
    }),
  );
  const m = balance.material;
  assert.equal(m.entering.value, 100);
  assert.equal(m.leaving.value, 100);
  assert.equal(m.imbalance.value, 0);
  assert.equal(m.side, 'balanced');
  assert.equal(m.relativeImbalance, 0);
  assert.equal(m.exceedsTolerance, false);
  assert.equal(balance.energy.side, 'balanced', 'an empty layer is balanced');
  assert.equal(balance.energy.relativeImbalance, null);
});

test('an unbalanced layer reports the exact imbalance, its side and that it exceeds the tolerance', () => {
  const m = massBalance(buildAccounts(EXAMPLE)).material;
  // Entering: inputs 130 + extraction 50 = 180 t. Leaving: outputs 140 + stock 5 = 145 t.
  assert.equal(m.entering.value, 180);
  assert.equal(m.leaving.value, 145);
  assert.equal(m.imbalance.value, 35);
  assert.equal(m.imbalance.unit, 't');
  assert.equal(m.side, 'entering');
  assert.equal(m.relativeImbalance, 35 / 180);
  assert.equal(m.exceedsTolerance, true);
  assert.match(m.message.fr, /dépassent les sorties .* de 35 t \(19,44 %\), au-delà de la tolérance de 1 %/);
  assert.match(m.message.en, /by 35 t \(19.44%\), beyond the 1% tolerance/);
  const energy = massBalance(buildAccounts(EXAMPLE)).energy;
  assert.equal(energy.imbalance.value, 100);
  assert.equal(energy.side, 'entering');
});

test('outputs exceeding inputs are reported on the leaving side, and the tolerance can be set', () => {
  const accounts = buildAccounts({
    flows: [input('in', 'water.process', 1000, 'm3', null), output('out', 'water.process', 1008, 'm3', { mode: 'other' })],
    aggregates: [],
  });
  const w = massBalance(accounts).water;
  assert.equal(w.imbalance.value, -8);
  assert.equal(w.side, 'leaving');
  assert.equal(w.relativeImbalance, 8 / 1008);
  assert.equal(w.exceedsTolerance, false, '0.79 % is within 1 %');
  assert.match(w.message.fr, /les sorties .* dépassent les entrées .* de 8 m3/);
  assert.equal(massBalance(accounts, { tolerance: 0.005 }).water.exceedsTolerance, true);
  assert.throws(() => massBalance(accounts, { tolerance: -1 }));
});
