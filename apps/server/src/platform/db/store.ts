/**
 * Opening the configured database the safe way, for the server and for every command:
 *
 * - the embedded database (PGlite) belongs to one process at a time: the data folder is locked
 *   (`data-lock.ts`), and a second process is refused with a message saying what to do;
 * - a new embedded database is initialised in a folder of its own and renamed into place only
 *   once whole, so that a first start killed during initialisation leaves nothing to trip on;
 * - before migrations change an existing database, a backup is written to `sauvegardes/`.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { faultPoint } from '../faults.js';
import { acquireDataLock, type DataLock } from './data-lock.js';
import { openPglite, openPgliteInWorker, openPostgres, type Database } from './database.js';
import { migrate, pendingMigrations } from './migrate.js';

export interface StoreConfig {
  /** PostgreSQL server URL; the embedded database in `dataDir/pglite` when absent. */
  databaseUrl?: string | undefined;
  schema?: string | undefined;
  dataDir: string;
}

export interface Store {
  db: Database;
  /** The lock on the data folder, held while the embedded database is open (null with PostgreSQL). */
  lock: DataLock | null;
  /** Where the embedded database lives (null with PostgreSQL). */
  pgliteDir: string | null;
  /** Where backups go by default. */
  backupDir: string;
  close(): Promise<void>;
}

export const PGLITE_FOLDER = 'pglite';
export const BACKUP_FOLDER = 'sauvegardes';
/** Automatic backups kept before the oldest are removed. */
const KEEP_AUTOMATIC_BACKUPS = 5;

/** A PGlite folder is whole when initdb wrote its version file. */
export function isInitialised(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** Removes what an interrupted initialisation or restoration left beside the database folder. */
function sweepLeftovers(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (/^pglite\.(init|restauration)-\d+$/.test(name)) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}

/** Initialises a new embedded database beside its final place, then renames it into place. */
async function initialisePglite(dataDir: string, dir: string, log: (line: string) => void): Promise<void> {
  if (existsSync(dir)) {
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
    else {
      const aside = `${dir}.incomplet-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dir, aside);
      log(`Le dossier ${dir} n’était pas une base complète (initialisation interrompue ?) : mis de côté dans ${aside}.`);
    }
  }
  const staging = join(dataDir, `pglite.init-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const db = await openPglite({ dataDir: staging });
  await db.close();
  faultPoint('pglite-init');
  renameSync(staging, dir);
}

/**
 * Opens the configured database for `holder` (`server`, or the command's name). With the
 * embedded database, throws `DataFolderBusyError` when another process holds the data folder.
 */
export async function openStore(config: StoreConfig, holder: string, log: (line: string) => void = () => undefined): Promise<Store> {
  const backupDir = join(config.dataDir, BACKUP_FOLDER);
  if (config.databaseUrl) {
    const db = await openPostgres({ connectionString: config.databaseUrl, schema: config.schema });
    return { db, lock: null, pgliteDir: null, backupDir, close: () => db.close() };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const lock = acquireDataLock(config.dataDir, holder);
  const pgliteDir = join(config.dataDir, PGLITE_FOLDER);
  try {
    sweepLeftovers(config.dataDir);
    if (!isInitialised(pgliteDir)) await initialisePglite(config.dataDir, pgliteDir, log);
    const db = await openPgliteInWorker({ dataDir: pgliteDir });
    return {
      db,
      lock,
      pgliteDir,
      backupDir,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** A file name for a backup taken now: `boucles-2026-12-07T15-02-11Z.tar.gz` (PGlite) or `.dump` (PostgreSQL). */
export function backupFileName(db: Database, prefix = 'boucles', now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `${prefix}-${stamp}${db.kind === 'pglite' ? '.tar.gz' : '.dump'}`;
}

/**
 * Applies the pending migrations, after a backup of the database when it already holds data
 * (a new, empty database has nothing to lose). Automatic backups beyond the last five are removed.
 */
export async function migrateWithBackup(store: Store, log: (line: string) => void): Promise<string[]> {
  const { pending, applied } = await pendingMigrations(store.db);
  if (pending.length > 0 && applied > 0) {
    mkdirSync(store.backupDir, { recursive: true });
    const path = join(store.backupDir, backupFileName(store.db, 'avant-migration'));
    try {
      await store.db.backup(path);
      log(`Sauvegarde avant migration : ${path}`);
    } catch (e) {
      if (store.db.kind === 'pglite') throw e;
      // A PostgreSQL server has its own backups; without pg_dump here, say so and go on.
      log(`Attention : pas de sauvegarde avant migration (${(e as Error).message}).`);
    }
    const automatic = readdirSync(store.backupDir)
      .filter((f) => f.startsWith('avant-migration-'))
      .sort();
    for (const old of automatic.slice(0, Math.max(0, automatic.length - KEEP_AUTOMATIC_BACKUPS)))
      rmSync(join(store.backupDir, old), { force: true });
  }
  return migrate(store.db);
}
