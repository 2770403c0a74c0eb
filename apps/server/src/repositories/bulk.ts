/** Multi-row INSERTs in batches, for imports: one statement per batch instead of one per row. */
import type { Queryable } from '../db/database.js';

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
