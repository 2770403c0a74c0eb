import assert from 'node:assert/strict';
import { SYSTEM } from '../../platform/access/access.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import { createServices, type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { randomUUID } from 'node:crypto';
import { rowsOfFiles } from './source.js';
import { UnreadableFileError, type RawRow } from './types.js';
import { dropAbandonedStages, stageRows } from '../../platform/db/bulk.js';
import { createRepositories } from '../../repositories.js';
import { testDatabases } from '../../testing/databases.js';

const reference = new ReferenceCatalog();
const dir = mkdtempSync(join(tmpdir(), 'boucles-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
  return path;
}

const ACTEURS = [
  'id_acteur;siret;raison_sociale;code_naf;type;tranche_effectif',
  'A1;732 829 320 00074;Scierie du Val;16.10A;entreprise;11',
  'A2;;Ressourcerie;88.99B;structure ESS;03',
];
const SITES = [
  'id_site;acteur;nom;code_commune;latitude;longitude',
  'S1;A1;Scierie;59350;50,6292;3,0573',
  'S2;73282932000074;Dépôt;59350;;',
];
const FLUX = [
  'id_flux;id_site;sens;code_ressource;code_dechet;libelle;quantite;unite;periode;mois_disponibles',
  'F1;S1;sortant;material.wood.clean;03 01 05;Sciure;120;t;an;1-12',
  ';S2;entrant;energy.heat.medium;;Chaleur pour séchoir;300;MWh;an;oct-mars',
];

for (const target of testDatabases()) {
  describe(`spreadsheet import on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let services: Services;
    const run = (files: string[], mode: 'dry-run' | 'all-or-nothing' | 'valid-rows', code = 'IMPORT') =>
      services.territoryImports.import(SYSTEM, code, rowsOfFiles(files.map((path) => ({ path }))), mode);
    const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

    before(async () => {
      ({ db, dispose } = await target.open());
      services = createServices(db, reference);
      await services.territoryData.createTerritory(SYSTEM, {
        code: 'IMPORT',
        level: 'custom',
        name: 'Import',
        communes: ['59350', '59009'],
      });
    });
    after(() => dispose());

    test('a dry run reports what would be created and writes nothing', async () => {
      const report = await run([csv('acteurs.csv', ACTEURS), csv('sites.csv', SITES), csv('flux.csv', FLUX)], 'dry-run');
      assert.deepEqual(report.issues, []);
      assert.equal(report.written, false);
      assert.deepEqual(report.counts.acteurs, { created: 2, updated: 0, unchanged: 0, rejected: 0 });
      assert.deepEqual(report.counts.flux, { created: 2, updated: 0, unchanged: 0, rejected: 0 });
      assert.equal(await count('actor'), 0);
    });

    test('an import creates the rows, a second import of the same files changes nothing, an edited row is updated', async () => {
      const files = [csv('acteurs.csv', ACTEURS), csv('sites.csv', SITES), csv('flux.csv', FLUX)];
      const first = await run(files, 'all-or-nothing');
      assert.equal(first.written, true, JSON.stringify(first.issues));
      assert.equal(await count('flow'), 2);
      assert.equal(first.warnings.filter((w) => w.code === 'not_located').length, 1, 'S2 has no coordinates');
      const again = await run(files, 'all-or-nothing');
      assert.deepEqual(again.counts.acteurs, { created: 0, updated: 0, unchanged: 2, rejected: 0 });
      assert.deepEqual(again.counts.sites, { created: 0, updated: 0, unchanged: 2, rejected: 0 });
      assert.deepEqual(again.counts.flux, { created: 0, updated: 0, unchanged: 2, rejected: 0 });
      const edited = await run(
        [csv('flux.csv', [FLUX[0] as string, 'F1;S1;sortant;material.wood.clean;030105;Sciure;150;t;an;1-12'])],
        'all-or-nothing',
      );
      assert.deepEqual(edited.counts.flux, { created: 0, updated: 1, unchanged: 0, rejected: 0 });
      const flows = await services.territoryData.listFlows(SYSTEM, 'IMPORT', { q: 'Sciure' }, { limit: 5, offset: 0 });
      assert.equal(flows.items[0]?.quantity?.value, 150);
      assert.equal(await count('flow'), 2);
    });

    test('each mistake is reported by sheet, row and column with a French message, and nothing is written', async () => {
      const before = [await count('actor'), await count('site'), await count('flow')];
      const report = await run(
        [
          csv('acteurs.csv', [
            'id_acteur;siret;raison_sociale;code_naf;type',
            'B1;73282932000075;Mauvais SIRET;16.10A;entreprise',
            'B2;;NAF inconnu;99.99Z;entreprise',
            'B3;;Bon;;entreprise',
          ]),
          csv('sites.csv', [
            'id_site;acteur;nom;code_commune;latitude;longitude',
            'T1;B3;Hors territoire;75056;;',
            'T2;B3;Hors de France;59350;3,06;50,63',
            'T3;B3;Bon site;59350;;',
            'T4;B3;À Marseille;59350;43,2965;5,3698',
          ]),
          csv('flux.csv', [
            'id_flux;id_site;sens;code_ressource;code_dechet;libelle;quantite;unite;periode',
            'G1;T3;sortant;material.wood.clean;999999;Code déchet inconnu;1;t;an',
            'G2;T3;sortant;material.unobtainium;;Ressource inconnue;1;t;an',
            'G3;T3;sortant;material.wood.clean;;Unité inconnue;1;boisseau;an',
            'G4;T3;sortant;material.wood.clean;;Quantité négative;-5;t;an',
            'G5;NOPE;sortant;material.wood.clean;;Site inconnu;1;t;an',
            'G6;T3;sortant;material.wood.clean;;Période sans quantité;;;an',
            'G1;T3;sortant;material.wood.clean;;Doublon;1;t;an',
          ]),
        ],
        'all-or-nothing',
      );
      const where = report.issues.map((i) => `${i.sheet}:${i.row}:${i.column}:${i.code}`);
      assert.deepEqual(where, [
        'acteurs:2:siret:invalid_siret',
        'acteurs:3:code_naf:unknown_naf_code',
        'sites:2:code_commune:commune_outside_territory',
        'sites:3:latitude:outside_france',
        'sites:5:latitude:far_from_commune',
        'flux:2:code_dechet:unknown_waste_code',
        'flux:3:code_ressource:unknown_resource_code',
        'flux:4:unite:unknown_unit',
        'flux:5:quantite:too_small',
        'flux:6:id_site:unknown_reference',
        'flux:7:periode:period_without_quantity',
        'flux:8:id_flux:duplicate_key',
      ]);
      for (const i of report.issues) assert.ok(i.message.fr.length > 5 && i.message.en.length > 5);
      assert.equal(report.written, false);
      assert.deepEqual([await count('actor'), await count('site'), await count('flow')], before);
    });

    test('in valid-rows mode the valid rows are written and the rejected ones given back with their errors', async () => {
      const report = await run(
        [
          csv('acteurs.csv', ['id_acteur;raison_sociale;type', 'C1;Bon;entreprise', 'C2;Mauvais;vaisseau']),
          csv('sites.csv', ['id_site;acteur;nom;code_commune', 'U1;C1;Site du bon;59009', 'U2;C2;Site du mauvais;59009']),
        ],
        'valid-rows',
      );
      assert.equal(report.written, true);
      assert.deepEqual(report.counts.acteurs, { created: 1, updated: 0, unchanged: 0, rejected: 1 });
      assert.deepEqual(report.counts.sites, { created: 1, updated: 0, unchanged: 0, rejected: 1 });
      assert.deepEqual(
        report.rejected.sites?.rows.map((r) => [r.row, r.cells[0]]),
        [[3, 'U2']],
      );
      assert.match(report.rejected.sites?.rows[0]?.errors ?? '', /acteur C2 est rejeté \(ligne 3\)/);
      assert.equal((await services.territoryData.listSites(SYSTEM, 'IMPORT', { q: 'Site du bon' }, { limit: 5, offset: 0 })).total, 1);
    });

    test('every error of a row is reported in one go, the reference checks included, not only the first', async () => {
      const report = await run(
        [
          csv('flux.csv', [
            'id_flux;id_site;sens;code_ressource;code_dechet;libelle;quantite;unite;periode',
            'G1;S1;sortant;material.nope;99 99 99;Truc;-5;boisseau;an',
            'G2;S404;dehors;material.wood.clean;;Truc;abc;t;an',
          ]),
        ],
        'dry-run',
      );
      const at = (row: number) =>
        report.issues
          .filter((i) => i.row === row)
          .map((i) => i.column)
          .sort();
      assert.deepEqual(at(2), ['code_dechet', 'code_ressource', 'quantite', 'unite']);
      assert.ok(at(3).includes('id_site') && at(3).includes('sens') && at(3).includes('quantite'), JSON.stringify(at(3)));
    });

    test('in valid-rows mode a file whose every row is rejected says it wrote nothing', async () => {
      const before = await count('actor');
      const report = await run(
        [csv('acteurs.csv', ['id_acteur;raison_sociale;type', 'R1;Mauvais;vaisseau', 'R2;Pire;navire'])],
        'valid-rows',
      );
      assert.deepEqual(report.counts.acteurs, { created: 0, updated: 0, unchanged: 0, rejected: 2 });
      assert.equal(report.written, false);
      assert.equal(await count('actor'), before);
    });

    test('an import and its record are committed together, and the rows are staged then moved, leaving no staged row', async () => {
      const runs = async () => (await services.territoryImports.listRuns(SYSTEM, 'IMPORT', 200)).length;
      const runsBefore = await runs();
      const { report, run } = await services.territoryImports.importAndRecord(
        SYSTEM,
        'IMPORT',
        rowsOfFiles([{ path: csv('acteurs.csv', ['id_acteur;raison_sociale;type', 'T1;Tôlerie;entreprise', 'T2;Tannerie;entreprise']) }]),
        'all-or-nothing',
        'acteurs.csv',
      );
      assert.equal(report.written, true);
      assert.equal(run.written, true);
      assert.equal(await runs(), runsBefore + 1);
      assert.equal(await count('import_stage'), 0);
      assert.equal((await services.territoryData.listActors(SYSTEM, 'IMPORT', { q: 'Tannerie' }, { limit: 5, offset: 0 })).total, 1);
    });

    test('an import that fails while reading keeps its record, with the reason, and writes nothing', async () => {
      const runsBefore = (await services.territoryImports.listRuns(SYSTEM, 'IMPORT', 200)).length;
      const actors = await count('actor');
      async function* failing(): AsyncGenerator<RawRow> {
        yield { sheet: 'acteurs', row: 1, cells: ['id_acteur', 'raison_sociale', 'type'], problems: [] };
        yield { sheet: 'acteurs', row: 2, cells: ['Z1', 'Zinguerie', 'entreprise'], problems: [] };
        throw new UnreadableFileError(
          'fichier CSV illisible vers la ligne 3 : guillemet non refermé',
          'unreadable CSV file near line 3: unclosed quote',
        );
      }
      await assert.rejects(
        services.territoryImports.importAndRecord(SYSTEM, 'IMPORT', failing(), 'valid-rows', 'casse.csv'),
        UnreadableFileError,
      );
      const runs = await services.territoryImports.listRuns(SYSTEM, 'IMPORT', 200);
      assert.equal(runs.length, runsBefore + 1);
      const last = runs.find((r) => r.fileName === 'casse.csv');
      assert.ok(last);
      assert.equal(last.written, false);
      assert.match(JSON.stringify(last.report), /guillemet non refermé/);
      assert.equal(await count('actor'), actors);
    });

    test('rows staged by an import that never finished are invisible, and dropped at the next start', async () => {
      const territory = await db.query<{ id: string }>(`SELECT id FROM territory WHERE code = 'IMPORT'`);
      const territoryId = territory[0]?.id as string;
      const actors = await count('actor');
      const stage = { runId: randomUUID(), territoryId };
      await stageRows(
        db,
        stage,
        createRepositories().actors.bulkRows(territoryId, [
          {
            id: randomUUID(),
            externalId: 'FANTOME',
            siret: null,
            name: 'Fantôme',
            nafCode: null,
            kind: 'company',
            headcountBand: null,
            ess: false,
            contact: {},
          },
        ]),
      );
      assert.equal(await count('actor'), actors, 'a staged row is not in the territory');
      assert.equal(await count('import_stage'), 1);
      assert.equal(await dropAbandonedStages(db, true), 1);
      assert.equal(await count('import_stage'), 0);
    });

    test('a Windows-1252 CSV with commas is read as well as a UTF-8 one with semicolons', async () => {
      const path = join(dir, 'acteurs-1252.csv');
      writeFileSync(
        path,
        Buffer.from('id_acteur,raison_sociale,type\r\nD1,Soci\xe9t\xe9 g\xe9n\xe9rale des d\xe9chets,entreprise\r\n', 'latin1'),
      );
      const report = await services.territoryImports.import(SYSTEM, 'IMPORT', rowsOfFiles([{ path, sheet: 'acteurs' }]), 'all-or-nothing');
      assert.deepEqual(report.issues, []);
      const actors = await services.territoryData.listActors(SYSTEM, 'IMPORT', { q: 'déchets' }, { limit: 5, offset: 0 });
      assert.equal(actors.items[0]?.name, 'Société générale des déchets');
    });
  });
}
