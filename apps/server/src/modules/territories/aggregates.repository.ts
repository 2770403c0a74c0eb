import type { Aggregate, Period } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import type { AggregateData } from './prepare.js';
import { iso } from '../../platform/db/sql.js';

interface AggregateRow {
  id: string;
  territory_id: string;
  external_id: string | null;
  label: string;
  kind: Aggregate['kind'];
  family: Aggregate['family'];
  resource_code: string | null;
  quantity_value: number;
  quantity_unit: string;
  quantity_period: Period;
  annual_quantity: number;
  annual_unit: string;
  origin: Aggregate['origin'];
  destination: Aggregate['destination'];
  partner: string | null;
  year: number;
  source_title: string;
  source_url: string | null;
  estimate: boolean;
  created_at: Date;
  updated_at: Date;
}

const toAggregate = (r: AggregateRow): Aggregate => ({
  id: r.id,
  territoryId: r.territory_id,
  externalId: r.external_id,
  label: r.label,
  kind: r.kind,
  family: r.family,
  resourceCode: r.resource_code,
  quantity: { value: r.quantity_value, unit: r.quantity_unit, period: r.quantity_period },
  annualQuantity: { value: r.annual_quantity, unit: r.annual_unit },
  origin: r.origin,
  destination: r.destination,
  partner: r.partner,
  year: r.year,
  source: r.source_url ? { title: r.source_title, url: r.source_url } : { title: r.source_title },
  estimate: r.estimate,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const COLUMNS = [
  'external_id',
  'label',
  'kind',
  'family',
  'resource_code',
  'quantity_value',
  'quantity_unit',
  'quantity_period',
  'annual_quantity',
  'annual_unit',
  'origin',
  'destination',
  'partner',
  'year',
  'source_title',
  'source_url',
  'estimate',
];

function values(a: AggregateData): unknown[] {
  return [
    a.externalId,
    a.label,
    a.kind,
    a.family,
    a.resourceCode,
    a.quantity.value,
    a.quantity.unit,
    a.quantity.period,
    a.annualQuantity.value,
    a.annualQuantity.unit,
    a.origin,
    a.destination,
    a.partner,
    a.year,
    a.source.title,
    a.source.url ?? null,
    a.estimate,
  ];
}

/** Aggregates of a territory: every statement has `territory_id` in its WHERE clause. */
export class AggregateRepository {
  async all(db: Queryable, territoryId: string): Promise<Aggregate[]> {
    return (await db.query<AggregateRow>('SELECT * FROM territory_aggregate WHERE territory_id = $1 ORDER BY year, kind, label, id', [territoryId])).map(toAggregate);
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Aggregate | undefined> {
    const [row] = await db.query<AggregateRow>('SELECT * FROM territory_aggregate WHERE territory_id = $1 AND id = $2', [territoryId, id]);
    return row && toAggregate(row);
  }

  async insert(db: Queryable, territoryId: string, a: AggregateData): Promise<Aggregate> {
    const v = values(a);
    const [row] = await db.query<AggregateRow>(
      `INSERT INTO territory_aggregate (territory_id, ${COLUMNS.join(', ')}) VALUES ($1, ${v.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING *`,
      [territoryId, ...v],
    );
    if (!row) throw new Error('insert returned no row');
    return toAggregate(row);
  }

  async update(db: Queryable, territoryId: string, id: string, a: AggregateData): Promise<Aggregate | undefined> {
    const v = values(a);
    const [row] = await db.query<AggregateRow>(
      `UPDATE territory_aggregate SET ${COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING *`,
      [territoryId, id, ...v],
    );
    return row && toAggregate(row);
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query<{ id: string }>('DELETE FROM territory_aggregate WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length > 0;
  }
}
