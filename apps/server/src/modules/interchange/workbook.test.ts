import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { SHEETS, TABULAR_FORMAT_VERSION, elementToRow, sheetSpec } from '@boucles/engine';
import type { Cell } from '@boucles/engine';
import { loadResourceTaxonomy, loadUnits } from '@boucles/reference-data';
import { LISTS_SHEET, README_SHEET, WORKBOOK_FORMAT_MARKER, buildWorkbook, writeWorkbookFile } from './workbook.js';
import type { WorkbookLists } from './workbook.js';

const lists: WorkbookLists = {
  resourceCodes: loadResourceTaxonomy().entries.map((r) => ({ code: r.code, labelFr: r.labelFr })),
  units: loadUnits().units.map((u) => u.code),
};

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's own Buffer type is an ArrayBuffer; Node's Buffer is accepted at run time.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  assert.ok(ws, `sheet ${name} is missing`);
  return ws;
}

function headerRow(ws: ExcelJS.Worksheet): unknown[] {
  const values = ws.getRow(1).values;
  return Array.isArray(values) ? values.slice(1) : [];
}

/** The column letter of a header in a sheet. */
function letterOf(ws: ExcelJS.Worksheet, header: string): string {
  const index = headerRow(ws).indexOf(header);
  assert.ok(index >= 0, `no column ${header} in ${ws.name}`);
  return ws.getColumn(index + 1).letter;
}

function noteOf(cell: ExcelJS.Cell): string {
  const note: unknown = cell.note;
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object' && 'texts' in note && Array.isArray(note.texts)) {
    return (note.texts as { text: string }[]).map((t) => t.text).join('');
  }
  return '';
}

describe('the template workbook', () => {
  let workbook: ExcelJS.Workbook;
  before(async () => {
    workbook = await read(await buildWorkbook({}, { template: true, lists }));
  });

  test('opens on lisez-moi, then acteurs, sites, flux, besoins, and ends with the very hidden listes sheet', () => {
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      [README_SHEET, 'acteurs', 'sites', 'flux', 'besoins', LISTS_SHEET],
    );
    assert.equal(sheet(workbook, LISTS_SHEET).state, 'veryHidden');
    assert.equal(sheet(workbook, 'acteurs').state, 'visible');
  });

  test('has the French headers of each sheet exactly, in bold, with the header row frozen', () => {
    for (const spec of SHEETS) {
      const ws = sheet(workbook, spec.name);
      assert.deepEqual(
        headerRow(ws),
        spec.columns.map((c) => c.header),
        spec.name,
      );
      assert.equal(ws.getCell('A1').font?.bold, true);
      assert.equal(ws.views[0]?.state, 'frozen');
      assert.equal((ws.views[0] as ExcelJS.WorksheetViewFrozen | undefined)?.ySplit, 1);
      for (let i = 1; i <= spec.columns.length; i++) {
        const width = ws.getColumn(i).width ?? 0;
        assert.ok(width >= 10 && width <= 60, `${spec.name} column ${i} width ${width}`);
      }
    }
  });

  test('explains every column in a note on its header, marking the required ones', () => {
    for (const spec of SHEETS) {
      const ws = sheet(workbook, spec.name);
      spec.columns.forEach((col, i) => {
        const note = noteOf(ws.getRow(1).getCell(i + 1));
        assert.ok(note.startsWith(col.help.fr), `${spec.name}.${col.header}: ${note}`);
        assert.equal(note.includes('obligatoire'), col.required, `${spec.name}.${col.header}`);
      });
    }
    assert.match(noteOf(sheet(workbook, 'acteurs').getCell('C1')), /Nom de la structure\n\(obligatoire\)/);
  });

  test('has the example row of each sheet, given no rows', () => {
    for (const spec of SHEETS) {
      const ws = sheet(workbook, spec.name);
      spec.columns.forEach((col, i) => {
        const value = ws.getRow(2).getCell(i + 1).value;
        assert.equal(value ?? null, col.example, `${spec.name}.${col.header}`);
      });
      assert.equal(ws.actualRowCount, 2, spec.name);
    }
    assert.equal(sheet(workbook, 'flux').getCell('G2').value, 120);
  });

  test('puts drop-down lists from the listes sheet on every enumeration, stopping wrong values', () => {
    const acteurs = sheet(workbook, 'acteurs');
    assert.equal(letterOf(acteurs, 'type'), 'E');
    for (const address of ['E2', 'E500', 'E1000']) {
      const v = acteurs.getCell(address).dataValidation;
      assert.equal(v?.type, 'list', address);
      assert.equal(v?.showErrorMessage, true);
      assert.match(String(v?.formulae[0]), /^listes!\$[A-Z]+\$2:\$[A-Z]+\$7$/);
    }
    assert.equal(acteurs.getCell('E1').dataValidation, undefined, 'not on the header');
    assert.equal(acteurs.getCell('E1001').dataValidation, undefined, 'not past row 1000');
    assert.equal(acteurs.getCell('C2').dataValidation, undefined, 'not on free text');

    const enumColumns: [string, string][] = [
      ['flux', 'sens'],
      ['flux', 'periode'],
      ['flux', 'devenir_actuel'],
      ['flux', 'purete'],
      ['flux', 'cout_base'],
      ['flux', 'cout_nature'],
      ['flux', 'confidentialite_quantite'],
      ['flux', 'confidentialite_cout'],
      ['besoins', 'categorie'],
      ['besoins', 'periode'],
    ];
    const listes = sheet(workbook, LISTS_SHEET);
    for (const [name, header] of enumColumns) {
      const ws = sheet(workbook, name);
      const v = ws.getCell(`${letterOf(ws, header)}2`).dataValidation;
      assert.equal(v?.type, 'list', `${name}.${header}`);
      assert.equal(v?.showErrorMessage, true);
      assert.notEqual(v?.errorStyle, 'warning');
      // The range holds exactly the French values of the enumeration.
      const match = /^listes!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(String(v?.formulae[0]));
      assert.ok(match, String(v?.formulae[0]));
      const values: unknown[] = [];
      for (let r = 2; r <= Number(match[2]); r++) values.push(listes.getCell(`${match[1]}${r}`).value);
      const spec = sheetSpec(name as 'flux' | 'besoins').columns.find((c) => c.header === header);
      assert.deepEqual(
        values,
        spec?.values?.map((x) => x.fr),
        `${name}.${header}`,
      );
    }
  });

  test('offers oui / non on the boolean columns', () => {
    for (const [name, header] of [
      ['acteurs', 'ess'],
      ['flux', 'dangereux'],
      ['flux', 'origine_recyclee'],
      ['flux', 'origine_locale'],
    ] as const) {
      const ws = sheet(workbook, name);
      const v = ws.getCell(`${letterOf(ws, header)}2`).dataValidation;
      assert.equal(v?.type, 'list');
      assert.deepEqual(v?.formulae, ['"oui,non"'], `${name}.${header}`);
    }
  });

  test('lists the resource codes and units, warning only on a value outside them', () => {
    const listes = sheet(workbook, LISTS_SHEET);
    const n = lists.resourceCodes.length;
    assert.ok(n > 20);
    assert.equal(listes.getCell('A2').value, lists.resourceCodes[0]?.code);
    assert.equal(listes.getCell('B2').value, lists.resourceCodes[0]?.labelFr);
    assert.equal(listes.getCell(`A${n + 1}`).value, lists.resourceCodes[n - 1]?.code);
    assert.equal(listes.getCell(`C${lists.units.length + 1}`).value, lists.units.at(-1));

    for (const name of ['flux', 'besoins'] as const) {
      const ws = sheet(workbook, name);
      const code = ws.getCell(`${letterOf(ws, 'code_ressource')}2`).dataValidation;
      assert.equal(code?.type, 'list');
      assert.deepEqual(code?.formulae, [`listes!$A$2:$A$${n + 1}`]);
      assert.equal(code?.errorStyle, 'warning');
      assert.equal(code?.showErrorMessage, true);
      const unit = ws.getCell(`${letterOf(ws, 'unite')}2`).dataValidation;
      assert.deepEqual(unit?.formulae, [`listes!$C$2:$C$${lists.units.length + 1}`]);
      assert.equal(unit?.errorStyle, 'warning');
    }
  });

  test('formats the identifier columns as text, so that a commune code keeps its leading zero', async () => {
    const sites = sheet(workbook, 'sites');
    for (const [name, header] of [
      ['acteurs', 'siret'],
      ['acteurs', 'code_naf'],
      ['acteurs', 'tranche_effectif'],
      ['sites', 'code_commune'],
      ['flux', 'code_dechet'],
      ['flux', 'mois_disponibles'],
    ] as const) {
      const ws = sheet(workbook, name);
      const letter = letterOf(ws, header);
      assert.equal(ws.getColumn(letter).numFmt, '@', `${name}.${header}`);
      assert.equal(ws.getCell(`${letter}2`).numFmt, '@', `${name}.${header}`);
    }
    assert.notEqual(sites.getColumn(letterOf(sites, 'latitude')).numFmt, '@');

    const site = { externalId: 'S9', actorExternalId: 'A1', name: 'Ambérieu', communeCode: '01001', location: { lat: 45.95, lon: 5.36 } };
    const written = await read(
      await buildWorkbook(
        { sites: [elementToRow(sheetSpec('sites'), site)], flux: [[null, 'S9', 'sortant', 'material.wood.clean', 30105]] },
        { template: true, lists },
      ),
    );
    const ws = sheet(written, 'sites');
    const cell = ws.getCell(`${letterOf(ws, 'code_commune')}2`);
    assert.equal(cell.value, '01001');
    assert.equal(cell.numFmt, '@');
    assert.equal(ws.getCell(`${letterOf(ws, 'latitude')}2`).value, 45.95);
    const flux = sheet(written, 'flux');
    assert.equal(
      flux.getCell(`${letterOf(flux, 'code_dechet')}2`).value,
      '030105',
      'a waste code handed over as a number gets its zero back',
    );
  });

  test('explains the sheets, identifiers, units, months, re-import and format version in lisez-moi', () => {
    const ws = sheet(workbook, README_SHEET);
    const text: string[] = [];
    ws.eachRow((row) => text.push(String(row.getCell(1).value ?? '')));
    const all = text.join('\n');
    for (const word of [
      'acteurs',
      'sites',
      'flux',
      'besoins',
      'id_acteur',
      'SIRET',
      'id_site',
      'Unités',
      't, kg',
      '1-12',
      'oct-mars',
      'ré-importé',
      `version ${TABULAR_FORMAT_VERSION}`,
    ]) {
      assert.ok(all.includes(word), `lisez-moi lacks ${word}`);
    }
    assert.equal(WORKBOOK_FORMAT_MARKER, 'boucles-tableur v1');
    assert.match(String(ws.getCell('A2').value), /boucles-tableur v1/);
    assert.equal(workbook.keywords, 'boucles-tableur v1');
  });
});

describe('an exported workbook', () => {
  test('writes the given rows with an extra column, and no notes, lists or example', async () => {
    const acteurs: Cell[][] = [
      ['A1', '73282932000074', 'Scierie', '16.10A', 'entreprise', '11', 'non', null, null, null, 'raison_sociale manquante'],
      ['A2', null, '=HYPERLINK("x")', null, 'association', null, true, null, null, null, null],
    ];
    const workbook = await read(await buildWorkbook({ acteurs }, { template: false, lists, extraColumn: { header: 'erreurs' } }));
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['acteurs', 'sites', 'flux', 'besoins'],
    );
    const ws = sheet(workbook, 'acteurs');
    assert.deepEqual(headerRow(ws), [...sheetSpec('acteurs').columns.map((c) => c.header), 'erreurs']);
    assert.equal(ws.getCell('K2').value, 'raison_sociale manquante');
    assert.equal(ws.getCell('B2').value, '73282932000074');
    assert.equal(ws.getCell('C3').value, '=HYPERLINK("x")', 'a text, never a formula');
    assert.equal(ws.getCell('G3').value, 'oui');
    assert.equal(noteOf(ws.getCell('A1')), '');
    assert.equal(ws.getCell('E2').dataValidation, undefined);
    assert.equal(sheet(workbook, 'sites').actualRowCount, 1, 'only the header');
    assert.equal(workbook.keywords, WORKBOOK_FORMAT_MARKER);
  });
});

describe('the streaming writer', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'boucles-workbook-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function* flows(count: number): AsyncGenerator<Cell[]> {
    for (let i = 0; i < count; i++) {
      yield [`F${i}`, `S${i % 50}`, 'sortant', 'material.wood.clean', '030105', `Sciure ${i}`, i + 0.5, 't', 'an', '1-12'];
    }
  }

  test('writes the sheets given, with bold frozen French headers, text identifiers and no lists', async () => {
    const path = join(dir, 'small.xlsx');
    await writeWorkbookFile(
      path,
      [
        { name: 'acteurs', rows: [['A1', null, 'Scierie', null, 'entreprise']] },
        { name: 'flux', rows: flows(3) },
      ],
      { header: 'erreurs' },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['acteurs', 'flux'],
    );
    const ws = sheet(workbook, 'flux');
    assert.deepEqual(headerRow(ws), [...sheetSpec('flux').columns.map((c) => c.header), 'erreurs']);
    assert.equal(ws.getCell('A1').font?.bold, true);
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.equal((ws.views[0] as ExcelJS.WorksheetViewFrozen | undefined)?.ySplit, 1);
    assert.equal(ws.actualRowCount, 4);
    assert.equal(ws.getCell('E2').value, '030105');
    assert.equal(ws.getCell('E2').numFmt, '@');
    assert.equal(ws.getCell('G2').value, 0.5);
    assert.notEqual(ws.getCell('G2').numFmt, '@');
    assert.equal(ws.getCell('E2').dataValidation, undefined);
    assert.equal(noteOf(ws.getCell('A1')), '');
    assert.equal(sheet(workbook, 'acteurs').getCell('C2').value, 'Scierie');
    assert.equal(workbook.keywords, WORKBOOK_FORMAT_MARKER);
  });

  test('streams 100,000 flows from an async iterable into a file', async () => {
    const count = 100_000;
    const path = join(dir, 'large.xlsx');
    await writeWorkbookFile(path, [{ name: 'flux', rows: flows(count) }]);
    assert.ok((await stat(path)).size > 0);

    // Read back with the streaming reader too: the whole workbook need not fit in memory.
    let rows = 0;
    let first: unknown[] = [];
    let last: unknown[] = [];
    for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(path, {})) {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        rows++;
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        if (rows === 1) first = values;
        last = values;
      }
    }
    assert.equal(rows, count + 1);
    assert.deepEqual(
      first,
      sheetSpec('flux').columns.map((c) => c.header),
    );
    assert.deepEqual(last.slice(0, 10), [
      `F${count - 1}`,
      'S49',
      'sortant',
      'material.wood.clean',
      '030105',
      `Sciure ${count - 1}`,
      count - 0.5,
      't',
      'an',
      '1-12',
    ]);
  });
});
