/** Multi-row INSERTs in batches, for imports: one statement per batch instead of one per row. */
import type { Queryable } from './database.js';

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

export async function insertMany<R extends object = Record<string, unknown>>(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returning = '',
): Promise<R[]> {
  const out: R[] = [];
  const perBatch = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      if (row.length !== columns.length) throw new Error(`insertMany(${table}): ${row.length} values for ${columns.length} columns`);
      return `(${row.map((v) => `$${params.push(v)}`).join(', ')})`;
    });
    const result = await db.query<R>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${returning ? ` RETURNING ${returning}` : ''}`,
      params,
    );
    out.push(...result);
  }
  return out;
}

/**
 * Rows for a table, as `insertMany` takes them: used to stage an import's rows before they are
 * applied (`stageRows`, `applyStaged`).
 */
export interface BulkRows {
  table: 'actor' | 'site' | 'flow' | 'need';
  columns: readonly string[];
  rows: readonly unknown[][];
}

/** Rows per staged batch: one short statement each, with the event loop free between two. */
const STAGE_BATCH = 2000;
const jsonColumnsCache = new WeakMap<Queryable, Map<string, Set<string>>>();

/** The json/jsonb columns of a table (their values are handed over as JSON text and must be parsed to be staged). */
async function jsonColumns(db: Queryable, table: string): Promise<Set<string>> {
  let byTable = jsonColumnsCache.get(db);
  if (!byTable) jsonColumnsCache.set(db, (byTable = new Map()));
  let set = byTable.get(table);
  if (!set) {
    const rows = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND data_type IN ('json', 'jsonb')`,
      [table],
    );
    set = new Set(rows.map((r) => r.column_name));
    byTable.set(table, set);
  }
  return set;
}

const breath = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Stages rows of an import in `import_stage`, in short statements outside any transaction, so
 * that a large import never holds the database for long (PGlite serves one statement at a time:
 * a long transaction would freeze every other request). Nothing is visible in the territory's
 * tables until `applyStaged` runs in the import's final transaction.
 */
export async function stageRows(db: Queryable, stage: { runId: string; territoryId: string }, bulk: BulkRows): Promise<void> {
  const json = await jsonColumns(db, bulk.table);
  for (let start = 0; start < bulk.rows.length; start += STAGE_BATCH) {
    const objects = bulk.rows.slice(start, start + STAGE_BATCH).map((row) => {
      if (row.length !== bulk.columns.length)
        throw new Error(`stageRows(${bulk.table}): ${row.length} values for ${bulk.columns.length} columns`);
      const o: Record<string, unknown> = {};
      bulk.columns.forEach((c, i) => {
        const v = row[i];
        o[c] = json.has(c) && typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
      });
      return o;
    });
    await db.query('INSERT INTO import_stage (run_id, territory_id, target, rows) VALUES ($1, $2, $3, $4::jsonb)', [
      stage.runId,
      stage.territoryId,
      bulk.table,
      JSON.stringify(objects),
    ]);
    await breath();
  }
}

/**
 * Moves the staged rows of one table into it (inside the import's final transaction), one staged
 * batch per statement: each statement stays short, so that the embedded database's thread can
 * answer liveness checks between two of them.
 */
export async function applyStaged(
  tx: Queryable,
  stage: { runId: string; territoryId: string },
  table: BulkRows['table'],
  columns: readonly string[],
): Promise<number> {
  const cols = columns.join(', ');
  const batches = await tx.query<{ seq: string }>(
    'SELECT seq::text AS seq FROM import_stage WHERE run_id = $1 AND territory_id = $2 AND target = $3 ORDER BY seq',
    [stage.runId, stage.territoryId, table],
  );
  let moved = 0;
  for (const { seq } of batches) {
    const [row] = await tx.query<{ n: number }>(
      `WITH moved AS (
         INSERT INTO ${table} (${cols})
         SELECT ${columns.map((c) => `r.${c}`).join(', ')}
           FROM import_stage s CROSS JOIN LATERAL jsonb_populate_recordset(NULL::${table}, s.rows) r
          WHERE s.run_id = $1 AND s.territory_id = $2 AND s.target = $3 AND s.seq = $4::bigint AND r.territory_id = $2
         RETURNING 1)
       SELECT count(*)::int AS n FROM moved`,
      [stage.runId, stage.territoryId, table, seq],
    );
    moved += row?.n ?? 0;
  }
  return moved;
}

/** Forgets the staged rows of an import (applied, or abandoned). */
export async function dropStaged(db: Queryable, stage: { runId: string; territoryId: string }): Promise<void> {
  await db.query('DELETE FROM import_stage WHERE run_id = $1 AND territory_id = $2', [stage.runId, stage.territoryId]);
}

/**
 * Forgets rows staged by imports that never finished (a server killed mid-import): on the
 * embedded database, every staged row at start-up (its one process is starting); on PostgreSQL,
 * where other servers may be importing, rows older than a day.
 */
export async function dropAbandonedStages(db: Queryable, everything: boolean): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM import_stage WHERE $1 OR created_at < now() - interval '1 day' RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [everything],
  );
  return rows[0]?.n ?? 0;
}
