/**
 * The company relationship log (« journal des échanges avec les entreprises »): the visits,
 * meetings, workshops in companies and clubs through which the facilitators keep in touch with the
 * companies of their territory, the weak signals they notice there and the services they offer
 * (the seeds: ../shared/seeds/000_e8aab74fef9bda69.txt, line 597).
 *
 * Confidential to the territory's facilitators and administrators, like the facilitators' notes of
 * the synergy follow-up: every use case asks `Access.scope` for `PERMISSION` first. A contributor,
 * a reader or an API key of the territory is refused (403), as for any facilitators' action; a
 * territory the principal has no role in is not found (404), exactly like a missing one; an entry
 * of another territory is not found either (the SQL names the tenant). Every change is recorded in
 * the audit log, by ID, without the text.
 */
import { parseBilingual, ValidationError } from '@boucles/engine';
import type { Database, Queryable } from '../../platform/db/database.js';
import { isForeignKeyViolation, NotFoundError } from '../../platform/errors.js';
import { principalUserId, type Access, type Capability, type Principal, type Scope } from '../../platform/access/access.js';
import type { AuditLog } from '../../platform/audit/service.js';
import type { Page, PageOf } from '../../platform/db/sql.js';
import { unknownParent, type ActorRepository } from '../territories/index.js';
import { InteractionRepository, type Interaction, type InteractionData, type InteractionFilter } from './repository.js';
import { interactionInputSchema, type InteractionInput, type InteractionPatch } from './schemas.js';

/**
 * What a principal needs in the territory to read or write the log: today the capability of the
 * facilitators' own work (follow-up, analyses), which facilitators and administrators have.
 */
export const PERMISSION: Capability = 'relationships:use';

const WHAT = { fr: 'Échange', en: 'Interaction' } as const;

/** The repositories of other modules this one reads, through their public interface. */
export interface RelationshipRepos {
  actors: ActorRepository;
}

/** Blank text is no text. */
function blank(text: string | null | undefined): string | null {
  return text === undefined || text === null || text.trim() === '' ? null : text;
}

/** A checked input as stored. */
function toData(input: InteractionInput): InteractionData {
  const weakSignal = input.weakSignal ?? false;
  return {
    actorId: input.actorId,
    occurredOn: input.occurredOn,
    kind: input.kind,
    participants: blank(input.participants),
    topics: blank(input.topics),
    weakSignal,
    weakSignalText: weakSignal ? blank(input.weakSignalText) : null,
    serviceOffered: blank(input.serviceOffered),
    followUpOn: input.followUpOn ?? null,
  };
}

/** A stored interaction as an input, to merge a partial update into. */
function asInput(i: Interaction): Record<string, unknown> {
  const { actorId, occurredOn, kind, participants, topics, weakSignal, weakSignalText, serviceOffered, followUpOn } = i;
  return { actorId, occurredOn, kind, participants, topics, weakSignal, weakSignalText, serviceOffered, followUpOn };
}

/** Checks a whole record against the schema and its rules between fields; every faulty field is named. */
function checked(input: unknown): InteractionInput {
  const r = parseBilingual(interactionInputSchema, input);
  if (!r.ok) throw new ValidationError(r.issues);
  return r.value;
}

const unknownActor = (id: string) => new ValidationError([unknownParent('actorId', 'actor', id)]);

export class RelationshipLogService {
  private readonly interactions = new InteractionRepository();

  constructor(
    private readonly db: Database,
    private readonly repos: RelationshipRepos,
    private readonly access: Access,
    private readonly audit: AuditLog,
  ) {}

  /** The territory's log, newest first, filtered by actor, weak signals and days. */
  async list(who: Principal, code: string, filter: InteractionFilter, page: Page): Promise<PageOf<Interaction>> {
    const scope = await this.access.scope(this.db, who, code, PERMISSION);
    return this.interactions.list(this.db, scope.territory.id, filter, page);
  }

  async get(who: Principal, code: string, id: string): Promise<Interaction> {
    const scope = await this.access.scope(this.db, who, code, PERMISSION);
    const found = await this.interactions.get(this.db, scope.territory.id, id);
    if (!found) throw new NotFoundError(WHAT);
    return found;
  }

  async create(who: Principal, code: string, input: InteractionInput): Promise<Interaction> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, PERMISSION);
      const data = toData(checked(input));
      await this.actorOfTerritory(tx, scope, data.actorId);
      const id = await this.saving(data.actorId, () => this.interactions.insert(tx, scope.territory.id, data, principalUserId(who)));
      await this.audit.record(tx, who, {
        territoryId: scope.territory.id,
        action: 'create',
        entity: 'interaction',
        entityId: id,
        details: { actorId: data.actorId },
      });
      return this.reread(tx, scope, id);
    });
  }

  /**
   * Changes some fields: absent ones are kept, null clears an optional one, and the whole record
   * is checked again. Unsetting `weakSignal` clears its text unless the patch gives one.
   */
  async update(who: Principal, code: string, id: string, patch: InteractionPatch): Promise<Interaction> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, PERMISSION);
      const current = await this.interactions.get(tx, scope.territory.id, id);
      if (!current) throw new NotFoundError(WHAT);
      const merged: Record<string, unknown> = { ...asInput(current) };
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) merged[key] = value;
      if (patch.weakSignal === false && patch.weakSignalText === undefined) merged.weakSignalText = null;
      const data = toData(checked(merged));
      if (data.actorId !== current.actorId) await this.actorOfTerritory(tx, scope, data.actorId);
      const updated = await this.saving(data.actorId, () => this.interactions.update(tx, scope.territory.id, id, data));
      if (!updated) throw new NotFoundError(WHAT);
      await this.audit.record(tx, who, {
        territoryId: scope.territory.id,
        action: 'update',
        entity: 'interaction',
        entityId: id,
        details: { fields: Object.keys(patch) },
      });
      return this.reread(tx, scope, id);
    });
  }

  async delete(who: Principal, code: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, PERMISSION);
      if (!(await this.interactions.delete(tx, scope.territory.id, id))) throw new NotFoundError(WHAT);
      await this.audit.record(tx, who, { territoryId: scope.territory.id, action: 'delete', entity: 'interaction', entityId: id });
    });
  }

  /** An actor of another territory, or none, is refused as unknown: the same answer as for sites, flows and needs. */
  private async actorOfTerritory(db: Queryable, scope: Scope, actorId: string): Promise<void> {
    if (!(await this.repos.actors.get(db, scope.territory.id, actorId))) throw unknownActor(actorId);
  }

  /** Runs a write; an actor deleted meanwhile (the database's foreign key refuses it) is unknown too. */
  private async saving<T>(actorId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isForeignKeyViolation(e)) throw unknownActor(actorId);
      throw e;
    }
  }

  private async reread(db: Queryable, scope: Scope, id: string): Promise<Interaction> {
    const found = await this.interactions.get(db, scope.territory.id, id);
    if (!found) throw new NotFoundError(WHAT);
    return found;
  }
}
