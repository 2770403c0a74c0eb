import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadNaf, loadResourceTaxonomy, loadUnits, loadWasteList, ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { testDatabases } from '../../testing/databases.js';

interface Results<T> {
  items: T[];
  total: number;
  limit: number;
}
interface Naf {
  code: string;
  labelFr: string;
  labelEn: string | null;
  section: string;
  sectionLabelEn: string;
}
interface Waste {
  code: string;
  labelFr: string;
  labelEn: string;
  hazardous: boolean;
}
interface Resource {
  code: string;
  labelFr: string;
  defaultUnit: string;
  acceptedDimensions: string[];
  units: string[];
  temperatureC: { min: number | null; max: number | null } | null;
}

// These routes read reference files only: PGlite is enough for the app to start.
const [target] = testDatabases();

describe('reference lists for the forms’ pickers', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  before(async () => {
    assert.ok(target);
    const opened = await target.open();
    dispose = opened.dispose;
    app = (await buildApp({ db: opened.db, reference: new ReferenceCatalog() })).app;
  });
  after(async () => {
    await app.close();
    await dispose();
  });

  async function get<T>(url: string): Promise<Results<T>> {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Results<T>>();
  }

  test('NAF sub-classes are found by code, with or without its dot, and by label regardless of case and accents', async () => {
    const exact = await get<Naf>('/api/reference/naf?q=10.71C');
    assert.equal(exact.items[0]?.code, '10.71C');
    assert.equal(exact.items[0]?.labelEn, null, 'the reference data holds French labels only');
    assert.equal(exact.items[0]?.section, 'C');
    assert.equal(exact.items[0]?.sectionLabelEn, 'Manufacturing');
    assert.equal((await get<Naf>('/api/reference/naf?q=1071c')).items[0]?.code, '10.71C');
    // Every word must match, accents and case ignored.
    const bakery = await get<Naf>(`/api/reference/naf?q=${encodeURIComponent('PATISSERIE boulangerie')}`);
    assert.ok(
      bakery.items.some((n) => n.code === '10.71C'),
      bakery.items.map((n) => n.code).join(' '),
    );
    assert.ok(bakery.items.every((n) => /p[aâ]tisserie/i.test(n.labelFr) && /boulangerie/i.test(n.labelFr)));
    // Sub-classes only: no section, division, group or class.
    const all = await get<Naf>('/api/reference/naf?limit=100');
    assert.equal(all.total, loadNaf().filter((n) => n.level === 'subclass').length);
    assert.ok(all.total > 700);
    assert.ok(all.items.every((n) => /^\d{2}\.\d{2}[A-Z]$/.test(n.code)));
  });

  test('results are capped at 20 by default and at most 100, and a bad query is refused by field', async () => {
    const some = await get<Naf>('/api/reference/naf?q=commerce');
    assert.equal(some.items.length, 20);
    assert.equal(some.limit, 20);
    assert.ok(some.total > 20);
    assert.equal((await get<Naf>('/api/reference/naf?q=commerce&limit=100')).items.length, Math.min(100, some.total));
    for (const url of ['/api/reference/naf?limit=101', '/api/reference/waste-codes?limit=0', '/api/reference/resources?nope=1']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, url);
      const body = res.json<{ issues: { path: string; message: { fr: string; en: string } }[] }>();
      assert.ok(body.issues[0]?.path.startsWith('query'), url);
      assert.ok(body.issues[0]?.message.fr);
    }
  });

  test('waste codes are found by code (spaces and asterisk allowed) or by French or English label, with whether they are hazardous', async () => {
    const glass = await get<Waste>(`/api/reference/waste-codes?q=${encodeURIComponent('20 01 02')}`);
    assert.equal(glass.items[0]?.code, '200102');
    const oils = await get<Waste>(`/api/reference/waste-codes?q=${encodeURIComponent('13 02 05*')}`);
    assert.equal(oils.items[0]?.code, '130205');
    assert.equal(oils.items[0]?.hazardous, true);
    const french = await get<Waste>(`/api/reference/waste-codes?q=${encodeURIComponent('DECHETS biodegradables')}`);
    assert.ok(
      french.items.some((w) => w.code === '200201'),
      JSON.stringify(french.items),
    );
    assert.ok(french.items.every((w) => /biodégradables/i.test(w.labelFr)));
    const english = await get<Waste>('/api/reference/waste-codes?q=sawdust');
    assert.ok(english.items.length > 0 && english.items.every((w) => /sawdust/i.test(w.labelEn)));
    assert.equal((await get<Waste>('/api/reference/waste-codes?limit=100')).total, loadWasteList().entries.length);
  });

  test('resource classes come with the units they accept, as the engine checks them, and heat classes with their temperature band', async () => {
    const all = await get<Resource>('/api/reference/resources?limit=100');
    assert.equal(all.total, loadResourceTaxonomy().entries.length);
    const byCode = new Map(all.items.map((r) => [r.code, r]));
    assert.deepEqual(byCode.get('material.wood.clean')?.units, ['t', 'kg']);
    assert.deepEqual(byCode.get('energy.fuels.biomass')?.acceptedDimensions, ['mass', 'energy']);
    assert.deepEqual(byCode.get('packaging.pallets')?.acceptedDimensions, ['mass', 'count']);
    assert.deepEqual(byCode.get('energy.heat.medium')?.temperatureC, { min: 60, max: 90 });
    assert.equal(byCode.get('material.wood')?.temperatureC, null);
    for (const r of all.items) assert.ok(r.units.includes(r.defaultUnit), r.code);
    const wood = await get<Resource>('/api/reference/resources?q=bois');
    assert.ok(wood.items.some((r) => r.code === 'material.wood.clean'));
    const heat = await get<Resource>(`/api/reference/resources?q=${encodeURIComponent('chaleur')}`);
    assert.ok(heat.items.some((r) => r.code === 'energy.heat.medium'));
    assert.equal((await get<Resource>('/api/reference/resources?q=energy.heat')).items[0]?.code, 'energy.heat');
  });

  test('units and periods are listed with their labels in both languages', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reference/units' });
    assert.equal(res.statusCode, 200);
    const body = res.json<{ units: { code: string; labelEn: string }[]; periods: { code: string; perYear: number | null }[] }>();
    assert.deepEqual(
      body.units.map((u) => u.code),
      loadUnits().units.map((u) => u.code),
    );
    assert.ok(body.units.every((u) => u.labelEn.length > 0));
    assert.equal(body.periods.find((p) => p.code === 'once')?.perYear, null);
  });

  test('communes are found by name regardless of accents, or named from a list of codes', async () => {
    const found = await get<{ code: string; name: string; postalCodes: string[] }>(
      `/api/reference/communes?q=${encodeURIComponent('esquelbecq')}`,
    );
    assert.equal(found.items[0]?.code, '59210');
    assert.equal(found.items[0]?.name, 'Esquelbecq');
    const accents = await get<{ code: string; name: string }>(`/api/reference/communes?q=${encodeURIComponent('SAINT-MOMELIN')}`);
    assert.ok(accents.items.some((c) => c.name === 'Saint-Momelin'));
    const named = await get<{ code: string; name: string }>('/api/reference/communes?codes=59663,59082,99999&limit=100');
    assert.deepEqual(
      named.items.map((c) => c.code),
      ['59082', '59663'],
    );
    const bad = await app.inject({ method: 'GET', url: '/api/reference/communes?codes=5966' });
    assert.equal(bad.statusCode, 400);
  });

  test('headcount bands are listed in both languages', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reference/headcount-bands' });
    const { items } = res.json<{ items: { code: string; labelFr: string; labelEn: string }[] }>();
    assert.equal(items[0]?.code, 'NN');
    assert.ok(items.length > 10 && items.every((b) => b.labelFr && b.labelEn));
  });

  test('the reference routes are in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    for (const path of [
      '/api/reference/naf',
      '/api/reference/waste-codes',
      '/api/reference/resources',
      '/api/reference/units',
      '/api/reference/communes',
      '/api/reference/headcount-bands',
    ])
      assert.ok(doc.paths[path], path);
  });
});
