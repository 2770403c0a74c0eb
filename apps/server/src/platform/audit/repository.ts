/** SQL of the audit log: appended to, never changed. */
import type { Queryable } from '../db/database.js';
import { Conditions, iso, type Page, type PageOf } from '../db/sql.js';

export interface AuditEntry {
  userId: string | null;
  apiKeyId: string | null;
  territoryId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
  /** The e-mail of the account today; null once the account is deleted or erased. */
  userEmail: string | null;
  territoryCode: string | null;
}

interface Row {
  id: string | number;
  at: Date;
  user_id: string | null;
  api_key_id: string | null;
  territory_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Record<string, unknown>;
  user_email: string | null;
  territory_code: string | null;
}

export class AuditRepository {
  async insert(db: Queryable, e: AuditEntry): Promise<void> {
    await db.query(
      'INSERT INTO audit_event (user_id, api_key_id, territory_id, action, entity, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [e.userId, e.apiKeyId, e.territoryId, e.action, e.entity, e.entityId, JSON.stringify(e.details)],
    );
  }

  /** Newest first; `territoryIds` undefined: every event, platform ones included. */
  async list(db: Queryable, territoryIds: readonly string[] | undefined, page: Page): Promise<PageOf<AuditRecord>> {
    const c = new Conditions();
    if (territoryIds) c.add('e.territory_id = ANY($?::uuid[])', [...territoryIds]);
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event e ${c.where}`, c.params);
    const rows = await db.query<Row>(
      `SELECT e.*, u.email AS user_email, t.code AS territory_code FROM audit_event e
       LEFT JOIN app_user u ON u.id = e.user_id LEFT JOIN territory t ON t.id = e.territory_id
       ${c.where} ORDER BY e.at DESC, e.id DESC LIMIT ${c.param(page.limit)} OFFSET ${c.param(page.offset)}`,
      c.params,
    );
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        at: iso(r.at),
        userId: r.user_id,
        apiKeyId: r.api_key_id,
        territoryId: r.territory_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        details: r.details,
        userEmail: r.user_email,
        territoryCode: r.territory_code,
      })),
      total: count?.n ?? 0,
      ...page,
    };
  }
}
