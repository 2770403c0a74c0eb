import { fieldsOf, siteRecordSchema, type Site, type SiteData } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { insertMany, type BulkRows } from '../../platform/db/bulk.js';
import { Conditions, likePattern, type Page, type PageOf } from '../../platform/db/sql.js';
import { columnsOf, RecordTable, storedFields } from './columns.js';

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

const c = columnsOf<SiteRow>();
/** Where each field of a site is stored. */
const SITES = new RecordTable<Site, SiteData, SiteRow>(
  fieldsOf(siteRecordSchema),
  {
    actorId: c.same('actor_id'),
    externalId: c.same('external_id'),
    name: c.same('name'),
    address: c.same('address'),
    communeCode: c.same('commune_code'),
    location: c.custom<SiteData['location']>(
      ['latitude', 'longitude'],
      (l) => [l?.lat ?? null, l?.lon ?? null],
      (r) => (r.latitude === null || r.longitude === null ? null : { lat: r.latitude, lon: r.longitude }),
    ),
  },
  storedFields<SiteRow>(),
);
const toSite = (r: SiteRow): Site => SITES.read(r);

export interface SiteFilter {
  actorId?: string | undefined;
  communeCode?: string | undefined;
  q?: string | undefined;
  /** Only these actors' records (a contributor's scope); set by the service, never by the query string. */
  actorIds?: readonly string[] | undefined;
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
    return {
      table: 'site',
      columns: ['id', 'territory_id', ...SITES.columns],
      rows: sites.map((s) => [s.id, territoryId, ...SITES.values(s)]),
    };
  }

  async insertMany(db: Queryable, territoryId: string, sites: readonly SiteData[]): Promise<{ id: string; external_id: string | null }[]> {
    return insertMany(
      db,
      'site',
      ['territory_id', ...SITES.columns],
      sites.map((s) => [territoryId, ...SITES.values(s)]),
      'id, external_id',
    );
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Site | undefined> {
    const rows = await db.query<SiteRow>('SELECT * FROM site WHERE territory_id = $1 AND id = $2', [territoryId, id]);
    return rows[0] && toSite(rows[0]);
  }

  async insert(db: Queryable, territoryId: string, s: SiteData): Promise<Site> {
    const [row] = await db.query<SiteRow>(
      `INSERT INTO site (territory_id, ${SITES.columns.join(', ')}) VALUES ($1, ${SITES.placeholders(2)}) RETURNING *`,
      [territoryId, ...SITES.values(s)],
    );
    if (!row) throw new Error('insert returned no row');
    return toSite(row);
  }

  async update(db: Queryable, territoryId: string, id: string, s: SiteData): Promise<Site | undefined> {
    const [row] = await db.query<SiteRow>(
      `UPDATE site SET ${SITES.assignments(3)}, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING *`,
      [territoryId, id, ...SITES.values(s)],
    );
    return row && toSite(row);
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query('DELETE FROM site WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length > 0;
  }
}
