// Security of accounts and sessions: brute force, session fixation, cross-site request forgery,
// deleted users, API keys, secrets at rest, and a person's data exported and erased on request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from './app.js';
import type { Database } from './platform/db/database.js';
import { SESSION_COOKIE } from './platform/access/principal.js';
import { SYSTEM } from './platform/access/access.js';
import { LoginThrottle } from './platform/access/login-throttle.js';
import { clientFor, type TestClient } from './testing/auth.js';
import { testDatabases } from './testing/databases.js';

const reference = new ReferenceCatalog();
const CODE = 'SECU';
const PASSWORD = 'correct horse battery staple';

function cookieOf(setCookie: string | string[] | undefined): { token: string; attributes: string } {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
  const [pair = '', ...attributes] = header.split(';');
  return { token: pair.slice(SESSION_COOKIE.length + 1), attributes: attributes.join(';') };
}

for (const target of testDatabases()) {
  describe(`security of accounts and sessions on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let admin: TestClient;
    const logged: string[] = [];
    let n = 0;

    async function account(roles = [{ territoryCode: CODE, role: 'facilitator' as const }]) {
      n += 1;
      const email = `securite${n}@example.org`;
      const user = await services.accounts.createUser(SYSTEM, { email, displayName: `Sécurité ${n}`, password: PASSWORD, roles });
      return { ...user, email };
    }

    async function login(email: string, password: string, headers: Record<string, string> = {}) {
      return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers, remoteAddress: '10.0.0.1' });
    }

    before(async () => {
      ({ db, dispose } = await target.open());
      ({ app, services } = await buildApp({
        db,
        reference,
        log: (line) => logged.push(line),
        throttle: new LoginThrottle({ perEmail: 5, perAddress: 20, windowMs: 15 * 60_000 }),
        secureCookies: true,
        publicUrl: 'https://boucles.example.org',
      }));
      await services.territoryData.createTerritory(SYSTEM, { code: CODE, level: 'custom', name: 'Sécurité', communes: ['59350'] });
      const u = await services.accounts.createUser(SYSTEM, { email: 'admin-secu@example.org', displayName: 'Admin', isAdmin: true });
      admin = await clientFor(app, services, u.id, u.email);
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    test('passwords are stored as Argon2id hashes and session tokens as digests, never as given', async () => {
      const user = await account();
      const r = await login(user.email, PASSWORD);
      assert.equal(r.statusCode, 200, r.body);
      const { token } = cookieOf(r.headers['set-cookie']);
      const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [user.id]);
      assert.match(row?.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const sessions = await db.query<{ token_hash: string }>('SELECT token_hash FROM user_session WHERE user_id = $1', [user.id]);
      assert.ok(sessions.length >= 1);
      assert.ok(sessions.every((s) => s.token_hash !== token && /^[0-9a-f]{64}$/.test(s.token_hash)));
    });

    test('the session cookie is HttpOnly, SameSite=Lax and Secure', async () => {
      const user = await account();
      const { attributes } = cookieOf((await login(user.email, PASSWORD)).headers['set-cookie']);
      assert.match(attributes, /HttpOnly/i);
      assert.match(attributes, /SameSite=Lax/i);
      assert.match(attributes, /Secure/i);
      assert.match(attributes, /Path=\//);
    });

    test('brute-force sign-in is refused after five failures, even with the right password, and another account is not locked', async () => {
      const user = await account();
      const other = await account();
      for (let i = 0; i < 5; i++) assert.equal((await login(user.email, `mauvais ${i}`)).statusCode, 400);
      const blocked = await login(user.email, PASSWORD);
      assert.equal(blocked.statusCode, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      assert.match(blocked.json<{ message: { fr: string } }>().message.fr, /trop de tentatives/);
      assert.equal((await login(other.email, PASSWORD)).statusCode, 200, 'the limit is per account');
    });

    test('an unknown e-mail and a wrong password get the same answer', async () => {
      const user = await account();
      const unknown = await login('personne@example.org', PASSWORD);
      const wrong = await login(user.email, 'pas le bon mot de passe');
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.body, wrong.body);
    });

    test('signing in issues a new session token: one planted before is neither kept nor accepted (no session fixation)', async () => {
      const user = await account();
      const planted = 'jeton-choisi-par-un-attaquant-0000000000000';
      const r = await login(user.email, PASSWORD, { cookie: `${SESSION_COOKIE}=${planted}` });
      assert.equal(r.statusCode, 200);
      const { token } = cookieOf(r.headers['set-cookie']);
      assert.ok(token && token !== planted);
      const withPlanted = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${planted}` } });
      assert.equal(withPlanted.statusCode, 401);
      // A session someone had before signing in again ends: it cannot be handed over.
      const first = cookieOf((await login(user.email, PASSWORD)).headers['set-cookie']).token;
      const second = await login(user.email, PASSWORD, { cookie: `${SESSION_COOKIE}=${first}` });
      assert.notEqual(cookieOf(second.headers['set-cookie']).token, first);
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${first}` } })).statusCode,
        401,
      );
    });

    test('a change with a session cookie needs the CSRF token and the server’s own origin', async () => {
      const user = await account();
      const r = await login(user.email, PASSWORD);
      const { token } = cookieOf(r.headers['set-cookie']);
      const csrf = r.json<{ csrfToken: string }>().csrfToken;
      const post = (headers: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: `/api/territories/${CODE}/actors`,
          payload: { name: 'Forgé', kind: 'company' },
          headers: { cookie: `${SESSION_COOKIE}=${token}`, ...headers },
        });
      const none = await post({});
      assert.equal(none.statusCode, 403);
      assert.equal(none.json<{ error: string }>().error, 'csrf');
      assert.equal((await post({ 'x-csrf-token': `${csrf}x` })).statusCode, 403);
      assert.equal((await post({ 'x-csrf-token': csrf, origin: 'https://site-malveillant.example' })).statusCode, 403);
      assert.equal((await post({ 'x-csrf-token': csrf })).statusCode, 201);
      const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM actor WHERE name = 'Forgé'`);
      assert.equal(count?.n, 1, 'only the request with the token wrote');
      // Sign-in from another site is refused too (login CSRF).
      assert.equal((await login(user.email, PASSWORD, { origin: 'https://site-malveillant.example' })).statusCode, 403);
      // Behind a proxy terminating HTTPS, the public address (PUBLIC_URL) is the origin browsers send.
      assert.equal((await post({ 'x-csrf-token': csrf, origin: 'https://boucles.example.org' })).statusCode, 201);
    });

    test('a deleted user loses access at once, its open session included', async () => {
      const user = await account();
      const client = await clientFor(app, services, user.id, user.email);
      assert.equal((await client.json('GET', `/api/territories/${CODE}/actors`)).status, 200);
      assert.equal((await admin.json('DELETE', `/api/users/${user.id}`)).status, 204);
      assert.equal((await client.json('GET', `/api/territories/${CODE}/actors`)).status, 401);
      assert.equal((await client.json('GET', '/api/auth/me')).status, 401);
    });

    test('a role taken back is lost at once', async () => {
      const user = await account();
      const client = await clientFor(app, services, user.id, user.email);
      assert.equal((await client.json('GET', `/api/territories/${CODE}/actors`)).status, 200);
      const role = user.roles[0];
      assert.ok(role);
      assert.equal((await admin.json('DELETE', `/api/territories/${CODE}/roles/${role.id}`)).status, 204);
      assert.equal((await client.json('GET', `/api/territories/${CODE}/actors`)).status, 404);
    });

    test('signing out ends the session on the server, not only in the browser', async () => {
      const user = await account();
      const r = await login(user.email, PASSWORD);
      const cookie = `${SESSION_COOKIE}=${cookieOf(r.headers['set-cookie']).token}`;
      const csrf = r.json<{ csrfToken: string }>().csrfToken;
      assert.equal(
        (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode,
        204,
      );
      assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 401);
    });

    test('a password reset goes through a single-use token and ends the sessions; the answer does not tell whether the account exists', async () => {
      const user = await account();
      const before = cookieOf((await login(user.email, PASSWORD)).headers['set-cookie']).token;
      logged.length = 0;
      const unknown = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'inconnu@example.org' } });
      assert.equal(unknown.statusCode, 202);
      assert.equal(logged.length, 0);
      const known = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      assert.equal(known.statusCode, 202);
      assert.equal(known.body, unknown.body);
      const token = /token=([A-Za-z0-9_-]+)/.exec(logged.join('\n'))?.[1];
      assert.ok(token, 'the reset link is in the log');
      assert.ok(!logged.join('\n').includes(user.email), 'the log names the account by ID, not by e-mail');
      const confirm = (t: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token: t, newPassword: 'un tout nouveau mot de passe' },
        });
      assert.equal((await confirm(token)).statusCode, 204);
      assert.equal((await confirm(token)).statusCode, 400, 'single use');
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${before}` } })).statusCode,
        401,
      );
      assert.equal((await login(user.email, 'un tout nouveau mot de passe')).statusCode, 200);
    });

    test('an API key reads, never writes, is stored as a digest and stops working once revoked', async () => {
      const created = await admin.json<{ id: string; key: string }>('POST', `/api/territories/${CODE}/api-keys`, {
        name: 'Observatoire régional',
      });
      assert.equal(created.status, 201);
      const key = created.body.key;
      const bearer = { authorization: `Bearer ${key}` };
      assert.equal((await app.inject({ method: 'GET', url: `/api/territories/${CODE}/actors`, headers: bearer })).statusCode, 200);
      assert.equal(
        (
          await app.inject({
            method: 'POST',
            url: `/api/territories/${CODE}/actors`,
            headers: bearer,
            payload: { name: 'X', kind: 'company' },
          })
        ).statusCode,
        403,
      );
      const stored = await db.query<{ key_hash: string }>('SELECT key_hash FROM api_key');
      assert.ok(stored.every((s) => s.key_hash !== key));
      assert.equal((await admin.json('DELETE', `/api/territories/${CODE}/api-keys/${created.body.id}`)).status, 204);
      assert.equal((await app.inject({ method: 'GET', url: `/api/territories/${CODE}/actors`, headers: bearer })).statusCode, 401);
    });

    test('a contact’s personal data is exported and erased on request; the audit log keeps the fact and not the data', async () => {
      const email = 'jeanne.martin@example.org';
      const actor = await admin.json<{ id: string }>('POST', `/api/territories/${CODE}/actors`, {
        name: 'Menuiserie Martin',
        kind: 'company',
        contact: { name: 'Jeanne Martin', email, phone: '+33 3 20 00 00 00' },
      });
      assert.equal(actor.status, 201);
      const exported = await admin.json<{ contacts: { actorId: string; contact: { name: string; email: string } }[] }>(
        'GET',
        `/api/privacy/contacts?email=${encodeURIComponent(email.toUpperCase())}`,
      );
      assert.equal(exported.status, 200);
      assert.deepEqual(
        exported.body.contacts.map((c) => [c.actorId, c.contact.name, c.contact.email]),
        [[actor.body.id, 'Jeanne Martin', email]],
      );
      const erased = await admin.json<{ erased: { contacts: number } }>('POST', '/api/privacy/contacts/erase', { email });
      assert.equal(erased.status, 200);
      assert.equal(erased.body.erased.contacts, 1);
      const after = await admin.json<{ contact: Record<string, unknown> }>('GET', `/api/territories/${CODE}/actors/${actor.body.id}`);
      assert.deepEqual(after.body.contact, {});
      const again = await admin.json<{ contacts: unknown[] }>('GET', `/api/privacy/contacts?email=${encodeURIComponent(email)}`);
      assert.deepEqual(again.body.contacts, []);
      const audit = await db.query<{ action: string; entity: string; entity_id: string | null; details: unknown }>(
        'SELECT action, entity, entity_id, details FROM audit_event',
      );
      assert.ok(
        audit.some((e) => e.action === 'erase' && e.entity === 'actor_contact' && e.entity_id === actor.body.id),
        'the erasure is recorded',
      );
      const text = JSON.stringify(audit);
      for (const personal of ['Jeanne', 'Martin', email, '+33 3 20'])
        assert.ok(!text.includes(personal), `the audit log holds ${personal}`);
    });

    test('an account erased on request disappears, and the audit log still shows what it did, by ID only', async () => {
      const user = await account();
      const client = await clientFor(app, services, user.id, user.email);
      assert.equal(
        (await client.json('POST', `/api/territories/${CODE}/actors`, { name: 'Créé avant effacement', kind: 'farm' })).status,
        201,
      );
      const erased = await admin.json<{ erased: { accounts: number } }>('POST', '/api/privacy/contacts/erase', { email: user.email });
      assert.equal(erased.body.erased.accounts, 1);
      assert.equal((await client.json('GET', '/api/auth/me')).status, 401);
      const log = await admin.json<{ items: { userId: string | null; userEmail: string | null; action: string; entity: string }[] }>(
        'GET',
        `/api/audit?territory=${CODE}&limit=500`,
      );
      const theirs = log.body.items.filter((e) => e.userId === user.id);
      assert.ok(theirs.some((e) => e.action === 'create' && e.entity === 'actor'));
      assert.ok(theirs.every((e) => e.userEmail === null));
      assert.ok(!JSON.stringify(log.body).includes(user.email));
    });

    test('the audit log records who created, changed and exported what, and is exported as CSV', async () => {
      const created = await admin.json<{ id: string }>('POST', `/api/territories/${CODE}/actors`, { name: 'Audité', kind: 'company' });
      await admin.json('PATCH', `/api/territories/${CODE}/actors/${created.body.id}`, { headcountBand: '11' });
      const exported = await admin.inject({ method: 'GET', url: `/api/territories/${CODE}/export?format=csv&sheet=acteurs` });
      assert.equal(exported.statusCode, 200);
      const log = await admin.json<{ items: { userId: string; action: string; entity: string; entityId: string | null }[] }>(
        'GET',
        `/api/audit?territory=${CODE}`,
      );
      const mine = log.body.items.filter((e) => e.userId === admin.userId);
      for (const [action, entity] of [
        ['create', 'actor'],
        ['update', 'actor'],
        ['export', 'territory'],
      ]) {
        assert.ok(
          mine.some((e) => e.action === action && e.entity === entity),
          `${action} ${entity}`,
        );
      }
      const csv = await admin.inject({ method: 'GET', url: `/api/audit/export?territory=${CODE}` });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.ok(csv.body.includes(created.body.id));
    });
  });
}
