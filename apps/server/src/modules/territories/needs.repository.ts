import type { Need, NeedCategory, Period, Quantity } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { insertMany, type BulkRows } from '../../platform/db/bulk.js';
import { Conditions, iso, likePattern, type Page, type PageOf } from '../../platform/db/sql.js';

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

function toNeed(r: NeedRow): Need {
  return {
    id: r.id,
    territoryId: r.territory_id,
    actorId: r.actor_id,
    externalId: r.external_id,
    category: r.category,
    description: r.description,
    resourceCode: r.resource_code,
    quantity:
      r.quantity_value !== null && r.quantity_unit !== null && r.quantity_period !== null
        ? { value: r.quantity_value, unit: r.quantity_unit, period: r.quantity_period }
        : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface NeedData {
  actorId: string;
  externalId: string | null;
  category: NeedCategory;
  description: string;
  resourceCode: string | null;
  quantity: Quantity | null;
}

export interface NeedFilter {
  actorId?: string | undefined;
  category?: NeedCategory | undefined;
  resource?: string | undefined;
  q?: string | undefined;
  /** Only these actors' records (a contributor's scope); set by the service, never by the query string. */
  actorIds?: readonly string[] | undefined;
}

function values(n: NeedData): unknown[] {
  return [n.actorId, n.externalId, n.category, n.description, n.resourceCode, n.quantity?.value ?? null, n.quantity?.unit ?? null, n.quantity?.period ?? null];
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
    return { table: 'need', columns: ['territory_id', 'actor_id', 'external_id', 'category', 'description', 'resource_code', 'quantity_value', 'quantity_unit', 'quantity_period'], rows: needs.map((n) => [territoryId, ...values(n)]) };
  }

  async insertMany(db: Queryable, territoryId: string, needs: readonly NeedData[]): Promise<void> {
    await insertMany(db, 'need', ['territory_id', 'actor_id', 'external_id', 'category', 'description', 'resource_code', 'quantity_value', 'quantity_unit', 'quantity_period'], needs.map((n) => [territoryId, ...values(n)]));
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Need | undefined> {
    const rows = await db.query<NeedRow>('SELECT * FROM need WHERE territory_id = $1 AND id = $2', [territoryId, id]);
    return rows[0] && toNeed(rows[0]);
  }

  async insert(db: Queryable, territoryId: string, n: NeedData): Promise<Need> {
    const [row] = await db.query<NeedRow>(
      `INSERT INTO need (territory_id, actor_id, external_id, category, description, resource_code, quantity_value, quantity_unit, quantity_period)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [territoryId, ...values(n)],
    );
    if (!row) throw new Error('insert returned no row');
    return toNeed(row);
  }

  async update(db: Queryable, territoryId: string, id: string, n: NeedData): Promise<Need | undefined> {
    const [row] = await db.query<NeedRow>(
      `UPDATE need SET actor_id = $3, external_id = $4, category = $5, description = $6, resource_code = $7, quantity_value = $8,
         quantity_unit = $9, quantity_period = $10, updated_at = now()
       WHERE territory_id = $1 AND id = $2 RETURNING *`,
      [territoryId, id, ...values(n)],
    );
    return row && toNeed(row);
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query('DELETE FROM need WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length > 0;
  }
}
