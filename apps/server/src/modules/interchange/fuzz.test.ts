// Malformed input fails cleanly: whatever the bytes, an import answers a report or a clear
// "unreadable file" error, never another exception, and a dry run never writes.
import assert from 'node:assert/strict';
import { SYSTEM } from '../../platform/access/access.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import { seededRandom as random } from '@boucles/engine';
import ExcelJS from 'exceljs';
import { createServices, workbookLists, type Services } from '../../app.js';
import { openPglite, type Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { rowsOfFiles } from './source.js';
import { UnreadableFileError } from './types.js';
import { buildWorkbook } from './workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'boucles-fuzz-'));
let db: Database;
let services: Services;
let template: Buffer;

function mutate(source: Buffer, rand: () => number): Buffer {
  const bytes = Buffer.from(source);
  const kind = Math.floor(rand() * 4);
  if (kind === 0) return bytes.subarray(0, Math.floor(rand() * bytes.length)); // truncated
  const n = 1 + Math.floor(rand() * 20);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rand() * bytes.length);
    if (kind === 1)
      bytes[at] = Math.floor(rand() * 256); // flipped bytes
    else if (kind === 2)
      bytes[at] = bytes[Math.floor(rand() * bytes.length)] ?? 0; // copied bytes
    else bytes.fill(0, at, Math.min(bytes.length, at + 64)); // zeroed run
  }
  return bytes;
}

async function importOutcome(path: string, sheet?: string): Promise<'report' | 'unreadable'> {
  try {
    const report = await services.territoryImports.import(SYSTEM, 'FUZZ', rowsOfFiles([{ path, sheet }]), 'dry-run');
    assert.equal(report.written, false);
    return 'report';
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      assert.ok(e.fr.length > 10 && e.en.length > 10);
      return 'unreadable';
    }
    throw e;
  }
}

before(async () => {
  db = await openPglite();
  await migrate(db);
  services = createServices(db, new ReferenceCatalog());
  await services.territoryData.createTerritory(SYSTEM, { code: 'FUZZ', level: 'custom', name: 'Fuzz', communes: ['59350'] });
  template = await buildWorkbook({}, { template: true, lists: workbookLists() });
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('three hundred damaged copies of the template each give a report or a clear error, never a crash', async () => {
  const rand = random(20261122);
  const outcomes = { report: 0, unreadable: 0 };
  for (let i = 0; i < 300; i++) {
    const path = join(dir, `damaged-${i}.xlsx`);
    writeFileSync(path, mutate(template, rand));
    outcomes[await importOutcome(path)]++;
  }
  assert.ok(outcomes.unreadable > 0, JSON.stringify(outcomes));
  assert.equal((await db.query('SELECT 1 FROM actor')).length, 0);
});

test('three hundred damaged CSV files each give a report or a clear error, never a crash', async () => {
  const rand = random(42);
  const csv = Buffer.from(
    '\uFEFFid_flux;id_site;sens;code_ressource;libelle;quantite;unite;periode\r\nF1;S1;sortant;material.wood.clean;Sciure « fine »;1,5;t;an\r\n',
    'utf8',
  );
  for (let i = 0; i < 300; i++) {
    const path = join(dir, `damaged-${i}.csv`);
    writeFileSync(path, mutate(csv, rand));
    await importOutcome(path, 'flux');
  }
});

test('merged cells are read as one value in their first cell, the others empty', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('acteurs');
  ws.addRow(['id_acteur', 'raison_sociale', 'type']);
  ws.addRow(['M1', 'Fusion', 'entreprise']);
  ws.addRow(['M2', null, 'entreprise']);
  ws.mergeCells('B2:B3');
  const path = join(dir, 'merged.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  const report = await services.territoryImports.import(SYSTEM, 'FUZZ', rowsOfFiles([{ path }]), 'dry-run');
  assert.deepEqual(report.counts.acteurs, { created: 1, updated: 0, unchanged: 0, rejected: 1 });
  assert.deepEqual(
    report.issues.map((i) => [i.row, i.column, i.code]),
    [[3, 'raison_sociale', 'required']],
  );
});

test('a million empty rows are skipped, in a CSV file and in a workbook whose last row is the millionth', async () => {
  const csvPath = join(dir, 'vide.csv');
  writeFileSync(csvPath, `id_acteur;raison_sociale;type\n${';;\n'.repeat(1_000_000)}Z1;Dernière;entreprise\n`);
  const csv = await services.territoryImports.import(SYSTEM, 'FUZZ', rowsOfFiles([{ path: csvPath, sheet: 'acteurs' }]), 'dry-run');
  assert.deepEqual(csv.counts.acteurs, { created: 1, updated: 0, unchanged: 0, rejected: 0 });

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('acteurs');
  ws.addRow(['id_acteur', 'raison_sociale', 'type']);
  ws.getCell('A1000001').value = 'Z2';
  ws.getCell('B1000001').value = 'Tout en bas';
  ws.getCell('C1000001').value = 'entreprise';
  const path = join(dir, 'loin.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  const report = await services.territoryImports.import(SYSTEM, 'FUZZ', rowsOfFiles([{ path }]), 'dry-run');
  assert.deepEqual(report.counts.acteurs, { created: 1, updated: 0, unchanged: 0, rejected: 0 });
});

test('more rows than the configured limit stop the import with a clear error', async () => {
  const path = join(dir, 'trop.csv');
  writeFileSync(path, `id_acteur;raison_sociale;type\n${Array.from({ length: 20 }, (_, i) => `L${i};Nom ${i};entreprise`).join('\n')}\n`);
  await assert.rejects(
    services.territoryImports.import(
      SYSTEM,
      'FUZZ',
      rowsOfFiles([{ path, sheet: 'acteurs' }], { maxUncompressedBytes: 1e9, maxRows: 10, maxCellLength: 32_767 }),
      'dry-run',
    ),
    (e: UnreadableFileError) => /dépasse 10 lignes/.test(e.fr),
  );
});
