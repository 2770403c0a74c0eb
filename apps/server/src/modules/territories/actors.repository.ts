import { actorRecordSchema, fieldsOf, type Actor, type ActorData, type ActorKind, type Contact } from '@boucles/engine';
import type { Queryable } from '../../platform/db/database.js';
import { insertMany, type BulkRows } from '../../platform/db/bulk.js';
import { Conditions, likePattern, type Page, type PageOf } from '../../platform/db/sql.js';
import { columnsOf, RecordTable, storedFields } from './columns.js';

interface ActorRow {
  id: string;
  territory_id: string;
  external_id: string | null;
  siret: string | null;
  siren: string | null;
  name: string;
  naf_code: string | null;
  kind: ActorKind;
  headcount_band: string | null;
  ess: boolean;
  contact: Contact;
  created_at: Date;
  updated_at: Date;
}

const c = columnsOf<ActorRow>();
/** Where each field of an actor is stored. */
const ACTORS = new RecordTable<Actor, ActorData, ActorRow>(
  fieldsOf(actorRecordSchema),
  {
    externalId: c.same('external_id'),
    siret: c.same('siret'),
    name: c.same('name'),
    nafCode: c.same('naf_code'),
    kind: c.same('kind'),
    headcountBand: c.same('headcount_band'),
    ess: c.same('ess'),
    contact: c.json('contact'),
  },
  { ...storedFields<ActorRow>(), siren: (r) => r.siren },
);
const toActor = (r: ActorRow): Actor => ACTORS.read(r);

export interface ActorFilter {
  q?: string | undefined;
  kind?: ActorKind | undefined;
  /** A NAF code or its beginning: `10` (division), `10.7`, `10.71C`. */
  naf?: string | undefined;
  ess?: boolean | undefined;
  siret?: string | undefined;
  communeCode?: string | undefined;
  /** Only these actors' records (a contributor's scope); set by the service, never by the query string. */
  actorIds?: readonly string[] | undefined;
}

export class ActorRepository {
  async list(db: Queryable, territoryId: string, filter: ActorFilter, page: Page): Promise<PageOf<Actor>> {
    const c = new Conditions().add('a.territory_id = $?', territoryId);
    if (filter.q) c.add('(a.name ILIKE $? OR a.siret LIKE $?)', likePattern(filter.q), `${filter.q.replace(/\D/g, '') || '-'}%`);
    if (filter.kind) c.add('a.kind = $?', filter.kind);
    if (filter.naf) c.add('a.naf_code LIKE $?', `${filter.naf.replace(/[\\%_]/g, '')}%`);
    if (filter.ess !== undefined) c.add('a.ess = $?', filter.ess);
    if (filter.siret) c.add('a.siret = $?', filter.siret);
    if (filter.actorIds) c.add('a.id = ANY($?::uuid[])', [...filter.actorIds]);
    if (filter.communeCode) {
      c.add(
        'EXISTS (SELECT 1 FROM site s WHERE s.actor_id = a.id AND s.territory_id = a.territory_id AND s.commune_code = $?)',
        filter.communeCode,
      );
    }
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM actor a ${c.where}`, c.params);
    const rows = await db.query<ActorRow>(
      `SELECT a.* FROM actor a ${c.where} ORDER BY a.name, a.id LIMIT ${c.param(page.limit)} OFFSET ${c.param(page.offset)}`,
      c.params,
    );
    return { items: rows.map(toActor), total: count?.n ?? 0, ...page };
  }

  /** Every actor of the territory (imports compare a file with them). */
  async all(db: Queryable, territoryId: string): Promise<Actor[]> {
    return (await db.query<ActorRow>('SELECT * FROM actor WHERE territory_id = $1 ORDER BY id', [territoryId])).map(toActor);
  }

  /** Rows for new actors whose ids are drawn beforehand, to stage (`stageRows`). */
  bulkRows(territoryId: string, actors: readonly (ActorData & { id: string })[]): BulkRows {
    return {
      table: 'actor',
      columns: ['id', 'territory_id', ...ACTORS.columns],
      rows: actors.map((a) => [a.id, territoryId, ...ACTORS.values(a)]),
    };
  }

  /** Inserts many actors at once; gives back each one's id with its external ID. */
  async insertMany(
    db: Queryable,
    territoryId: string,
    actors: readonly ActorData[],
  ): Promise<{ id: string; external_id: string | null }[]> {
    return insertMany(
      db,
      'actor',
      ['territory_id', ...ACTORS.columns],
      actors.map((a) => [territoryId, ...ACTORS.values(a)]),
      'id, external_id',
    );
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Actor | undefined> {
    const rows = await db.query<ActorRow>('SELECT * FROM actor WHERE territory_id = $1 AND id = $2', [territoryId, id]);
    return rows[0] && toActor(rows[0]);
  }

  /** The actor of this territory with this external ID, if any. */
  async findByExternalId(db: Queryable, territoryId: string, externalId: string): Promise<Actor | undefined> {
    const rows = await db.query<ActorRow>('SELECT * FROM actor WHERE territory_id = $1 AND external_id = $2', [territoryId, externalId]);
    return rows[0] && toActor(rows[0]);
  }

  async insert(db: Queryable, territoryId: string, a: ActorData): Promise<Actor> {
    const [row] = await db.query<ActorRow>(
      `INSERT INTO actor (territory_id, ${ACTORS.columns.join(', ')}) VALUES ($1, ${ACTORS.placeholders(2)}) RETURNING *`,
      [territoryId, ...ACTORS.values(a)],
    );
    if (!row) throw new Error('insert returned no row');
    return toActor(row);
  }

  /** Updates the actor of this territory; undefined when no such actor is in the territory. */
  async update(db: Queryable, territoryId: string, id: string, a: ActorData): Promise<Actor | undefined> {
    const [row] = await db.query<ActorRow>(
      `UPDATE actor SET ${ACTORS.assignments(3)}, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING *`,
      [territoryId, id, ...ACTORS.values(a)],
    );
    return row && toActor(row);
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query('DELETE FROM actor WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length > 0;
  }
}
