/**
 * Loads the fictional demo territories into a database that has never had one: « Val de Boucles »
 * and its neighbour « Dunes de Flandre », which exchange flows (for interdependencies).
 */
import { readFileSync } from 'node:fs';
import { demoPath } from '@boucles/reference-data';
import type { Database } from './db/database.js';
import type { DocumentImportReport, TerritoryDocumentService } from './services/territory-document.js';

export const DEMO_FILE = demoPath('territoire-demo.json');

export const NEIGHBOUR_DEMO_FILE = demoPath('territoire-voisin.json');

export function readDemoDocument(): unknown {
  return JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as unknown;
}

export function readNeighbourDemoDocument(): unknown {
  return JSON.parse(readFileSync(NEIGHBOUR_DEMO_FILE, 'utf8')) as unknown;
}

/**
 * On the first start only (recorded in app_meta), and only into an empty database: a user who
 * deleted the demo territory does not get it back at the next start.
 */
export async function loadDemoOnFirstStart(db: Database, documents: TerritoryDocumentService): Promise<DocumentImportReport | null> {
  const [seen] = await db.query<{ value: unknown }>(`SELECT value FROM app_meta WHERE key = 'demo'`);
  if (seen) return null;
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM territory');
  let report: DocumentImportReport | null = null;
  if ((count?.n ?? 0) === 0) {
    report = await documents.importNew(readDemoDocument());
    await documents.importNew(readNeighbourDemoDocument());
  }
  await db.query(`INSERT INTO app_meta (key, value) VALUES ('demo', $1) ON CONFLICT (key) DO NOTHING`, [
    JSON.stringify({ loaded: report !== null, territory: report?.territory.code ?? null }),
  ]);
  return report;
}
