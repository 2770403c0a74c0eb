import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { rejectedWorkbook } from './rejected.js';

test('the rejected rows of a sheet as wide as a spreadsheet still make a workbook, with the errors in its last column', async () => {
  const headers = ['id_acteur', 'raison_sociale', 'type', ...Array.from({ length: 16_381 }, () => '')];
  const cells = ['A1', null, 'entreprise', ...Array.from({ length: 16_380 }, () => null), 'tout au bout'];
  assert.equal(headers.length, 16_384);
  const file = await rejectedWorkbook({ acteurs: { headers, rows: [{ row: 2, cells, errors: 'raison_sociale : obligatoire' }] } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('acteurs');
  const row = ws?.getRow(2).values as unknown[];
  // The empty columns are left out; the value at XFD is kept, then the errors.
  assert.deepEqual(
    row.filter((v) => v !== undefined),
    ['A1', 'entreprise', 'tout au bout', 'raison_sociale : obligatoire'],
  );
});
