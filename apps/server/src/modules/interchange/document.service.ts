/**
 * Loads a whole territory document (docs/formats.md) as a new territory, all or nothing: every
 * element is checked first and every problem reported with its path (`flows[12].quantity.unit`);
 * only a document without any problem is written, in one transaction.
 */
import {
  aggregateInputSchema,
  documentActorSchema,
  documentFlowSchema,
  documentNeedSchema,
  documentSiteSchema,
  issue,
  parseBilingual,
  territoryDocumentEnvelopeSchema,
  ValidationError,
  type ActorData,
  type AggregateData,
  type FlowData,
  type NeedData,
  type ReferenceLookup,
  type SiteData,
  type Territory,
  type TerritoryDocument,
  type ValidationIssue,
} from '@boucles/engine';
import type * as z from 'zod';
import type { Database } from '../../platform/db/database.js';
import { ConflictError } from '../../platform/errors.js';
import type {
  ActorRepository,
  AggregateRepository,
  FlowRepository,
  NeedRepository,
  SiteRepository,
  TerritoryRepository,
} from '../territories/index.js';
import { nest, prepareActor, prepareAggregate, prepareFlow, prepareNeed, prepareSite } from '../territories/index.js';
import type { TerritoryDataService } from '../territories/index.js';
import { requirePlatformAdmin, type Principal } from '../../platform/access/access.js';

export interface DocumentImportReport {
  territory: Territory;
  created: { actors: number; sites: number; flows: number; needs: number; aggregates: number };
}

/** At most this many issues are reported: past it, the document is surely not the expected one. */
const MAX_ISSUES = 1000;

const NIL = '00000000-0000-0000-0000-000000000000';

function externalIdOf(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { externalId?: unknown }).externalId : undefined;
  return typeof id === 'string' ? id.trim() : undefined;
}

function externalIds(items: readonly unknown[]): string[] {
  return items.map(externalIdOf).filter((id): id is string => id !== undefined);
}

function duplicates(items: readonly unknown[], collection: string): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  items.forEach((item, i) => {
    const id = externalIdOf(item);
    if (id === undefined) return;
    if (seen.has(id)) {
      out.push(issue(`${collection}[${i}].externalId`, 'duplicate_key', `identifiant ${id} en double`, `duplicate ID ${id}`));
    }
    seen.add(id);
  });
  return out;
}

const COLLECTION_ORDER = ['territory', 'actors', 'sites', 'flows', 'needs'];

/** Issues in document order: by collection, then element index, then field. */
function sortIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const key = (path: string): [number, number] => {
    const m = /^([a-z]+)(?:\[(\d+)\])?/.exec(path);
    return [COLLECTION_ORDER.indexOf(m?.[1] ?? ''), Number(m?.[2] ?? -1)];
  };
  return issues
    .map((issue, n) => ({ issue, n, k: key(issue.path) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.n - b.n)
    .map((x) => x.issue);
}

function missingRef(path: string, id: string, target: 'actor' | 'site'): ValidationIssue {
  return target === 'actor'
    ? issue(path, 'unknown_reference', `aucun acteur d'identifiant ${id} dans le document`, `no actor with ID ${id} in the document`)
    : issue(path, 'unknown_reference', `aucun site d'identifiant ${id} dans le document`, `no site with ID ${id} in the document`);
}

interface Planned {
  doc: TerritoryDocument;
  actors: ActorData[];
  sites: (SiteData & { actorExternalId: string })[];
  flows: (FlowData & { siteExternalId: string })[];
  needs: (NeedData & { actorExternalId: string })[];
  aggregates: AggregateData[];
}

/** The repositories this service reads and writes. */
export interface DocumentRepos {
  actors: ActorRepository;
  aggregates: AggregateRepository;
  flows: FlowRepository;
  needs: NeedRepository;
  sites: SiteRepository;
  territories: TerritoryRepository;
}

export class TerritoryDocumentService {
  constructor(
    private readonly db: Database,
    private readonly repos: DocumentRepos,
    private readonly ref: ReferenceLookup,
    private readonly territories: TerritoryDataService,
  ) {}

  /** Checks a document without writing anything; throws a ValidationError listing every problem. */
  check(raw: unknown): Planned {
    const envelope = parseBilingual(territoryDocumentEnvelopeSchema, raw);
    if (!envelope.ok) throw new ValidationError(envelope.issues.slice(0, MAX_ISSUES));
    const issues: ValidationIssue[] = [];
    // Each element is checked on its own, so that every faulty element is reported.
    const elements = <S extends z.ZodType>(
      collection: string,
      items: readonly unknown[],
      schema: S,
    ): { i: number; value: z.output<S> }[] => {
      const valid: { i: number; value: z.output<S> }[] = [];
      items.forEach((item, i) => {
        const r = parseBilingual(schema, item);
        if (r.ok) valid.push({ i, value: r.value });
        else issues.push(...nest(`${collection}[${i}]`, r.issues));
      });
      return valid;
    };
    const e = envelope.value;
    const actors = elements('actors', e.actors, documentActorSchema);
    const sites = elements('sites', e.sites, documentSiteSchema);
    const flows = elements('flows', e.flows, documentFlowSchema);
    const needs = elements('needs', e.needs, documentNeedSchema);
    const aggregates = elements('aggregates', e.aggregates, aggregateInputSchema);
    const doc: TerritoryDocument = {
      ...e,
      actors: actors.map((a) => a.value),
      sites: sites.map((s) => s.value),
      flows: flows.map((f) => f.value),
      needs: needs.map((n) => n.value),
      aggregates: aggregates.map((a) => a.value),
    };

    const territory = this.territories.prepareTerritory(doc.territory);
    if (!territory.ok) issues.push(...nest('territory', territory.issues));
    const communes = new Set(territory.ok ? territory.data.communes : []);

    issues.push(
      ...duplicates(e.actors, 'actors'),
      ...duplicates(e.sites, 'sites'),
      ...duplicates(e.flows, 'flows'),
      ...duplicates(e.needs, 'needs'),
    );
    // References may point at an element that is faulty for another reason: that is reported once, there.
    const actorIds = new Set(externalIds(e.actors));
    const siteIds = new Set(externalIds(e.sites));
    const sirets = new Map<string, number>();

    const plan: Planned = { doc, actors: [], sites: [], flows: [], needs: [], aggregates: [] };
    for (const { i, value: a } of actors) {
      if (a.siret) {
        const first = sirets.get(a.siret);
        if (first !== undefined) {
          issues.push(
            issue(
              `actors[${i}].siret`,
              'duplicate_key',
              `SIRET ${a.siret} déjà utilisé par actors[${first}]`,
              `SIRET ${a.siret} already used by actors[${first}]`,
            ),
          );
        } else sirets.set(a.siret, i);
      }
      const p = prepareActor(a, this.ref);
      if (p.ok) plan.actors.push(p.data);
      else issues.push(...nest(`actors[${i}]`, p.issues));
    }
    for (const { i, value: s } of sites) {
      if (!actorIds.has(s.actorExternalId)) issues.push(missingRef(`sites[${i}].actorExternalId`, s.actorExternalId, 'actor'));
      const p = prepareSite({ ...s, actorId: NIL }, communes, true, this.ref);
      if (p.ok) plan.sites.push({ ...p.data, actorExternalId: s.actorExternalId });
      else issues.push(...nest(`sites[${i}]`, p.issues));
    }
    for (const { i, value: f } of flows) {
      if (!siteIds.has(f.siteExternalId)) issues.push(missingRef(`flows[${i}].siteExternalId`, f.siteExternalId, 'site'));
      const p = prepareFlow({ ...f, siteId: NIL }, true, this.ref);
      if (p.ok) plan.flows.push({ ...p.data, siteExternalId: f.siteExternalId });
      else issues.push(...nest(`flows[${i}]`, p.issues));
    }
    for (const { i, value: n } of needs) {
      if (!actorIds.has(n.actorExternalId)) issues.push(missingRef(`needs[${i}].actorExternalId`, n.actorExternalId, 'actor'));
      const p = prepareNeed({ ...n, actorId: NIL }, true, this.ref);
      if (p.ok) plan.needs.push({ ...p.data, actorExternalId: n.actorExternalId });
      else issues.push(...nest(`needs[${i}]`, p.issues));
    }
    for (const { i, value: a } of aggregates) {
      const p = prepareAggregate(a, this.ref);
      if (p.ok) plan.aggregates.push(p.data);
      else issues.push(...nest(`aggregates[${i}]`, p.issues));
    }
    issues.push(...duplicates(e.aggregates, 'aggregates'));
    if (issues.length) throw new ValidationError(sortIssues(issues).slice(0, MAX_ISSUES));
    return plan;
  }

  /** Creates the document's territory with all its data, or nothing at all. */
  async importNew(who: Principal, raw: unknown): Promise<DocumentImportReport> {
    requirePlatformAdmin(who);
    const plan = this.check(raw);
    const { doc } = plan;
    return this.db.transaction(async (tx) => {
      if (await this.repos.territories.findByCode(tx, doc.territory.code)) {
        throw new ConflictError({
          fr: `le territoire ${doc.territory.code} existe déjà`,
          en: `territory ${doc.territory.code} already exists`,
        });
      }
      const territory = await this.territories.createTerritory(
        who,
        { ...doc.territory, fictional: doc.territory.fictional ?? doc.fictional },
        tx,
      );
      const actorIds = new Map<string, string>();
      for (const a of plan.actors) {
        const created = await this.repos.actors.insert(tx, territory.id, a);
        actorIds.set(a.externalId ?? '', created.id);
      }
      const siteIds = new Map<string, string>();
      for (const { actorExternalId, ...s } of plan.sites) {
        const created = await this.repos.sites.insert(tx, territory.id, { ...s, actorId: actorIds.get(actorExternalId) ?? NIL });
        siteIds.set(s.externalId ?? '', created.id);
      }
      for (const { siteExternalId, ...f } of plan.flows) {
        await this.repos.flows.insert(tx, territory.id, { ...f, siteId: siteIds.get(siteExternalId) ?? NIL });
      }
      for (const { actorExternalId, ...n } of plan.needs) {
        await this.repos.needs.insert(tx, territory.id, { ...n, actorId: actorIds.get(actorExternalId) ?? NIL });
      }
      for (const a of plan.aggregates) await this.repos.aggregates.insert(tx, territory.id, a);
      await this.territories.audit.record(tx, who, {
        territoryId: territory.id,
        action: 'import',
        entity: 'territory_document',
        entityId: territory.id,
        details: { actors: plan.actors.length, sites: plan.sites.length, flows: plan.flows.length },
      });
      return {
        territory,
        created: {
          actors: plan.actors.length,
          sites: plan.sites.length,
          flows: plan.flows.length,
          needs: plan.needs.length,
          aggregates: plan.aggregates.length,
        },
      };
    });
  }
}
