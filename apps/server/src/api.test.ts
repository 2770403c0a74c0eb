import { signedIn, type TestClient } from './testing/auth.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Database } from './platform/db/database.js';
import { testDatabases } from './testing/databases.js';

const reference = new ReferenceCatalog();
const EPCI = '200041960'; // CC Pévèle Carembault (COG 2026)
const SIRET_A = '73282932000074';
const SIRET_B = '35600000000048';

for (const target of testDatabases()) {
  describe(`the territory API on ${target.name}`, () => {
    let app: FastifyInstance;
    let admin: TestClient;
    let db: Database;
    let dispose: () => Promise<void>;
    let commune: string;
    let otherCommune: string;

    const json = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
      const r = await admin.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
      return {
        status: r.statusCode,
        body: r.body ? (r.json() as Record<string, unknown> & { issues?: { path: string; code: string }[] }) : {},
      };
    };
    const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

    before(async () => {
      ({ db, dispose } = await target.open());
      const built = await buildApp({ db, reference });
      app = built.app;
      admin = await signedIn(app, built.services);
      const t = await json('POST', '/api/territories', { code: EPCI, level: 'epci', name: 'CC Pévèle Carembault' });
      assert.equal(t.status, 201);
      const communes = t.body.communes as string[];
      assert.equal(communes.length, reference.territoryCommunes('epci', EPCI)?.length);
      [commune = '', otherCommune = ''] = communes;
      const other = await json('POST', '/api/territories', {
        code: 'AUTRE',
        level: 'custom',
        name: 'Autre territoire',
        communes: ['75056'],
      });
      assert.equal(other.status, 201);
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    test('health answers ok with the database kind', async () => {
      assert.deepEqual((await json('GET', '/api/health')).body, { status: 'ok', database: target.name });
    });

    test('an actor, its site, a flow and a need are created, read, listed, updated and deleted', async () => {
      const actor = await json('POST', `/api/territories/${EPCI}/actors`, {
        siret: SIRET_A,
        name: 'Scierie du Pévèle',
        nafCode: '16.10A',
        kind: 'company',
        headcountBand: '11',
        contact: { email: 'contact@example.org' },
      });
      assert.equal(actor.status, 201, JSON.stringify(actor.body));
      assert.equal(actor.body.siren, '732829320');
      const actorId = actor.body.id as string;

      const site = await json('POST', `/api/territories/${EPCI}/sites`, {
        actorId,
        name: 'Scierie',
        communeCode: commune,
        lambert93: { x: 713_000, y: 7_046_000 },
      });
      assert.equal(site.status, 201, JSON.stringify(site.body));
      const location = site.body.location as { lat: number; lon: number };
      assert.ok(location.lat > 50 && location.lat < 51 && location.lon > 3 && location.lon < 3.5, JSON.stringify(location));
      const siteId = site.body.id as string;

      const flow = await json('POST', `/api/territories/${EPCI}/flows`, {
        siteId,
        direction: 'output',
        resourceCode: 'material.wood.clean',
        wasteCode: '030105',
        label: 'Sciure et copeaux',
        quantity: { value: 10, unit: 't', period: 'month' },
        monthsAvailable: [3, 1, 2],
        currentFate: { mode: 'energy_recovery', operationCode: 'R1' },
        cost: { amountEur: 20, per: 'unit-of-quantity', kind: 'cost' },
        confidentiality: { cost: 'private', quantity: 'territory' },
      });
      assert.equal(flow.status, 201, JSON.stringify(flow.body));
      assert.deepEqual(flow.body.annualQuantity, { value: 120, unit: 't' });
      assert.deepEqual(flow.body.monthsAvailable, [1, 2, 3]);
      assert.equal(flow.body.actorId, actorId);
      const flowId = flow.body.id as string;

      const need = await json('POST', `/api/territories/${EPCI}/needs`, {
        actorId,
        category: 'waste_collection',
        description: 'Collecte mutualisée des cartons',
        resourceCode: 'material.paper_cardboard',
        quantity: { value: 2, unit: 't', period: 'month' },
      });
      assert.equal(need.status, 201, JSON.stringify(need.body));

      const listed = await json('GET', `/api/territories/${EPCI}/flows?resource=material.wood&direction=output`);
      assert.equal(listed.body.total, 1);
      assert.equal((await json('GET', `/api/territories/${EPCI}/flows?resource=energy`)).body.total, 0);
      assert.equal((await json('GET', `/api/territories/${EPCI}/actors?naf=16&q=scierie`)).body.total, 1);
      assert.equal((await json('GET', `/api/territories/${EPCI}/actors?communeCode=${commune}`)).body.total, 1);
      assert.equal((await json('GET', `/api/territories/${EPCI}/needs?category=waste_collection`)).body.total, 1);

      const patched = await json('PATCH', `/api/territories/${EPCI}/flows/${flowId}`, {
        quantity: { value: 5, unit: 't', period: 'month' },
        cost: null,
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.deepEqual(patched.body.annualQuantity, { value: 60, unit: 't' });
      assert.equal(patched.body.cost, null);
      assert.equal(patched.body.label, 'Sciure et copeaux');

      const moved = await json('PATCH', `/api/territories/${EPCI}/sites/${siteId}`, { location: { lat: 50.5, lon: 3.2 } });
      assert.deepEqual(moved.body.location, { lat: 50.5, lon: 3.2 });

      assert.equal((await json('GET', `/api/territories/${EPCI}/flows/${flowId}`)).status, 200);
      assert.equal((await json('DELETE', `/api/territories/${EPCI}/actors/${actorId}`)).status, 204);
      assert.equal((await json('GET', `/api/territories/${EPCI}/flows/${flowId}`)).status, 404, 'flows go with their actor');
      assert.equal((await json('GET', `/api/territories/${EPCI}/needs`)).body.total, 0);
    });

    test('bad input answers a 400 naming each faulty field, and writes nothing', async () => {
      const before = await count('actor');
      const cases: [unknown, string, string][] = [
        [{ name: 'X', kind: 'company', siret: '73282932000075' }, 'siret', 'invalid_siret'],
        [{ name: 'X', kind: 'company', nafCode: '99.99Z' }, 'nafCode', 'unknown_naf_code'],
        [{ name: 'X', kind: 'spaceship' }, 'kind', 'invalid_value'],
      ];
      for (const [payload, path, code] of cases) {
        const r = await json('POST', `/api/territories/${EPCI}/actors`, payload);
        assert.equal(r.status, 400);
        assert.deepEqual(
          r.body.issues?.map((i) => [i.path, i.code]),
          [[path, code]],
        );
        const message = (r.body.issues as unknown as { message: { fr: string; en: string } }[])[0]?.message;
        assert.ok(message?.fr && message.en && message.fr !== message.en);
      }
      assert.equal(await count('actor'), before);

      const actor = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Verrerie', kind: 'company', siret: SIRET_B });
      const site = await json('POST', `/api/territories/${EPCI}/sites`, { actorId: actor.body.id, name: 'Four', communeCode: commune });
      const flows = await count('flow');
      const flowCases: [Record<string, unknown>, string, string][] = [
        [{ wasteCode: '999999' }, 'wasteCode', 'unknown_waste_code'],
        [{ quantity: { value: 3, unit: 'furlong', period: 'year' } }, 'quantity.unit', 'unknown_unit'],
        [{ quantity: { value: -3, unit: 't', period: 'year' } }, 'quantity.value', 'too_small'],
        [{ quantity: { value: 0, unit: 't', period: 'year' } }, 'quantity.value', 'too_small'],
        [{ resourceCode: 'material.unobtainium' }, 'resourceCode', 'unknown_resource_code'],
        [{ siteId: '7d1c3d0e-8b36-4bb8-b7f7-2a4a4bb0b1a9' }, 'siteId', 'unknown_site'],
      ];
      for (const [over, path, code] of flowCases) {
        const r = await json('POST', `/api/territories/${EPCI}/flows`, {
          siteId: site.body.id,
          direction: 'output',
          resourceCode: 'material.glass.cullet',
          label: 'Calcin',
          ...over,
        });
        assert.equal(r.status, 400, JSON.stringify(over));
        assert.deepEqual(
          r.body.issues?.map((i) => [i.path, i.code]),
          [[path, code]],
          JSON.stringify(r.body),
        );
      }
      assert.equal(await count('flow'), flows);
    });

    test('a malformed JSON body answers 400 and a body over 1 MB answers 413, writing nothing', async () => {
      const before = await count('actor');
      const bad = await admin.inject({
        method: 'POST',
        url: `/api/territories/${EPCI}/actors`,
        headers: { 'content-type': 'application/json' },
        payload: '{"name": "X",',
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error, 'invalid_json');
      const big = await admin.inject({
        method: 'POST',
        url: `/api/territories/${EPCI}/actors`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(1_100_000), kind: 'company' }),
      });
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().error, 'body_too_large');
      assert.match(big.json().message.fr, /dépasse/);
      assert.equal(await count('actor'), before);
    });

    test('a second actor with the same SIRET in the territory is a 409 conflict', async () => {
      const r = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Doublon', kind: 'company', siret: SIRET_B });
      assert.equal(r.status, 409);
      assert.match((r.body.message as { fr: string }).fr, /SIRET/);
    });

    test("one territory's data cannot be read, changed or referenced through another territory", async () => {
      const a = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Acteur A', kind: 'farm' });
      const id = a.body.id as string;
      assert.equal((await json('GET', `/api/territories/AUTRE/actors/${id}`)).status, 404);
      assert.equal((await json('PATCH', `/api/territories/AUTRE/actors/${id}`, { name: 'Volé' })).status, 404);
      assert.equal((await json('DELETE', `/api/territories/AUTRE/actors/${id}`)).status, 404);
      const site = await json('POST', '/api/territories/AUTRE/sites', { actorId: id, name: 'Intrus', communeCode: '75056' });
      assert.equal(site.status, 400);
      assert.deepEqual(
        site.body.issues?.map((i) => i.code),
        ['unknown_actor'],
      );
      assert.equal((await json('GET', `/api/territories/${EPCI}/actors/${id}`)).body.name, 'Acteur A');
      assert.equal((await json('GET', '/api/territories/AUTRE/actors')).body.total, 0);
    });

    test('a site whose coordinates are far from its commune is refused', async () => {
      const a = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Acteur loin', kind: 'company' });
      const r = await json('POST', `/api/territories/${EPCI}/sites`, {
        actorId: a.body.id,
        name: 'À Marseille ?',
        communeCode: commune,
        location: { lat: 43.2965, lon: 5.3698 },
      });
      assert.equal(r.status, 400);
      assert.deepEqual(
        r.body.issues?.map((i) => [i.path, i.code]),
        [['location', 'far_from_commune']],
      );
      assert.match((r.body.issues as unknown as { message: { fr: string } }[])[0]?.message.fr ?? '', /km de la commune/);
    });

    test('a site outside the territory or a commune that does not exist is refused', async () => {
      const a = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Acteur B', kind: 'association' });
      const outside = await json('POST', `/api/territories/${EPCI}/sites`, { actorId: a.body.id, name: 'Paris', communeCode: '75056' });
      assert.deepEqual(
        outside.body.issues?.map((i) => i.code),
        ['commune_outside_territory'],
      );
      const unknown = await json('POST', `/api/territories/${EPCI}/sites`, {
        actorId: a.body.id,
        name: 'Nulle part',
        communeCode: '59999',
      });
      assert.deepEqual(
        unknown.body.issues?.map((i) => i.code),
        ['unknown_commune'],
      );
    });

    test('lists are paginated and say how many items there are in all', async () => {
      for (let i = 0; i < 5; i++) await json('POST', `/api/territories/${EPCI}/actors`, { name: `Page ${i}`, kind: 'other' });
      const page = await json('GET', `/api/territories/${EPCI}/actors?q=Page&limit=2&offset=2`);
      assert.equal(page.body.total, 5);
      assert.deepEqual(
        (page.body.items as { name: string }[]).map((a) => a.name),
        ['Page 2', 'Page 3'],
      );
      const bad = await json('GET', `/api/territories/${EPCI}/actors?limit=100000`);
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.issues?.map((i) => i.path),
        ['query.limit'],
      );
    });

    test('a territory cannot lose a commune where it has sites', async () => {
      const a = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Acteur C', kind: 'company' });
      await json('POST', `/api/territories/${EPCI}/sites`, { actorId: a.body.id, name: 'Site C', communeCode: otherCommune });
      const r = await json('PATCH', `/api/territories/${EPCI}`, { communes: [commune] });
      assert.equal(r.status, 400);
      assert.ok(r.body.issues?.some((i) => i.code === 'commune_in_use'));
      const renamed = await json('PATCH', `/api/territories/${EPCI}`, { name: 'CC Pévèle Carembault (test)' });
      assert.equal(renamed.body.name, 'CC Pévèle Carembault (test)');
    });

    test('a NUL character is refused with a 400, in a body, a query or a path', async () => {
      const body = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'a\u0000b', kind: 'company' });
      assert.deepEqual(
        body.body.issues?.map((i) => [i.path, i.code]),
        [['name', 'nul_character']],
      );
      assert.equal((await json('GET', '/api/territories?q=%00')).status, 400);
      assert.equal((await json('GET', '/api/territories/a%00b')).status, 400);
    });

    test('a commune listed twice in a territory update is a 400, not a crash', async () => {
      const r = await json('PATCH', `/api/territories/${EPCI}`, { communes: [commune, commune] });
      assert.equal(r.status, 400);
      assert.deepEqual(
        r.body.issues?.map((i) => i.code),
        ['duplicate'],
      );
    });

    test('an actor that becomes an ESS structure joins the ESS; null clears its contact', async () => {
      const a = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Future SCIC', kind: 'company', contact: { name: 'Ana' } });
      const p = await json('PATCH', `/api/territories/${EPCI}/actors/${a.body.id}`, { kind: 'ess', contact: null });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      assert.equal(p.body.ess, true);
      assert.deepEqual(p.body.contact, {});
      const contradiction = await json('PATCH', `/api/territories/${EPCI}/actors/${a.body.id}`, { ess: false });
      assert.deepEqual(
        contradiction.body.issues?.map((i) => i.code),
        ['ess_kind_mismatch'],
      );
    });

    test('a flow is hazardous by its starred waste code until the code changes, and as declared otherwise', async () => {
      const a = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Terrassier', kind: 'company' });
      const s = await json('POST', `/api/territories/${EPCI}/sites`, { actorId: a.body.id, name: 'Dépôt', communeCode: commune });
      const f = await json('POST', `/api/territories/${EPCI}/flows`, {
        siteId: s.body.id,
        direction: 'output',
        resourceCode: 'material.construction.excavated_soil',
        wasteCode: '170503',
        label: 'Terres polluées',
      });
      assert.equal(f.status, 201, JSON.stringify(f.body));
      assert.equal(f.body.hazardous, true);
      assert.deepEqual(f.body.quality, {});
      const hazardousList = await json('GET', `/api/territories/${EPCI}/flows?hazardous=true`);
      assert.ok((hazardousList.body.items as { id: string }[]).some((x) => x.id === f.body.id));
      const clean = await json('PATCH', `/api/territories/${EPCI}/flows/${f.body.id}`, { wasteCode: '170504', label: 'Terres inertes' });
      assert.equal(clean.body.hazardous, false);
      const declared = await json('PATCH', `/api/territories/${EPCI}/flows/${f.body.id}`, { quality: { hazardous: true } });
      assert.equal(declared.body.hazardous, true);
      const cleared = await json('PATCH', `/api/territories/${EPCI}/flows/${f.body.id}`, { quality: null });
      assert.equal(cleared.body.hazardous, false);
    });

    test('a reused external ID is reported as such, whatever the ID looks like', async () => {
      await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Un', kind: 'other', externalId: 'siret-7' });
      const r = await json('POST', `/api/territories/${EPCI}/actors`, { name: 'Deux', kind: 'other', externalId: 'siret-7' });
      assert.equal(r.status, 409);
      assert.match((r.body.message as { en: string }).en, /external ID/);
    });

    test('an unknown route under /api answers a JSON 404', async () => {
      const r = await json('GET', '/api/nothing-here');
      assert.equal(r.status, 404);
      assert.equal(r.body.error, 'not_found');
    });

    test('the OpenAPI document describes every route with its schemas', async () => {
      const doc = (await json('GET', '/api/openapi.json')).body as { openapi: string; paths: Record<string, Record<string, unknown>> };
      assert.equal(doc.openapi, '3.1.0');
      for (const kind of ['actors', 'sites', 'flows', 'needs']) {
        assert.ok(doc.paths[`/api/territories/{code}/${kind}`]?.post, `POST ${kind}`);
        assert.ok(doc.paths[`/api/territories/{code}/${kind}/{id}`]?.patch, `PATCH ${kind}`);
      }
      const post = JSON.stringify(doc.paths['/api/territories/{code}/flows']?.post);
      assert.match(post, /resourceCode/);
      assert.match(post, /monthsAvailable/);
    });
  });
}
