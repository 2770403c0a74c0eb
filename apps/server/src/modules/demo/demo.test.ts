import assert from 'node:assert/strict';
import { SYSTEM } from '../../platform/access/access.js';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { distanceMetres } from '@boucles/engine';
import { demoPath, ReferenceCatalog } from '@boucles/reference-data';
import { createServices } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { loadDemoOnFirstStart, readDemoDocument } from './demo.js';
import { testDatabases } from '../../testing/databases.js';

const reference = new ReferenceCatalog();

interface DemoFlow {
  resourceCode: string;
  direction: string;
  wasteCode?: string;
  quality?: { temperatureC?: number };
}
const doc = readDemoDocument() as {
  fictional: boolean;
  territory: { code: string; name: string };
  actors: { kind: string; nafCode?: string }[];
  flows: DemoFlow[];
  needs: { category: string }[];
};

test('the demo territory says it is fictional and has 60 to 150 actors', () => {
  assert.equal(doc.fictional, true);
  assert.match(doc.territory.name, /fictif/);
  assert.ok(doc.actors.length >= 60 && doc.actors.length <= 150, `${doc.actors.length} actors`);
});

test('every demo site lies within 1 km of the reference point of its commune', () => {
  const positions = JSON.parse(readFileSync(demoPath('communes-positions.json'), 'utf8')) as {
    source: { url: string; licence: string };
    communes: { code: string; lat: number; lon: number }[];
  };
  assert.match(positions.source.licence, /ODbL/);
  const sites = (readDemoDocument() as { sites: { externalId: string; communeCode: string; location: { lat: number; lon: number } }[] })
    .sites;
  for (const s of sites) {
    const ref = positions.communes.find((c) => c.code === s.communeCode);
    assert.ok(ref, `${s.externalId}: commune ${s.communeCode} has a reference point`);
    assert.ok(
      distanceMetres(ref, s.location) < 1000,
      `${s.externalId} is ${Math.round(distanceMetres(ref, s.location))} m from ${s.communeCode}`,
    );
  }
});

test("the demo territory holds the seeds' examples", () => {
  const has = (pred: (f: DemoFlow) => boolean) => doc.flows.some(pred);
  assert.ok(
    has((f) => f.direction === 'output' && f.resourceCode.startsWith('energy.heat') && f.quality?.temperatureC === 65),
    'heat at 65 °C',
  );
  assert.ok(
    has((f) => f.direction === 'input' && f.resourceCode.startsWith('energy.heat')),
    'greenhouses taking heat',
  );
  assert.ok(
    has((f) => f.resourceCode === 'packaging.glass_bottles'),
    'glass bottles for reuse',
  );
  assert.ok(
    has((f) => f.resourceCode === 'material.wood.clean' && f.direction === 'output'),
    'wood waste',
  );
  assert.ok(
    has((f) => f.resourceCode === 'energy.fuels.biomass' && f.direction === 'input'),
    'a biomass boiler',
  );
  assert.ok(
    has((f) => f.resourceCode === 'material.biowaste.food_waste'),
    'food waste',
  );
  assert.ok(
    has((f) => f.resourceCode.startsWith('material.construction')),
    'construction materials',
  );
  assert.ok(
    doc.actors.some((a) => a.kind === 'ess'),
    'a ressourcerie or another ESS structure',
  );
  assert.ok(new Set(doc.needs.map((n) => n.category)).size >= 4, 'needs of several categories for mutualisation');
});

for (const target of testDatabases()) {
  describe(`the demo territory on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    before(async () => ({ db, dispose } = await target.open()));
    after(() => dispose());

    test('passes every check of the territory document import', () => {
      assert.doesNotThrow(() => createServices(db, reference).territoryDocuments.check(doc));
    });

    test('loads on the first start only, and not again after it was deleted', async () => {
      const services = createServices(db, reference);
      const report = await loadDemoOnFirstStart(db, services.territoryDocuments);
      assert.ok(report);
      assert.equal(report.created.actors, doc.actors.length);
      assert.equal(report.created.flows, doc.flows.length);
      const flows = await services.territoryData.listFlows(SYSTEM, doc.territory.code, {}, { limit: 1, offset: 0 });
      assert.equal(flows.total, doc.flows.length);
      assert.equal(await loadDemoOnFirstStart(db, services.territoryDocuments), null);
      assert.equal(
        (await services.territoryData.listTerritories(SYSTEM, {}, { limit: 10, offset: 0 })).total,
        2,
        'the neighbour territory is loaded too',
      );
      await services.territoryData.deleteTerritory(SYSTEM, doc.territory.code);
      await services.territoryData.deleteTerritory(SYSTEM, 'DEMO-DUNKERQUE');
      assert.equal(await loadDemoOnFirstStart(db, services.territoryDocuments), null);
      assert.equal((await services.territoryData.listTerritories(SYSTEM, {}, { limit: 10, offset: 0 })).total, 0);
    });
  });
}

test('a document with faults is refused whole, every fault named by its path, and nothing is written', async () => {
  const [target] = testDatabases();
  assert.ok(target);
  const { db, dispose } = await target.open();
  try {
    const services = createServices(db, reference);
    const broken = structuredClone(doc) as unknown as {
      actors: { siret?: string }[];
      sites: { actorExternalId: string }[];
      flows: { quantity?: { unit: string } }[];
    };
    broken.actors[2]!.siret = '12345678901234';
    broken.sites[5]!.actorExternalId = 'NOBODY';
    const flow = broken.flows.findIndex((f) => f.quantity);
    broken.flows[flow]!.quantity!.unit = 'boisseau';
    await assert.rejects(services.territoryDocuments.importNew(SYSTEM, broken), (e: { issues: { path: string }[] }) => {
      assert.deepEqual(
        e.issues.map((i) => i.path),
        ['actors[2].siret', 'sites[5].actorExternalId', `flows[${flow}].quantity.unit`],
      );
      return true;
    });
    assert.equal((await db.query('SELECT 1 FROM territory')).length, 0);
    assert.equal((await db.query('SELECT 1 FROM actor')).length, 0);
  } finally {
    await dispose();
  }
});
