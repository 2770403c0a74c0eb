// The families of the reference data (packages/reference-data/data/metabolism-families.json), read
// by the tests: the engine itself is given them and holds no copy.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAccounts as build, type Accounts } from './accounts.js';
import { interdependencies as interdependenciesWith, type InterdependencyResult, type TerritoryMetabolism } from './interdependencies.js';
import type { FamilyMapping, MetabolismInput } from './types.js';

export const FAMILIES_DATA = JSON.parse(
  readFileSync(new URL('../../../reference-data/data/metabolism-families.json', import.meta.url), 'utf8'),
) as FamilyMapping;

/** `buildAccounts` with the shipped families unless others are given. */
export function buildAccounts(input: MetabolismInput, families: FamilyMapping = FAMILIES_DATA): Accounts {
  return build(input, families);
}

export function interdependencies(
  territories: readonly TerritoryMetabolism[],
  families: FamilyMapping = FAMILIES_DATA,
): InterdependencyResult {
  return interdependenciesWith(territories, families);
}

test('the shipped families file has a family for every prefix it lists', () => {
  assert.ok(FAMILIES_DATA.prefixes.length > 10);
});
