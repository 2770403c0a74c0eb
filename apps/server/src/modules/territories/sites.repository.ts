import type { Site } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { insertMany, type BulkRows } from '../../platform/db/bulk.js';
import { Conditions, iso, likePattern, type Page, type PageOf } from '../../platform/db/sql.js';

interface SiteRow {
  id: string;
  territory_id: string;
  actor_id: string;
  external_id: string | null;
  name: string;
  address: string | null;
  commune_code: string;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
  updated_at: Date;
}

function toSite(r: SiteRow): Site {
  return {
    id: r.id,
    territoryId: r.territory_id,
    actorId: r.actor_id,
    externalId: r.external_id,
    name: r.name,
    address: r.address,
    communeCode: r.commune_code,
    location: r.latitude === null || r.longitude === null ? null : { lat: r.latitude, lon: r.longitude },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface SiteData {
  actorId: string;
  externalId: string | null;
  name: string;
  address: string | null;
  communeCode: string;
  location: { lat: number; lon: number } | null;
}

export interface SiteFilter {
  actorId?: string | undefined;
  communeCode?: string | undefined;
  q?: string | undefined;
  /** Only these actors' records (a contributor's scope); set by the service, never by the query string. */
  actorIds?: readonly string[] | undefined;
}

function values(s: SiteData): unknown[] {
  return [s.actorId, s.externalId, s.name, s.address, s.communeCode, s.location?.lat ?? null, s.location?.lon ?? null];
}

export class SiteRepository {
  async list(db: Queryable, territoryId: string, filter: SiteFilter, page: Page): Promise<PageOf<Site>> {
    const c = new Conditions().add('territory_id = $?', territoryId);
    if (filter.actorId) c.add('actor_id = $?', filter.actorId);
    if (filter.actorIds) c.add('actor_id = ANY($?::uuid[])', [...filter.actorIds]);
    if (filter.communeCode) c.add('commune_code = $?', filter.communeCode);
    if (filter.q) c.add('(name ILIKE $? OR address ILIKE $?)', likePattern(filter.q), likePattern(filter.q));
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM site ${c.where}`, c.params);
    const rows = await db.query<SiteRow>(
      `SELECT * FROM site ${c.where} ORDER BY name, id LIMIT ${c.param(page.limit)} OFFSET ${c.param(page.offset)}`,
      c.params,
    );
    return { items: rows.map(toSite), total: count?.n ?? 0, ...page };
  }

  async all(db: Queryable, territoryId: string): Promise<Site[]> {
    return (await db.query<SiteRow>('SELECT * FROM site WHERE territory_id = $1 ORDER BY id', [territoryId])).map(toSite);
  }

  /** Rows for new sites whose ids are drawn beforehand, to stage (`stageRows`). */
  bulkRows(territoryId: string, sites: readonly (SiteData & { id: string })[]): BulkRows {
    return { table: 'site', columns: ['id', 'territory_id', 'actor_id', 'external_id', 'name', 'address', 'commune_code', 'latitude', 'longitude'], rows: sites.map((s) => [s.id, territoryId, ...values(s)]) };
  }

  async insertMany(db: Queryable, territoryId: string, sites: readonly SiteData[]): Promise<{ id: string; external_id: string | null }[]> {
    return insertMany(db, 'site', ['territory_id', 'actor_id', 'external_id', 'name', 'address', 'commune_code', 'latitude', 'longitude'], sites.map((s) => [territoryId, ...values(s)]), 'id, external_id');
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Site | undefined> {
    const rows = await db.query<SiteRow>('SELECT * FROM site WHERE territory_id = $1 AND id = $2', [territoryId, id]);
    return rows[0] && toSite(rows[0]);
  }

  async insert(db: Queryable, territoryId: string, s: SiteData): Promise<Site> {
    const [row] = await db.query<SiteRow>(
      `INSERT INTO site (territory_id, actor_id, external_id, name, address, commune_code, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [territoryId, ...values(s)],
    );
    if (!row) throw new Error('insert returned no row');
    return toSite(row);
  }

  async update(db: Queryable, territoryId: string, id: string, s: SiteData): Promise<Site | undefined> {
    const [row] = await db.query<SiteRow>(
      `UPDATE site SET actor_id = $3, external_id = $4, name = $5, address = $6, commune_code = $7, latitude = $8, longitude = $9,
         updated_at = now()
       WHERE territory_id = $1 AND id = $2 RETURNING *`,
      [territoryId, id, ...values(s)],
    );
    return row && toSite(row);
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query('DELETE FROM site WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length > 0;
  }
}
