/**
 * End-to-end harness: the real server on an in-memory PGlite with both demo territories and a few
 * accounts, serving the built app (apps/web/dist), driven by a real headless Chromium (Debian's,
 * through playwright-core). Every page visit can be checked with axe-core, and every request the
 * browser makes is recorded so that a test can prove none leaves localhost.
 *
 * Accounts: a platform administrator, a facilitator of both demo territories and an administrator
 * of the demo territory (members, API keys, audit log, personal data). `newPage()` signs
 * the facilitator in by default (`newPage(null)`: nobody; `newPage(account)`: that account);
 * `h.inject` and `h.fetch` call the API as an account, with its session cookie and CSRF token.
 * The server sends its real security headers (ADR 0010): any Content-Security-Policy violation a
 * page reports is collected in `cspViolations`, and `close()` fails the test file if there was one.
 */
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  buildApp,
  migrate,
  openPglite,
  readDemoDocument,
  readNeighbourDemoDocument,
  SYSTEM,
  type Database,
  type Role,
  type Services,
} from '@boucles/server';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';

export const WEB_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../e2e-artifacts/', import.meta.url));
const CHROMIUM = process.env.BOUCLES_CHROMIUM ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const DEMO = 'DEMO-VALBOUCLES';
export const NEIGHBOUR = 'DEMO-DUNKERQUE';
/** Every test account's password (at least 12 characters, as the server asks). */
export const PASSWORD = 'une phrase de passe pour les essais';

export interface Account {
  email: string;
  displayName: string;
  password: string;
}

/** A platform administrator: every territory, user management. */
export const ADMIN: Account = { email: 'admin@boucles.test', displayName: 'Alix Administratrice', password: PASSWORD };
/** The facilitator of both demo territories, who signs in on every page unless a test says otherwise. */
export const FACILITATOR: Account = { email: 'animation@boucles.test', displayName: 'Camille Animatrice', password: PASSWORD };
/** The demo territory's administrator (not a platform administrator): its members, API keys, audit log and personal data. */
export const TERRITORY_ADMIN: Account = {
  email: 'administration@valboucles.test',
  displayName: 'Sacha Administrateur',
  password: PASSWORD,
};

export interface Harness {
  origin: string;
  browser: Browser;
  app: FastifyInstance;
  services: Services;
  db: Database;
  /** Every URL the browser requested, across pages. */
  requests: string[];
  /** The server's log lines (password-reset links go there when no mailer is set). */
  logs: string[];
  /** Every Content-Security-Policy violation the pages reported (`close()` fails when there is one). */
  cspViolations: string[];
  /** The IDs of the harness's own accounts. */
  ids: { admin: string; facilitator: string; territoryAdmin: string };
  /** A new page in its own browser context, signed in as `as` (the facilitator by default; null: nobody). */
  newPage(as?: Account | null): Promise<Page>;
  /** Creates an account with roles in territories; gives its ID. */
  createAccount(account: Account, roles: { territoryCode: string; role: Role; actorId?: string }[], isAdmin?: boolean): Promise<string>;
  /** The API through `app.inject`, as `as` (the facilitator by default), with its session cookie and CSRF token. */
  inject(options: InjectOptions & { url: string }, as?: Account | null): Promise<LightMyRequestResponse>;
  /** The API over HTTP, as `as` (the facilitator by default). */
  fetch(path: string, init?: RequestInit, as?: Account | null): Promise<Response>;
  close(): Promise<void>;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

export async function start(): Promise<Harness> {
  if (!existsSync(`${WEB_DIR}index.html`)) throw new Error(`the web app is not built (${WEB_DIR}): run npm run build`);
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set BOUCLES_CHROMIUM`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const db = await openPglite();
  await migrate(db);
  const logs: string[] = [];
  const { app, services } = await buildApp({ db, reference: new ReferenceCatalog(), webDir: WEB_DIR, log: (line) => logs.push(line) });
  await services.territoryDocuments.importNew(SYSTEM, readDemoDocument());
  await services.territoryDocuments.importNew(SYSTEM, readNeighbourDemoDocument());

  async function createAccount(
    account: Account,
    roles: { territoryCode: string; role: Role; actorId?: string }[],
    isAdmin = false,
  ): Promise<string> {
    const user = await services.accounts.createUser(SYSTEM, {
      email: account.email,
      displayName: account.displayName,
      password: account.password,
      isAdmin,
    });
    for (const r of roles)
      await services.accounts.grantRole(SYSTEM, r.territoryCode, { userId: user.id, role: r.role, actorId: r.actorId ?? null });
    return user.id;
  }
  const admin = await createAccount(ADMIN, [], true);
  const facilitator = await createAccount(FACILITATOR, [
    { territoryCode: DEMO, role: 'facilitator' },
    { territoryCode: NEIGHBOUR, role: 'facilitator' },
  ]);
  const territoryAdmin = await createAccount(TERRITORY_ADMIN, [{ territoryCode: DEMO, role: 'administrator' }]);

  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const requests: string[] = [];
  const cspViolations: string[] = [];

  const sessions = new Map<string, Session>();
  async function session(account: Account): Promise<Session> {
    const known = sessions.get(account.email);
    if (known) return known;
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: account.email, password: account.password } });
    if (res.statusCode !== 200) throw new Error(`signing ${account.email} in answered ${res.statusCode}: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'boucles_session');
    if (!cookie) throw new Error('no session cookie after signing in');
    const made = { cookie: `boucles_session=${cookie.value}`, csrfToken: res.json<{ csrfToken: string }>().csrfToken };
    sessions.set(account.email, made);
    return made;
  }

  return {
    origin,
    browser,
    app,
    services,
    db,
    requests,
    logs,
    cspViolations,
    ids: { admin, facilitator, territoryAdmin },
    createAccount,
    async newPage(as: Account | null = FACILITATOR) {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      // The browser logs what the policy refuses; the event also catches what it only reports.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
      });
      if (as) await signIn(page, origin, as);
      return page;
    },
    async inject(options, as: Account | null = FACILITATOR) {
      if (!as) return app.inject(options);
      const s = await session(as);
      const headers = { ...(options.headers ?? {}), cookie: s.cookie, 'x-csrf-token': s.csrfToken };
      return app.inject({ ...options, headers });
    },
    async fetch(path, init = {}, as: Account | null = FACILITATOR) {
      const headers = new Headers(init.headers);
      if (as) {
        const s = await session(as);
        headers.set('cookie', s.cookie);
        headers.set('x-csrf-token', s.csrfToken);
      }
      return fetch(`${origin}${path}`, { ...init, headers });
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${[...new Set(cspViolations)].join('\n')}`);
    },
  };
}

/**
 * Signs `account` in for the page's whole browser context: the API's sign-in through the
 * context's request client, whose cookies the page shares.
 */
export async function signIn(page: Page, origin: string, account: Account): Promise<void> {
  const res = await page.request.post(`${origin}/api/auth/login`, { data: { email: account.email, password: account.password } });
  if (res.status() !== 200) throw new Error(`signing ${account.email} in answered ${res.status()}: ${await res.text()}`);
}

/** Signs in through the sign-in page, as a person would; ends on the page it leads to. */
export async function signInWithForm(page: Page, account: Account): Promise<void> {
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/connexion');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page (WCAG 2.1 A and AA rules): the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's Content-Security-Policy refuses those.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A screenshot kept as a test artefact (apps/web/e2e-artifacts/, not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** Requests that left localhost (data: and blob: URLs stay in the page). */
export function external(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}
