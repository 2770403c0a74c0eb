import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkActorReferences,
  checkFlowReferences,
  checkSiteReferences,
  checkTerritoryReferences,
  unitsFor,
  type ReferenceLookup,
  type ResourceClass,
} from './references.js';
import type { FlowInput } from './records/index.js';
import type { PeriodDefinition, UnitDefinition } from './units.js';

// A small hand-made catalogue: the engine is tested without the real reference files.
const resources: ResourceClass[] = [
  {
    code: 'material.wood.clean',
    parent: 'material.wood',
    family: 'material',
    labelFr: 'Bois',
    labelEn: 'Wood',
    dimension: 'mass',
    defaultUnit: 't',
    wasteCodes: ['030105'],
  },
  {
    code: 'energy.heat.medium',
    parent: 'energy.heat',
    family: 'energy',
    labelFr: 'Chaleur 60–90 °C',
    labelEn: 'Heat 60–90 °C',
    dimension: 'energy',
    defaultUnit: 'MWh',
    wasteCodes: [],
    temperatureC: { min: 60, max: 90 },
  },
  {
    code: 'packaging.pallets',
    parent: 'packaging',
    family: 'packaging',
    labelFr: 'Palettes',
    labelEn: 'Pallets',
    dimension: 'count',
    defaultUnit: 'unit',
    wasteCodes: [],
  },
];
const units: UnitDefinition[] = [
  { code: 't', dimension: 'mass', toBase: 1, labelFr: 't', labelEn: 't' },
  { code: 'MWh', dimension: 'energy', toBase: 1, labelFr: 'MWh', labelEn: 'MWh' },
  { code: 'unit', dimension: 'count', toBase: 1, labelFr: 'unité', labelEn: 'unit' },
];
const periods: PeriodDefinition[] = [{ code: 'year', perYear: 1 }];
const ref: ReferenceLookup = {
  unit: (c) => units.find((u) => u.code === c),
  period: (c) => periods.find((p) => p.code === c),
  nafCode: (c) => (c === '16.10A' ? { code: c, label: 'Sciage et rabotage du bois' } : undefined),
  wasteCode: (c) =>
    c === '030105'
      ? { code: c, hazardous: false, labelFr: 'sciure', labelEn: 'sawdust' }
      : c === '030104'
        ? { code: c, hazardous: true, labelFr: 'sciure dangereuse', labelEn: 'hazardous sawdust' }
        : undefined,
  resource: (c) => resources.find((r) => r.code === c),
  wasteOperation: (c) => (['R1', 'R3', 'D1'].includes(c) ? { code: c } : undefined),
  headcountBand: (c) => (['00', '11'].includes(c) ? { code: c } : undefined),
  commune: (c) => (['59350', '59009'].includes(c) ? { code: c, name: c } : undefined),
  territoryCommunes: (level, code) => (level === 'epci' && code === '200093201' ? ['59350', '59009'] : undefined),
};

const flow = (over: Partial<FlowInput>): FlowInput => ({
  siteId: '0d9c6a39-0d59-4c8e-9c1b-6c3cde7a1a11',
  direction: 'output',
  resourceCode: 'material.wood.clean',
  label: 'Sciure',
  ...over,
});

test('an unknown NAF code and an unknown headcount band are reported', () => {
  const issues = checkActorReferences({ name: 'Scierie', kind: 'company', nafCode: '99.99Z', headcountBand: '99' }, ref);
  assert.deepEqual(
    issues.map((i) => [i.path, i.code]),
    [
      ['nafCode', 'unknown_naf_code'],
      ['headcountBand', 'unknown_headcount_band'],
    ],
  );
});

test('a known NAF code passes', () => {
  assert.deepEqual(checkActorReferences({ name: 'Scierie', kind: 'company', nafCode: '16.10A' }, ref), []);
});

test('an unknown waste code, resource code, unit and operation code are each reported on their field', () => {
  const issues = checkFlowReferences(
    flow({
      resourceCode: 'material.unobtainium',
      wasteCode: '999999',
      quantity: { value: 3, unit: 'lb', period: 'year' },
      currentFate: { mode: 'recycling', operationCode: 'R12' },
    }),
    ref,
  );
  assert.deepEqual(
    issues.map((i) => i.path),
    ['resourceCode', 'wasteCode', 'quantity.unit', 'currentFate.operationCode'],
  );
});

test('a unit of the wrong kind for the resource is refused: heat is not counted in tonnes', () => {
  const issues = checkFlowReferences(flow({ resourceCode: 'energy.heat.medium', quantity: { value: 3, unit: 't', period: 'year' } }), ref);
  assert.deepEqual(
    issues.map((i) => i.code),
    ['unit_dimension_mismatch'],
  );
});

test('pallets may be counted or weighed', () => {
  assert.deepEqual(
    checkFlowReferences(flow({ resourceCode: 'packaging.pallets', quantity: { value: 3, unit: 't', period: 'year' } }), ref),
    [],
  );
  assert.deepEqual(
    checkFlowReferences(flow({ resourceCode: 'packaging.pallets', quantity: { value: 300, unit: 'unit', period: 'year' } }), ref),
    [],
  );
});

test('the units that fit a resource are those the checks accept: pallets counted or weighed, heat in MWh, none for an unknown class', () => {
  const codes = (resource: string, among: readonly UnitDefinition[] = units) => unitsFor(resource, among, ref).map((u) => u.code);
  assert.deepEqual(codes('packaging.pallets'), ['t', 'unit']);
  assert.deepEqual(codes('energy.heat.medium'), ['MWh']);
  assert.deepEqual(codes('material.unobtainium'), []);
  assert.deepEqual(
    codes('material.wood.clean', [{ code: 'lb', dimension: 'mass', toBase: 0.00045, labelFr: 'lb', labelEn: 'lb' }, ...units]),
    ['t'],
    'a unit the reference data does not know fits nothing',
  );
  for (const r of resources) {
    for (const u of units) {
      const accepted =
        checkFlowReferences(
          flow({ resourceCode: r.code, quantity: { value: 1, unit: u.code, period: 'year' }, quality: { temperatureC: 65 } }),
          ref,
        ).length === 0;
      assert.equal(codes(r.code).includes(u.code), accepted, `${r.code} in ${u.code}`);
    }
  }
});

test('heat at 65 °C fits the 60–90 °C band; 95 °C does not', () => {
  assert.deepEqual(checkFlowReferences(flow({ resourceCode: 'energy.heat.medium', quality: { temperatureC: 65 } }), ref), []);
  const issues = checkFlowReferences(flow({ resourceCode: 'energy.heat.medium', quality: { temperatureC: 95 } }), ref);
  assert.deepEqual(
    issues.map((i) => i.code),
    ['temperature_outside_band'],
  );
});

test('a hazardous waste code cannot be declared non-hazardous', () => {
  const issues = checkFlowReferences(flow({ wasteCode: '030104', quality: { hazardous: false } }), ref);
  assert.deepEqual(
    issues.map((i) => i.path),
    ['quality.hazardous'],
  );
});

test('a site must be in a commune of its territory', () => {
  const communes = new Set(['59350']);
  assert.deepEqual(checkSiteReferences({ communeCode: '59350' }, communes, ref), []);
  assert.deepEqual(
    checkSiteReferences({ communeCode: '59009' }, communes, ref).map((i) => i.code),
    ['commune_outside_territory'],
  );
  assert.deepEqual(
    checkSiteReferences({ communeCode: '75056' }, communes, ref).map((i) => i.code),
    ['unknown_commune'],
  );
});

test('an administrative territory must exist in the COG; its communes must too', () => {
  assert.deepEqual(checkTerritoryReferences({ level: 'epci', code: '200093201', communes: undefined }, ref), []);
  assert.deepEqual(
    checkTerritoryReferences({ level: 'epci', code: '123456789', communes: undefined }, ref).map((i) => i.code),
    ['unknown_territory_code'],
  );
  assert.deepEqual(
    checkTerritoryReferences({ level: 'custom', code: 'P', communes: ['59350', '00000'] }, ref).map((i) => i.path),
    ['communes[1]'],
  );
});
