import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { readXlsx } from './read.js';
import { DEFAULT_LIMITS } from './types.js';
import { columnIndex } from './xlsx-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'boucles-xlsx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('cell references give their column: A is 0, Z is 25, AA is 26, XFD is the last', () => {
  assert.equal(columnIndex('A1'), 0);
  assert.equal(columnIndex('Z9'), 25);
  assert.equal(columnIndex('AA10'), 26);
  assert.equal(columnIndex('XFD1048576'), 16_383);
});

// Characters of two and three bytes in UTF-8 (é, —, «, œ, €). Four-byte ones (emoji) are left out:
// ExcelJS's writer itself garbles them now and then, so the file would be wrong before we read it.
test('accented text survives however the XML is cut into chunks', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('flux');
  ws.addRow(['libelle', 'n']);
  const labels = Array.from({ length: 20_000 }, (_, i) => `Déchets n° ${i} — « éè àç ÿœ » € ${'é'.repeat(i % 7)}`);
  labels.forEach((l, i) => ws.addRow([l, i]));
  const path = join(dir, 'accents.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  const read: string[] = [];
  for await (const row of readXlsx(path, DEFAULT_LIMITS)) if (row.row > 1) read.push(String(row.cells[0]));
  assert.equal(read.length, labels.length);
  assert.deepEqual(read, labels);
});

test('rows keep their spreadsheet numbers, cells their columns, across gaps', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('acteurs');
  ws.getCell('A1').value = 'id_acteur';
  ws.getCell('C1').value = 'type';
  ws.getCell('A5').value = 'A5';
  ws.getCell('C5').value = true;
  const path = join(dir, 'gaps.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  const rows = [];
  for await (const row of readXlsx(path, DEFAULT_LIMITS)) rows.push(row);
  assert.deepEqual(
    rows.map((r) => [r.row, r.cells]),
    [
      [1, ['id_acteur', null, 'type']],
      [5, ['A5', null, true]],
    ],
  );
});
