/**
 * The audit log: who created, changed, disclosed or exported what, and when. Entries name records
 * by ID and never copy personal data, so that erasing a person leaves the fact and not the data.
 * Readable by administrators (a territory's, for that territory; the platform's, for everything).
 */
import type { Queryable } from '../db/database.js';
import { tableToCsv } from '../csv.js';
import type { AuditRecord, AuditRepository } from './repository.js';
import type { Page, PageOf } from '../db/sql.js';
import type { Access } from '../access/access.js';
import { ForbiddenError, type Principal } from '../access/access.js';
import type { Database } from '../db/database.js';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'disclose'
  | 'withdraw'
  | 'export'
  | 'import'
  | 'analyse'
  | 'grant'
  | 'revoke'
  | 'erase'
  | 'sign-in'
  | 'sign-out'
  | 'password';

export interface AuditFact {
  territoryId?: string | null | undefined;
  action: AuditAction;
  entity: string;
  entityId?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly repos: { audit: AuditRepository },
    private readonly access: Access,
  ) {}

  /** Records a fact, in the caller's transaction when given one. */
  async record(db: Queryable, who: Principal, fact: AuditFact): Promise<void> {
    await this.repos.audit.insert(db, {
      userId: who.kind === 'user' ? who.userId : null,
      apiKeyId: who.kind === 'apiKey' ? who.keyId : null,
      territoryId: fact.territoryId ?? null,
      action: fact.action,
      entity: fact.entity,
      entityId: fact.entityId ?? null,
      details: fact.details ?? {},
    });
  }

  /** The events of a territory (its administrators), or of the whole platform (platform administrators). */
  async list(who: Principal, territoryCode: string | undefined, page: Page): Promise<PageOf<AuditRecord>> {
    if (territoryCode) {
      const scope = await this.access.scope(this.db, who, territoryCode, 'territory:manage');
      return this.repos.audit.list(this.db, [scope.territory.id], page);
    }
    if (!(who.kind === 'system' || (who.kind === 'user' && who.isAdmin))) throw new ForbiddenError();
    return this.repos.audit.list(this.db, undefined, page);
  }

  /** The same as CSV (UTF-8 with BOM, semicolons, as French spreadsheets expect); the export is itself recorded. */
  async exportCsv(who: Principal, territoryCode: string | undefined): Promise<Buffer> {
    const all: AuditRecord[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.list(who, territoryCode, { limit: 1000, offset });
      all.push(...page.items);
      if (page.items.length < 1000) break;
    }
    const territoryId = all.find((e) => e.territoryCode === territoryCode)?.territoryId ?? null;
    await this.record(this.db, who, {
      territoryId,
      action: 'export',
      entity: 'audit_log',
      details: { rows: all.length, territory: territoryCode ?? null },
    });
    return tableToCsv({
      columns: ['id', 'horodatage', 'utilisateur', 'courriel', 'cle_api', 'territoire', 'action', 'objet', 'identifiant', 'details'],
      rows: all.map((e) => [
        e.id,
        e.at,
        e.userId,
        e.userEmail,
        e.apiKeyId,
        e.territoryCode,
        e.action,
        e.entity,
        e.entityId,
        JSON.stringify(e.details),
      ]),
    });
  }
}
