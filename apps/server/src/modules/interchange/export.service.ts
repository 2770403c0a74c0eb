/**
 * Exports of a territory's data: the JSON territory document, the workbook in the template's
 * layout, one CSV per sheet, and GeoJSON of sites and flows. Tabular exports hold what the import
 * reads, so exporting then importing gives the same data.
 */
import {
  ACTOR_INPUT_FIELDS,
  AGGREGATE_INPUT_FIELDS,
  elementToRow,
  FLOW_INPUT_FIELDS,
  NEED_INPUT_FIELDS,
  pickFields,
  SHEETS,
  SITE_DATA_FIELDS,
  TERRITORY_DOCUMENT_FORMAT,
  TERRITORY_DOCUMENT_VERSION,
  type Actor,
  type Cell,
  type Flow,
  type Need,
  type SheetName,
  type Site,
  type Territory,
} from '@boucles/engine';
import type { Database } from '../../platform/db/database.js';
import { sheetToCsv } from '../../platform/csv.js';
import { buildWorkbook, writeWorkbookFile, type WorkbookLists } from './workbook.js';
import type { ActorRepository, AggregateRepository, FlowRepository, NeedRepository, SiteRepository } from '../territories/index.js';
import type { TerritoryDataService } from '../territories/index.js';
import type { Principal } from '../../platform/access/access.js';

type Element = Record<string, unknown>;

// A record as a document element: the fields clients give, in their order, its own ID and its
// parent's being the external IDs (a document knows no database ID).
const SITE_ELEMENT_FIELDS = SITE_DATA_FIELDS.filter((f) => f !== 'externalId' && f !== 'actorId');
const FLOW_ELEMENT_FIELDS = FLOW_INPUT_FIELDS.filter((f) => f !== 'externalId' && f !== 'siteId');
const NEED_ELEMENT_FIELDS = NEED_INPUT_FIELDS.filter((f) => f !== 'externalId' && f !== 'actorId');

/** Leaves out null and undefined fields and empty objects: documents only say what is known. */
function compact(o: Record<string, unknown>): Element {
  return Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
    ),
  );
}

export interface TerritoryElements {
  territory: Territory;
  actors: Element[];
  sites: Element[];
  flows: Element[];
  needs: Element[];
}

/** The repositories this service reads and writes. */
export interface ExportRepos {
  actors: ActorRepository;
  aggregates: AggregateRepository;
  flows: FlowRepository;
  needs: NeedRepository;
  sites: SiteRepository;
}

export class TerritoryExportService {
  constructor(
    private readonly db: Database,
    private readonly repos: ExportRepos,
    private readonly territories: TerritoryDataService,
    private readonly lists: () => WorkbookLists,
  ) {}

  /** Every record of the territory as document elements, keyed as the import keys them. */
  async elements(who: Principal, code: string, format = 'elements'): Promise<TerritoryElements> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    await this.territories.audit.record(this.db, who, {
      territoryId: territory.id,
      action: 'export',
      entity: 'territory',
      entityId: territory.id,
      details: { format },
    });
    const [actors, sites, flows, needs] = await Promise.all([
      this.repos.actors.all(this.db, territory.id),
      this.repos.sites.all(this.db, territory.id),
      this.repos.flows.all(this.db, territory.id),
      this.repos.needs.all(this.db, territory.id),
    ]);
    const byName = <T extends { id: string }>(rows: T[], name: (r: T) => string): T[] =>
      [...rows].sort((a, b) => name(a).localeCompare(name(b), 'fr') || (a.id < b.id ? -1 : 1));
    const actorKey = new Map(actors.map((a) => [a.id, a.externalId ?? a.siret ?? a.id]));
    const siteKey = new Map(sites.map((s) => [s.id, s.externalId ?? s.id]));
    const actor = (a: Actor): Element =>
      compact({ ...pickFields(a, ACTOR_INPUT_FIELDS), externalId: actorKey.get(a.id), contact: compact({ ...a.contact }) });
    const site = (s: Site): Element =>
      compact({ externalId: siteKey.get(s.id), actorExternalId: actorKey.get(s.actorId), ...pickFields(s, SITE_ELEMENT_FIELDS) });
    const flow = (f: Flow): Element =>
      compact({ externalId: f.externalId, siteExternalId: siteKey.get(f.siteId), ...pickFields(f, FLOW_ELEMENT_FIELDS) });
    const need = (n: Need): Element =>
      compact({ externalId: n.externalId, actorExternalId: actorKey.get(n.actorId), ...pickFields(n, NEED_ELEMENT_FIELDS) });
    return {
      territory,
      actors: byName(actors, (a) => String(actorKey.get(a.id))).map(actor),
      sites: byName(sites, (s) => String(siteKey.get(s.id))).map(site),
      flows: byName(flows, (f) => `${siteKey.get(f.siteId)} ${f.externalId ?? ''} ${f.label}`).map(flow),
      needs: byName(needs, (n) => `${actorKey.get(n.actorId)} ${n.externalId ?? ''} ${n.description}`).map(need),
    };
  }

  /** The territory document (docs/formats.md); elements without an external ID get their database ID. */
  async document(who: Principal, code: string): Promise<Record<string, unknown>> {
    const e = await this.elements(who, code, 'json');
    const t = e.territory;
    const withId = (items: Element[], prefix: string): Element[] => items.map((x, i) => ({ externalId: `${prefix}${i + 1}`, ...x }));
    return {
      format: TERRITORY_DOCUMENT_FORMAT,
      formatVersion: TERRITORY_DOCUMENT_VERSION,
      ...(t.fictional ? { fictional: true } : {}),
      territory: compact({
        code: t.code,
        level: t.level,
        name: t.name,
        description: t.description,
        fictional: t.fictional || undefined,
        communes: t.communes,
        boundary: t.boundary,
      }),
      actors: e.actors,
      sites: e.sites,
      flows: withId(e.flows, 'flux-'),
      needs: withId(e.needs, 'besoin-'),
      aggregates: (await this.repos.aggregates.all(this.db, t.id)).map((a) => compact(pickFields(a, AGGREGATE_INPUT_FIELDS))),
    };
  }

  private rows(e: TerritoryElements): Record<SheetName, Cell[][]> {
    const spec = (name: SheetName) => SHEETS.find((s) => s.name === name) as (typeof SHEETS)[number];
    return {
      acteurs: e.actors.map((x) => elementToRow(spec('acteurs'), x)),
      sites: e.sites.map((x) => elementToRow(spec('sites'), x)),
      flux: e.flows.map((x) => elementToRow(spec('flux'), x)),
      besoins: e.needs.map((x) => elementToRow(spec('besoins'), x)),
    };
  }

  async workbook(who: Principal, code: string): Promise<Buffer> {
    return buildWorkbook(this.rows(await this.elements(who, code, 'xlsx')), { template: false, lists: this.lists() });
  }

  /** Streams the workbook to a file: for large territories from the CLI. */
  async workbookFile(who: Principal, code: string, path: string): Promise<void> {
    const rows = this.rows(await this.elements(who, code, 'xlsx'));
    await writeWorkbookFile(
      path,
      (Object.keys(rows) as SheetName[]).map((name) => ({ name, rows: rows[name] })),
    );
  }

  async csv(who: Principal, code: string, sheet: SheetName): Promise<Buffer> {
    return sheetToCsv(sheet, this.rows(await this.elements(who, code, `csv:${sheet}`))[sheet]);
  }

  /** Sites as points; flows as points at their site's location (flows of sites not located are left out). */
  async geojson(who: Principal, code: string, what: 'sites' | 'flux'): Promise<Record<string, unknown>> {
    const e = await this.elements(who, code, `geojson:${what}`);
    const sites = new Map(e.sites.map((s) => [s.externalId as string, s]));
    const point = (s: Element | undefined) => {
      const loc = s?.location as { lat: number; lon: number } | undefined;
      return loc ? { type: 'Point', coordinates: [loc.lon, loc.lat] } : null;
    };
    const features =
      what === 'sites'
        ? e.sites.map((s) => ({ type: 'Feature', geometry: point(s), properties: { ...s, location: undefined } }))
        : e.flows
            .filter((f) => point(sites.get(f.siteExternalId as string)))
            .map((f) => ({ type: 'Feature', geometry: point(sites.get(f.siteExternalId as string)), properties: f }));
    return { type: 'FeatureCollection', name: `${e.territory.code}-${what}`, features };
  }
}
