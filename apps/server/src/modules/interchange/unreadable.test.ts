// Hostile files end in a located "unreadable file" error — never in an exception that takes the
// process down (issue 12). Each test here crashed the process, or failed, before the readers
// were guarded and moved to a worker thread.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { zip, type ZipPart } from './fuzz-generators.js';
import { parseJsonText, readJsonInProcess } from './json-reader.js';
import { readCsv, readXlsx } from './read.js';
import { parseWorkersRunning, readJsonDocument, rowsOfFiles, stopIdleParseWorkers } from './source.js';
import { DEFAULT_LIMITS, UnreadableFileError, type RawRow, type ReadLimits } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'boucles-unreadable-'));
after(async () => {
  await stopIdleParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function all(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** Reads to the end and gives the UnreadableFileError; fails on rows or any other error. */
async function unreadable(rows: AsyncIterable<RawRow>): Promise<UnreadableFileError> {
  try {
    await all(rows);
  } catch (e) {
    assert.ok(e instanceof UnreadableFileError, `not an UnreadableFileError: ${String(e)}`);
    // No English library text in the French message.
    assert.doesNotMatch(e.fr, /Quote Not Closed|Max Record|Invalid|Unexpected|undefined entity|record exceed|no stream/);
    return e;
  }
  assert.fail('the file was read without an error');
}

const xlsxParts = (sheet: string, extra: ZipPart[] = [], workbook?: string): ZipPart[] => [
  { name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(workbook ?? '<workbook xmlns:r="r"><sheets><sheet name="acteurs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
  },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`) },
  ...extra,
];

test('the tiny CSV of the issue, whose quote is never closed, is an unreadable file at row 2, column B, read in this thread or in the worker', async () => {
  const path = file('bad.csv', 'siret;nom\n1;"x');
  for (const rows of [readCsv(path), rowsOfFiles([{ path }])]) {
    const e = await unreadable(rows);
    assert.match(e.fr, /^fichier « bad\.csv », ligne 2, colonne 2 \(B\) : un guillemet/);
    assert.match(e.en, /row 2, column 2 \(B\): a quote/);
    assert.deepEqual(e.location, { file: 'bad.csv', row: 2, column: 2 });
  }
});

test('a CSV cell of 2 MB and a 20 MB file without a line break are refused with their row and the limit', async () => {
  const cell = file('cellule.csv', `id_acteur;raison_sociale\nA1;${'x'.repeat(2 * 1024 * 1024)}\n`);
  const e1 = await unreadable(rowsOfFiles([{ path: cell, sheet: 'acteurs' }]));
  assert.match(e1.fr, /ligne 2 : la ligne dépasse 1638350 caractères/);
  const line = file('ligne.csv', 'a;'.repeat(10 * 1024 * 1024));
  const e2 = await unreadable(rowsOfFiles([{ path: line }]));
  assert.match(e2.fr, /ligne 1 : la ligne dépasse/);
});

test('a CSV row of more than 16,384 columns is refused with its row, and a cell beyond XFD in a workbook too', async () => {
  const csv = file('large.csv', `a;b\n${'x;'.repeat(16_384)}\n`);
  const e = await unreadable(rowsOfFiles([{ path: csv }]));
  assert.match(e.fr, /ligne 2 : la ligne a 16385 colonnes, plus que les 16384 d’un tableur/);

  const xlsx = file(
    'large.xlsx',
    zip(xlsxParts('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="XFE2"><v>1</v></c></row>')),
  );
  const e2 = await unreadable(rowsOfFiles([{ path: xlsx }]));
  assert.match(e2.fr, /feuille « acteurs », ligne 2 : une cellule \(« XFE2 »\) est au-delà de la colonne 16384/);
});

test('a cell longer than the limit is a problem of its row, in a CSV file and a workbook, not a silent cut', async () => {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, maxCellLength: 10 };
  const csv = file('long.csv', 'a;b\n1;abcdefghijklmnop\n');
  const [, row] = await all(readCsv(csv, undefined, limits));
  assert.deepEqual(row?.cells, ['1', null]);
  assert.equal(row?.problems[0]?.column, 1);
  assert.match(row?.problems[0]?.fr ?? '', /plus de 10 caractères/);

  const xlsx = file(
    'long.xlsx',
    zip(xlsxParts('<row r="1"><c r="A1" t="inlineStr"><is><t>abcdefghijklmnop</t></is></c><c r="B1"><v>1</v></c></row>')),
  );
  const [first] = await all(readXlsx(xlsx, limits));
  assert.deepEqual(first?.cells, [null, 1]);
  assert.match(first?.problems[0]?.fr ?? '', /plus de 10 caractères/);
});

test('a NUL character inside a CSV cell is a problem of its row, never sent to the database', async () => {
  const path = file('nul.csv', Buffer.concat([Buffer.from(`a;b\n${'x;y\n'.repeat(20_000)}1;a`), Buffer.from([0]), Buffer.from('b\n')]));
  const rows = await all(readCsv(path));
  const last = rows.at(-1);
  assert.deepEqual(last?.cells, ['1', null]);
  assert.match(last?.problems[0]?.fr ?? '', /caractère nul/);
});

test('a reader that runs out of heap ends its worker only, and the import gets an unreadable-file error', async () => {
  const strings = Array.from({ length: 2000 }, (_, i) => `<si><t>${String(i).padEnd(30_000, 'é')}</t></si>`).join('');
  const path = file(
    'lourd.xlsx',
    zip(
      xlsxParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [
        { name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst>${strings}</sst>`) },
      ]),
    ),
  );
  const e = await unreadable(rowsOfFiles([{ path }], { ...DEFAULT_LIMITS, workerHeapMb: 32 }));
  assert.match(e.fr, /plus de mémoire que permis \(32 Mo\)/);
  // The process is fine, and so is the next import.
  const ok = file('ok.csv', 'a;b\n1;2\n');
  assert.equal((await all(rowsOfFiles([{ path: ok }]))).length, 2);
});

test('a consumer that stops early stops the worker, and one that reads to the end leaves at most one idle', async () => {
  const path = file('many.csv', `a;b\n${'1;2\n'.repeat(50_000)}`);
  const rows = rowsOfFiles([{ path }]);
  await rows.next();
  await rows.return(undefined);
  assert.equal(parseWorkersRunning().busy, 0);
  assert.equal((await all(rowsOfFiles([{ path }]))).length, 50_001);
  assert.deepEqual(parseWorkersRunning(), { busy: 0, idle: 1 });
});

test('an external entity (XXE) and a billion laughs are refused, their content never read', async () => {
  const xxe =
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
  const parts = xlsxParts('');
  (parts[3] as ZipPart).data = Buffer.from(xxe);
  const e = await unreadable(rowsOfFiles([{ path: file('xxe.xlsx', zip(parts)) }]));
  assert.match(e.fr, /XML incorrect dans la partie xl\/worksheets\/sheet1\.xml, ligne 1, colonne \d+/);
  const lol =
    '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>';
  (parts[3] as ZipPart).data = Buffer.from(lol);
  await unreadable(rowsOfFiles([{ path: file('lol.xlsx', zip(parts)) }]));
});

test('the XLSX limits hold: uncompressed size, sheets, shared strings, XML depth, parts', async () => {
  const small: ReadLimits = {
    ...DEFAULT_LIMITS,
    maxUncompressedBytes: 64 * 1024,
    maxSheets: 2,
    maxSharedStrings: 3,
    maxXmlDepth: 8,
    maxZipEntries: 6,
  };
  const bomb = file('bomb.xlsx', zip(xlsxParts('', [{ name: 'xl/bomb.xml', data: Buffer.alloc(10 * 1024 * 1024, 0x20) }])));
  assert.match((await unreadable(readXlsx(bomb, small))).fr, /contenu décompressé dépasse/);
  // Headers that lie about the size are caught as the part is inflated.
  const liar = file(
    'liar.xlsx',
    zip(xlsxParts('', [{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(200 * 1024, 0x20), declaredSize: 10 }])),
  );
  await unreadable(readXlsx(liar, small));
  const sheets = file(
    'sheets.xlsx',
    zip(xlsxParts('', [], `<workbook xmlns:r="r"><sheets>${'<sheet name="a" r:id="rId1"/>'.repeat(3)}</sheets></workbook>`)),
  );
  assert.match((await unreadable(readXlsx(sheets, small))).fr, /plus de 2 feuilles/);
  const strings = file(
    'strings.xlsx',
    zip(xlsxParts('', [{ name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst>${'<si><t>a</t></si>'.repeat(4)}</sst>`) }])),
  );
  assert.match((await unreadable(readXlsx(strings, small))).fr, /plus de 3 textes différents/);
  const deep = file('deep.xlsx', zip(xlsxParts(`${'<x>'.repeat(20)}${'</x>'.repeat(20)}`)));
  assert.match((await unreadable(readXlsx(deep, small))).fr, /imbriqués sur plus de 8 niveaux/);
  const parts = file(
    'parts.xlsx',
    zip(
      xlsxParts(
        '',
        Array.from({ length: 3 }, (_, i) => ({ name: `x${i}`, data: Buffer.from('') })),
      ),
    ),
  );
  assert.match((await unreadable(readXlsx(parts, small))).fr, /plus de 6 parties/);
  const wide = file(
    'wide.xlsx',
    zip(
      xlsxParts(`<row r="1">${Array.from({ length: 200 }, (_, i) => `<c t="s"><v>${i % 2}</v></c>`).join('')}</row>`, [
        {
          name: 'xl/sharedStrings.xml',
          data: Buffer.from(`<sst><si><t>${'a'.repeat(30_000)}</t></si><si><t>${'b'.repeat(30_000)}</t></si></sst>`),
        },
      ]),
    ),
  );
  assert.match(
    (await unreadable(readXlsx(wide, DEFAULT_LIMITS))).fr,
    /feuille « acteurs », ligne 1 : la ligne dépasse 1638350 caractères en tout/,
  );
  const truncated = zip(xlsxParts('<row r="1"><c r="A1"><v>1</v></c></row>'));
  assert.match(
    (await unreadable(readXlsx(file('cut.xlsx', truncated.subarray(0, truncated.length - 30)), small))).fr,
    /archive zip est invalide, tronquée ou endommagée/,
  );
});

test('a JSON document too deep, malformed, too large or not in UTF-8 is refused with its line and column', async () => {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, maxJsonDepth: 5, maxJsonBytes: 1000 };
  assert.throws(
    () => parseJsonText('{"a":\n  [[[[[[1]]]]]]}', 'd.json', limits),
    (e: UnreadableFileError) => /^fichier « d\.json », ligne 2, colonne 7 : tableaux et objets imbriqués sur plus de 5 niveaux/.test(e.fr),
  );
  assert.throws(
    () => parseJsonText('{\n  "a": 1,\n}', 'c.json', limits),
    (e: UnreadableFileError) => /ligne 3, colonne 1 : JSON incorrect/.test(e.fr) && !/Unexpected|Expected/.test(e.fr),
  );
  assert.throws(
    () => parseJsonText('{"a": [1, 2', 't.json', limits),
    (e: UnreadableFileError) => /s’arrête avant la fin/.test(e.fr),
  );
  assert.throws(
    () => parseJsonText(`"${'x'.repeat(2000)}"`, 'g.json', limits),
    (e: UnreadableFileError) => /plus de 1000 octets/.test(e.fr),
  );
  // Deep nesting that would overflow a recursive consumer is stopped before JSON.parse.
  assert.throws(
    () => parseJsonText('['.repeat(1_000_000), 'p.json', DEFAULT_LIMITS),
    (e: UnreadableFileError) => /plus de 64 niveaux/.test(e.fr),
  );
  await assert.rejects(readJsonInProcess(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'e.json', limits), (e: UnreadableFileError) =>
    /ligne 1, colonne 3 : encodage incorrect/.test(e.fr),
  );
  await assert.rejects(
    readJsonDocument(file('w.json', '{"a": nope}'), limits),
    (e: UnreadableFileError) => e instanceof UnreadableFileError && /colonne 7/.test(e.fr),
  );
  assert.deepEqual(await readJsonDocument(file('ok.json', '\uFEFF{"a": [1, {"b": "é"}]}')), { a: [1, { b: 'é' }] });
});
