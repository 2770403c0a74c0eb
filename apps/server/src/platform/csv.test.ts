import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elementToRow, parseNumber, sheetSpec } from '@boucles/engine';
import { parse } from 'csv-parse/sync';
import { csvField, frenchNumber, sheetToCsv } from './csv.js';

function text(buffer: Buffer): string {
  return buffer.toString('utf8');
}

test('a CSV export starts with the UTF-8 byte-order mark and the French headers, separated by semicolons', () => {
  const csv = sheetToCsv('sites', []);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(
    text(csv),
    `\ufeff${sheetSpec('sites')
      .columns.map((c) => c.header)
      .join(';')}\r\n`,
  );
});

test('every line ends with CRLF and the extra column comes last', () => {
  const csv = text(
    sheetToCsv('besoins', [['N1', 'A1', 'achats', 'Cartons', null, null, null, null, 'catégorie inconnue']], { header: 'erreurs' }),
  );
  const lines = csv.split('\r\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');
  assert.ok(lines[0]?.endsWith(';periode;erreurs'));
  assert.equal(lines[1], 'N1;A1;achats;Cartons;;;;;catégorie inconnue');
  assert.ok(!csv.replace(/\r\n/g, '').includes('\n'));
});

test('a field with a semicolon, a quote, a line break or outer spaces is quoted, with quotes doubled', () => {
  assert.equal(csvField('Dupont; fils'), '"Dupont; fils"');
  assert.equal(csvField('Le "Bois" joli'), '"Le ""Bois"" joli"');
  assert.equal(csvField('ligne 1\nligne 2'), '"ligne 1\nligne 2"');
  assert.equal(csvField(' espace'), '" espace"');
  assert.equal(csvField('espace '), '"espace "');
  assert.equal(csvField('Scierie du Val'), 'Scierie du Val');

  const row = elementToRow(sheetSpec('acteurs'), { externalId: 'A1', name: 'Dupont; "père" & fils', kind: 'company' });
  const csv = text(sheetToCsv('acteurs', [row]));
  assert.match(csv, /\r\nA1;;"Dupont; ""père"" & fils";;entreprise;;;;;\r\n$/);
  // A standard reader gives back the same fields.
  const records = parse(csv.slice(1), { delimiter: ';' }) as string[][];
  assert.equal(records[1]?.[2], 'Dupont; "père" & fils');
  assert.equal(records[1]?.length, sheetSpec('acteurs').columns.length);
});

test('numbers are written with a decimal comma that the importer reads back', () => {
  assert.equal(csvField(120.5), '120,5');
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField(0), '0');
  assert.equal(frenchNumber(1e21), '1000000000000000000000');
  assert.equal(frenchNumber(1.5e-7), '0,00000015');
  assert.equal(frenchNumber(Number.NaN), '');
  for (const n of [120.5, -3, 50.6292, 1e21, 1.5e-7, 3.0573]) assert.equal(parseNumber(frenchNumber(n)), n);

  const csv = text(sheetToCsv('sites', [['S1', 'A1', 'Site', null, '59350', 50.6292, 3.0573, null, null]]));
  assert.match(csv, /\r\nS1;A1;Site;;59350;50,6292;3,0573;;\r\n$/);
});

test('null and missing cells are empty fields, and a commune code keeps its leading zero', () => {
  const csv = text(sheetToCsv('sites', [['S1', 'A1', 'Site', null, '01001']]));
  assert.ok(csv.endsWith('\r\nS1;A1;Site;;01001;;;;\r\n'));
});

test('a text that a spreadsheet would run as a formula gets a leading apostrophe, a negative number does not', () => {
  assert.equal(csvField('=HYPERLINK("http://x.example","clic")'), '"\'=HYPERLINK(""http://x.example"",""clic"")"');
  assert.equal(csvField('+33 3 00 00 00 00'), "'+33 3 00 00 00 00");
  assert.equal(csvField('-20 % de déchets'), "'-20 % de déchets");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('\tcmd'), "'\tcmd");
  assert.equal(csvField('\r=1'), '"\'\r=1"');
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField(-0.5), '-0,5');
  assert.equal(csvField('a=b'), 'a=b');

  const csv = text(sheetToCsv('flux', [['F1', 'S1', 'sortant', 'material.wood.clean', null, '=1+1', -3]]));
  assert.match(csv, /\r\nF1;S1;sortant;material\.wood\.clean;;'=1\+1;-3;/);
});
