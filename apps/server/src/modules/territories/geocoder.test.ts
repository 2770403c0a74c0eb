// The geocoder speaks the API of the Base Adresse Nationale; here a small HTTP server on this
// machine answers as the BAN does, since the tests cannot reach the internet.
import { SYSTEM } from '../../platform/access/access.js';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import { createServices } from '../../app.js';
import { openPglite } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { rowsOfFiles } from '../interchange/index.js';
import { BanGeocoder } from './geocoder.js';

let server: Server;
let base = '';
const seen: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'boucles-geo-'));

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push(url.pathname + url.search);
    const q = url.searchParams.get('q') ?? '';
    const good = q.includes('Grand Place');
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [3.063, 50.6368] },
            properties: {
              label: good ? 'Grand Place 59800 Lille' : 'Lille',
              score: good ? 0.93 : 0.21,
              citycode: url.searchParams.get('citycode'),
            },
          },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test('a good match gives a point; a doubtful one gives none', async () => {
  const ban = new BanGeocoder(base);
  const found = await ban.geocode('1 Grand Place', '59350');
  assert.deepEqual(found?.location, { lat: 50.6368, lon: 3.063 });
  assert.match(seen.at(-1) ?? '', /^\/search\/\?q=1\+Grand\+Place&citycode=59350&limit=1$/);
  assert.equal(await ban.geocode('quelque part', '59350'), null);
});

test('an unreachable geocoder throws, and the import keeps such sites not located', async () => {
  await assert.rejects(new BanGeocoder('http://127.0.0.1:9', 2000).geocode('1 Grand Place', '59350'));
  const db = await openPglite();
  try {
    await migrate(db);
    const reference = new ReferenceCatalog();
    const csv = join(dir, 'sites.csv');
    writeFileSync(
      csv,
      'id_site;acteur;nom;adresse;code_commune\nG1;73282932000074;Mairie;1 Grand Place;59350\nG2;73282932000074;Entrepôt;quelque part;59350\n',
    );
    const actors = join(dir, 'acteurs.csv');
    writeFileSync(actors, 'siret;raison_sociale;type\n73282932000074;Ville;organisme public\n');
    const files = [{ path: actors }, { path: csv }];

    const online = createServices(db, reference, { geocoder: new BanGeocoder(base) });
    await online.territoryData.createTerritory(SYSTEM, { code: 'GEO', level: 'custom', name: 'Géo', communes: ['59350'] });
    const report = await online.territoryImports.import(SYSTEM, 'GEO', rowsOfFiles(files), 'all-or-nothing');
    assert.deepEqual(report.issues, []);
    assert.deepEqual(
      report.warnings.map((w) => [w.row, w.code]),
      [
        [2, 'geocoded'],
        [3, 'not_located'],
      ],
    );
    const sites = await online.territoryData.listSites(SYSTEM, 'GEO', {}, { limit: 10, offset: 0 });
    assert.deepEqual(sites.items.find((s) => s.externalId === 'G1')?.location, { lat: 50.6368, lon: 3.063 });
    assert.equal(sites.items.find((s) => s.externalId === 'G2')?.location, null);

    const offline = createServices(db, reference, { geocoder: new BanGeocoder('http://127.0.0.1:9', 2000) });
    await offline.territoryData.createTerritory(SYSTEM, { code: 'GEO2', level: 'custom', name: 'Géo 2', communes: ['59350'] });
    const down = await offline.territoryImports.import(SYSTEM, 'GEO2', rowsOfFiles(files), 'all-or-nothing');
    assert.equal(down.written, true);
    assert.deepEqual(
      down.warnings.map((w) => w.code),
      ['geocoder_unreachable', 'not_located', 'not_located'],
    );
  } finally {
    await db.close();
  }
});
