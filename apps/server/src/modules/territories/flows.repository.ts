import {
  DEFAULT_CONFIDENTIALITY,
  fieldsOf,
  FLOW_FIELD_SOURCES,
  flowRecordSchema,
  type ConfidentialFlowField,
  type ConfidentialityLevel,
  type FateMode,
  type Flow,
  type FlowCost,
  type FlowData,
  type FlowDirection,
  type Period,
  type PurityGrade,
  type ShownFlowField,
} from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { insertMany, type BulkRows } from '../../platform/db/bulk.js';
import { Conditions, likePattern, type Page, type PageOf } from '../../platform/db/sql.js';
import { columnsOf, definedOnly, optionalQuantity, RecordTable, storedFields } from './columns.js';

interface FlowRow {
  id: string;
  territory_id: string;
  site_id: string;
  actor_id: string;
  external_id: string | null;
  direction: FlowDirection;
  resource_code: string;
  waste_code: string | null;
  label: string;
  quantity_value: number | null;
  quantity_unit: string | null;
  quantity_period: Period | null;
  annual_quantity: number | null;
  annual_unit: string | null;
  months_available: number[] | null;
  temperature_c: number | null;
  moisture_pct: number | null;
  purity_grade: PurityGrade | null;
  hazardous: boolean | null;
  is_hazardous: boolean;
  fate_mode: FateMode | null;
  fate_operation_code: string | null;
  origin_recycled: boolean | null;
  origin_local: boolean | null;
  fate_local: boolean | null;
  fate_partner: string | null;
  origin_partner: string | null;
  cost_amount_eur: number | null;
  cost_per: FlowCost['per'] | null;
  cost_kind: FlowCost['kind'] | null;
  confidentiality: Partial<Record<ConfidentialFlowField, ConfidentialityLevel>>;
  created_at: Date;
  updated_at: Date;
}

const c = columnsOf<FlowRow>();
/** Where each field of a flow is stored; its actor is its site's (joined). */
const FLOWS = new RecordTable<Flow, FlowData, FlowRow>(
  fieldsOf(flowRecordSchema),
  {
    siteId: c.same('site_id'),
    externalId: c.same('external_id'),
    direction: c.same('direction'),
    resourceCode: c.same('resource_code'),
    wasteCode: c.same('waste_code'),
    label: c.same('label'),
    quantity: optionalQuantity<FlowRow>(),
    annualQuantity: c.custom<FlowData['annualQuantity']>(
      ['annual_quantity', 'annual_unit'],
      (q) => [q?.value ?? null, q?.unit ?? null],
      (r) => (r.annual_quantity !== null && r.annual_unit !== null ? { value: r.annual_quantity, unit: r.annual_unit } : null),
    ),
    monthsAvailable: c.same('months_available'),
    quality: c.custom<FlowData['quality']>(
      ['temperature_c', 'moisture_pct', 'purity_grade', 'hazardous'],
      (q) => [q.temperatureC ?? null, q.moisturePct ?? null, q.purityGrade ?? null, q.hazardous ?? null],
      (r) =>
        definedOnly<FlowData['quality']>({
          temperatureC: r.temperature_c ?? undefined,
          moisturePct: r.moisture_pct ?? undefined,
          purityGrade: r.purity_grade ?? undefined,
          hazardous: r.hazardous ?? undefined,
        }),
    ),
    hazardous: c.same('is_hazardous'),
    currentFate: c.custom<FlowData['currentFate']>(
      ['fate_mode', 'fate_operation_code', 'fate_local', 'fate_partner'],
      (f) => [f?.mode ?? null, f?.operationCode ?? null, f?.local ?? null, f?.partner ?? null],
      (r) =>
        r.fate_mode
          ? definedOnly({
              mode: r.fate_mode,
              operationCode: r.fate_operation_code ?? undefined,
              local: r.fate_local ?? undefined,
              partner: r.fate_partner ?? undefined,
            })
          : null,
    ),
    currentOrigin: c.custom<FlowData['currentOrigin']>(
      ['origin_recycled', 'origin_local', 'origin_partner'],
      (o) => [o?.recycled ?? null, o?.local ?? null, o?.partner ?? null],
      (r) =>
        r.origin_recycled !== null && r.origin_local !== null
          ? definedOnly({ recycled: r.origin_recycled, local: r.origin_local, partner: r.origin_partner ?? undefined })
          : null,
    ),
    cost: c.custom<FlowData['cost']>(
      ['cost_amount_eur', 'cost_per', 'cost_kind'],
      (k) => [k?.amountEur ?? null, k?.per ?? null, k?.kind ?? null],
      (r) =>
        r.cost_amount_eur !== null && r.cost_per !== null && r.cost_kind !== null
          ? { amountEur: r.cost_amount_eur, per: r.cost_per, kind: r.cost_kind }
          : null,
    ),
    confidentiality: c.json('confidentiality'),
  },
  { ...storedFields<FlowRow>(), actorId: (r) => r.actor_id },
);
const toFlow = (r: FlowRow): Flow => FLOWS.read(r);

export interface FlowFilter {
  siteId?: string | undefined;
  actorId?: string | undefined;
  direction?: FlowDirection | undefined;
  /** A taxonomy code: the flows of that class and of its sub-classes. */
  resource?: string | undefined;
  wasteCode?: string | undefined;
  hazardous?: boolean | undefined;
  q?: string | undefined;
  /** Only these actors' records (a contributor's scope); set by the service, never by the query string. */
  actorIds?: readonly string[] | undefined;
  /**
   * Filters and sorts only on what the public may see (API keys): each filter matches only the
   * flows where the field it reads, and every field that one derives from, is public (text in
   * public labels, public waste codes, `hazardous` where the waste code and the quality are
   * public), and the order is that of the label shown. Otherwise a filter or the order would tell
   * a hidden value. Set by the service.
   */
  publicOnly?: boolean | undefined;
}

/** The field each filter reads (`FLOW_FIELD_SOURCES` says what that field derives from). */
const FILTER_FIELDS: Readonly<Record<Exclude<keyof FlowFilter, 'actorIds' | 'publicOnly'>, ShownFlowField>> = {
  siteId: 'siteId',
  actorId: 'actorId',
  direction: 'direction',
  resource: 'resourceCode',
  wasteCode: 'wasteCode',
  hazardous: 'hazardous',
  q: 'label',
};

/** SQL that holds where a field of the flow `f`, and all it derives from, is public. */
function publicSql(c: Conditions, field: ShownFlowField): string {
  const sources: readonly (keyof typeof DEFAULT_CONFIDENTIALITY)[] = FLOW_FIELD_SOURCES[field];
  if (sources.length === 0) return 'TRUE';
  // The field names come from the engine's constant table (letters only), never from a request.
  return sources
    .map((source) => `coalesce(f.confidentiality->>'${source}', ${c.param(DEFAULT_CONFIDENTIALITY[source])}::text) = 'public'`)
    .join(' AND ');
}

const SELECT = 'SELECT f.*, s.actor_id FROM flow f JOIN site s ON s.id = f.site_id AND s.territory_id = f.territory_id';

export class FlowRepository {
  async list(db: Queryable, territoryId: string, filter: FlowFilter, page: Page): Promise<PageOf<Flow>> {
    const c = new Conditions().add('f.territory_id = $?', territoryId);
    if (filter.siteId) c.add('f.site_id = $?', filter.siteId);
    if (filter.actorId) c.add('s.actor_id = $?', filter.actorId);
    if (filter.actorIds) c.add('s.actor_id = ANY($?::uuid[])', [...filter.actorIds]);
    if (filter.direction) c.add('f.direction = $?', filter.direction);
    if (filter.resource) c.add('(f.resource_code = $? OR f.resource_code LIKE $?)', filter.resource, `${filter.resource}.%`);
    if (filter.wasteCode) c.add('f.waste_code = $?', filter.wasteCode);
    if (filter.hazardous !== undefined) c.add('f.is_hazardous = $?', filter.hazardous);
    if (filter.q) c.add('f.label ILIKE $?', likePattern(filter.q));
    if (filter.publicOnly) {
      for (const [key, field] of Object.entries(FILTER_FIELDS) as [keyof typeof FILTER_FIELDS, ShownFlowField][]) {
        if (filter[key] !== undefined && filter[key] !== '') c.add(`(${publicSql(c, field)})`);
      }
    }
    const from = 'FROM flow f JOIN site s ON s.id = f.site_id AND s.territory_id = f.territory_id';
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${c.where}`, c.params);
    // The public sees a hidden label as the resource code: it is sorted as it is shown.
    const order = filter.publicOnly ? `CASE WHEN ${publicSql(c, 'label')} THEN f.label ELSE f.resource_code END, f.id` : 'f.label, f.id';
    const rows = await db.query<FlowRow>(
      `${SELECT} ${c.where} ORDER BY ${order} LIMIT ${c.param(page.limit)} OFFSET ${c.param(page.offset)}`,
      c.params,
    );
    return { items: rows.map(toFlow), total: count?.n ?? 0, ...page };
  }

  async all(db: Queryable, territoryId: string): Promise<Flow[]> {
    return (await db.query<FlowRow>(`${SELECT} WHERE f.territory_id = $1 ORDER BY f.id`, [territoryId])).map(toFlow);
  }

  /** Rows for new flows, to stage (`stageRows`). */
  bulkRows(territoryId: string, flows: readonly FlowData[]): BulkRows {
    return { table: 'flow', columns: ['territory_id', ...FLOWS.columns], rows: flows.map((f) => [territoryId, ...FLOWS.values(f)]) };
  }

  async insertMany(db: Queryable, territoryId: string, flows: readonly FlowData[]): Promise<void> {
    await insertMany(
      db,
      'flow',
      ['territory_id', ...FLOWS.columns],
      flows.map((f) => [territoryId, ...FLOWS.values(f)]),
    );
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Flow | undefined> {
    const rows = await db.query<FlowRow>(`${SELECT} WHERE f.territory_id = $1 AND f.id = $2`, [territoryId, id]);
    return rows[0] && toFlow(rows[0]);
  }

  async insert(db: Queryable, territoryId: string, f: FlowData): Promise<Flow> {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO flow (territory_id, ${FLOWS.columns.join(', ')}) VALUES ($1, ${FLOWS.placeholders(2)}) RETURNING id`,
      [territoryId, ...FLOWS.values(f)],
    );
    if (!row) throw new Error('insert returned no row');
    const flow = await this.get(db, territoryId, row.id);
    if (!flow) throw new Error('flow vanished after insert');
    return flow;
  }

  async update(db: Queryable, territoryId: string, id: string, f: FlowData): Promise<Flow | undefined> {
    const rows = await db.query<{ id: string }>(
      `UPDATE flow SET ${FLOWS.assignments(3)}, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING id`,
      [territoryId, id, ...FLOWS.values(f)],
    );
    return rows[0] ? this.get(db, territoryId, id) : undefined;
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query('DELETE FROM flow WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length > 0;
  }
}
