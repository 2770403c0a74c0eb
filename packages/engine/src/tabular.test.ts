import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentFlowSchema } from './records/index.js';
import {
  checkHeaders,
  columnOfPath,
  elementToRow,
  parseBoolean,
  parseMonths,
  parseNumber,
  rowToElement,
  sheetSpec,
  SHEETS,
  type Cell,
} from './tabular.js';
import { parseBilingual } from './validation.js';

const flux = sheetSpec('flux');
const row = (entries: Record<string, Cell>) => new Map(Object.entries(entries));

test('numbers are read the French way and the English way', () => {
  assert.equal(parseNumber('1 234,5'), 1234.5);
  assert.equal(parseNumber('1.234,5'), 1234.5);
  assert.equal(parseNumber('1,234.5'), 1234.5);
  assert.equal(parseNumber('0,75'), 0.75);
  assert.equal(parseNumber(12), 12);
  assert.equal(parseNumber('douze'), undefined);
  assert.equal(parseNumber('12 t'), undefined);
});

test('yes and no are read in French and English', () => {
  assert.equal(parseBoolean('Oui'), true);
  assert.equal(parseBoolean('NON'), false);
  assert.equal(parseBoolean(true), true);
  assert.equal(parseBoolean('peut-être'), undefined);
});

test('months are read as ranges, lists and names, a range wrapping over the new year', () => {
  assert.deepEqual(parseMonths('1-12'), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.deepEqual(parseMonths('1;2;3'), [1, 2, 3]);
  assert.deepEqual(parseMonths('oct-mars'), [1, 2, 3, 10, 11, 12]);
  assert.deepEqual(parseMonths('octobre à mars'), [1, 2, 3, 10, 11, 12]);
  assert.deepEqual(parseMonths('janv., fév.'), [1, 2]);
  assert.deepEqual(parseMonths('juin - juillet'), [6, 7]);
  assert.deepEqual(parseMonths("Toute l'année"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.equal(parseMonths('13'), undefined);
  assert.equal(parseMonths('hiver'), undefined);
});

test('a flow row becomes a document element that passes the document schema', () => {
  const { element, issues } = rowToElement(
    flux,
    row({
      id_flux: 'F1',
      id_site: 'S1',
      sens: 'Sortant',
      code_ressource: 'material.wood.clean',
      code_dechet: '03 01 05',
      libelle: 'Sciure',
      quantite: '1 200,5',
      unite: 't',
      periode: 'an',
      mois_disponibles: 'oct-mars',
      dangereux: 'non',
      devenir_actuel: 'Valorisation énergétique',
      code_operation: 'R1',
      cout_eur: 20,
      cout_base: 'par unité',
      cout_nature: 'coût',
      confidentialite_cout: 'privé',
    }),
    2,
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(element.quantity, { value: 1200.5, unit: 't', period: 'year' });
  assert.equal(element.wasteCode, '030105');
  assert.equal(element.direction, 'output');
  assert.deepEqual(element.currentFate, { mode: 'energy_recovery', operationCode: 'R1' });
  assert.deepEqual(element.cost, { amountEur: 20, per: 'unit-of-quantity', kind: 'cost' });
  assert.deepEqual(element.confidentiality, { cost: 'private' });
  assert.equal(parseBilingual(documentFlowSchema, element).ok, true);
});

test('an unreadable cell is reported with its sheet, row, column and a French message', () => {
  const { issues } = rowToElement(flux, row({ id_site: 'S1', sens: 'dehors', quantite: 'beaucoup' }), 7);
  assert.deepEqual(
    issues.map((i) => [i.sheet, i.row, i.column, i.code]),
    [
      ['flux', 7, 'sens', 'invalid_value'],
      ['flux', 7, 'quantite', 'not_a_number'],
    ],
  );
  assert.match(issues[0]?.message.fr ?? '', /sortant, entrant/);
});

test('an element written as a row and read back is the same element', () => {
  for (const sheet of SHEETS) {
    const example = new Map(sheet.columns.map((c) => [c.header, c.example] as const));
    const { element, issues } = rowToElement(sheet, example, 2);
    assert.deepEqual(issues, [], sheet.name);
    const again = rowToElement(
      sheet,
      new Map(sheet.columns.map((c, i) => [c.header, elementToRow(sheet, element)[i] ?? null] as const)),
      2,
    );
    assert.deepEqual(again.element, element, sheet.name);
  }
});

test('months are written as ranges where they run on', () => {
  const spec = sheetSpec('flux');
  const col = spec.columns.findIndex((c) => c.header === 'mois_disponibles');
  const row = (months: number[]) => elementToRow(spec, { monthsAvailable: months })[col];
  assert.equal(row([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), '1-12');
  assert.equal(row([1, 2, 3, 10, 11, 12]), '1-3;10-12');
  assert.equal(row([3, 4, 6]), '3;4;6');
  assert.deepEqual(parseMonths(String(row([1, 2, 3, 10, 11, 12]))), [1, 2, 3, 10, 11, 12]);
});

test('document paths map back to their column', () => {
  assert.equal(columnOfPath(flux, 'quantity.unit'), 'unite');
  assert.equal(columnOfPath(flux, 'monthsAvailable[2]'), 'mois_disponibles');
  assert.equal(columnOfPath(flux, 'cost.per'), 'cout_base');
  assert.equal(columnOfPath(sheetSpec('sites'), 'location'), 'latitude');
});

test('headers are matched without accents or case; a missing required column is reported and an unknown one ignored', () => {
  const { columns, issues, ignored } = checkHeaders(sheetSpec('acteurs'), ['Raison sociale', 'SIRET', 'Commentaire']);
  assert.deepEqual([...columns.values()], ['raison_sociale', 'siret']);
  assert.deepEqual(ignored, ['Commentaire']);
  assert.deepEqual(
    issues.map((i) => [i.column, i.code]),
    [['type', 'missing_column']],
  );
});
