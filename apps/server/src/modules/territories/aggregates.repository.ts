import { aggregateRecordSchema, fieldsOf, type Aggregate, type AggregateData, type Period } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { columnsOf, RecordTable, storedFields } from './columns.js';

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

const c = columnsOf<AggregateRow>();
/** Where each field of an aggregate is stored. */
const AGGREGATES = new RecordTable<Aggregate, AggregateData, AggregateRow>(
  fieldsOf(aggregateRecordSchema),
  {
    externalId: c.same('external_id'),
    label: c.same('label'),
    kind: c.same('kind'),
    family: c.same('family'),
    resourceCode: c.same('resource_code'),
    quantity: c.custom<AggregateData['quantity']>(
      ['quantity_value', 'quantity_unit', 'quantity_period'],
      (q) => [q.value, q.unit, q.period],
      (r) => ({ value: r.quantity_value, unit: r.quantity_unit, period: r.quantity_period }),
    ),
    annualQuantity: c.custom<AggregateData['annualQuantity']>(
      ['annual_quantity', 'annual_unit'],
      (q) => [q.value, q.unit],
      (r) => ({ value: r.annual_quantity, unit: r.annual_unit }),
    ),
    origin: c.same('origin'),
    destination: c.same('destination'),
    partner: c.same('partner'),
    year: c.same('year'),
    source: c.custom<AggregateData['source']>(
      ['source_title', 'source_url'],
      (s) => [s.title, s.url ?? null],
      (r) => (r.source_url ? { title: r.source_title, url: r.source_url } : { title: r.source_title }),
    ),
    estimate: c.same('estimate'),
  },
  storedFields<AggregateRow>(),
);
const toAggregate = (r: AggregateRow): Aggregate => AGGREGATES.read(r);

/** Aggregates of a territory: every statement has `territory_id` in its WHERE clause. */
export class AggregateRepository {
  async all(db: Queryable, territoryId: string): Promise<Aggregate[]> {
    return (
      await db.query<AggregateRow>('SELECT * FROM territory_aggregate WHERE territory_id = $1 ORDER BY year, kind, label, id', [
        territoryId,
      ])
    ).map(toAggregate);
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Aggregate | undefined> {
    const [row] = await db.query<AggregateRow>('SELECT * FROM territory_aggregate WHERE territory_id = $1 AND id = $2', [territoryId, id]);
    return row && toAggregate(row);
  }

  async insert(db: Queryable, territoryId: string, a: AggregateData): Promise<Aggregate> {
    const [row] = await db.query<AggregateRow>(
      `INSERT INTO territory_aggregate (territory_id, ${AGGREGATES.columns.join(', ')}) VALUES ($1, ${AGGREGATES.placeholders(2)}) RETURNING *`,
      [territoryId, ...AGGREGATES.values(a)],
    );
    if (!row) throw new Error('insert returned no row');
    return toAggregate(row);
  }

  async update(db: Queryable, territoryId: string, id: string, a: AggregateData): Promise<Aggregate | undefined> {
    const [row] = await db.query<AggregateRow>(
      `UPDATE territory_aggregate SET ${AGGREGATES.assignments(3)}, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING *`,
      [territoryId, id, ...AGGREGATES.values(a)],
    );
    return row && toAggregate(row);
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query<{ id: string }>('DELETE FROM territory_aggregate WHERE territory_id = $1 AND id = $2 RETURNING id', [
      territoryId,
      id,
    ]);
    return rows.length > 0;
  }
}
