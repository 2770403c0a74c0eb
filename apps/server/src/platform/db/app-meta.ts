/**
 * The `app_meta` table: a few values the platform keeps about itself, by key (the demo's loading
 * state, a secret drawn once), each stored as JSON.
 */
import type { Queryable } from './database.js';

export class AppMetaRepository {
  /** The value kept under this key, if any. */
  async get<T>(db: Queryable, key: string): Promise<T | undefined> {
    const [row] = await db.query<{ value: T }>('SELECT value FROM app_meta WHERE key = $1', [key]);
    return row?.value;
  }

  /** Keeps the value under this key unless the key has one already; true when it was kept. */
  async insertIfAbsent(db: Queryable, key: string, value: unknown): Promise<boolean> {
    const inserted = await db.query('INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [
      key,
      JSON.stringify(value),
    ]);
    return inserted.length > 0;
  }

  /** Replaces the value kept under this key. */
  async update(db: Queryable, key: string, value: unknown): Promise<void> {
    await db.query('UPDATE app_meta SET value = $2, updated_at = now() WHERE key = $1', [key, JSON.stringify(value)]);
  }
}
