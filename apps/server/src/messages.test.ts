// The API's error messages, as users read them: the French one says what is expected in French
// words, never with a regular expression nor the text of a library (Zod, Fastify, JSON.parse).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from './app.js';
import { signedIn, type TestClient } from './testing/auth.js';
import { testDatabases } from './testing/databases.js';

const reference = new ReferenceCatalog();
const REGEX = /\/\^|\$\/|\\d|\\w|\[0-9|\[a-z|\(\?:|\{\d+,\d*\}/;
const LIBRARY =
  /\b(?:Invalid|Expected|received|Too (?:big|small)|must match|Unrecognized key|Required|Unexpected token|JSON at position|Body cannot be empty|is not valid JSON)\b|Entrée invalide|Chaîne de caractères invalide|motif|Trop (?:grand|petit)|Option invalide/;

interface ErrorAnswer {
  error: string;
  message: { fr: string; en: string };
  issues?: { path: string; code: string; message: { fr: string; en: string } }[];
}

for (const target of testDatabases()) {
  describe(`the API's messages in French and in English on ${target.name}`, () => {
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let admin: TestClient;

    before(async () => {
      const opened = await target.open();
      dispose = opened.dispose;
      ({ app, services } = await buildApp({ db: opened.db, reference }));
      admin = await signedIn(app, services, { isAdmin: true });
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    test('no French message answered to bad query strings and bodies holds a regular expression or a library’s wording', async () => {
      const requests: { method: 'GET' | 'POST'; url: string; payload?: string; type?: string }[] = [
        {
          method: 'GET',
          url: '/api/territories/DEMO/actors?siret=123&naf=abc!&communeCode=5935&ess=oui&kind=entreprise&limit=mille&extra=1',
        },
        { method: 'GET', url: '/api/territories/DEMO/sites?communeCode=ABCDE&actorId=pas-un-uuid&offset=-1' },
        {
          method: 'GET',
          url: '/api/territories/DEMO/flows?wasteCode=20+01+01&resource=Bois+Propre&hazardous=oui&siteId=x&direction=sortie',
        },
        { method: 'GET', url: '/api/territories/DEMO/needs?resource=A.B&category=autre' },
        { method: 'GET', url: '/api/reference/communes?codes=1,2' },
        { method: 'GET', url: `/api/territories/${'x'.repeat(50)}` },
        { method: 'POST', url: '/api/territories', payload: JSON.stringify({ code: '!!', level: 'pays', name: '', communes: ['1'] }) },
        { method: 'POST', url: '/api/territories', payload: '{"code": "T", ' },
        { method: 'POST', url: '/api/territories', payload: '' },
      ];
      let checked = 0;
      for (const r of requests) {
        const res = await admin.inject({
          method: r.method,
          url: r.url,
          ...(r.payload === undefined ? {} : { payload: r.payload, headers: { 'content-type': r.type ?? 'application/json' } }),
        });
        assert.equal(res.statusCode, 400, `${r.method} ${r.url}: ${res.body.slice(0, 300)}`);
        const body = res.json<ErrorAnswer>();
        for (const m of [body.message, ...(body.issues ?? []).map((i) => ({ ...i.message, fr: `${i.path} : ${i.message.fr}` }))]) {
          checked++;
          const where = `${r.method} ${r.url}: « ${m.fr} »`;
          assert.doesNotMatch(m.fr, REGEX, where);
          assert.doesNotMatch(m.fr, LIBRARY, where);
          assert.doesNotMatch(m.en, REGEX, `${r.method} ${r.url}: "${m.en}"`);
        }
      }
      assert.ok(checked > 25, `${checked} messages checked`);
    });

    test('a malformed SIRET in a query string is answered « SIRET : 14 chiffres attendus », on its parameter', async () => {
      const res = await admin.inject({ method: 'GET', url: '/api/territories/DEMO/actors?siret=123' });
      const issue = res.json<ErrorAnswer>().issues?.find((i) => i.path === 'query.siret');
      assert.deepEqual(issue?.message, {
        fr: 'SIRET : 14 chiffres attendus, sans espace',
        en: 'SIRET: 14 digits expected, without spaces',
      });
    });

    test('a body that is not JSON is answered in French words, the parser’s detail in English only', async () => {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/territories',
        payload: '{"code": ',
        headers: { 'content-type': 'application/json' },
      });
      const body = res.json<ErrorAnswer>();
      assert.equal(body.error, 'invalid_json');
      assert.equal(body.message.fr, "le corps de la requête n'est pas un JSON valide : vérifier les guillemets, virgules et accolades");
      assert.match(body.message.en, /^the request body is not valid JSON/);
    });
  });
}
