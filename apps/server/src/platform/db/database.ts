/**
 * One small interface over the two database engines Boucles runs on: embedded PGlite (the
 * default) and a PostgreSQL server (`DATABASE_URL`). Repositories write plain parameterised SQL
 * that both run unchanged.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { FromDatabaseWorker, ToDatabaseWorker } from './pglite-worker.js';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Writes a full copy of the database to `path`: PGlite's data folder as a gzipped tar (which
   * `openPglite({ loadFrom })` reads back), or `pg_dump`'s custom format for PostgreSQL (the
   * configured schema only, when there is one).
   */
  backup(path: string): Promise<void>;
  /**
   * Answers when the database can take a statement: `SELECT 1` on PostgreSQL and in-process PGlite;
   * for PGlite in its worker, the worker thread answers between two statements, even inside a
   * long transaction (a liveness check must not wait for an import's final step).
   */
  ping(): Promise<void>;
}

export interface PgliteOptions {
  /** Folder of the database files; in memory when absent. */
  dataDir?: string | undefined;
  /** A backup written by `backup()` (gzipped tar of a data folder) to start from: the data folder must be new. */
  loadFrom?: Buffer | undefined;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadFrom ? { loadDataDir: new Blob([options.loadFrom]) } : {}),
  });
  return {
    kind: 'pglite',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const r = await db.query<T>(sql, params as unknown[]);
      return r.rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async transaction(fn) {
      return db.transaction(async (tx) =>
        fn({
          async query<T extends object>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<T>(sql, params as unknown[])).rows;
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
    async ping() {
      await db.query('SELECT 1');
    },
    async backup(path) {
      const archive = await db.dumpDataDir('gzip');
      const bytes = Buffer.from(await archive.arrayBuffer());
      await writeAtomically(path, (partial) => writeFile(partial, bytes));
    },
  };
}

/** Has `write` fill a file next to `path`, then renames it: a backup is whole or absent, never half-written. */
async function writeAtomically(path: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = `${path}.partiel-${process.pid}`;
  try {
    await write(partial);
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
}

/** Runs a PostgreSQL client program (pg_dump, pg_restore); a missing program is said plainly. */
export async function runPgTool(program: 'pg_dump' | 'pg_restore', args: readonly string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 8192) stderr += d.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new Error(
              `${program} est introuvable : installez le client PostgreSQL (paquet Debian postgresql-client) de la même version que le serveur, ou plus récente`,
            )
          : e,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program} a échoué (code ${code}) : ${stderr.trim()}`))));
  });
}

/**
 * PGlite in a worker thread of its own (pglite-worker.ts), for the server and the commands: a long
 * statement then blocks the database only, never the process's event loop. Errors keep their
 * PostgreSQL fields (`code`, `constraint`, `detail`…), which services map to HTTP answers.
 */
export async function openPgliteInWorker(options: { dataDir: string }): Promise<Database> {
  mkdirSync(options.dataDir, { recursive: true });
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir: options.dataDir } });
  const pending = new Map<number, { resolve: (m: Answer) => void; reject: (e: Error) => void }>();
  let next = 1;
  let nextTx = 1;
  let dead: Error | null = null;
  const revive = (error: { message: string; fields: Record<string, unknown> }): Error =>
    Object.assign(new Error(error.message), error.fields);
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: FromDatabaseWorker) => {
      if (m.id === 0 && 'ready' in m) {
        if (m.ready) resolve();
        else reject(revive(m.error));
        return;
      }
      const waiting = pending.get(m.id);
      if (!waiting) return;
      pending.delete(m.id);
      if ('ok' in m && m.ok) waiting.resolve(m);
      else if ('error' in m) waiting.reject(revive(m.error));
    });
    const fail = (e: Error): void => {
      dead = e;
      reject(e);
      for (const w of pending.values()) w.reject(e);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedded database stopped (worker exit code ${code})`)));
  });
  await ready;
  const call = (m: DistributiveOmit<ToDatabaseWorker, 'id'>): Promise<Answer> => {
    if (dead) return Promise.reject(dead);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...m, id });
    });
  };
  const query = async <T extends object>(sql: string, params: readonly unknown[] = [], tx?: number): Promise<T[]> =>
    ((await call({ op: 'query', sql, params: [...params], tx })).rows ?? []) as T[];
  return {
    kind: 'pglite',
    query: (sql, params) => query(sql, params),
    async exec(sql) {
      await call({ op: 'exec', sql });
    },
    async transaction(fn) {
      const tx = nextTx++;
      await call({ op: 'begin', tx });
      let result;
      try {
        result = await fn({ query: (sql, params) => query(sql, params, tx) });
      } catch (e) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw e;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      if (!dead) await call({ op: 'close' });
      worker.removeAllListeners('exit');
      await worker.terminate();
      dead = new Error('the embedded database is closed');
    },
    async ping() {
      await call({ op: 'ping' });
    },
    async backup(path) {
      const { bytes } = await call({ op: 'dump' });
      await writeAtomically(path, (partial) => writeFile(partial, bytes ?? new Uint8Array()));
    },
  };
}

type Answer = Extract<FromDatabaseWorker, { ok: true }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (created if absent): lets parallel test runs share one database. */
  schema?: string | undefined;
  max?: number | undefined;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name ${options.schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (err) => {
    // An idle client lost its connection; the pool replaces it. Logged, not fatal.
    console.error('[boucles] PostgreSQL pool error:', err.message);
  });
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  return {
    kind: 'postgres',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const r = await pool.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<T extends object>(sql: string, params: readonly unknown[] = []) {
            return (await client.query(sql, params as unknown[])).rows as T[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async backup(path) {
      await writeAtomically(path, (partial) =>
        runPgTool('pg_dump', [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--file=${partial}`,
          ...(options.schema ? [`--schema=${options.schema}`] : []),
          `--dbname=${options.connectionString}`,
        ]),
      );
    },
  };
}

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  schema?: string | undefined;
}

/** PostgreSQL when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl, schema: config.schema });
  return openPglite({ dataDir: config.dataDir });
}
