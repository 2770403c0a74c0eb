/**
 * Loads the fictional demo territories into a database that has never had one: « Val de Boucles »
 * and its neighbour « Dunes de Flandre », which exchange flows (for interdependencies).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { demoPath } from '@boucles/reference-data';
import type { Database } from '../../platform/db/database.js';
import { AppMetaRepository } from '../../platform/db/app-meta.js';
import { faultPoint } from '../../platform/faults.js';
import type { DocumentImportReport, TerritoryDocumentService } from '../interchange/index.js';
import { SYSTEM, type Role } from '../../platform/access/access.js';
import { AccountRepository, type AccountService } from '../accounts/index.js';
import { ActorRepository, TerritoryRepository } from '../territories/index.js';

export const DEMO_FILE = demoPath('territoire-demo.json');

export const NEIGHBOUR_DEMO_FILE = demoPath('territoire-voisin.json');

export function readDemoDocument(): unknown {
  return JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as unknown;
}

export function readNeighbourDemoDocument(): unknown {
  return JSON.parse(readFileSync(NEIGHBOUR_DEMO_FILE, 'utf8')) as unknown;
}

interface DemoState {
  /** `loading` from the moment the demo starts loading until every part of it is in. */
  state?: 'loading' | 'done';
  loaded: boolean;
  territory: string | null;
}

const DEMO_DOCUMENTS: readonly (() => unknown)[] = [readDemoDocument, readNeighbourDemoDocument];
/** Where the demo's state is kept in `app_meta`. */
const DEMO_KEY = 'demo';

const meta = new AppMetaRepository();
const territories = new TerritoryRepository();
const actors = new ActorRepository();
const users = new AccountRepository();

/**
 * On the first start only (recorded in app_meta), and only into an empty database: a user who
 * deleted the demo territory does not get it back at the next start.
 *
 * The load is resumable: the first start marks the demo `loading` before anything else, loads
 * each territory in a transaction of its own, then creates each demo account, and marks it
 * `done` last. A start interrupted anywhere (killed, power cut) leaves either nothing or whole
 * territories and accounts, and the next start sees `loading` and completes what is missing.
 * Returns the report of the main demo territory when this start loaded it.
 */
export async function loadDemoOnFirstStart(
  db: Database,
  documents: TerritoryDocumentService,
  accounts?: AccountService,
  log: (line: string) => void = () => undefined,
): Promise<DocumentImportReport | null> {
  const seen = await meta.get<DemoState>(db, DEMO_KEY);
  if (seen && seen.state !== 'loading') return null;
  if (!seen) {
    const empty = (await territories.count(db)) === 0;
    const state: DemoState = empty
      ? { state: 'loading', loaded: false, territory: null }
      : { state: 'done', loaded: false, territory: null };
    const inserted = await meta.insertIfAbsent(db, DEMO_KEY, state);
    if (!empty || !inserted) return null;
  } else {
    log('Reprise du chargement de la démonstration interrompu au démarrage précédent.');
  }
  let report: DocumentImportReport | null = null;
  const docs = DEMO_DOCUMENTS.map((read) => read());
  const codeOf = (doc: unknown): string => (doc as { territory: { code: string } }).territory.code;
  for (const doc of docs) {
    const code = codeOf(doc);
    if (await territories.findByCode(db, code)) continue;
    const loaded = await documents.importNew(SYSTEM, doc);
    report ??= loaded;
    const c = loaded.created;
    log(
      `Territoire de démonstration chargé : ${loaded.territory.name} — acteurs : ${c.actors}, sites : ${c.sites}, flux : ${c.flows}, besoins : ${c.needs}`,
    );
    faultPoint('demo-territory-loaded');
  }
  if (accounts) await createDemoAccounts(db, accounts, log);
  await meta.update(db, DEMO_KEY, { state: 'done', loaded: true, territory: codeOf(docs[0]) } satisfies DemoState);
  return report;
}

/** The accounts that let one try every role on the demo territories. */
export const DEMO_ACCOUNTS: readonly {
  email: string;
  name: string;
  isAdmin?: boolean;
  roles: { territory: string; role: Role; actorExternalId?: string }[];
}[] = [
  { email: 'administrateur@demo.example.org', name: 'Administratrice de la plateforme', isAdmin: true, roles: [] },
  {
    email: 'animatrice@demo.example.org',
    name: 'Animatrice EIT',
    roles: [
      { territory: 'DEMO-VALBOUCLES', role: 'facilitator' },
      { territory: 'DEMO-DUNKERQUE', role: 'facilitator' },
    ],
  },
  {
    email: 'entreprise@demo.example.org',
    name: 'Responsable environnement, Brasserie de la Haute-Colme',
    roles: [{ territory: 'DEMO-VALBOUCLES', role: 'contributor', actorExternalId: 'A036' }],
  },
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
export async function createDemoAccounts(
  db: Database,
  accounts: AccountService,
  log: (line: string) => void,
  shared = process.env.BOUCLES_DEMO_PASSWORD,
): Promise<number> {
  // Only while the demo loads (the loader calls this), accounts a previous, interrupted start
  // created already are kept as they are.
  const missing: (typeof DEMO_ACCOUNTS)[number][] = [];
  for (const a of DEMO_ACCOUNTS) if (!(await users.userByEmail(db, a.email))) missing.push(a);
  if (missing.length === 0) return 0;
  log('Comptes de démonstration (mots de passe affichés une seule fois) :');
  for (const account of missing) {
    const password = shared || randomBytes(12).toString('base64url');
    const roles = [];
    for (const r of account.roles) {
      let actorId: string | null = null;
      if (r.actorExternalId) {
        const territory = await territories.findByCode(db, r.territory);
        actorId = (territory && (await actors.findByExternalId(db, territory.id, r.actorExternalId))?.id) ?? null;
      }
      roles.push({ territoryCode: r.territory, role: r.role, actorId });
    }
    await accounts.createUser(SYSTEM, {
      email: account.email,
      displayName: account.name,
      password,
      isAdmin: account.isAdmin ?? false,
      roles: roles.length ? roles : undefined,
    });
    log(`  ${account.email.padEnd(38)} ${shared ? '(BOUCLES_DEMO_PASSWORD)' : password}   ${account.name}`);
    faultPoint('demo-account-created');
  }
  return missing.length;
}
