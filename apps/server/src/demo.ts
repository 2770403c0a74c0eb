/**
 * Loads the fictional demo territories into a database that has never had one: « Val de Boucles »
 * and its neighbour « Dunes de Flandre », which exchange flows (for interdependencies).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { demoPath } from '@boucles/reference-data';
import type { Database } from './db/database.js';
import type { DocumentImportReport, TerritoryDocumentService } from './services/territory-document.js';
import { SYSTEM, type Role } from './services/access.js';
import type { AccountService } from './services/accounts.js';

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
    report = await documents.importNew(SYSTEM, readDemoDocument());
    await documents.importNew(SYSTEM, readNeighbourDemoDocument());
  }
  await db.query(`INSERT INTO app_meta (key, value) VALUES ('demo', $1) ON CONFLICT (key) DO NOTHING`, [
    JSON.stringify({ loaded: report !== null, territory: report?.territory.code ?? null }),
  ]);
  return report;
}

/** The accounts that let one try every role on the demo territories. */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; isAdmin?: boolean; roles: { territory: string; role: Role; actorExternalId?: string }[] }[] = [
  { email: 'administrateur@demo.example.org', name: 'Administratrice de la plateforme', isAdmin: true, roles: [] },
  {
    email: 'animatrice@demo.example.org',
    name: 'Animatrice EIT',
    roles: [
      { territory: 'DEMO-VALBOUCLES', role: 'facilitator' },
      { territory: 'DEMO-DUNKERQUE', role: 'facilitator' },
    ],
  },
  { email: 'entreprise@demo.example.org', name: 'Responsable environnement, Brasserie de la Haute-Colme', roles: [{ territory: 'DEMO-VALBOUCLES', role: 'contributor', actorExternalId: 'A036' }] },
  { email: 'elu@demo.example.org', name: 'Élu délégué à l’économie circulaire', roles: [{ territory: 'DEMO-VALBOUCLES', role: 'reader' }] },
  {
    email: 'centre-ressources@demo.example.org',
    name: 'Centre régional de ressources',
    roles: [
      { territory: 'DEMO-VALBOUCLES', role: 'reader' },
      { territory: 'DEMO-DUNKERQUE', role: 'reader' },
    ],
  },
];

/**
 * Creates the demo accounts when the demo was just loaded into an empty database. Passwords are
 * drawn at random and written once to the log, unless BOUCLES_DEMO_PASSWORD gives one for all
 * (at least 12 characters). Nothing secret is in the repository.
 */
export async function createDemoAccounts(db: Database, accounts: AccountService, log: (line: string) => void, shared = process.env.BOUCLES_DEMO_PASSWORD): Promise<number> {
  if ((await accounts.countUsers()) > 0) return 0;
  log('Comptes de démonstration (mots de passe affichés une seule fois) :');
  for (const account of DEMO_ACCOUNTS) {
    const password = shared || randomBytes(12).toString('base64url');
    const roles = [];
    for (const r of account.roles) {
      let actorId: string | null = null;
      if (r.actorExternalId) {
        const [row] = await db.query<{ id: string }>('SELECT a.id FROM actor a JOIN territory t ON t.id = a.territory_id WHERE t.code = $1 AND a.external_id = $2', [r.territory, r.actorExternalId]);
        actorId = row?.id ?? null;
      }
      roles.push({ territoryCode: r.territory, role: r.role, actorId });
    }
    await accounts.createUser(SYSTEM, { email: account.email, displayName: account.name, password, isAdmin: account.isAdmin ?? false, roles: roles.length ? roles : undefined });
    log(`  ${account.email.padEnd(38)} ${shared ? '(BOUCLES_DEMO_PASSWORD)' : password}   ${account.name}`);
  }
  return DEMO_ACCOUNTS.length;
}
