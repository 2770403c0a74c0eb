import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annualBaseQuantity, convert, type PeriodDefinition, type UnitDefinition, type UnitTable } from './units.js';

const units: UnitDefinition[] = [
  { code: 't', dimension: 'mass', toBase: 1, labelFr: 'tonne', labelEn: 'tonne' },
  { code: 'kg', dimension: 'mass', toBase: 0.001, labelFr: 'kilogramme', labelEn: 'kilogram' },
  { code: 'kWh', dimension: 'energy', toBase: 0.001, labelFr: 'kilowattheure', labelEn: 'kilowatt-hour' },
];
const periods: PeriodDefinition[] = [
  { code: 'year', perYear: 1 },
  { code: 'month', perYear: 12 },
  { code: 'once', perYear: null },
];
const table: UnitTable = {
  unit: (c) => units.find((u) => u.code === c),
  period: (c) => periods.find((p) => p.code === c),
};

test('kilograms convert to tonnes', () => {
  assert.equal(convert(2500, 'kg', 't', table), 2.5);
});

test('a mass cannot be converted into an energy', () => {
  assert.throws(() => convert(1, 't', 'kWh', table), /cannot convert mass/);
});

test('an unknown unit is refused by name', () => {
  assert.throws(() => convert(1, 'lb', 't', table), /unknown unit lb/);
});

test('a monthly quantity in kilograms becomes tonnes per year', () => {
  assert.deepEqual(annualBaseQuantity({ value: 500, unit: 'kg', period: 'month' }, table), { value: 6, unit: 't', dimension: 'mass' });
});

test('a one-off quantity has no yearly rate', () => {
  assert.equal(annualBaseQuantity({ value: 3, unit: 't', period: 'once' }, table), null);
});
