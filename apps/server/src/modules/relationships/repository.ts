/**
 * SQL of the relationship log (table `interaction`, migration 0007). Every statement names the
 * tenant: `territory_id` is in the WHERE clause of every SELECT, UPDATE and DELETE, so that an ID
 * of another territory finds nothing, whatever the service above does.
 */
import type { Queryable } from '../../platform/db/database.js';
import { Conditions, iso, type Page, type PageOf } from '../../platform/db/sql.js';
import type { InteractionKind } from './schemas.js';

/** What the service stores: an interaction's own fields, checked and normalised (blank text is null). */
export interface InteractionData {
  actorId: string;
  occurredOn: string;
  kind: InteractionKind;
  participants: string | null;
  topics: string | null;
  weakSignal: boolean;
  weakSignalText: string | null;
  serviceOffered: string | null;
  followUpOn: string | null;
}

export interface Interaction extends InteractionData {
  id: string;
  territoryId: string;
  /** The actor's name today (the log is read with the company's name, not its ID). */
  actorName: string;
  /** Who wrote it down; null once that account is deleted. */
  createdBy: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface InteractionFilter {
  actorId?: string | undefined;
  /** Only the exchanges where a weak signal was noticed. */
  weakSignal?: boolean | undefined;
  /** Days, `YYYY-MM-DD`, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

interface Row {
  id: string;
  territory_id: string;
  actor_id: string;
  actor_name: string;
  occurred_on: string;
  kind: InteractionKind;
  participants: string | null;
  topics: string | null;
  weak_signal: boolean;
  weak_signal_text: string | null;
  service_offered: string | null;
  follow_up_on: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

function toInteraction(r: Row): Interaction {
  return {
    id: r.id,
    territoryId: r.territory_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    occurredOn: r.occurred_on,
    kind: r.kind,
    participants: r.participants,
    topics: r.topics,
    weakSignal: r.weak_signal,
    weakSignalText: r.weak_signal_text,
    serviceOffered: r.service_offered,
    followUpOn: r.follow_up_on,
    createdBy: r.created_by && r.created_by_name !== null ? { id: r.created_by, displayName: r.created_by_name } : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The columns read, with the actor's name and the author's (dates as text: a day has no time zone). */
const SELECT = `SELECT i.id, i.territory_id, i.actor_id, a.name AS actor_name, i.occurred_on::text AS occurred_on, i.kind, i.participants, i.topics,
    i.weak_signal, i.weak_signal_text, i.service_offered, i.follow_up_on::text AS follow_up_on, i.created_by, u.display_name AS created_by_name,
    i.created_at, i.updated_at
  FROM interaction i
  JOIN actor a ON a.id = i.actor_id AND a.territory_id = i.territory_id
  LEFT JOIN app_user u ON u.id = i.created_by`;

function values(d: InteractionData): unknown[] {
  return [d.actorId, d.occurredOn, d.kind, d.participants, d.topics, d.weakSignal, d.weakSignalText, d.serviceOffered, d.followUpOn];
}

export class InteractionRepository {
  /** Newest first: by day, then by when it was written down. */
  async list(db: Queryable, territoryId: string, filter: InteractionFilter, page: Page): Promise<PageOf<Interaction>> {
    const c = new Conditions().add('i.territory_id = $?', territoryId);
    if (filter.actorId) c.add('i.actor_id = $?', filter.actorId);
    if (filter.weakSignal) c.add('i.weak_signal');
    if (filter.from) c.add('i.occurred_on >= $?::date', filter.from);
    if (filter.to) c.add('i.occurred_on <= $?::date', filter.to);
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interaction i ${c.where}`, c.params);
    const rows = await db.query<Row>(
      `${SELECT} ${c.where} ORDER BY i.occurred_on DESC, i.created_at DESC, i.id LIMIT ${c.param(page.limit)} OFFSET ${c.param(page.offset)}`,
      c.params,
    );
    return { items: rows.map(toInteraction), total: count?.n ?? 0, ...page };
  }

  async get(db: Queryable, territoryId: string, id: string): Promise<Interaction | undefined> {
    const [row] = await db.query<Row>(`${SELECT} WHERE i.territory_id = $1 AND i.id = $2`, [territoryId, id]);
    return row && toInteraction(row);
  }

  /** Inserts and answers the new row's ID (read back with `get`, which joins the names). */
  async insert(db: Queryable, territoryId: string, d: InteractionData, createdBy: string | null): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO interaction (territory_id, actor_id, occurred_on, kind, participants, topics, weak_signal, weak_signal_text, service_offered, follow_up_on, created_by)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10::date, $11) RETURNING id`,
      [territoryId, ...values(d), createdBy],
    );
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  /** Replaces the fields of one interaction of the territory; false when there is none with that ID. */
  async update(db: Queryable, territoryId: string, id: string, d: InteractionData): Promise<boolean> {
    const rows = await db.query(
      `UPDATE interaction SET actor_id = $3, occurred_on = $4::date, kind = $5, participants = $6, topics = $7, weak_signal = $8, weak_signal_text = $9,
         service_offered = $10, follow_up_on = $11::date, updated_at = now()
       WHERE territory_id = $1 AND id = $2 RETURNING id`,
      [territoryId, id, ...values(d)],
    );
    return rows.length === 1;
  }

  async delete(db: Queryable, territoryId: string, id: string): Promise<boolean> {
    const rows = await db.query('DELETE FROM interaction WHERE territory_id = $1 AND id = $2 RETURNING id', [territoryId, id]);
    return rows.length === 1;
  }
}
