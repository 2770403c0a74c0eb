// Security: a field derived from confidential ones is as confidential as they are — in answers,
// in filters and in the order of lists. `hazardous` derives from the waste code and the quality,
// the yearly quantity from the quantity, where a flow counts in the metabolism from its quantity,
// waste code and fate (the engine's `FLOW_FIELD_SOURCES`). For every standing below the
// facilitators (API key, reader, contributor looking at another actor's flow), a filter must
// match only flows where the field it reads is shown: it must not be an oracle for a hidden one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../app.js';
import { SYSTEM } from '../../platform/access/access.js';
import { LoginThrottle } from '../../platform/access/login-throttle.js';
import { signedIn, type TestClient } from '../../testing/auth.js';
import { testDatabases } from '../../testing/databases.js';

const reference = new ReferenceCatalog();
const CODE = 'DERIVES';
const HAZARDOUS_WASTE = '130205'; // Huiles moteur usagées: a starred (hazardous) code.
const SECRET_LABEL = 'Huiles usagées de la société B';
const PUBLIC_QUANTITY = 123.4;

type Lower = 'apiKey' | 'reader' | 'contributor';
const LOWER: readonly Lower[] = ['apiKey', 'reader', 'contributor'];

interface ShownFlow {
  id: string;
  actorId: string;
  label: string;
  wasteCode: string | null;
  hazardous: boolean | null;
  quality: Record<string, unknown>;
  resourceCode: string;
}

for (const target of testDatabases()) {
  describe(`fields derived from confidential ones, in answers, filters and order, on ${target.name}`, () => {
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let facilitator: TestClient;
    let reader: TestClient;
    let contributor: TestClient;
    let apiKey = '';
    const ids = { own: '', hazardSecret: '', hazardPublic: '', landfill: '', siteHidden: '', hiddenFirst: '', hiddenSecond: '' };

    async function get(who: Lower | 'facilitator', url: string) {
      if (who === 'apiKey') return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${apiKey}` } });
      return { facilitator, reader, contributor }[who].inject({ method: 'GET', url });
    }

    async function list(who: Lower | 'facilitator', query: string): Promise<{ status: number; items: ShownFlow[] }> {
      const r = await get(who, `/api/territories/${CODE}/flows?limit=500${query ? `&${query}` : ''}`);
      return { status: r.statusCode, items: r.statusCode === 200 ? r.json<{ items: ShownFlow[] }>().items : [] };
    }

    before(async () => {
      const opened = await target.open();
      dispose = opened.dispose;
      ({ app, services } = await buildApp({
        db: opened.db,
        reference,
        throttle: new LoginThrottle({ perEmail: 1000, perAddress: 1000, windowMs: 60_000 }),
      }));
      const data = services.territoryData;
      await data.createTerritory(SYSTEM, { code: CODE, level: 'custom', name: 'Champs dérivés', communes: ['59350'] });
      const site = async (name: string) => {
        const actor = await data.createActor(SYSTEM, CODE, { name, kind: 'company' });
        return {
          actor: actor.id,
          site: (await data.createSite(SYSTEM, CODE, { actorId: actor.id, name: `Site ${name}`, communeCode: '59350' })).id,
        };
      };
      const a = await site('Société A');
      const b = await site('Société B');
      const c = await site('Société C');
      const d = await site('Société D');
      ids.own = a.actor;
      await data.createFlow(SYSTEM, CODE, {
        siteId: a.site,
        direction: 'output',
        resourceCode: 'material.chemicals.waste_oils',
        wasteCode: HAZARDOUS_WASTE,
        label: 'Huiles de A',
      });
      // Hazardous, but its waste code and quality are private: `hazardous` must be too.
      ids.hazardSecret = (
        await data.createFlow(SYSTEM, CODE, {
          siteId: b.site,
          direction: 'output',
          resourceCode: 'material.chemicals.waste_oils',
          wasteCode: HAZARDOUS_WASTE,
          label: SECRET_LABEL,
          quality: { purityGrade: 'low' },
          confidentiality: { label: 'private', wasteCode: 'private', quality: 'private' },
        })
      ).id;
      // Hazardous with everything it derives from public: shown.
      ids.hazardPublic = (
        await data.createFlow(SYSTEM, CODE, {
          siteId: c.site,
          direction: 'output',
          resourceCode: 'material.chemicals.waste_oils',
          wasteCode: HAZARDOUS_WASTE,
          label: 'Huiles de C',
          confidentiality: { quality: 'public' },
        })
      ).id;
      // The only flow counted in the metabolism: its quantity is public, its fate (landfill) is not.
      ids.landfill = (
        await data.createFlow(SYSTEM, CODE, {
          siteId: b.site,
          direction: 'output',
          resourceCode: 'material.wood',
          wasteCode: '170201',
          label: 'Bois de chantier de B',
          quantity: { value: PUBLIC_QUANTITY, unit: 't', period: 'year' },
          currentFate: { mode: 'landfill' },
          confidentiality: { quantity: 'public' },
        })
      ).id;
      // Two flows whose labels are private, named so that their labels sort the other way round from their IDs.
      ids.siteHidden = d.site;
      const hidden = [];
      for (let i = 0; i < 2; i++) {
        hidden.push(
          (
            await data.createFlow(SYSTEM, CODE, {
              siteId: d.site,
              direction: 'output',
              resourceCode: 'material.wood',
              label: 'Bois de D',
              confidentiality: { label: 'private' },
            })
          ).id,
        );
      }
      const [first, second] = hidden.sort();
      assert.ok(first && second);
      ids.hiddenFirst = first;
      ids.hiddenSecond = second;
      await data.updateFlow(SYSTEM, CODE, first, { label: 'ZZZ bois caché de D' });
      await data.updateFlow(SYSTEM, CODE, second, { label: 'AAA bois caché de D' });

      facilitator = await signedIn(app, services, { roles: [{ territoryCode: CODE, role: 'facilitator' }] });
      reader = await signedIn(app, services, { roles: [{ territoryCode: CODE, role: 'reader' }] });
      contributor = await signedIn(app, services, { roles: [{ territoryCode: CODE, role: 'contributor', actorId: a.actor }] });
      apiKey = (await services.accounts.createApiKey(SYSTEM, CODE, 'Champs dérivés')).key;
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    test('hazardous is withheld from every lower standing when the waste code and quality it derives from are hidden, and shown when they are public', async () => {
      const base = `/api/territories/${CODE}/flows`;
      const full = (await get('facilitator', `${base}/${ids.hazardSecret}`)).json<ShownFlow>();
      assert.equal(full.hazardous, true, 'the facilitator sees it');
      for (const who of LOWER) {
        const one = await get(who, `${base}/${ids.hazardSecret}`);
        const listed = await list(who, '');
        if (who === 'apiKey') {
          assert.equal(one.statusCode, 200);
          const shown = one.json<ShownFlow>();
          assert.equal(shown.wasteCode, null);
          assert.deepEqual(shown.quality, {});
          assert.equal(shown.hazardous, null, 'hazardous derives from the hidden waste code and quality');
          assert.equal(listed.items.find((f) => f.id === ids.hazardSecret)?.hazardous, null, 'in the list too');
          assert.equal(
            (await get(who, `${base}/${ids.hazardPublic}`)).json<ShownFlow>().hazardous,
            true,
            'shown where its sources are public',
          );
        } else {
          // Readers see no record; a contributor sees another actor's flow as missing.
          assert.equal(one.statusCode, who === 'reader' ? 403 : 404, who);
          assert.ok(!listed.items.some((f) => f.id === ids.hazardSecret), who);
        }
        assert.ok(!one.body.includes(HAZARDOUS_WASTE) && !one.body.includes(SECRET_LABEL), `${who}: nothing of the hidden fields`);
      }
    });

    test('a filter on a hidden field, or on a field derived from it, matches only the flows where the principal sees that field', async () => {
      // `readsHidden`: the filter reads a field hidden on B's hazardous flow (its resource code is public).
      const filters: { query: string; matches(f: ShownFlow): boolean; readsHidden?: false }[] = [
        { query: 'hazardous=true', matches: (f) => f.hazardous === true },
        { query: 'hazardous=false', matches: (f) => f.hazardous === false },
        { query: `wasteCode=${HAZARDOUS_WASTE}`, matches: (f) => f.wasteCode === HAZARDOUS_WASTE },
        { query: `q=${encodeURIComponent('usagées')}`, matches: (f) => f.label.toLowerCase().includes('usagées') },
        { query: `q=${encodeURIComponent('caché')}`, matches: (f) => f.label.includes('caché') },
        { query: 'resource=material.chemicals', matches: (f) => f.resourceCode.startsWith('material.chemicals'), readsHidden: false },
      ];
      // The facilitator's lists find the hidden values: the filters do work.
      assert.ok((await list('facilitator', 'hazardous=true')).items.some((f) => f.id === ids.hazardSecret));
      assert.equal((await list('facilitator', `q=${encodeURIComponent('caché')}`)).items.length, 2);
      for (const who of LOWER) {
        const everything = await list(who, '');
        for (const { query, matches, readsHidden } of filters) {
          const filtered = await list(who, query);
          const where = `${who} ?${query}`;
          if (who === 'reader') {
            assert.equal(filtered.status, 403, where);
            continue;
          }
          assert.equal(filtered.status, 200, where);
          if (readsHidden !== false)
            assert.ok(
              !filtered.items.some((f) => f.id === ids.hazardSecret),
              `${where} finds the flow whose waste code and quality are hidden`,
            );
          // Exactly the rows it sees with that field shown.
          const expected = everything.items
            .filter(matches)
            .map((f) => f.id)
            .sort();
          assert.deepEqual(filtered.items.map((f) => f.id).sort(), expected, where);
          if (who === 'contributor')
            assert.ok(
              filtered.items.every((f) => f.actorId === ids.own),
              where,
            );
        }
      }
    });

    test('the order of a list does not tell a hidden label: flows are sorted by the label shown', async () => {
      const shown = await list('apiKey', `siteId=${ids.siteHidden}`);
      assert.deepEqual(
        shown.items.map((f) => f.label),
        ['material.wood', 'material.wood'],
      );
      assert.deepEqual(
        shown.items.map((f) => f.id),
        [ids.hiddenFirst, ids.hiddenSecond],
        'sorted as shown (same label, then ID), not by the hidden labels',
      );
      const full = await list('facilitator', `siteId=${ids.siteHidden}`);
      assert.deepEqual(
        full.items.map((f) => f.id),
        [ids.hiddenSecond, ids.hiddenFirst],
        'the facilitator’s list is sorted by the labels',
      );
    });

    test('the metabolism below the facilitators withholds a figure resting on one flow whose quantity is public but whose fate is hidden', async () => {
      type Cell = { value: number | null };
      type View = {
        accounts: {
          layers: { material: { outputs: { wastes: { landfill: Cell } }; totals: { outputsByDestination: { landfill: Cell } } } };
        };
      };
      const url = `/api/territories/${CODE}/metabolism`;
      const full = (await get('facilitator', url)).json<View>();
      assert.equal(full.accounts.layers.material.outputs.wastes.landfill.value, PUBLIC_QUANTITY);
      for (const who of LOWER) {
        const r = await get(who, url);
        assert.equal(r.statusCode, 200, who);
        const m = r.json<View>().accounts.layers.material;
        assert.equal(m.outputs.wastes.landfill.value, null, `${who}: the landfilled wood would tell where B’s wood goes`);
        assert.equal(m.totals.outputsByDestination.landfill.value, null, who);
      }
    });
  });
}
