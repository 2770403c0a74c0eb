import assert from 'node:assert/strict';
import { SYSTEM } from '../../platform/access/access.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SheetName } from '@boucles/engine';
import { ReferenceCatalog } from '@boucles/reference-data';
import ExcelJS from 'exceljs';
import { createServices, workbookLists, type Services } from '../../app.js';
import { readDemoDocument } from '../demo/index.js';
import { rowsOfFiles } from './source.js';
import { buildWorkbook } from './workbook.js';
import { testDatabases } from '../../testing/databases.js';

const reference = new ReferenceCatalog();
const dir = mkdtempSync(join(tmpdir(), 'boucles-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const demo = readDemoDocument() as { territory: { code: string; communes: string[] } };
const SOURCE = demo.territory.code;

for (const target of testDatabases()) {
  describe(`export and re-import on ${target.name}`, () => {
    let services: Services;
    let dispose: () => Promise<void>;
    const file = (name: string, content: Buffer | string) => {
      const path = join(dir, `${target.name}-${name}`);
      writeFileSync(path, content);
      return path;
    };
    const copyOf = async (code: string) => {
      await services.territoryData.createTerritory(SYSTEM, { code, level: 'custom', name: code, communes: demo.territory.communes });
    };
    /** The data of a territory, without what names the territory itself. */
    const dataOf = async (code: string) => {
      const { actors, sites, flows, needs } = await services.territoryExports.elements(SYSTEM, code);
      return { actors, sites, flows, needs };
    };

    before(async () => {
      const opened = await target.open();
      dispose = opened.dispose;
      services = createServices(opened.db, reference);
      await services.territoryDocuments.importNew(SYSTEM, readDemoDocument());
    });
    after(() => dispose());

    test('re-importing the exported workbook into its territory changes nothing', async () => {
      const path = file('demo.xlsx', await services.territoryExports.workbook(SYSTEM, SOURCE));
      const report = await services.territoryImports.import(SYSTEM, SOURCE, rowsOfFiles([{ path }]), 'all-or-nothing');
      assert.deepEqual(report.issues, []);
      for (const sheet of ['acteurs', 'sites', 'flux', 'besoins'] as SheetName[]) {
        const c = report.counts[sheet];
        assert.equal(c.created + c.updated + c.rejected, 0, `${sheet}: ${JSON.stringify(c)}`);
        assert.ok(c.unchanged > 0, sheet);
      }
    });

    test('the exported workbook imported into an empty territory gives identical data', async () => {
      await copyOf('COPIE-XLSX');
      const path = file('demo2.xlsx', await services.territoryExports.workbook(SYSTEM, SOURCE));
      const report = await services.territoryImports.import(SYSTEM, 'COPIE-XLSX', rowsOfFiles([{ path }]), 'all-or-nothing');
      assert.deepEqual(report.issues, []);
      assert.deepEqual(await dataOf('COPIE-XLSX'), await dataOf(SOURCE));
    });

    test('the exported CSV files imported into an empty territory give identical data', async () => {
      await copyOf('COPIE-CSV');
      const files = [];
      for (const sheet of ['acteurs', 'sites', 'flux', 'besoins'] as SheetName[]) {
        files.push({ path: file(`${sheet}.csv`, await services.territoryExports.csv(SYSTEM, SOURCE, sheet)), sheet });
      }
      const report = await services.territoryImports.import(SYSTEM, 'COPIE-CSV', rowsOfFiles(files), 'all-or-nothing');
      assert.deepEqual(report.issues, []);
      assert.deepEqual(await dataOf('COPIE-CSV'), await dataOf(SOURCE));
    });

    test('the exported JSON document loaded as a new territory gives identical data', async () => {
      const doc = (await services.territoryExports.document(SYSTEM, SOURCE)) as { territory: { code: string } };
      doc.territory.code = 'COPIE-JSON';
      await services.territoryDocuments.importNew(SYSTEM, doc);
      const copy = await dataOf('COPIE-JSON');
      const source = await dataOf(SOURCE);
      assert.deepEqual(copy.actors, source.actors);
      assert.deepEqual(copy.sites, source.sites);
      assert.deepEqual(copy.flows.length, source.flows.length);
    });

    test('the sites export as GeoJSON points in longitude, latitude order', async () => {
      const geo = (await services.territoryExports.geojson(SYSTEM, SOURCE, 'sites')) as {
        features: { geometry: { coordinates: [number, number] } | null }[];
      };
      const located = geo.features.filter((f) => f.geometry);
      assert.ok(located.length > 50);
      const [lon, lat] = located[0]?.geometry?.coordinates ?? [0, 0];
      assert.ok(lat > 50 && lat < 51.2 && lon > 2 && lon < 3, `${lat} ${lon}`);
    });

    test('the template filled in as a user would imports its rows', async () => {
      await services.territoryData.createTerritory(SYSTEM, { code: 'MODELE', level: 'custom', name: 'Modèle', communes: ['59350'] });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildWorkbook({}, { template: true, lists: workbookLists() })) as unknown as ArrayBuffer);
      const flux = wb.getWorksheet('flux');
      assert.ok(flux);
      const header = (flux.getRow(1).values as (string | undefined)[]).slice(1);
      const row = new Array<string | number | null>(header.length).fill(null);
      const set = (h: string, v: string | number) => (row[header.indexOf(h)] = v);
      set('id_flux', 'F002');
      set('id_site', 'EXEMPLE-S1');
      set('sens', 'entrant');
      set('code_ressource', 'energy.heat.medium');
      set('libelle', 'Chaleur pour la serre');
      set('quantite', 800);
      set('unite', 'MWh');
      set('periode', 'an');
      set('mois_disponibles', 'oct-avr');
      flux.addRow(row);
      const path = file('rempli.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      const report = await services.territoryImports.import(SYSTEM, 'MODELE', rowsOfFiles([{ path }]), 'all-or-nothing');
      assert.deepEqual(report.issues, []);
      assert.deepEqual(report.counts.flux, { created: 2, updated: 0, unchanged: 0, rejected: 0 }, 'the example row and the new one');
      const heat = await services.territoryData.listFlows(SYSTEM, 'MODELE', { resource: 'energy.heat' }, { limit: 5, offset: 0 });
      assert.deepEqual(heat.items[0]?.monthsAvailable, [1, 2, 3, 4, 10, 11, 12]);
    });
  });
}
