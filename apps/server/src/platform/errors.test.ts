// The API's errors: one catalogue of codes, each with one status and a French and English
// message; one body shape for every answer, `validation` always with its issues; docs/api.md shows
// the catalogue as it is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '@boucles/engine';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../app.js';
import { SESSION_COOKIE } from './access/principal.js';
import { SYSTEM } from './access/access.js';
import { signedIn, type TestClient } from '../testing/auth.js';
import { testDatabases } from '../testing/databases.js';
import { AppError, ConflictError, ERROR_CATALOGUE, errorsMarkdown, invalid, NotFoundError, toAppError, type ErrorCode } from './errors.js';

const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
const context = { bodyLimit: 1024 };

test('every code has one HTTP error status and a default message in French and in English', () => {
  for (const code of CODES) {
    const d = ERROR_CATALOGUE[code];
    assert.ok(Number.isInteger(d.status) && d.status >= 400 && d.status < 600, code);
    assert.ok(d.message.fr.length > 3 && d.message.en.length > 3 && d.when.length > 10, code);
    assert.match(code, /^[a-z]+(?:_[a-z]+)*$/, code);
  }
});

test('an error answers its code’s status, and the same body shape: issues for validation only', () => {
  const forbidden = new AppError('forbidden');
  assert.equal(forbidden.status, 403);
  assert.deepEqual(forbidden.body(), { error: 'forbidden', message: ERROR_CATALOGUE.forbidden.message });
  assert.deepEqual(new NotFoundError({ fr: 'Acteur', en: 'Actor' }).body(), {
    error: 'not_found',
    message: { fr: 'Acteur introuvable', en: 'Actor not found' },
  });
  assert.equal(new ConflictError({ fr: 'déjà là', en: 'there already' }).status, 409);
  const issue = { path: 'siret', code: 'invalid_siret', message: { fr: 'SIRET invalide', en: 'invalid SIRET' } };
  assert.deepEqual(invalid([issue]).body(), { error: 'validation', message: ERROR_CATALOGUE.validation.message, issues: [issue] });
});

test('whatever is thrown becomes one of the codes: engine validation with its issues, parser faults, anything else internal', () => {
  const issue = { path: 'name', code: 'required', message: { fr: 'requis', en: 'required' } };
  const validation = toAppError(new ValidationError([issue]), context);
  assert.deepEqual([validation.status, validation.code, validation.issues], [400, 'validation', [issue]]);
  const own = new AppError('csrf');
  assert.equal(toAppError(own, context), own);
  const json = toAppError(
    Object.assign(new Error('Unexpected token'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }),
    context,
  );
  assert.deepEqual([json.status, json.code], [400, 'invalid_json']);
  assert.doesNotMatch(json.text.fr, /Unexpected/);
  const large = toAppError(Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }), context);
  assert.deepEqual([large.status, large.code, large.text.en], [413, 'body_too_large', 'the request body exceeds 1024 bytes']);
  assert.equal(toAppError(Object.assign(new Error('nul'), { code: '22021' }), context).code, 'bad_request');
  assert.equal(toAppError(new TypeError('x is undefined'), context).code, 'internal');
  assert.equal(toAppError('a string', context).status, 500);
});

test('docs/api.md lists the codes as the catalogue has them (node scripts/generate-docs.mjs)', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../../docs/api.md', import.meta.url)), 'utf8');
  const start = doc.indexOf('<!-- errors:start -->');
  const end = doc.indexOf('<!-- errors:end -->');
  assert.ok(start >= 0 && end > start, 'the markers are in docs/api.md');
  const shown = doc
    .slice(start, end)
    .split('\n')
    .filter((l) => !l.startsWith('<!--'))
    .join('\n');
  assert.equal(shown, errorsMarkdown(), 'docs/api.md is out of date: run node scripts/generate-docs.mjs');
});

const reference = new ReferenceCatalog();

for (const target of testDatabases()) {
  describe(`the API's errors on ${target.name}`, () => {
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let admin: TestClient;

    before(async () => {
      const opened = await target.open();
      dispose = opened.dispose;
      ({ app, services } = await buildApp({ db: opened.db, reference }));
      admin = await signedIn(app, services, { isAdmin: true });
      await services.territoryData.createTerritory(SYSTEM, { code: 'ERREURS', level: 'custom', name: 'Erreurs', communes: ['59350'] });
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    /** The answer's body, checked against the one shape: its code's status, a bilingual message, issues for validation only. */
    function errorOf(
      res: { statusCode: number; json(): unknown },
      code: ErrorCode,
    ): { message: { fr: string; en: string }; issues?: { path: string; code: string }[] } {
      const body = res.json() as { error: ErrorCode; message: { fr: string; en: string }; issues?: { path: string; code: string }[] };
      assert.equal(body.error, code);
      assert.equal(res.statusCode, ERROR_CATALOGUE[code].status, code);
      assert.deepEqual(Object.keys(body).sort(), code === 'validation' ? ['error', 'issues', 'message'] : ['error', 'message'], code);
      assert.ok(body.message.fr && body.message.en, code);
      if (code === 'validation') assert.ok(Array.isArray(body.issues) && body.issues.length > 0, 'validation comes with its issues');
      return body;
    }

    test('each kind of failure answers its code, its status and the one body shape', async () => {
      errorOf(await app.inject({ method: 'GET', url: '/api/nulle-part' }), 'not_found');
      errorOf(await app.inject({ method: 'GET', url: '/api/auth/me' }), 'unauthenticated');
      errorOf(
        await app.inject({ method: 'GET', url: '/api/territories', headers: { authorization: 'Bearer bk_inconnue' } }),
        'invalid_api_key',
      );
      errorOf(await app.inject({ method: 'POST', url: '/api/territories', headers: { cookie: admin.cookie }, payload: {} }), 'csrf');
      errorOf(
        await admin.inject({
          method: 'POST',
          url: '/api/territories',
          payload: '{"code": ',
          headers: { 'content-type': 'application/json' },
        }),
        'invalid_json',
      );
      errorOf(
        await admin.inject({ method: 'POST', url: '/api/territories', payload: '<a/>', headers: { 'content-type': 'application/xml' } }),
        'unsupported_media_type',
      );
      errorOf(await admin.inject({ method: 'POST', url: '/api/territories', payload: { code: '!!' } }), 'validation');
      errorOf(await admin.inject({ method: 'GET', url: '/api/territories/NEXISTE-PAS' }), 'not_found');
      errorOf(
        await admin.inject({
          method: 'POST',
          url: '/api/territories',
          payload: { code: 'ERREURS', level: 'custom', name: 'Encore', communes: ['59350'] },
        }),
        'conflict',
      );
    });

    test('a validation refused by a service comes with its issues too, and keeps its message', async () => {
      const one = errorOf(await admin.inject({ method: 'GET', url: '/api/interdependencies?territories=ERREURS,ERREURS' }), 'validation');
      assert.deepEqual(
        one.issues?.map((i) => [i.path, i.code]),
        [['query.territories', 'too_small']],
      );
      assert.equal(one.message.fr, 'il faut au moins deux territoires différents');
      const user = await services.accounts.createUser(SYSTEM, { email: 'sans-acteur@example.org', displayName: 'Sans acteur' });
      const role = errorOf(
        await admin.inject({ method: 'POST', url: '/api/territories/ERREURS/roles', payload: { userId: user.id, role: 'contributor' } }),
        'validation',
      );
      assert.deepEqual(
        role.issues?.map((i) => [i.path, i.code]),
        [['actorId', 'contributor_actor']],
      );
    });

    test('a wrong password is a 400 invalid_credentials, at sign-in and when changing it; the session stays', async () => {
      const password = 'un mot de passe assez long';
      await services.accounts.createUser(SYSTEM, { email: 'erreurs@example.org', displayName: 'Erreurs', password, isAdmin: true });
      errorOf(
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'erreurs@example.org', password: 'pas le bon mot de passe' },
        }),
        'invalid_credentials',
      );
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'erreurs@example.org', password } });
      assert.equal(login.statusCode, 200);
      const cookie = `${SESSION_COOKIE}=${/boucles_session=([^;]+)/.exec(String(login.headers['set-cookie']))?.[1] ?? ''}`;
      const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
      const change = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: 'pas le bon mot de passe', newPassword: 'un tout nouveau mot de passe' },
      });
      assert.equal(errorOf(change, 'invalid_credentials').message.fr, 'le mot de passe actuel est incorrect');
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
        200,
        'the session is still valid',
      );
    });
  });
}
