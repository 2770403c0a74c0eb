/**
 * Use cases on a territory's data: territories, actors, sites, flows and needs. Every method
 * takes the territory code first and works only inside that territory (the tenant).
 * Authorisation arrives with accounts and roles (issue 7): each method is the place its check goes.
 */
import {
  actorInputSchema,
  checkTerritoryReferences,
  flowInputSchema,
  issue,
  needInputSchema,
  parseBilingual,
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
import type { Database, Queryable } from '../db/database.js';
import { ConflictError, isForeignKeyViolation, isUniqueViolation, NotFoundError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { ActorFilter } from '../repositories/actors.js';
import type { FlowFilter } from '../repositories/flows.js';
import type { NeedFilter } from '../repositories/needs.js';
import type { SiteFilter } from '../repositories/sites.js';
import type { Page, PageOf } from '../repositories/sql.js';
import type { TerritoryFilter } from '../repositories/territories.js';
import { prepareActor, prepareFlow, prepareNeed, prepareSite, type Prepared } from './prepare.js';

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

function actorAsInput(a: Actor): ActorInput {
  return withoutNulls({
    externalId: a.externalId,
    siret: a.siret,
    name: a.name,
    nafCode: a.nafCode,
    kind: a.kind,
    headcountBand: a.headcountBand,
    ess: a.ess,
    contact: a.contact,
  }) as ActorInput;
}

function siteAsInput(s: Site): SiteInput {
  return withoutNulls({
    actorId: s.actorId,
    externalId: s.externalId,
    name: s.name,
    address: s.address,
    communeCode: s.communeCode,
    location: s.location,
  }) as SiteInput;
}

function flowAsInput(f: Flow): FlowInput {
  return withoutNulls({
    siteId: f.siteId,
    externalId: f.externalId,
    direction: f.direction,
    resourceCode: f.resourceCode,
    wasteCode: f.wasteCode,
    label: f.label,
    quantity: f.quantity,
    monthsAvailable: f.monthsAvailable,
    quality: f.quality,
    currentFate: f.currentFate,
    currentOrigin: f.currentOrigin,
    cost: f.cost,
    confidentiality: f.confidentiality,
  }) as FlowInput;
}

function needAsInput(n: Need): NeedInput {
  return withoutNulls({
    actorId: n.actorId,
    externalId: n.externalId,
    category: n.category,
    description: n.description,
    resourceCode: n.resourceCode,
    quantity: n.quantity,
  }) as NeedInput;
}

const WHAT = {
  territory: { fr: 'Territoire', en: 'Territory' },
  actor: { fr: 'Acteur', en: 'Actor' },
  site: { fr: 'Site', en: 'Site' },
  flow: { fr: 'Flux', en: 'Flow' },
  need: { fr: 'Besoin', en: 'Need' },
} as const;

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
      throw new ConflictError({ fr: 'un acteur de ce territoire a déjà ce SIRET', en: 'an actor of this territory already has this SIRET' });
    }
    if (constraint.endsWith('_external_id_key')) {
      throw new ConflictError({ fr: 'cet identifiant externe est déjà utilisé dans ce territoire', en: 'this external ID is already used in this territory' });
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
    private readonly repos: Repositories,
    private readonly ref: ReferenceLookup & { territoryName(level: Territory['level'], code: string): string | undefined },
  ) {}

  // Territories

  listTerritories(filter: TerritoryFilter, page: Page): Promise<PageOf<Territory>> {
    return this.repos.territories.list(this.db, filter, page);
  }

  /**
   * The territory of that code. Inside a transaction, `lock` keeps it from changing until the end:
   * `share` while writing its data (its communes are checked), `update` while changing it.
   */
  async getTerritory(code: string, db: Queryable = this.db, lock?: 'share' | 'update'): Promise<Territory> {
    const t = await this.repos.territories.findByCode(db, code, lock);
    if (!t) throw new NotFoundError(WHAT.territory);
    return t;
  }

  /** Checks a territory input against the COG and fills its communes when it is an administrative one. */
  prepareTerritory(input: TerritoryInput): Prepared<Parameters<Repositories['territories']['insert']>[1]> {
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

  async createTerritory(input: TerritoryInput, db: Queryable = this.db): Promise<Territory> {
    const data = unwrap(this.prepareTerritory(input));
    return uniquely(() => this.repos.territories.insert(db, data));
  }

  async updateTerritory(code: string, patch: TerritoryPatch): Promise<Territory> {
    return this.db.transaction(async (tx) => {
      const current = await this.getTerritory(code, tx, 'update');
      const communes = patch.communes ? [...patch.communes].sort() : current.communes;
      const issues: ValidationIssue[] = checkTerritoryReferences({ level: 'custom', code, communes: patch.communes }, this.ref);
      if (patch.communes) {
        const kept = new Set(communes);
        for (const c of await this.repos.territories.communesInUse(tx, current.id)) {
          if (!kept.has(c)) {
            issues.push(
              issue('communes', 'commune_in_use', `la commune ${c} porte des sites du territoire : la retirer d'abord de ces sites`, `commune ${c} has sites of the territory: move those sites first`),
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
      return this.getTerritory(code, tx);
    });
  }

  async deleteTerritory(code: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const t = await this.getTerritory(code, tx, 'update');
      await this.repos.territories.delete(tx, t.id);
    });
  }

  // Actors

  async listActors(code: string, filter: ActorFilter, page: Page): Promise<PageOf<Actor>> {
    const t = await this.getTerritory(code);
    return this.repos.actors.list(this.db, t.id, filter, page);
  }

  async getActor(code: string, id: string): Promise<Actor> {
    const t = await this.getTerritory(code);
    const a = await this.repos.actors.get(this.db, t.id, id);
    if (!a) throw new NotFoundError(WHAT.actor);
    return a;
  }

  async createActor(code: string, input: ActorInput): Promise<Actor> {
    const t = await this.getTerritory(code);
    const data = unwrap(prepareActor(input, this.ref));
    return uniquely(() => this.repos.actors.insert(this.db, t.id, data));
  }

  async updateActor(code: string, id: string, patch: ActorPatch): Promise<Actor> {
    return this.db.transaction(async (tx) => {
      const t = await this.getTerritory(code, tx);
      const current = await this.repos.actors.get(tx, t.id, id);
      if (!current) throw new NotFoundError(WHAT.actor);
      const base = actorAsInput(current);
      // Becoming an ESS structure makes the actor part of the ESS unless the patch says otherwise.
      if (patch.kind === 'ess' && patch.ess == null) base.ess = true;
      const input = revalidate<ActorInput>(actorInputSchema, merge(base, patch));
      const data = unwrap(prepareActor(input, this.ref));
      const updated = await uniquely(() => this.repos.actors.update(tx, t.id, id, data));
      if (!updated) throw new NotFoundError(WHAT.actor);
      return updated;
    });
  }

  async deleteActor(code: string, id: string): Promise<void> {
    const t = await this.getTerritory(code);
    if (!(await this.repos.actors.delete(this.db, t.id, id))) throw new NotFoundError(WHAT.actor);
  }

  // Sites

  async listSites(code: string, filter: SiteFilter, page: Page): Promise<PageOf<Site>> {
    const t = await this.getTerritory(code);
    return this.repos.sites.list(this.db, t.id, filter, page);
  }

  async getSite(code: string, id: string): Promise<Site> {
    const t = await this.getTerritory(code);
    const s = await this.repos.sites.get(this.db, t.id, id);
    if (!s) throw new NotFoundError(WHAT.site);
    return s;
  }

  private async saveSite(tx: Queryable, t: Territory, input: SiteInput, id?: string): Promise<Site> {
    const actor = await this.repos.actors.get(tx, t.id, input.actorId);
    const data = unwrap(prepareSite(input, new Set(t.communes), actor !== undefined, this.ref));
    const saved = await uniquely(() => (id ? this.repos.sites.update(tx, t.id, id, data) : this.repos.sites.insert(tx, t.id, data)));
    if (!saved) throw new NotFoundError(WHAT.site);
    return saved;
  }

  async createSite(code: string, input: SiteInput): Promise<Site> {
    return this.db.transaction(async (tx) => this.saveSite(tx, await this.getTerritory(code, tx, 'share'), input));
  }

  async updateSite(code: string, id: string, patch: SitePatch): Promise<Site> {
    return this.db.transaction(async (tx) => {
      const t = await this.getTerritory(code, tx, 'share');
      const current = await this.repos.sites.get(tx, t.id, id);
      if (!current) throw new NotFoundError(WHAT.site);
      const base = siteAsInput(current);
      if (patch.lambert93) delete base.location;
      return this.saveSite(tx, t, revalidate<SiteInput>(siteInputSchema, merge(base, patch)), id);
    });
  }

  async deleteSite(code: string, id: string): Promise<void> {
    const t = await this.getTerritory(code);
    if (!(await this.repos.sites.delete(this.db, t.id, id))) throw new NotFoundError(WHAT.site);
  }

  // Flows

  async listFlows(code: string, filter: FlowFilter, page: Page): Promise<PageOf<Flow>> {
    const t = await this.getTerritory(code);
    return this.repos.flows.list(this.db, t.id, filter, page);
  }

  async getFlow(code: string, id: string): Promise<Flow> {
    const t = await this.getTerritory(code);
    const f = await this.repos.flows.get(this.db, t.id, id);
    if (!f) throw new NotFoundError(WHAT.flow);
    return f;
  }

  private async saveFlow(tx: Queryable, t: Territory, input: FlowInput, id?: string): Promise<Flow> {
    const site = await this.repos.sites.get(tx, t.id, input.siteId);
    const data = unwrap(prepareFlow(input, site !== undefined, this.ref));
    const saved = await uniquely(() => (id ? this.repos.flows.update(tx, t.id, id, data) : this.repos.flows.insert(tx, t.id, data)));
    if (!saved) throw new NotFoundError(WHAT.flow);
    return saved;
  }

  async createFlow(code: string, input: FlowInput): Promise<Flow> {
    return this.db.transaction(async (tx) => this.saveFlow(tx, await this.getTerritory(code, tx), input));
  }

  async updateFlow(code: string, id: string, patch: FlowPatch): Promise<Flow> {
    return this.db.transaction(async (tx) => {
      const t = await this.getTerritory(code, tx);
      const current = await this.repos.flows.get(tx, t.id, id);
      if (!current) throw new NotFoundError(WHAT.flow);
      return this.saveFlow(tx, t, revalidate<FlowInput>(flowInputSchema, merge(flowAsInput(current), patch)), id);
    });
  }

  async deleteFlow(code: string, id: string): Promise<void> {
    const t = await this.getTerritory(code);
    if (!(await this.repos.flows.delete(this.db, t.id, id))) throw new NotFoundError(WHAT.flow);
  }

  // Needs

  async listNeeds(code: string, filter: NeedFilter, page: Page): Promise<PageOf<Need>> {
    const t = await this.getTerritory(code);
    return this.repos.needs.list(this.db, t.id, filter, page);
  }

  async getNeed(code: string, id: string): Promise<Need> {
    const t = await this.getTerritory(code);
    const n = await this.repos.needs.get(this.db, t.id, id);
    if (!n) throw new NotFoundError(WHAT.need);
    return n;
  }

  private async saveNeed(tx: Queryable, t: Territory, input: NeedInput, id?: string): Promise<Need> {
    const actor = await this.repos.actors.get(tx, t.id, input.actorId);
    const data = unwrap(prepareNeed(input, actor !== undefined, this.ref));
    const saved = await uniquely(() => (id ? this.repos.needs.update(tx, t.id, id, data) : this.repos.needs.insert(tx, t.id, data)));
    if (!saved) throw new NotFoundError(WHAT.need);
    return saved;
  }

  async createNeed(code: string, input: NeedInput): Promise<Need> {
    return this.db.transaction(async (tx) => this.saveNeed(tx, await this.getTerritory(code, tx), input));
  }

  async updateNeed(code: string, id: string, patch: NeedPatch): Promise<Need> {
    return this.db.transaction(async (tx) => {
      const t = await this.getTerritory(code, tx);
      const current = await this.repos.needs.get(tx, t.id, id);
      if (!current) throw new NotFoundError(WHAT.need);
      return this.saveNeed(tx, t, revalidate<NeedInput>(needInputSchema, merge(needAsInput(current), patch)), id);
    });
  }

  async deleteNeed(code: string, id: string): Promise<void> {
    const t = await this.getTerritory(code);
    if (!(await this.repos.needs.delete(this.db, t.id, id))) throw new NotFoundError(WHAT.need);
  }
}
