import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interdependencyTable, type InterdependencyRow } from './interdependencies.js';
import { interdependencies } from './families-data.test.js';
import { aggregate, input, output } from './testing.js';

/**
 * A sends B 50 t of waste (recycled in B) and 30 t of agrifood products (an output aggregate); B
 * declares receiving 45 t of waste (an input aggregate) and 25 t of agrifood products (a flow),
 * besides 75 t of local agrifood inputs. B sends A 20 MWh of heat, which A does not declare (A
 * declares 80 MWh of local heat). A also sends 7 t to C, which is not in the set.
 */
const A = {
  code: 'A',
  name: 'Communauté A',
  input: {
    flows: [
      output('a-o1', 'material.wood.treated', 50, 't', { mode: 'recycling', local: false, partner: 'B' }),
      output('a-o2', 'material.wood.treated', 7, 't', { mode: 'recycling', local: false, partner: 'C' }),
      output('a-o3', 'material.wood.treated', 3, 't', { mode: 'recycling', local: true, partner: 'A' }),
      input('a-i1', 'energy.heat.low', 80, 'MWh', { recycled: false, local: true }),
      input('a-i2', 'packaging.pallets', 10, 'unit', { recycled: false, local: false, partner: 'B' }),
    ],
    aggregates: [aggregate('a-agg', 'output', 'agrifood', 30, 't', { partner: 'B' })],
  },
};
const B = {
  code: 'B',
  name: 'Communauté B',
  input: {
    flows: [
      input('b-i1', 'material.agrifood_byproducts.vegetable', 25, 't', { recycled: false, local: false, partner: 'A' }),
      input('b-i2', 'material.agrifood_byproducts.vegetable', 75, 't', { recycled: false, local: true }),
      output('b-o1', 'energy.heat.low', 20, 'MWh', { mode: 'energy_recovery', local: false, partner: 'A' }),
    ],
    aggregates: [aggregate('b-agg', 'input', 'wastes', 45, 't', { origin: 'external', partner: 'A' })],
  },
};

test('flows crossing two territories are kept apart by who declares them, with the gap and the dependency', () => {
  const result = interdependencies([A, B]);
  const row = (from: string, to: string, layer: string, family: string | null): InterdependencyRow | undefined =>
    result.rows.find((r) => r.from === from && r.to === to && r.layer === layer && r.family === family);
  // A → B, wastes: 50 declared by A, 45 by B; B's waste inputs 45 → 50 / (45 − 45 + 50) = 100 %.
  assert.deepEqual(row('A', 'B', 'material', 'wastes'), {
    from: 'A',
    to: 'B',
    layer: 'material',
    unit: 't',
    family: 'wastes',
    declaredBySource: 50,
    declaredByDestination: 45,
    gap: 5,
    retained: 50,
    destinationInputs: 45,
    dependency: 100,
  });
  // A → B, agrifood: 30 by A, 25 by B; B's agrifood inputs 100 → 30 / (100 − 25 + 30) = 28.57 %.
  const agrifood = row('A', 'B', 'material', 'agrifood');
  assert.equal(agrifood?.gap, 5);
  assert.equal(agrifood?.retained, 30);
  assert.equal(agrifood?.destinationInputs, 100);
  assert.equal(agrifood?.dependency, (100 * 30) / 105);
  // A → B, all families: 80 by A, 70 by B; B's inputs 145 → 80 / (145 − 70 + 80) = 51.6 %.
  const all = row('A', 'B', 'material', null);
  assert.equal(all?.declaredBySource, 80);
  assert.equal(all?.declaredByDestination, 70);
  assert.equal(all?.gap, 10);
  assert.equal(all?.dependency, (100 * 80) / 155);
  // B → A, energy: 20 MWh declared by B only; A's energy inputs 80 (energy carriers, local).
  const heat = row('B', 'A', 'energy', null);
  assert.equal(heat?.declaredBySource, 20);
  assert.equal(heat?.declaredByDestination, 0);
  assert.equal(heat?.gap, 20);
  assert.equal(heat?.dependency, 20, '20 / (80 − 0 + 20)');
  // Heat let go is not waste: it keeps its resource's family, energy carriers, as A's heat input.
  assert.equal(row('B', 'A', 'energy', 'energy_carriers')?.dependency, 20, '20 / (80 − 0 + 20), in the family of both sides');
  assert.equal(row('B', 'A', 'material', null), undefined);
  assert.deepEqual(
    result.rows.map((r) => `${r.from}>${r.to}/${r.layer}/${r.family ?? '*'}`),
    ['A>B/material/*', 'A>B/material/agrifood', 'A>B/material/wastes', 'B>A/energy/*', 'B>A/energy/energy_carriers'],
  );

  // Matrices: the larger of the two declarations; partners outside the set (C) and oneself ignored.
  assert.deepEqual(result.matrices.material.codes, ['A', 'B']);
  assert.deepEqual(result.matrices.material.values, [
    [0, 80],
    [0, 0],
  ]);
  assert.deepEqual(result.matrices.energy.values, [
    [0, 0],
    [20, 0],
  ]);
  assert.deepEqual(result.matrices.water.values, [
    [0, 0],
    [0, 0],
  ]);
  assert.match(result.matrices.material.basis.fr, /la plus grande des deux déclarations/);
  assert.deepEqual(result.notCounted, [{ territory: 'A', kind: 'flow', id: 'a-i2', reason: 'unit_not_in_a_layer' }]);
});

test('the interdependency table has French headers and one row per pair, layer and family', () => {
  const table = interdependencyTable(interdependencies([A, B]));
  assert.equal(table.columns[0], "Territoire d'origine (code)");
  assert.ok(table.columns.includes('Écart (origine − destination)'));
  assert.ok(table.columns.includes('Dépendance de la destination (%)'));
  assert.equal(table.rows.length, 5);
  assert.deepEqual(table.rows[0], [
    'A',
    'Communauté A',
    'B',
    'Communauté B',
    'Matières',
    't',
    'Toutes familles',
    80,
    70,
    10,
    80,
    145,
    (100 * 80) / 155,
  ]);
  for (const r of table.rows) assert.equal(r.length, table.columns.length);
});

test('a territory given twice is refused', () => {
  assert.throws(() => interdependencies([A, A]), /given twice/);
});
