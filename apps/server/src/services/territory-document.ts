/**
 * Loads a whole territory document (docs/formats.md) as a new territory, all or nothing: every
 * element is checked first and every problem reported with its path (`flows[12].quantity.unit`);
 * only a document without any problem is written, in one transaction.
 */
import {
  issue,
  parseBilingual,
  territoryDocumentSchema,
  ValidationError,
  type ReferenceLookup,
  type Territory,
  type TerritoryDocument,
  type ValidationIssue,
} from '@boucles/engine';
import type { Database } from '../db/database.js';
import { ConflictError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { ActorData } from '../repositories/actors.js';
import type { FlowData } from '../repositories/flows.js';
import type { NeedData } from '../repositories/needs.js';
import type { SiteData } from '../repositories/sites.js';
import { nest, prepareActor, prepareFlow, prepareNeed, prepareSite } from './prepare.js';
import type { TerritoryDataService } from './territory-data.js';

export interface DocumentImportReport {
  territory: Territory;
  created: { actors: number; sites: number; flows: number; needs: number };
}

/** At most this many issues are reported: past it, the document is surely not the expected one. */
const MAX_ISSUES = 1000;

const NIL = '00000000-0000-0000-0000-000000000000';

function duplicates(items: readonly { externalId: string }[], collection: string): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.externalId)) {
      out.push(
        issue(`${collection}[${i}].externalId`, 'duplicate_key', `identifiant ${item.externalId} en double`, `duplicate ID ${item.externalId}`),
      );
    }
    seen.add(item.externalId);
  });
  return out;
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
}

export class TerritoryDocumentService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly ref: ReferenceLookup,
    private readonly territories: TerritoryDataService,
  ) {}

  /** Checks a document without writing anything; throws a ValidationError listing every problem. */
  check(raw: unknown): Planned {
    const parsed = parseBilingual(territoryDocumentSchema, raw);
    if (!parsed.ok) throw new ValidationError(parsed.issues.slice(0, MAX_ISSUES));
    const doc = parsed.value;
    const issues: ValidationIssue[] = [];
    const territory = this.territories.prepareTerritory(doc.territory);
    if (!territory.ok) issues.push(...nest('territory', territory.issues));
    const communes = new Set(territory.ok ? territory.data.communes : []);

    issues.push(...duplicates(doc.actors, 'actors'), ...duplicates(doc.sites, 'sites'), ...duplicates(doc.flows, 'flows'), ...duplicates(doc.needs, 'needs'));
    const actorIds = new Set(doc.actors.map((a) => a.externalId));
    const siteIds = new Set(doc.sites.map((s) => s.externalId));
    const sirets = new Map<string, number>();

    const plan: Planned = { doc, actors: [], sites: [], flows: [], needs: [] };
    doc.actors.forEach((a, i) => {
      if (a.siret) {
        if (sirets.has(a.siret)) {
          issues.push(issue(`actors[${i}].siret`, 'duplicate_key', `SIRET ${a.siret} déjà utilisé par actors[${sirets.get(a.siret)}]`, `SIRET ${a.siret} already used by actors[${sirets.get(a.siret)}]`));
        } else sirets.set(a.siret, i);
      }
      const p = prepareActor(a, this.ref);
      if (p.ok) plan.actors.push(p.data);
      else issues.push(...nest(`actors[${i}]`, p.issues));
    });
    doc.sites.forEach((s, i) => {
      if (!actorIds.has(s.actorExternalId)) issues.push(missingRef(`sites[${i}].actorExternalId`, s.actorExternalId, 'actor'));
      const p = prepareSite({ ...s, actorId: NIL }, communes, true, this.ref);
      if (p.ok) plan.sites.push({ ...p.data, actorExternalId: s.actorExternalId });
      else issues.push(...nest(`sites[${i}]`, p.issues));
    });
    doc.flows.forEach((f, i) => {
      if (!siteIds.has(f.siteExternalId)) issues.push(missingRef(`flows[${i}].siteExternalId`, f.siteExternalId, 'site'));
      const p = prepareFlow({ ...f, siteId: NIL }, true, this.ref);
      if (p.ok) plan.flows.push({ ...p.data, siteExternalId: f.siteExternalId });
      else issues.push(...nest(`flows[${i}]`, p.issues));
    });
    doc.needs.forEach((n, i) => {
      if (!actorIds.has(n.actorExternalId)) issues.push(missingRef(`needs[${i}].actorExternalId`, n.actorExternalId, 'actor'));
      const p = prepareNeed({ ...n, actorId: NIL }, true, this.ref);
      if (p.ok) plan.needs.push({ ...p.data, actorExternalId: n.actorExternalId });
      else issues.push(...nest(`needs[${i}]`, p.issues));
    });
    if (issues.length) throw new ValidationError(issues.slice(0, MAX_ISSUES));
    return plan;
  }

  /** Creates the document's territory with all its data, or nothing at all. */
  async importNew(raw: unknown): Promise<DocumentImportReport> {
    const plan = this.check(raw);
    const { doc } = plan;
    return this.db.transaction(async (tx) => {
      if (await this.repos.territories.findByCode(tx, doc.territory.code)) {
        throw new ConflictError({ fr: `le territoire ${doc.territory.code} existe déjà`, en: `territory ${doc.territory.code} already exists` });
      }
      const territory = await this.territories.createTerritory({ ...doc.territory, fictional: doc.territory.fictional ?? doc.fictional }, tx);
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
      return {
        territory,
        created: { actors: plan.actors.length, sites: plan.sites.length, flows: plan.flows.length, needs: plan.needs.length },
      };
    });
  }
}
