import { fieldsOf, needRecordSchema, type Need, type NeedCategory, type NeedData, type Period } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { insertMany, type BulkRows } from '../../platform/db/bulk.js';
import { Conditions, likePattern, type Page, type PageOf } from '../../platform/db/sql.js';
import { columnsOf, optionalQuantity, RecordTable, storedFields } from './columns.js';

interface NeedRow {
  id: string;
  territory_id: string;
  actor_id: string;
  external_id: string | null;
  category: NeedCategory;
  description: string;
  resource_code: string | null;
  quantity_value: number | null;
  quantity_unit: string | null;
  quantity_period: Period | null;
  created_at: Date;
  updated_at: Date;
}

const c = columnsOf<NeedRow>();
/** Where each field of a need is stored. */
const NEEDS = new RecordTable<Need, NeedData, NeedRow>(
  fieldsOf(needRecordSchema),
  {
    actorId: c.same('actor_id'),
    externalId: c.same('external_id'),
    category: c.same('category'),
    description: c.same('description'),
    resourceCode: c.same('resource_code'),
    quantity: optionalQuantity<NeedRow>(),
  },
  storedFields<NeedRow>(),
);
const toNeed = (r: NeedRow): Need => NEEDS.read(r);

export interface NeedFilter {
  actorId?: string | undefined;
  category?: NeedCategory | undefined;
  resource?: string | undefined;
  q?: string | undefined;
  /** Only these actors' records (a contributor's scope); set by the service, never by the query string. */
  actorIds?: readonly string[] | undefined;
}

export class NeedRepository {
  async list(db: Queryable, territoryId: string, filter: NeedFilter, page: Page): Promise<PageOf<Need>> {
    const c = new Conditions().add('territory_id = $?', territoryId);
    if (filter.actorId) c.add('actor_id = $?', filter.actorId);
    if (filter.actorIds) c.add('actor_id = ANY($?::uuid[])', [...filter.actorIds]);
    if (filter.category) c.add('category = $?', filter.category);
    if (filter.resource) c.add('(resource_code = $? OR resource_code LIKE $?)', filter.resource, `${filter.resource}.%`);
    if (filter.q) c.add('description ILIKE $?', likePattern(filter.q));
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM need ${c.where}`, c.params);
    const rows = await db.query<NeedRow>(
      `SELECT * FROM need ${c.where} ORDER BY category, description, id LIMIT ${c.param(page.limit)} OFFSET ${c.param(page.offset)}`,
      c.params,
    );
    return { items: rows.map(toNeed), total: count?.n ?? 0, ...page };
  }

  async all(db: Queryable, territoryId: string): Promise<Need[]> {
    return (await db.query<NeedRow>('SELECT * FROM need WHERE territory_id = $1 ORDER BY id', [territoryId])).map(toNeed);
  }

  /** Rows for new needs, to stage (`stageRows`). */
  bulkRows(territoryId: string, needs: readonly NeedData[]): BulkRows {
    return { table: 'need', columns: ['territory_id', ...NEEDS.columns], rows: needs.map((n) => [territoryId, ...NEEDS.values(n)]) };
  }

  async insertMany(db: Queryable, territoryId: string, needs: readonly NeedData[]): Promise<void> {
    await insertMany(
      db,
      'need',
      ['territory_id', ...NEEDS.columns],
      needs.map((n) => [territoryId, ...NEEDS.values(n)]),
    );
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Need | undefined> {
    const rows = await db.query<NeedRow>('SELECT * FROM need WHERE territory_id = $1 AND id = $2', [territoryId, id]);
    return rows[0] && toNeed(rows[0]);
  }

  async insert(db: Queryable, territoryId: string, n: NeedData): Promise<Need> {
    const [row] = await db.query<NeedRow>(
      `INSERT INTO need (territory_id, ${NEEDS.columns.join(', ')}) VALUES ($1, ${NEEDS.placeholders(2)}) RETURNING *`,
      [territoryId, ...NEEDS.values(n)],
    );
    if (!row) throw new Error('insert returned no row');
    return toNeed(row);
  }

  async update(db: Queryable, territoryId: string, id: string, n: NeedData): Promise<Need | undefined> {
    const [row] = await db.query<NeedRow>(
      `UPDATE need SET ${NEEDS.assignments(3)}, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING *`,
      [territoryId, id, ...NEEDS.values(n)],
    );
    return row && toNeed(row);
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query('DELETE FROM need WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length > 0;
  }
}
