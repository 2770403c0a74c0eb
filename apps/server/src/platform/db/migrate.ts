/**
 * Applies the SQL migrations of the platform (`platform/db/migrations/`) and of every module
 * (`modules/<module>/migrations/`) in the order of their numbers, whatever folder holds them, once each, recording them in
 * `schema_migrations` with a checksum. Each file runs in its own transaction; an advisory lock
 * keeps two servers starting at once from applying the same file twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faultPoint } from '../faults.js';
import type { Database } from './database.js';

/**
 * The server's sources: migrations are read from where they are written (`tsc` does not copy
 * SQL files into `dist/`), the platform's and each module's folder.
 */
const SOURCES = fileURLToPath(new URL('../../../src/', import.meta.url));

/** Every folder that holds migrations: the platform's, then each module's. */
export function migrationDirs(sources = SOURCES): string[] {
  const modules = join(sources, 'modules');
  const moduleDirs = readdirSync(modules, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(modules, d.name, 'migrations'))
    .filter((dir) => existsSync(dir));
  return [join(sources, 'platform', 'db', 'migrations'), ...moduleDirs.sort()];
}
const LOCK_KEY = 71_402_026; // arbitrary constant identifying Boucles' migration lock

export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

/** The migrations of these folders in version order; two files of the same version are an error. */
export function readMigrations(dirs: readonly string[] = migrationDirs()): Migration[] {
  const found = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
      .map((f) => ({ dir, f })),
  );
  const byNumber = new Map<string, string>();
  for (const { dir, f } of found) {
    const number = f.slice(0, 4);
    const other = byNumber.get(number);
    if (other)
      throw new Error(`two migrations have the number ${number}: ${other} and ${join(dir, f)}; give the newer one the next free number`);
    byNumber.set(number, join(dir, f));
  }
  return found
    .sort((a, b) => a.f.localeCompare(b.f))
    .map(({ dir, f }) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { version: f.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/** The migrations not applied yet, and how many are: a database with none applied is new. */
export async function pendingMigrations(db: Database, migrations = readMigrations()): Promise<{ pending: string[]; applied: number }> {
  await db.exec(CREATE_TABLE);
  const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  return { pending: migrations.filter((m) => !done.has(m.version)).map((m) => m.version), applied: done.size };
}

export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  await db.exec(CREATE_TABLE);
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) {
          throw new Error(`migration ${m.version} was changed after it was applied (checksum differs); add a new migration instead`);
        }
        return false;
      }
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [m.version, m.checksum]);
      return true;
    });
    if (done) {
      applied.push(m.version);
      faultPoint('migration-applied');
    }
  }
  return applied;
}

/**
 * Splits a migration into statements on semicolons at the end of a line, so that each runs
 * inside the migration's transaction with the extended protocol on both engines. Migrations keep
 * function bodies free of such semicolons or use `$$` blocks on one line.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
