// The company relationship log through the API, on PGlite and PostgreSQL: what a facilitator does
// with it, who else may not read or write it (and how they are told), how a faulty entry is
// refused, and what becomes of an entry when its author's account or its company goes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { SYSTEM } from '../../platform/access/access.js';
import { signedIn, type TestClient } from '../../testing/auth.js';
import { testDatabases } from '../../testing/databases.js';
import type { Interaction } from './repository.js';

const reference = new ReferenceCatalog();
const T1 = 'TEST-ECHANGES';
const T2 = 'TEST-VOISIN';
const MISSING = 'NEXISTE-PAS';

interface ErrorBody {
  error: string;
  message: { fr: string; en: string };
  issues?: { path: string; code: string; message: { fr: string; en: string } }[];
}
interface PageBody {
  items: Interaction[];
  total: number;
}

const log = (code: string) => `/api/territories/${code}/interactions`;

for (const target of testDatabases()) {
  describe(`the company relationship log on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let facilitator: TestClient;
    let administrator: TestClient;
    let contributor: TestClient;
    let reader: TestClient;
    let neighbour: TestClient;
    let apiKey = '';
    /** Two actors of T1 (the contributor speaks for the first) and one of T2. */
    const actors = { brewery: '', foundry: '', t2: '' };

    before(async () => {
      const opened = await target.open();
      db = opened.db;
      dispose = opened.dispose;
      ({ app, services } = await buildApp({ db, reference }));
      for (const code of [T1, T2])
        await services.territoryData.createTerritory(SYSTEM, { code, level: 'custom', name: `Territoire ${code}`, communes: ['59350'] });
      actors.brewery = (await services.territoryData.createActor(SYSTEM, T1, { name: 'Brasserie des Essais', kind: 'company' })).id;
      actors.foundry = (await services.territoryData.createActor(SYSTEM, T1, { name: 'Fonderie du Test', kind: 'company' })).id;
      actors.t2 = (await services.territoryData.createActor(SYSTEM, T2, { name: 'Voisine SA', kind: 'company' })).id;
      facilitator = await signedIn(app, services, {
        displayName: 'Camille Animatrice',
        roles: [{ territoryCode: T1, role: 'facilitator' }],
      });
      administrator = await signedIn(app, services, { roles: [{ territoryCode: T1, role: 'administrator' }] });
      contributor = await signedIn(app, services, { roles: [{ territoryCode: T1, role: 'contributor', actorId: actors.brewery }] });
      reader = await signedIn(app, services, { roles: [{ territoryCode: T1, role: 'reader' }] });
      neighbour = await signedIn(app, services, { roles: [{ territoryCode: T2, role: 'facilitator' }] });
      apiKey = (await services.accounts.createApiKey(SYSTEM, T1, 'Essais')).key;
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    const visit = (over: Record<string, unknown> = {}) => ({
      actorId: actors.brewery,
      occurredOn: '2026-03-12',
      kind: 'visit',
      participants: 'Dirigeante et responsable QSE ; chargée de mission économie circulaire',
      topics: 'Drêches, consommation d’eau, projet d’extension',
      weakSignal: true,
      weakSignalText: 'Cherche un repreneur d’ici deux ans',
      serviceOffered: 'Réponse à des appels d’offres, soutien au développement de l’éco-conception',
      followUpOn: '2026-06-01',
      ...over,
    });

    async function entry(client: TestClient, code: string, over: Record<string, unknown> = {}): Promise<Interaction> {
      const r = await client.json<Interaction>('POST', log(code), visit(over));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    }

    async function auditOf(id: string): Promise<{ action: string; user_id: string | null; details: Record<string, unknown> }[]> {
      return db.query('SELECT action, user_id, details FROM audit_event WHERE entity = $1 AND entity_id = $2 ORDER BY id', [
        'interaction',
        id,
      ]);
    }

    test('a facilitator writes down an exchange, reads it, changes it and deletes it, and each change is in the audit log without its text', async () => {
      const created = await facilitator.json<Interaction>('POST', log(T1), visit());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const e = created.body;
      assert.equal(e.actorName, 'Brasserie des Essais');
      assert.equal(e.occurredOn, '2026-03-12');
      assert.equal(e.followUpOn, '2026-06-01');
      assert.equal(e.weakSignalText, 'Cherche un repreneur d’ici deux ans');
      assert.deepEqual(e.createdBy, { id: facilitator.userId, displayName: 'Camille Animatrice' });

      const read = await facilitator.json<Interaction>('GET', `${log(T1)}/${e.id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, e);

      // A partial change keeps the other fields; unsetting the weak signal clears its text; null clears an optional field.
      const changed = await facilitator.json<Interaction>('PATCH', `${log(T1)}/${e.id}`, {
        kind: 'club',
        weakSignal: false,
        followUpOn: null,
        topics: '  ',
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.kind, 'club');
      assert.equal(changed.body.weakSignal, false);
      assert.equal(changed.body.weakSignalText, null);
      assert.equal(changed.body.followUpOn, null);
      assert.equal(changed.body.topics, null, 'blank text is no text');
      assert.equal(changed.body.participants, e.participants);
      assert.equal(changed.body.occurredOn, e.occurredOn);

      // An administrator of the territory has the same log.
      const listed = await administrator.json<PageBody>('GET', log(T1));
      assert.equal(listed.status, 200);
      assert.ok(listed.body.items.some((i) => i.id === e.id && i.kind === 'club'));

      assert.equal((await facilitator.inject({ method: 'DELETE', url: `${log(T1)}/${e.id}` })).statusCode, 204);
      assert.equal((await facilitator.json('GET', `${log(T1)}/${e.id}`)).status, 404);
      assert.equal((await facilitator.inject({ method: 'DELETE', url: `${log(T1)}/${e.id}` })).statusCode, 404, 'deleted once only');

      const audit = await auditOf(e.id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update', 'delete'],
      );
      assert.ok(audit.every((a) => a.user_id === facilitator.userId));
      assert.deepEqual((audit[1]?.details.fields as string[]).sort(), ['followUpOn', 'kind', 'topics', 'weakSignal']);
      assert.doesNotMatch(
        JSON.stringify(audit),
        /repreneur|Dirigeante|Drêches/,
        'the audit log names records, it does not copy their text',
      );
    });

    test('the list is newest first and filters weak signals, one company and a range of days', async () => {
      const a = await entry(facilitator, T1, { occurredOn: '2025-01-10', weakSignal: false, weakSignalText: null, followUpOn: null });
      const b = await entry(facilitator, T1, { occurredOn: '2025-02-20', actorId: actors.foundry });
      const c = await entry(facilitator, T1, {
        occurredOn: '2025-03-05',
        kind: 'company_workshop',
        weakSignal: false,
        weakSignalText: null,
        followUpOn: null,
      });
      const ids = (body: PageBody) => body.items.map((i) => i.id).filter((id) => [a.id, b.id, c.id].includes(id));

      const all = await facilitator.json<PageBody>('GET', log(T1));
      assert.deepEqual(ids(all.body), [c.id, b.id, a.id]);
      const weak = await facilitator.json<PageBody>('GET', `${log(T1)}?weakSignal=true`);
      assert.ok(weak.body.items.every((i) => i.weakSignal));
      assert.deepEqual(ids(weak.body), [b.id]);
      const foundry = await facilitator.json<PageBody>('GET', `${log(T1)}?actorId=${actors.foundry}`);
      assert.deepEqual(ids(foundry.body), [b.id]);
      assert.ok(foundry.body.items.every((i) => i.actorId === actors.foundry));
      const range = await facilitator.json<PageBody>('GET', `${log(T1)}?from=2025-02-01&to=2025-03-05`);
      assert.deepEqual(ids(range.body), [c.id, b.id]);
      const page = await facilitator.json<PageBody>('GET', `${log(T1)}?from=2025-01-01&to=2025-12-31&limit=1&offset=1`);
      assert.deepEqual(
        page.body.items.map((i) => i.id),
        [b.id],
      );
      assert.equal(page.body.total, 3);
    });

    test('a contributor, a reader and an API key of the territory can neither read nor write the log, and are told so as for any facilitators’ action', async () => {
      const e = await entry(facilitator, T1);
      // What the API answers a role too low for an action of the facilitators (here: listing the analyses).
      const refusal = (await contributor.json<ErrorBody>('GET', `/api/territories/${T1}/analyses`)).body;
      assert.equal(refusal.error, 'forbidden');
      const asKey = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
        app.inject({ method, url, headers: { authorization: `Bearer ${apiKey}` }, ...(payload ? { payload } : {}) });
      for (const [who, send] of [
        [
          'contributor',
          (m: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
            contributor.inject({ method: m, url, ...(payload ? { payload } : {}) }),
        ],
        [
          'reader',
          (m: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
            reader.inject({ method: m, url, ...(payload ? { payload } : {}) }),
        ],
        ['API key', asKey],
      ] as const) {
        for (const [method, url, payload] of [
          ['GET', log(T1), undefined],
          ['GET', `${log(T1)}?actorId=${actors.brewery}`, undefined],
          ['GET', `${log(T1)}/${e.id}`, undefined],
          ['POST', log(T1), visit()],
          ['PATCH', `${log(T1)}/${e.id}`, { topics: 'Réécrit' }],
          ['DELETE', `${log(T1)}/${e.id}`, undefined],
        ] as const) {
          const r = await send(method, url, payload);
          assert.equal(r.statusCode, 403, `${who} ${method} ${url}: ${r.body}`);
          if (who !== 'API key') assert.deepEqual(r.json(), refusal, `${who} ${method} ${url}`);
          assert.doesNotMatch(r.body, /repreneur|Dirigeante|Brasserie/, `${who} ${method} ${url} leaked the log`);
        }
      }
      // Nothing was changed by them.
      const still = await facilitator.json<Interaction>('GET', `${log(T1)}/${e.id}`);
      assert.deepEqual(still.body, e);
      assert.equal((await auditOf(e.id)).length, 1);
    });

    test('a facilitator of another territory finds neither the log nor any of its entries: answered exactly as for what does not exist', async () => {
      const e = await entry(facilitator, T1);
      for (const [method, path] of [
        ['GET', ''],
        ['GET', `/${e.id}`],
        ['PATCH', `/${e.id}`],
        ['DELETE', `/${e.id}`],
        ['POST', ''],
      ] as const) {
        const payload = method === 'PATCH' ? { topics: 'Réécrit' } : method === 'POST' ? visit({ actorId: actors.t2 }) : undefined;
        const theirs = await neighbour.json<ErrorBody>(method, `${log(T1)}${path}`, payload);
        const none = await neighbour.json<ErrorBody>(method, `${log(MISSING)}${path}`, payload);
        assert.equal(theirs.status, 404, `${method} ${path}`);
        assert.deepEqual(theirs.body, none.body, `${method} ${path}`);
      }
      // Through its own territory's address, another territory's entry is just not there.
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const payload = method === 'PATCH' ? { topics: 'Réécrit' } : undefined;
        const theirs = await neighbour.json<ErrorBody>(method, `${log(T2)}/${e.id}`, payload);
        const none = await neighbour.json<ErrorBody>(method, `${log(T2)}/${randomUUID()}`, payload);
        assert.equal(theirs.status, 404, method);
        assert.deepEqual(theirs.body, none.body, method);
        assert.equal(theirs.body.message.fr, 'Échange introuvable');
      }
      assert.equal((await neighbour.json<PageBody>('GET', log(T2))).body.total, 0);
      assert.deepEqual((await facilitator.json<Interaction>('GET', `${log(T1)}/${e.id}`)).body, e, 'untouched');
    });

    test('a faulty entry is refused with every faulty field named, in French and in English', async () => {
      const issuesOf = async (method: 'POST' | 'PATCH', url: string, payload: unknown) => {
        const r = await facilitator.json<ErrorBody>(method, url, payload);
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.error, 'validation');
        for (const i of r.body.issues ?? []) assert.ok(i.message.fr && i.message.en && i.message.fr !== i.message.en, JSON.stringify(i));
        return Object.fromEntries((r.body.issues ?? []).map((i) => [i.path, i]));
      };
      const missing = await issuesOf('POST', log(T1), {});
      assert.deepEqual(Object.keys(missing).sort(), ['actorId', 'kind', 'occurredOn']);
      assert.equal(missing.occurredOn?.message.fr, 'champ obligatoire');
      assert.equal(missing.occurredOn?.message.en, 'required field');

      const wrong = await issuesOf(
        'POST',
        log(T1),
        visit({ kind: 'déjeuner', occurredOn: '2026-02-30', actorId: 'la brasserie', participants: 'x'.repeat(2001), colour: 'vert' }),
      );
      assert.deepEqual(Object.keys(wrong).sort(), ['', 'actorId', 'kind', 'occurredOn', 'participants']);
      assert.equal(wrong.occurredOn?.message.fr, 'date invalide : AAAA-MM-JJ attendu');
      assert.equal(wrong['']?.message.fr, 'champ inconnu : colour');

      const signal = await issuesOf('POST', log(T1), visit({ weakSignal: true, weakSignalText: '   ' }));
      assert.equal(signal.weakSignalText?.code, 'weak_signal_text_required');
      const unflagged = await issuesOf('POST', log(T1), visit({ weakSignal: false }));
      assert.equal(unflagged.weakSignalText?.code, 'weak_signal_not_flagged');
      const early = await issuesOf('POST', log(T1), visit({ followUpOn: '2026-03-11' }));
      assert.equal(early.followUpOn?.message.fr, 'la relance ne peut précéder l’échange');
      const ancient = await issuesOf('POST', log(T1), visit({ occurredOn: '0001-01-01' }));
      assert.equal(ancient.occurredOn?.code, 'date_out_of_range');

      // A partial update is checked merged with the stored entry: moving the exchange after its follow-up is refused.
      const e = await entry(facilitator, T1);
      const moved = await issuesOf('PATCH', `${log(T1)}/${e.id}`, { occurredOn: '2026-07-01' });
      assert.deepEqual(Object.keys(moved), ['followUpOn']);
      const nulled = await issuesOf('PATCH', `${log(T1)}/${e.id}`, { kind: null });
      assert.deepEqual(Object.keys(nulled), ['kind']);
      assert.deepEqual((await facilitator.json<Interaction>('GET', `${log(T1)}/${e.id}`)).body, e, 'nothing was changed');
    });

    test('the company must be an actor of the same territory: another territory’s is refused exactly like one that does not exist', async () => {
      const issues = async (method: 'POST' | 'PATCH', url: string, actorId: string) => {
        const r = await facilitator.json<ErrorBody>(method, url, method === 'POST' ? visit({ actorId }) : { actorId });
        assert.equal(r.status, 400, JSON.stringify(r.body));
        return JSON.stringify(r.body).replaceAll(actorId, '<id>');
      };
      const unknown = randomUUID();
      assert.equal(await issues('POST', log(T1), actors.t2), await issues('POST', log(T1), unknown));
      const r = await facilitator.json<ErrorBody>('POST', log(T1), visit({ actorId: actors.t2 }));
      assert.equal(r.body.issues?.[0]?.path, 'actorId');
      assert.equal(r.body.issues?.[0]?.code, 'unknown_actor');
      assert.equal(r.body.issues?.[0]?.message.fr, `aucun acteur ${actors.t2} dans ce territoire`);

      const e = await entry(facilitator, T1);
      assert.equal(await issues('PATCH', `${log(T1)}/${e.id}`, actors.t2), await issues('PATCH', `${log(T1)}/${e.id}`, unknown));
      const moved = await facilitator.json<Interaction>('PATCH', `${log(T1)}/${e.id}`, { actorId: actors.foundry });
      assert.equal(moved.status, 200);
      assert.equal(moved.body.actorName, 'Fonderie du Test');
      const rows = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM interaction i JOIN territory t ON t.id = i.territory_id WHERE t.code = $1',
        [T2],
      );
      assert.equal(rows[0]?.n, 0, 'nothing was written in the other territory');
    });

    test('the API description lists the log’s five routes under its own tag', async () => {
      const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      const doc = r.json<{ tags: { name: string }[]; paths: Record<string, Record<string, { tags?: string[] }>> }>();
      assert.ok(doc.tags.some((t) => t.name === 'relationships'));
      const operations = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/api/territories/{code}/interactions'))
        .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.tags?.join(',') ?? ''}`))
        .sort();
      assert.deepEqual(operations, [
        'DELETE /api/territories/{code}/interactions/{id} relationships',
        'GET /api/territories/{code}/interactions relationships',
        'GET /api/territories/{code}/interactions/{id} relationships',
        'PATCH /api/territories/{code}/interactions/{id} relationships',
        'POST /api/territories/{code}/interactions relationships',
      ]);
    });

    test('an entry outlives its author’s account, unsigned, and goes with its company', async () => {
      const author = await signedIn(app, services, { roles: [{ territoryCode: T1, role: 'facilitator' }] });
      const actor = await services.territoryData.createActor(SYSTEM, T1, { name: 'Scierie Éphémère', kind: 'company' });
      const e = await entry(author, T1, { actorId: actor.id });
      assert.equal(e.createdBy?.id, author.userId);
      await services.accounts.deleteUser(SYSTEM, author.userId);
      const kept = await facilitator.json<Interaction>('GET', `${log(T1)}/${e.id}`);
      assert.equal(kept.status, 200);
      assert.equal(kept.body.createdBy, null);
      assert.equal(kept.body.topics, e.topics);
      await services.territoryData.deleteActor(SYSTEM, T1, actor.id);
      assert.equal((await facilitator.json('GET', `${log(T1)}/${e.id}`)).status, 404);
    });
  });
}
