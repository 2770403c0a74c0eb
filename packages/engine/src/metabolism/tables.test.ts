import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAccounts } from './families-data.test.js';
import { massBalance } from './balance.js';
import { indicators } from './indicators.js';
import { applySynergies, compareScenario } from './scenario.js';
import { accountsTable, indicatorsTable, massBalanceTable, notCountedTable, resourcesTable, scenarioTable } from './tables.js';
import { EXAMPLE } from './testing.js';

test('the export tables have French headers and rows as wide as their columns', () => {
  const accounts = buildAccounts(EXAMPLE);
  const list = indicators(accounts);
  const after = indicators(
    buildAccounts(applySynergies(EXAMPLE, [{ outputFlowId: 'o4', inputFlowId: 'i2', quantity: 10, unit: 't' }]).input),
  );
  const tables = {
    accounts: accountsTable(accounts),
    resources: resourcesTable(accounts),
    notCounted: notCountedTable(accounts),
    indicators: indicatorsTable(list),
    balance: massBalanceTable(massBalance(accounts)),
    scenario: scenarioTable(compareScenario(list, after)),
  };
  for (const [name, t] of Object.entries(tables)) {
    assert.ok(t.rows.length > 0, name);
    for (const row of t.rows) assert.equal(row.length, t.columns.length, name);
  }
  assert.deepEqual(tables.accounts.columns, ['Couche', 'Unité', 'Poste', 'Famille', 'Origine ou destination', 'Quantité annuelle']);
  assert.deepEqual(
    tables.accounts.rows.filter((r) => r[2] === 'Intrants' && r[3] === 'Total'),
    [
      ['Matières', 't', 'Intrants', 'Total', 'Total', 130],
      ['Énergie', 'MWh', 'Intrants', 'Total', 'Total', 100],
      ['Eau', 'm3', 'Intrants', 'Total', 'Total', 0],
    ],
  );
  assert.ok(tables.accounts.rows.some((r) => r.join('|') === 'Matières|t|Sorties|Déchets et sous-produits|Valorisé sur le territoire|40'));
  assert.equal(tables.indicators.rows.length, list.length);
  assert.equal(tables.indicators.columns[0], 'Indicateur');
  assert.deepEqual(tables.indicators.rows[0]?.slice(0, 6), [
    'Taux de bouclage local',
    'local_loop_closure',
    'Matières',
    'Toutes familles',
    40,
    '%',
  ]);
  assert.deepEqual(tables.balance.rows[0]?.slice(0, 12), ['Matières', 't', 130, 50, 140, 5, 180, 145, 35, 100 * (35 / 180), 1, 'oui']);
  assert.deepEqual(
    tables.notCounted.rows.map((r) => r[1]),
    ['i6', 'i7'],
  );
  assert.ok(
    tables.scenario.rows.some((r) => r[1] === 'local_loop_closure' && r[3] === 'Toutes familles' && r[2] === 'Matières' && r[7] === 10),
  );
});
