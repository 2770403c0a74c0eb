import type { GeoJsonGeometry, Territory, TerritoryLevel } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { Conditions, iso, likePattern, type Page, type PageOf } from '../../platform/db/sql.js';

interface TerritoryRow {
  id: string;
  code: string;
  level: TerritoryLevel;
  name: string;
  description: string | null;
  fictional: boolean;
  boundary: GeoJsonGeometry | null;
  communes: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT t.*, (SELECT array_agg(commune_code ORDER BY commune_code) FROM territory_commune c WHERE c.territory_id = t.id) AS communes FROM territory t`;

function toTerritory(r: TerritoryRow): Territory {
  return {
    id: r.id,
    code: r.code,
    level: r.level,
    name: r.name,
    description: r.description,
    fictional: r.fictional,
    communes: r.communes ?? [],
    boundary: r.boundary,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface TerritoryData {
  code: string;
  level: TerritoryLevel;
  name: string;
  description: string | null;
  fictional: boolean;
  communes: readonly string[];
  boundary: GeoJsonGeometry | null;
}

export interface TerritoryFilter {
  q?: string | undefined;
  level?: TerritoryLevel | undefined;
  /** Only these territories (those a principal has a role in); set by the service. */
  ids?: readonly string[] | undefined;
}

export class TerritoryRepository {
  async list(db: Queryable, filter: TerritoryFilter, page: Page): Promise<PageOf<Territory>> {
    const c = new Conditions();
    if (filter.q) c.add('(t.name ILIKE $? OR t.code ILIKE $?)', likePattern(filter.q), likePattern(filter.q));
    if (filter.level) c.add('t.level = $?', filter.level);
    if (filter.ids) c.add('t.id = ANY($?::uuid[])', [...filter.ids]);
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM territory t ${c.where}`, c.params);
    const rows = await db.query<TerritoryRow>(
      `${SELECT} ${c.where} ORDER BY t.name, t.id LIMIT ${c.param(page.limit)} OFFSET ${c.param(page.offset)}`,
      c.params,
    );
    return { items: rows.map(toTerritory), total: count?.n ?? 0, ...page };
  }

  /** How many territories there are, all tenants together. */
  async count(db: Queryable): Promise<number> {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM territory');
    return row?.n ?? 0;
  }

  /** With a lock, the row is locked until the end of the transaction (`FOR SHARE` / `FOR UPDATE`). */
  async findByCode(db: Queryable, code: string, lock?: 'share' | 'update'): Promise<Territory | undefined> {
    const suffix = lock === 'update' ? ' FOR UPDATE OF t' : lock === 'share' ? ' FOR SHARE OF t' : '';
    const rows = await db.query<TerritoryRow>(`${SELECT} WHERE t.code = $1${suffix}`, [code]);
    return rows[0] && toTerritory(rows[0]);
  }

  async insert(db: Queryable, t: TerritoryData): Promise<Territory> {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO territory (code, level, name, description, fictional, boundary) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [t.code, t.level, t.name, t.description, t.fictional, t.boundary === null ? null : JSON.stringify(t.boundary)],
    );
    if (!row) throw new Error('insert returned no row');
    await this.setCommunes(db, row.id, t.communes);
    const created = await this.findByCode(db, t.code);
    if (!created) throw new Error('territory vanished after insert');
    return created;
  }

  async update(db: Queryable, id: string, t: Omit<TerritoryData, 'code' | 'level'>, communesChanged: boolean): Promise<void> {
    await db.query(`UPDATE territory SET name = $2, description = $3, fictional = $4, boundary = $5, updated_at = now() WHERE id = $1`, [
      id,
      t.name,
      t.description,
      t.fictional,
      t.boundary === null ? null : JSON.stringify(t.boundary),
    ]);
    if (communesChanged) {
      // By difference: the communes that stay keep their rows, which sites reference.
      await db.query('DELETE FROM territory_commune WHERE territory_id = $1 AND NOT (commune_code = ANY($2::text[]))', [
        id,
        [...t.communes],
      ]);
      await this.setCommunes(db, id, t.communes);
    }
  }

  /**
   * Deletes the territory with all its data. Actors go first (their sites, flows and needs with
   * them), so that no site still points at a commune when the territory's communes go.
   * Call it inside a transaction.
   */
  async delete(db: Queryable, id: string): Promise<boolean> {
    await db.query('DELETE FROM actor WHERE territory_id = $1', [id]);
    const rows = await db.query('DELETE FROM territory WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  /** Communes of the territory in use by one of its sites (they cannot be removed from it). */
  async communesInUse(db: Queryable, territoryId: string): Promise<string[]> {
    const rows = await db.query<{ commune_code: string }>(
      'SELECT DISTINCT commune_code FROM site WHERE territory_id = $1 ORDER BY commune_code',
      [territoryId],
    );
    return rows.map((r) => r.commune_code);
  }

  private async setCommunes(db: Queryable, territoryId: string, communes: readonly string[]): Promise<void> {
    if (communes.length === 0) return;
    await db.query('INSERT INTO territory_commune (territory_id, commune_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [
      territoryId,
      [...communes],
    ]);
  }
}
