/**
 * End-to-end harness: the real server on an in-memory PGlite with both demo territories, serving
 * the built app (apps/web/dist), driven by a real headless Chromium (Debian's, through
 * playwright-core). Every page visit can be checked with axe-core, and every request the browser
 * makes is recorded so that a test can prove none leaves localhost.
 */
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildApp, migrate, openPglite, readDemoDocument, readNeighbourDemoDocument, type Database } from '@boucles/server';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';

export const WEB_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../e2e-artifacts/', import.meta.url));
const CHROMIUM = process.env.BOUCLES_CHROMIUM ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Harness {
  origin: string;
  browser: Browser;
  app: FastifyInstance;
  db: Database;
  /** Every URL the browser requested, across pages. */
  requests: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function start(): Promise<Harness> {
  if (!existsSync(`${WEB_DIR}index.html`)) throw new Error(`the web app is not built (${WEB_DIR}): run npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set BOUCLES_CHROMIUM`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const db = await openPglite();
  await migrate(db);
  const { app, services } = await buildApp({ db, reference: new ReferenceCatalog(), webDir: WEB_DIR });
  await services.territoryDocuments.importNew(readDemoDocument());
  await services.territoryDocuments.importNew(readNeighbourDemoDocument());
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const requests: string[] = [];
  return {
    origin,
    browser,
    app,
    db,
    requests,
    async newPage() {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page (WCAG 2.1 A and AA rules): the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
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
