/**
 * Use cases on a territory's data: territories, actors, sites, flows and needs. Every method
 * takes the principal and the territory code first, asks `Access` for its scope, and works only
 * inside that territory (the tenant): facilitators on every record, contributors on their own
 * actors' records, API keys on public fields. A record the principal may not see is answered as
 * missing, by the same queries as a missing one.
 */
import {
  ACTOR_INPUT_FIELDS,
  actorInputSchema,
  checkTerritoryReferences,
  FLOW_INPUT_FIELDS,
  flowInputSchema,
  issue,
  NEED_INPUT_FIELDS,
  needInputSchema,
  parseBilingual,
  pickFields,
  SITE_DATA_FIELDS,
  siteInputSchema,
  ValidationError,
  type Actor,
  type ActorInput,
  type ActorPatch,
  type Flow,
  type FlowInput,
  type FlowPatch,
  type Need,
  type NeedInput,
  type NeedPatch,
  type ReferenceLookup,
  type Site,
  type SiteInput,
  type SitePatch,
  type Territory,
  type TerritoryInput,
  type TerritoryPatch,
  type ValidationIssue,
} from '@boucles/engine';
import type { Database, Queryable } from '../../platform/db/database.js';
import { ConflictError, isForeignKeyViolation, isUniqueViolation, NotFoundError } from '../../platform/errors.js';
import type { ActorRepository } from './actors.repository.js';
import type { FlowRepository } from './flows.repository.js';
import type { NeedRepository } from './needs.repository.js';
import type { SiteRepository } from './sites.repository.js';
import type { TerritoryRepository } from './territories.repository.js';
import type { ActorFilter } from './actors.repository.js';
import type { FlowFilter } from './flows.repository.js';
import type { NeedFilter } from './needs.repository.js';
import type { SiteFilter } from './sites.repository.js';
import type { Page, PageOf } from '../../platform/db/sql.js';
import type { TerritoryFilter } from './territories.repository.js';
import { prepareActor, prepareFlow, prepareNeed, prepareSite, type Prepared } from './prepare.js';
import { Access, can, requirePlatformAdmin, visibleTerritories, type Principal, type Scope } from '../../platform/access/access.js';
import type { AuditLog } from '../../platform/audit/service.js';
import { publicActor, publicFlow, type ShownFlow } from './visibility.js';

function unwrap<T>(p: Prepared<T>): T {
  if (!p.ok) throw new ValidationError(p.issues);
  return p.data;
}

/** Applies a partial update: absent keys keep their value, null clears an optional field (its default applies). */
function merge<T extends object>(current: T, patch: object): T {
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out as T;
}

function revalidate<T>(schema: Parameters<typeof parseBilingual>[0], merged: unknown): T {
  const r = parseBilingual(schema, merged);
  if (!r.ok) throw new ValidationError(r.issues);
  return r.value as T;
}

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** A stored record as the input that would give it: its fields clients give, those with a value. */
function asInput<R extends object, K extends keyof R>(record: R, fields: readonly K[]): Record<string, unknown> {
  return withoutNulls(pickFields(record, fields));
}
const actorAsInput = (a: Actor) => asInput(a, ACTOR_INPUT_FIELDS) as ActorInput;
const siteAsInput = (s: Site) => asInput(s, SITE_DATA_FIELDS) as SiteInput;
const flowAsInput = (f: Flow) => asInput(f, FLOW_INPUT_FIELDS) as FlowInput;
const needAsInput = (n: Need) => asInput(n, NEED_INPUT_FIELDS) as NeedInput;

const WHAT = {
  territory: { fr: 'Territoire', en: 'Territory' },
  actor: { fr: 'Acteur', en: 'Actor' },
  site: { fr: 'Site', en: 'Site' },
  flow: { fr: 'Flux', en: 'Flow' },
  need: { fr: 'Besoin', en: 'Need' },
} as const;

/** The repositories this service reads and writes. */
export interface TerritoryRepos {
  actors: ActorRepository;
  flows: FlowRepository;
  needs: NeedRepository;
  sites: SiteRepository;
  territories: TerritoryRepository;
}

/**
 * Turns a unique-key violation into a 409 that says which key (by constraint name: the message
 * text holds the user's value), and a foreign-key violation — a parent deleted by a concurrent
 * request between the check and the write — into a 409 too.
 */
async function uniquely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isForeignKeyViolation(e)) {
      throw new ConflictError({
        fr: "un enregistrement auquel celui-ci se rapporte vient d'être modifié ou supprimé : réessayer",
        en: 'a record this one refers to was just changed or deleted: try again',
      });
    }
    if (!isUniqueViolation(e)) throw e;
    const constraint = e.constraint ?? '';
    if (constraint.endsWith('_siret_key')) {
      throw new ConflictError({
        fr: 'un acteur de ce territoire a déjà ce SIRET',
        en: 'an actor of this territory already has this SIRET',
      });
    }
    if (constraint.endsWith('_external_id_key')) {
      throw new ConflictError({
        fr: 'cet identifiant externe est déjà utilisé dans ce territoire',
        en: 'this external ID is already used in this territory',
      });
    }
    if (constraint === 'territory_code_key') {
      throw new ConflictError({ fr: 'un territoire a déjà ce code', en: 'a territory already has this code' });
    }
    throw new ConflictError({ fr: 'cet enregistrement existe déjà', en: 'this record already exists' });
  }
}

export class TerritoryDataService {
  constructor(
    private readonly db: Database,
    private readonly repos: TerritoryRepos,
    private readonly ref: ReferenceLookup & { territoryName(level: Territory['level'], code: string): string | undefined },
    readonly access: Access,
    readonly audit: AuditLog,
  ) {}

  // Territories

  /** The territories the principal has a role in (all of them for platform administrators). */
  listTerritories(who: Principal, filter: TerritoryFilter, page: Page): Promise<PageOf<Territory>> {
    return this.repos.territories.list(this.db, { ...filter, ids: visibleTerritories(who) }, page);
  }

  async readTerritory(who: Principal, code: string): Promise<Territory> {
    return (await this.access.scope(this.db, who, code, 'aggregates:read')).territory;
  }

  /** The territory as it stands now in the transaction (after a change the caller was allowed to make). */
  private async reread(tx: Queryable, code: string): Promise<Territory> {
    const t = await this.repos.territories.findByCode(tx, code);
    if (!t) throw new NotFoundError(WHAT.territory);
    return t;
  }

  /** Checks a territory input against the COG and fills its communes when it is an administrative one. */
  prepareTerritory(input: TerritoryInput): Prepared<Parameters<TerritoryRepos['territories']['insert']>[1]> {
    const issues = checkTerritoryReferences(input, this.ref);
    if (issues.length) return { ok: false, issues };
    const communes = input.communes?.length ? input.communes : (this.ref.territoryCommunes(input.level, input.code) ?? []);
    return {
      ok: true,
      data: {
        code: input.code,
        level: input.level,
        name: input.name,
        description: input.description ?? null,
        fictional: input.fictional ?? false,
        communes: [...communes].sort(),
        boundary: input.boundary ?? null,
      },
    };
  }

  /** Creates a territory: platform administrators only. */
  async createTerritory(who: Principal, input: TerritoryInput, db: Queryable = this.db): Promise<Territory> {
    requirePlatformAdmin(who);
    const data = unwrap(this.prepareTerritory(input));
    const t = await uniquely(() => this.repos.territories.insert(db, data));
    await this.audit.record(db, who, {
      territoryId: t.id,
      action: 'create',
      entity: 'territory',
      entityId: t.id,
      details: { code: t.code },
    });
    return t;
  }

  async updateTerritory(who: Principal, code: string, patch: TerritoryPatch): Promise<Territory> {
    return this.db.transaction(async (tx) => {
      const current = (await this.access.scope(tx, who, code, 'territory:facilitate', 'update')).territory;
      const communes = patch.communes ? [...patch.communes].sort() : current.communes;
      const issues: ValidationIssue[] = checkTerritoryReferences({ level: 'custom', code, communes: patch.communes }, this.ref);
      if (patch.communes) {
        const kept = new Set(communes);
        for (const c of await this.repos.territories.communesInUse(tx, current.id)) {
          if (!kept.has(c)) {
            issues.push(
              issue(
                'communes',
                'commune_in_use',
                `la commune ${c} porte des sites du territoire : la retirer d'abord de ces sites`,
                `commune ${c} has sites of the territory: move those sites first`,
              ),
            );
          }
        }
      }
      if (issues.length) throw new ValidationError(issues);
      await this.repos.territories.update(
        tx,
        current.id,
        {
          name: patch.name ?? current.name,
          description: patch.description === undefined ? current.description : patch.description,
          fictional: patch.fictional ?? current.fictional,
          boundary: patch.boundary === undefined ? current.boundary : patch.boundary,
          communes,
        },
        patch.communes !== undefined,
      );
      await this.audit.record(tx, who, {
        territoryId: current.id,
        action: 'update',
        entity: 'territory',
        entityId: current.id,
        details: { fields: Object.keys(patch) },
      });
      return this.reread(tx, code);
    });
  }

  /** Deletes a territory and all its data: its administrators or platform administrators. */
  async deleteTerritory(who: Principal, code: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const t = (await this.access.scope(tx, who, code, 'territory:manage', 'update')).territory;
      await this.repos.territories.delete(tx, t.id);
      await this.audit.record(tx, who, {
        territoryId: t.id,
        action: 'delete',
        entity: 'territory',
        entityId: t.id,
        details: { code: t.code },
      });
    });
  }

  private async record(
    db: Queryable,
    who: Principal,
    scope: Scope,
    action: 'create' | 'update' | 'delete',
    entity: string,
    entityId: string,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(db, who, { territoryId: scope.territory.id, action, entity, entityId, details });
  }

  /** The actor filter of a scope: a contributor's own actors, or every actor (facilitators; API keys see public fields of all). */
  private static own(scope: Scope): readonly string[] | undefined {
    return can(scope, 'records:all') || Access.publicOnly(scope) ? undefined : [...scope.ownActors];
  }

  // Actors

  async listActors(who: Principal, code: string, filter: ActorFilter, page: Page): Promise<PageOf<Actor>> {
    const scope = await this.access.scope(this.db, who, code, ['records:own', 'records:public']);
    const result = await this.repos.actors.list(
      this.db,
      scope.territory.id,
      { ...filter, actorIds: TerritoryDataService.own(scope) },
      page,
    );
    return Access.publicOnly(scope) ? { ...result, items: result.items.map(publicActor) } : result;
  }

  async getActor(who: Principal, code: string, id: string): Promise<Actor> {
    const scope = await this.access.scope(this.db, who, code, ['records:own', 'records:public']);
    const a = await this.repos.actors.get(this.db, scope.territory.id, id);
    if (!a || !(Access.ownsActor(scope, a.id) || Access.publicOnly(scope))) throw new NotFoundError(WHAT.actor);
    return Access.publicOnly(scope) ? publicActor(a) : a;
  }

  /** Creates an actor: facilitators (a contributor speaks for an actor that exists already). */
  async createActor(who: Principal, code: string, input: ActorInput): Promise<Actor> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:facilitate');
      const data = unwrap(prepareActor(input, this.ref));
      const a = await uniquely(() => this.repos.actors.insert(tx, scope.territory.id, data));
      await this.record(tx, who, scope, 'create', 'actor', a.id);
      return a;
    });
  }

  async updateActor(who: Principal, code: string, id: string, patch: ActorPatch): Promise<Actor> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const current = await this.repos.actors.get(tx, scope.territory.id, id);
      if (!current || !Access.ownsActor(scope, current.id)) throw new NotFoundError(WHAT.actor);
      const base = actorAsInput(current);
      // Becoming an ESS structure makes the actor part of the ESS unless the patch says otherwise.
      if (patch.kind === 'ess' && patch.ess == null) base.ess = true;
      const input = revalidate<ActorInput>(actorInputSchema, merge(base, patch));
      const data = unwrap(prepareActor(input, this.ref));
      const updated = await uniquely(() => this.repos.actors.update(tx, scope.territory.id, id, data));
      if (!updated) throw new NotFoundError(WHAT.actor);
      await this.record(tx, who, scope, 'update', 'actor', id, { fields: Object.keys(patch) });
      return updated;
    });
  }

  async deleteActor(who: Principal, code: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:facilitate');
      if (!(await this.repos.actors.delete(tx, scope.territory.id, id))) throw new NotFoundError(WHAT.actor);
      await this.record(tx, who, scope, 'delete', 'actor', id);
    });
  }

  // Sites

  async listSites(who: Principal, code: string, filter: SiteFilter, page: Page): Promise<PageOf<Site>> {
    const scope = await this.access.scope(this.db, who, code, ['records:own', 'records:public']);
    return this.repos.sites.list(this.db, scope.territory.id, { ...filter, actorIds: TerritoryDataService.own(scope) }, page);
  }

  async getSite(who: Principal, code: string, id: string): Promise<Site> {
    const scope = await this.access.scope(this.db, who, code, ['records:own', 'records:public']);
    const s = await this.repos.sites.get(this.db, scope.territory.id, id);
    if (!s || !(Access.ownsActor(scope, s.actorId) || Access.publicOnly(scope))) throw new NotFoundError(WHAT.site);
    return s;
  }

  /** Saves a site; an actor outside the scope is treated as missing. */
  private async saveSite(tx: Queryable, scope: Scope, input: SiteInput, id?: string): Promise<Site> {
    const t = scope.territory;
    const actor = await this.repos.actors.get(tx, t.id, input.actorId);
    const data = unwrap(prepareSite(input, new Set(t.communes), actor !== undefined && Access.ownsActor(scope, actor.id), this.ref));
    const saved = await uniquely(() => (id ? this.repos.sites.update(tx, t.id, id, data) : this.repos.sites.insert(tx, t.id, data)));
    if (!saved) throw new NotFoundError(WHAT.site);
    return saved;
  }

  async createSite(who: Principal, code: string, input: SiteInput): Promise<Site> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own', 'share');
      const site = await this.saveSite(tx, scope, input);
      await this.record(tx, who, scope, 'create', 'site', site.id);
      return site;
    });
  }

  async updateSite(who: Principal, code: string, id: string, patch: SitePatch): Promise<Site> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own', 'share');
      const current = await this.repos.sites.get(tx, scope.territory.id, id);
      if (!current || !Access.ownsActor(scope, current.actorId)) throw new NotFoundError(WHAT.site);
      const base = siteAsInput(current);
      if (patch.lambert93) delete base.location;
      const site = await this.saveSite(tx, scope, revalidate<SiteInput>(siteInputSchema, merge(base, patch)), id);
      await this.record(tx, who, scope, 'update', 'site', id, { fields: Object.keys(patch) });
      return site;
    });
  }

  async deleteSite(who: Principal, code: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const current = await this.repos.sites.get(tx, scope.territory.id, id);
      if (!current || !Access.ownsActor(scope, current.actorId) || !(await this.repos.sites.delete(tx, scope.territory.id, id)))
        throw new NotFoundError(WHAT.site);
      await this.record(tx, who, scope, 'delete', 'site', id);
    });
  }

  // Flows

  async listFlows(who: Principal, code: string, filter: FlowFilter, page: Page): Promise<PageOf<Flow | ShownFlow>> {
    const scope = await this.access.scope(this.db, who, code, ['records:own', 'records:public']);
    const result = await this.repos.flows.list(
      this.db,
      scope.territory.id,
      { ...filter, actorIds: TerritoryDataService.own(scope), publicOnly: Access.publicOnly(scope) },
      page,
    );
    return Access.publicOnly(scope) ? { ...result, items: result.items.map(publicFlow) } : result;
  }

  async getFlow(who: Principal, code: string, id: string): Promise<Flow | ShownFlow> {
    const scope = await this.access.scope(this.db, who, code, ['records:own', 'records:public']);
    const f = await this.repos.flows.get(this.db, scope.territory.id, id);
    if (!f || !(Access.ownsActor(scope, f.actorId) || Access.publicOnly(scope))) throw new NotFoundError(WHAT.flow);
    return Access.publicOnly(scope) ? publicFlow(f) : f;
  }

  /** Saves a flow; a site outside the scope is treated as missing. */
  private async saveFlow(tx: Queryable, scope: Scope, input: FlowInput, id?: string): Promise<Flow> {
    const t = scope.territory;
    const site = await this.repos.sites.get(tx, t.id, input.siteId);
    const data = unwrap(prepareFlow(input, site !== undefined && Access.ownsActor(scope, site.actorId), this.ref));
    const saved = await uniquely(() => (id ? this.repos.flows.update(tx, t.id, id, data) : this.repos.flows.insert(tx, t.id, data)));
    if (!saved) throw new NotFoundError(WHAT.flow);
    return saved;
  }

  async createFlow(who: Principal, code: string, input: FlowInput): Promise<Flow> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const flow = await this.saveFlow(tx, scope, input);
      await this.record(tx, who, scope, 'create', 'flow', flow.id);
      return flow;
    });
  }

  async updateFlow(who: Principal, code: string, id: string, patch: FlowPatch): Promise<Flow> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const current = await this.repos.flows.get(tx, scope.territory.id, id);
      if (!current || !Access.ownsActor(scope, current.actorId)) throw new NotFoundError(WHAT.flow);
      const flow = await this.saveFlow(tx, scope, revalidate<FlowInput>(flowInputSchema, merge(flowAsInput(current), patch)), id);
      await this.record(tx, who, scope, 'update', 'flow', id, { fields: Object.keys(patch) });
      return flow;
    });
  }

  async deleteFlow(who: Principal, code: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const current = await this.repos.flows.get(tx, scope.territory.id, id);
      if (!current || !Access.ownsActor(scope, current.actorId) || !(await this.repos.flows.delete(tx, scope.territory.id, id)))
        throw new NotFoundError(WHAT.flow);
      await this.record(tx, who, scope, 'delete', 'flow', id);
    });
  }

  // Needs: never public (they say what a company lacks).

  async listNeeds(who: Principal, code: string, filter: NeedFilter, page: Page): Promise<PageOf<Need>> {
    const scope = await this.access.scope(this.db, who, code, 'records:own');
    return this.repos.needs.list(this.db, scope.territory.id, { ...filter, actorIds: TerritoryDataService.own(scope) }, page);
  }

  async getNeed(who: Principal, code: string, id: string): Promise<Need> {
    const scope = await this.access.scope(this.db, who, code, 'records:own');
    const n = await this.repos.needs.get(this.db, scope.territory.id, id);
    if (!n || !Access.ownsActor(scope, n.actorId)) throw new NotFoundError(WHAT.need);
    return n;
  }

  private async saveNeed(tx: Queryable, scope: Scope, input: NeedInput, id?: string): Promise<Need> {
    const t = scope.territory;
    const actor = await this.repos.actors.get(tx, t.id, input.actorId);
    const data = unwrap(prepareNeed(input, actor !== undefined && Access.ownsActor(scope, actor.id), this.ref));
    const saved = await uniquely(() => (id ? this.repos.needs.update(tx, t.id, id, data) : this.repos.needs.insert(tx, t.id, data)));
    if (!saved) throw new NotFoundError(WHAT.need);
    return saved;
  }

  async createNeed(who: Principal, code: string, input: NeedInput): Promise<Need> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const need = await this.saveNeed(tx, scope, input);
      await this.record(tx, who, scope, 'create', 'need', need.id);
      return need;
    });
  }

  async updateNeed(who: Principal, code: string, id: string, patch: NeedPatch): Promise<Need> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const current = await this.repos.needs.get(tx, scope.territory.id, id);
      if (!current || !Access.ownsActor(scope, current.actorId)) throw new NotFoundError(WHAT.need);
      const need = await this.saveNeed(tx, scope, revalidate<NeedInput>(needInputSchema, merge(needAsInput(current), patch)), id);
      await this.record(tx, who, scope, 'update', 'need', id, { fields: Object.keys(patch) });
      return need;
    });
  }

  async deleteNeed(who: Principal, code: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'records:own');
      const current = await this.repos.needs.get(tx, scope.territory.id, id);
      if (!current || !Access.ownsActor(scope, current.actorId) || !(await this.repos.needs.delete(tx, scope.territory.id, id)))
        throw new NotFoundError(WHAT.need);
      await this.record(tx, who, scope, 'delete', 'need', id);
    });
  }
}
