/**
 * Backups and restorations of the configured database (`boucles sauvegarde` / `boucles
 * restauration`, docs/operations.md):
 *
 * - embedded database: a backup is PGlite's data folder as a gzipped tar, taken while the
 *   folder is locked by the command; a restoration loads the archive into a new folder beside
 *   the current one, checks that it opens and holds Boucles' tables, then swaps the folders (the
 *   current one is kept as `pglite.avant-restauration-…`, never deleted);
 * - PostgreSQL: `pg_dump --format=custom` of the database (or of `DATABASE_SCHEMA`), restored with
 *   `pg_restore --clean --if-exists --single-transaction`: all of it or nothing.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { acquireDataLock } from './data-lock.js';
import { openPglite, runPgTool } from './database.js';
import { backupFileName, openStore, PGLITE_FOLDER, type StoreConfig } from './store.js';

/** Writes a backup to `target` (a file, or a folder to put a dated file in; by default `<data>/sauvegardes/`). */
export async function backupStore(config: StoreConfig, target?: string): Promise<string> {
  const store = await openStore(config, 'sauvegarde');
  try {
    let path: string;
    if (target && /\.(tar\.gz|dump)$/.test(target)) path = resolve(target);
    else {
      const folder = target ?? store.backupDir;
      mkdirSync(folder, { recursive: true });
      path = join(folder, backupFileName(store.db));
    }
    await store.db.backup(path);
    return path;
  } finally {
    await store.close();
  }
}

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    await fh.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * Replaces the database by the backup `file`. With the embedded database, refuses while another
 * process holds the data folder; returns where the replaced folder was kept (null with PostgreSQL).
 */
export async function restoreStore(config: StoreConfig, file: string): Promise<{ keptAs: string | null }> {
  if (!existsSync(file)) throw new Error(`fichier introuvable : ${file}`);
  if (config.databaseUrl) {
    if (await isGzip(file))
      throw new Error(`${file} est une sauvegarde de la base embarquée (PGlite) : elle ne se restaure pas dans PostgreSQL`);
    const schemaArgs = config.schema ? [`--schema=${config.schema}`] : [];
    await runPgTool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      ...schemaArgs,
      `--dbname=${config.databaseUrl}`,
      file,
    ]);
    return { keptAs: null };
  }
  if (!(await isGzip(file)))
    throw new Error(`${file} n’est pas une sauvegarde de la base embarquée (archive .tar.gz écrite par « boucles sauvegarde »)`);
  mkdirSync(config.dataDir, { recursive: true });
  const lock = acquireDataLock(config.dataDir, 'restauration');
  const current = join(config.dataDir, PGLITE_FOLDER);
  const staging = join(config.dataDir, `pglite.restauration-${process.pid}`);
  try {
    rmSync(staging, { recursive: true, force: true });
    const db = await openPglite({ dataDir: staging, loadFrom: await readFile(file) }).catch((e: unknown) => {
      throw new Error(`${file} : archive illisible par la base embarquée (${(e as Error).message})`, { cause: e });
    });
    try {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations').catch(() => [] as { n: number }[]);
      if (!row) throw new Error(`${file} ne contient pas de base Boucles (pas de table schema_migrations)`);
    } finally {
      await db.close();
    }
    let keptAs: string | null = null;
    if (existsSync(current)) {
      keptAs = `${current}.avant-restauration-${new Date()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/:/g, '-')}`;
      renameSync(current, keptAs);
    }
    renameSync(staging, current);
    return { keptAs };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}
