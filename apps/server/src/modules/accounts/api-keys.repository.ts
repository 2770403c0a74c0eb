/** SQL of a territory's API keys (stored as SHA-256 digests). */
import type { Queryable } from '../../platform/db/database.js';
import { iso } from '../../platform/db/sql.js';

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface Row {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toKey = (r: Row): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: iso(r.created_at),
  lastUsedAt: r.last_used_at ? iso(r.last_used_at) : null,
  revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
});

export class ApiKeyRepository {
  async insert(
    db: Queryable,
    territoryId: string,
    k: { name: string; prefix: string; keyHash: string; createdBy: string | null },
  ): Promise<ApiKeyRecord> {
    const [row] = await db.query<Row>(
      'INSERT INTO api_key (territory_id, name, prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [territoryId, k.name, k.prefix, k.keyHash, k.createdBy],
    );
    return toKey(row as Row);
  }

  async list(db: Queryable, territoryId: string): Promise<ApiKeyRecord[]> {
    return (await db.query<Row>('SELECT * FROM api_key WHERE territory_id = $1 ORDER BY created_at DESC, id', [territoryId])).map(toKey);
  }

  /** Revokes a key of that territory; the tenant is in the WHERE clause. */
  async revoke(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    return (
      (
        await db.query('UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE territory_id = $1 AND id = $2 RETURNING id', [
          territoryId,
          id,
        ])
      ).length === 1
    );
  }

  /** The live key of that digest: its ID and territory; the last use is recorded. */
  async use(db: Queryable, keyHash: string): Promise<{ id: string; territoryId: string } | undefined> {
    const [row] = await db.query<{ id: string; territory_id: string }>(
      'UPDATE api_key SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, territory_id',
      [keyHash],
    );
    return row ? { id: row.id, territoryId: row.territory_id } : undefined;
  }
}
