import { signedIn, type TestClient } from '../../testing/auth.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { DEFAULT_LIMITS } from './read.js';
import { testDatabases } from '../../testing/databases.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(sheets: Record<string, (string | number | null | { formula: string })[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GOOD = {
  'lisez-moi': [['Modèle Boucles']],
  acteurs: [
    ['id_acteur', 'siret', 'raison_sociale', 'type', 'Commentaire libre'],
    ['A1', '73282932000074', 'Scierie', 'entreprise', 'colonne en plus'],
  ],
  sites: [
    ['id_site', 'acteur', 'nom', 'code_commune', 'latitude', 'longitude'],
    ['S1', 'A1', 'Scierie', '59350', 50.63, 3.06],
  ],
  flux: [
    ['id_flux', 'id_site', 'sens', 'code_ressource', 'libelle', 'quantite', 'unite', 'periode'],
    ['F1', 'S1', 'sortant', 'material.wood.clean', 'Sciure', 120, 't', 'an'],
  ],
};

for (const target of testDatabases()) {
  describe(`the import route on ${target.name}`, () => {
    let app: FastifyInstance;
    let admin: TestClient;
    let db: Database;
    let dispose: () => Promise<void>;
    const upload = (payload: Buffer | string, query: string, type = XLSX) =>
      admin.inject({ method: 'POST', url: `/api/territories/UP/imports${query}`, headers: { 'content-type': type }, payload });
    const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

    before(async () => {
      ({ db, dispose } = await target.open());
      const built = await buildApp({
        db,
        reference: new ReferenceCatalog(),
        importLimits: { ...DEFAULT_LIMITS, maxUncompressedBytes: 1024 * 1024 },
        maxUploadBytes: 4 * 1024 * 1024,
      });
      app = built.app;
      admin = await signedIn(app, built.services);
      const t = await admin.inject({
        method: 'POST',
        url: '/api/territories',
        payload: { code: 'UP', level: 'custom', name: 'Upload', communes: ['59350'] },
      });
      assert.equal(t.statusCode, 201);
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    test('a workbook is imported all or nothing by default; extra columns and sheets are reported, not fatal', async () => {
      const r = await upload(await workbook(GOOD), '');
      assert.equal(r.statusCode, 200, r.body);
      const report = r.json();
      assert.equal(report.mode, 'all-or-nothing');
      assert.equal(report.written, true);
      assert.deepEqual(report.counts.flux, { created: 1, updated: 0, unchanged: 0, rejected: 0 });
      assert.deepEqual(report.ignoredColumns, { acteurs: ['Commentaire libre'] });
      const again = (await upload(await workbook(GOOD), '')).json();
      assert.deepEqual(again.counts.flux, { created: 0, updated: 0, unchanged: 1, rejected: 0 });
    });

    test('a formula without a stored value, an empty sheet and a 10,000-character cell are reported without a crash', async () => {
      const before = await count('actor');
      const r = await upload(
        await workbook({
          acteurs: [
            ['id_acteur', 'raison_sociale', 'type'],
            ['B1', { formula: 'CONCAT("a","b")' }, 'entreprise'],
            ['B2', 'x'.repeat(10_000), 'entreprise'],
          ],
          sites: [],
        }),
        '',
      );
      assert.equal(r.statusCode, 200, r.body);
      const report = r.json();
      assert.equal(report.written, false);
      assert.deepEqual(
        report.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code]),
        [
          [2, 'raison_sociale', 'unreadable_cell'],
          [3, 'raison_sociale', 'too_big'],
        ],
      );
      assert.equal(await count('actor'), before);
    });

    test('valid rows are written and the rejected ones can be downloaded with their errors', async () => {
      const r = await upload(
        await workbook({
          acteurs: [
            ['id_acteur', 'raison_sociale', 'type'],
            ['C1', 'Bon', 'entreprise'],
            ['C2', 'Mauvais', 'fusée'],
          ],
        }),
        '?mode=valid-rows',
      );
      const report = r.json();
      assert.equal(report.written, true);
      assert.match(report.rejectedFile, /\/imports\/[0-9a-f-]+\/rejets\.xlsx$/);
      const file = await admin.inject({ method: 'GET', url: report.rejectedFile });
      assert.equal(file.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('acteurs');
      assert.equal(ws?.getCell('A2').value, 'C2');
      assert.equal(ws?.getCell('D1').value, 'erreurs');
      assert.match(String(ws?.getCell('D2').value), /type : « fusée »/);
      const runs = (await admin.inject({ method: 'GET', url: '/api/territories/UP/imports' })).json();
      assert.ok(runs.items.length >= 1);
    });

    test('a CSV sheet is imported with the sheet named in the query', async () => {
      const csv = '\uFEFFid_acteur;raison_sociale;type\r\nD1;Ferme des Saules;exploitation agricole\r\n';
      const r = await upload(csv, '?sheet=acteurs&mode=dry-run', 'text/csv');
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().counts.acteurs, { created: 1, updated: 0, unchanged: 0, rejected: 0 });
    });

    test('a truncated workbook, a zip bomb and a UTF-16 CSV answer a clear 400 and write nothing', async () => {
      const before = await count('actor');
      const good = await workbook(GOOD);
      const truncated = await upload(good.subarray(0, Math.floor(good.length / 2)), '');
      assert.equal(truncated.statusCode, 400);
      assert.equal(truncated.json().error, 'unreadable_file');
      const bomb = await upload(await workbook({ acteurs: [['raison_sociale'], ['a'.repeat(3 * 1024 * 1024)]] }), '');
      assert.equal(bomb.statusCode, 400);
      assert.match(bomb.json().message.fr, /décompressé dépasse 1 Mo/);
      const utf16 = await upload(Buffer.from('\uFEFFid_acteur;type\r\n', 'utf16le'), '?sheet=acteurs', 'text/csv');
      assert.equal(utf16.statusCode, 400);
      assert.match(utf16.json().message.fr, /UTF-16/);
      assert.equal(await count('actor'), before);
    });

    test('an upload over the size limit answers 413', async () => {
      const r = await upload(Buffer.alloc(5 * 1024 * 1024, 0x41), '?sheet=acteurs', 'text/csv');
      assert.equal(r.statusCode, 413);
    });

    test('a JSON body is refused on the import route with 415', async () => {
      const r = await admin.inject({ method: 'POST', url: '/api/territories/UP/imports', payload: { a: 1 } });
      assert.equal(r.statusCode, 415);
    });
  });
}

test('upload folders left by a server that was killed are removed at the next start, and those of running servers kept', async () => {
  const { spawnSync } = await import('node:child_process');
  const { existsSync, mkdirSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { sweepStaleUploads } = await import('./imports.routes.js');
  const dir = mkdtempSync(join(tmpdir(), 'boucles-sweep-'));
  try {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number; // a process that has ended
    mkdirSync(join(dir, `boucles-upload-${dead}-abc123`));
    mkdirSync(join(dir, `boucles-upload-${process.pid}-def456`));
    mkdirSync(join(dir, 'autre-dossier'));
    assert.equal(sweepStaleUploads(dir), 1);
    assert.equal(existsSync(join(dir, `boucles-upload-${dead}-abc123`)), false);
    assert.ok(existsSync(join(dir, `boucles-upload-${process.pid}-def456`)));
    assert.ok(existsSync(join(dir, 'autre-dossier')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
