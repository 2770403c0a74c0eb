/**
 * Sign-in through OpenID Connect against a real provider (panva's oidc-provider) running in this
 * process on 127.0.0.1, driven by plain HTTP like a browser: redirections followed by hand, cookies
 * kept per origin, the provider's sign-in and consent forms posted.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../app.js';
import { openPglite, type Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { oidcConfigFromEnv, safeReturnPath, type OidcConfig } from './oidc.js';

/** The little of oidc-provider's API used here (the package ships no type declarations). */
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type OidcProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

async function loadProvider(): Promise<OidcProviderClass> {
  const specifier: string = 'oidc-provider';
  const module = (await import(specifier)) as { default: OidcProviderClass };
  return module.default;
}

/** The provider's people: the login typed in its form is the subject. */
const PEOPLE: Record<string, { email: string; email_verified?: boolean; name: string }> = {
  'sub-agent': { email: 'Agent@Ville.test', email_verified: true, name: 'Agent de la ville' },
  'sub-inconnu': { email: 'inconnu@ville.test', email_verified: true, name: 'Inconnu' },
  'sub-non-verifie': { email: 'elu@ville.test', email_verified: false, name: 'Élu' },
  // As ProConnect does: an e-mail and no email_verified claim at all.
  'sub-federation': { email: 'agente@region.test', name: 'Agente de la région' },
};

const CLIENT_ID = 'boucles';
const CLIENT_SECRET = 'a-test-client-secret-shared-with-the-provider';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function freePort(): Promise<number> {
  const s = createServer();
  const port = await listen(s);
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** A browser as far as cookies and redirections go: one cookie jar per origin. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let c = this.jar.get(origin);
    if (!c) this.jar.set(origin, (c = new Map()));
    return c;
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    assert.equal(u.hostname, '127.0.0.1', `no request leaves this machine: ${url}`);
    const jar = this.cookies(u.origin);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(u, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
}

interface Flow {
  /** The app's answer to the provider's redirection (the callback). */
  callback: Response;
  browser: Browser;
}

/**
 * Signs in from the app's button: follows redirections, types `login` into the provider's form,
 * consents, and stops at the app's answer to the callback. `tamper` may change the callback's URL.
 */
async function signIn(
  appUrl: string,
  login: string,
  options: { tamper?: (url: URL) => void; browser?: Browser; start?: string } = {},
): Promise<Flow> {
  const browser = options.browser ?? new Browser();
  let res = await browser.request(`${appUrl}${options.start ?? '/api/auth/oidc/login'}`);
  for (let steps = 0; steps < 20; steps++) {
    if (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location') ?? '', res.url);
      if (location.href.startsWith(`${appUrl}/api/auth/oidc/callback`)) {
        options.tamper?.(location);
        return { callback: await browser.request(location.href), browser };
      }
      res = await browser.request(location.href);
      continue;
    }
    const html = await res.text();
    assert.equal(res.status, 200, `${res.url}: ${html}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(action && prompt, html);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'peu importe' } : { prompt };
    res = await browser.request(new URL(action.replace(/&amp;/g, '&'), res.url).href, { method: 'POST', form });
  }
  throw new Error('too many steps');
}

for (const claimsAt of ['userinfo', 'id_token'] as const) {
  describe(`OpenID Connect sign-in against a real provider (claims in the ${claimsAt === 'userinfo' ? 'UserInfo response' : 'ID token'})`, () => {
    let provider: Server;
    let app: FastifyInstance;
    let services: Services;
    let db: Database;
    let appUrl: string;
    let issuer: string;
    let agentId: string;
    let oidc: OidcConfig;

    before(async () => {
      provider = createServer();
      issuer = `http://127.0.0.1:${await listen(provider)}`;
      appUrl = `http://127.0.0.1:${await freePort()}`;
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const Provider = await loadProvider();
      const op = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', kid: 'test' }] },
        cookies: { keys: ['clé des cookies du fournisseur de test'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        // true: the scopes' claims are given at the UserInfo endpoint only, as the specification says.
        conformIdTokenClaims: claimsAt === 'userinfo',
        pkce: { required: () => true },
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx: unknown, sub: string) {
          const person = PEOPLE[sub];
          return person ? { accountId: sub, claims: async () => ({ sub, ...person }) } : undefined;
        },
      });
      provider.on('request', op.callback());

      db = await openPglite();
      await migrate(db);
      oidc = {
        issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        label: 'Compte de la ville',
        scopes: 'openid email profile',
        redirectUri: `${appUrl}/api/auth/oidc/callback`,
      };
      ({ app, services } = await buildApp({ db, reference: new ReferenceCatalog(), oidc, publicUrl: appUrl }));
      await app.listen({ host: '127.0.0.1', port: Number(new URL(appUrl).port) });
      // Accounts an administrator created beforehand (e-mail only, no password).
      agentId = (await services.accounts.createUser({ kind: 'system' }, { email: 'agent@ville.test', displayName: 'Agent' })).id;
      await services.accounts.createUser({ kind: 'system' }, { email: 'elu@ville.test', displayName: 'Élu' });
      await services.accounts.createUser({ kind: 'system' }, { email: 'agente@region.test', displayName: 'Agente' });
    });
    after(async () => {
      await app.close();
      await db.close();
      provider.closeAllConnections();
      await new Promise((resolve) => provider.close(resolve));
    });

    test('the app offers the provider, with its label', async () => {
      const res = await fetch(`${appUrl}/api/auth/oidc`);
      assert.deepEqual(await res.json(), { enabled: true, label: 'Compte de la ville' });
    });

    test('the sign-in starts with state, nonce and PKCE, the pending sign-in in an HttpOnly SameSite=Lax cookie', async () => {
      const res = await fetch(`${appUrl}/api/auth/oidc/login`, { redirect: 'manual' });
      assert.equal(res.status, 303);
      const to = new URL(res.headers.get('location') ?? '');
      assert.equal(to.origin, issuer);
      assert.equal(to.searchParams.get('client_id'), CLIENT_ID);
      assert.equal(to.searchParams.get('redirect_uri'), `${appUrl}/api/auth/oidc/callback`);
      assert.equal(to.searchParams.get('response_type'), 'code');
      assert.equal(to.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(to.searchParams.get('state') && to.searchParams.get('nonce') && to.searchParams.get('code_challenge'));
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('boucles_oidc='));
      assert.ok(cookie);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.match(cookie, /Path=\/api\/auth\/oidc/);
      assert.ok(!cookie.includes(to.searchParams.get('state') ?? '-'), 'the state is not readable in the cookie');
    });

    test('an account created beforehand signs in and gets a working session', async () => {
      const { callback, browser } = await signIn(appUrl, 'sub-agent');
      assert.equal(callback.status, 303);
      assert.equal(callback.headers.get('location'), '/');
      const session = callback.headers.getSetCookie().find((c) => c.startsWith('boucles_session='));
      assert.ok(session);
      assert.match(session, /HttpOnly/i);
      const me = await browser.request(`${appUrl}/api/auth/me`);
      assert.equal(me.status, 200);
      const body = (await me.json()) as { id: string; email: string; csrfToken: string };
      assert.equal(body.id, agentId);
      assert.equal(body.email, 'agent@ville.test');
      assert.ok(body.csrfToken);
      // The pending sign-in is used up.
      assert.equal(browser.cookies(appUrl).has('boucles_oidc'), false);
      // The account is now linked to the provider's subject, and the sign-in is in the audit log.
      const [linked] = await db.query<{ oidc_issuer: string; oidc_subject: string }>(
        'SELECT oidc_issuer, oidc_subject FROM app_user WHERE id = $1',
        [agentId],
      );
      assert.deepEqual(linked, { oidc_issuer: issuer, oidc_subject: 'sub-agent' });
      const signIns = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE user_id = $1 AND action = 'sign-in'`,
        [agentId],
      );
      assert.ok((signIns[0]?.n ?? 0) >= 1);
    });

    test('the same identity signs in again (by its subject) and comes back to the page it asked for', async () => {
      const { callback, browser } = await signIn(appUrl, 'sub-agent', { start: '/api/auth/oidc/login?retour=%2Fterritoires%2FDEMO' });
      assert.equal(callback.status, 303);
      assert.equal(callback.headers.get('location'), '/territoires/DEMO');
      assert.equal((await browser.request(`${appUrl}/api/auth/me`)).status, 200);
    });

    test('an identity without an account is refused', async () => {
      const { callback, browser } = await signIn(appUrl, 'sub-inconnu');
      assert.equal(callback.status, 303);
      assert.equal(callback.headers.get('location'), '/connexion?erreur=compte-inconnu');
      assert.equal(
        callback.headers.getSetCookie().some((c) => c.startsWith('boucles_session=')),
        false,
      );
      assert.equal((await browser.request(`${appUrl}/api/auth/me`)).status, 401);
    });

    test('an e-mail the provider did not verify is refused, though an account has it', async () => {
      const { callback, browser } = await signIn(appUrl, 'sub-non-verifie');
      assert.equal(callback.headers.get('location'), '/connexion?erreur=compte-inconnu');
      assert.equal(
        callback.headers.getSetCookie().some((c) => c.startsWith('boucles_session=')),
        false,
      );
      assert.equal((await browser.request(`${appUrl}/api/auth/me`)).status, 401);
      const links = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM app_user WHERE email = 'elu@ville.test' AND oidc_subject IS NOT NULL`,
      );
      assert.equal(links[0]?.n, 0);
    });

    test('an e-mail given without email_verified is refused, unless the configuration trusts the federation’s e-mails (ProConnect); one marked unverified never counts', async () => {
      const refused = await signIn(appUrl, 'sub-federation');
      assert.equal(refused.callback.headers.get('location'), '/connexion?erreur=compte-inconnu');
      // The configuration object is the app's own: OIDC_EMAILS_TRUSTED=true sets this flag.
      oidc.emailsTrusted = true;
      try {
        const trusted = await signIn(appUrl, 'sub-federation');
        assert.equal(trusted.callback.status, 303);
        assert.equal(trusted.callback.headers.get('location'), '/');
        assert.equal((await trusted.browser.request(`${appUrl}/api/auth/me`)).status, 200);
        const stillRefused = await signIn(appUrl, 'sub-non-verifie');
        assert.equal(stillRefused.callback.headers.get('location'), '/connexion?erreur=compte-inconnu');
      } finally {
        oidc.emailsTrusted = false;
      }
    });

    test('a tampered state is refused', async () => {
      const { callback, browser } = await signIn(appUrl, 'sub-agent', {
        tamper: (url) => url.searchParams.set('state', `${url.searchParams.get('state') ?? ''}x`),
      });
      assert.equal(callback.status, 303);
      assert.equal(callback.headers.get('location'), '/connexion?erreur=oidc-echec');
      assert.equal(
        callback.headers.getSetCookie().some((c) => c.startsWith('boucles_session=')),
        false,
      );
      assert.equal((await browser.request(`${appUrl}/api/auth/me`)).status, 401);
    });

    test('a provider answer brought by another browser (sign-in forgery) is refused', async () => {
      const attacker = new Browser();
      let stolen: URL | undefined;
      await signIn(appUrl, 'sub-agent', {
        browser: attacker,
        tamper: (url) => {
          stolen = new URL(url.href);
          url.searchParams.set('code', 'used-elsewhere');
        },
      });
      assert.ok(stolen);
      const victim = new Browser();
      const res = await victim.request(stolen.href);
      assert.equal(res.headers.get('location'), '/connexion?erreur=oidc-echec');
      assert.equal((await victim.request(`${appUrl}/api/auth/me`)).status, 401);
    });

    test('a provider error (the user cancelled) goes back to the sign-in page', async () => {
      const browser = new Browser();
      const start = await browser.request(`${appUrl}/api/auth/oidc/login`);
      const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
      const res = await browser.request(
        `${appUrl}/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(issuer)}`,
      );
      assert.equal(res.headers.get('location'), '/connexion?erreur=oidc-echec');
    });
  });
}

describe('OpenID Connect configuration', () => {
  test('read from the environment, with defaults, and refused when incomplete', () => {
    assert.equal(oidcConfigFromEnv({}), undefined);
    assert.deepEqual(
      oidcConfigFromEnv({
        OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
        OIDC_CLIENT_ID: 'id',
        OIDC_CLIENT_SECRET: 'secret',
        PUBLIC_URL: 'https://boucles.example.org/',
      }),
      {
        issuer: 'https://auth.agentconnect.gouv.fr/api/v2',
        clientId: 'id',
        clientSecret: 'secret',
        label: 'ProConnect',
        scopes: 'openid email profile',
        redirectUri: 'https://boucles.example.org/api/auth/oidc/callback',
        emailsTrusted: false,
      },
    );
    const custom = oidcConfigFromEnv({
      OIDC_ISSUER: 'https://sso.metropole.example/realms/agents',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'secret',
      PUBLIC_URL: 'https://boucles.example.org',
      OIDC_LABEL: 'Compte de la métropole',
      OIDC_SCOPES: 'email given_name usual_name',
    });
    assert.equal(custom?.label, 'Compte de la métropole');
    assert.equal(custom?.scopes, 'openid email given_name usual_name');
    assert.equal(custom?.emailsTrusted, false);
    assert.equal(
      oidcConfigFromEnv({
        OIDC_ISSUER: 'https://sso.example',
        OIDC_CLIENT_ID: 'id',
        OIDC_CLIENT_SECRET: 's',
        PUBLIC_URL: 'https://b.example',
        OIDC_EMAILS_TRUSTED: 'true',
      })?.emailsTrusted,
      true,
    );
    assert.throws(
      () => oidcConfigFromEnv({ OIDC_ISSUER: 'https://sso.example', OIDC_CLIENT_ID: 'id' }),
      /OIDC_CLIENT_SECRET, PUBLIC_URL are missing/,
    );
    assert.throws(
      () =>
        oidcConfigFromEnv({
          OIDC_ISSUER: 'http://sso.example',
          OIDC_CLIENT_ID: 'id',
          OIDC_CLIENT_SECRET: 's',
          PUBLIC_URL: 'https://b.example',
        }),
      /https/,
    );
    assert.ok(
      oidcConfigFromEnv({
        OIDC_ISSUER: 'http://127.0.0.1:9000',
        OIDC_CLIENT_ID: 'id',
        OIDC_CLIENT_SECRET: 's',
        PUBLIC_URL: 'http://127.0.0.1:3000',
      }),
    );
  });

  test('the page to come back to is a path of this app only', () => {
    assert.equal(safeReturnPath('/territoires/DEMO?x=1'), '/territoires/DEMO?x=1');
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'territoires', '/api/auth/me', '/a\nb'])
      assert.equal(safeReturnPath(bad), '/', String(bad));
  });

  test('without a provider the app says so and the sign-in route goes back to the sign-in page', async () => {
    const db = await openPglite();
    await migrate(db);
    const { app } = await buildApp({ db, reference: new ReferenceCatalog() });
    try {
      assert.deepEqual((await app.inject({ method: 'GET', url: '/api/auth/oidc' })).json(), { enabled: false, label: null });
      const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/connexion?erreur=oidc-inactif');
    } finally {
      await app.close();
      await db.close();
    }
  });
});
