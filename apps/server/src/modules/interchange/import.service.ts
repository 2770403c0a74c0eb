/**
 * Importing data into an existing territory from a spreadsheet (or a territory document): every
 * row checked on its own and against the others and the territory's data, then written in one
 * transaction according to the mode. Rows are matched with what exists — actors by id_acteur or
 * SIRET, sites by id_site, flows and needs by their ID or, without one, by their natural key — so
 * that importing the same file twice changes nothing.
 *
 * The steps, in order: read (rows grouped by sheet, headers checked, each row turned into a
 * document element), convert (each element through its record's schema), check (sheet by sheet,
 * parents first, against the file and the territory), summarise (the report), stage (new rows
 * written aside, outside any transaction) and apply (one short final transaction).
 */
import {
  ACTOR_DATA_FIELDS,
  checkActorReferences,
  checkFlowReferences,
  checkNeedReferences,
  checkSiteReferences,
  checkHeaders,
  documentActorSchema,
  documentSiteSchema,
  FLOW_DATA_FIELDS,
  issueToCell,
  NEED_DATA_FIELDS,
  normaliseWord,
  parseBilingual,
  pickFields,
  rowFlowSchema,
  rowNeedSchema,
  rowToElement,
  SHEETS,
  SITE_DATA_FIELDS,
  type Actor,
  type ActorData,
  type Cell,
  type CellIssue,
  type Flow,
  type FlowData,
  type FlowInput,
  type NeedInput,
  type Need,
  type NeedData,
  type ReferenceLookup,
  type SheetName,
  type SheetSpec,
  type Site,
  type SiteData,
  type Territory,
  type ValidationIssue,
} from '@boucles/engine';
import type * as z from 'zod';
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../platform/db/database.js';
import { faultPoint } from '../../platform/faults.js';
import { UnreadableFileError } from './types.js';
import { applyStaged, dropStaged, stageRows } from '../../platform/db/bulk.js';
import type { RawRow } from './read.js';
import { rejectedWorkbook } from './rejected.js';
import type { ImportRun } from './import-runs.repository.js';
import type { ActorRepository, FlowRepository, NeedRepository, SiteRepository } from '../territories/index.js';
import type { ImportRunRepository } from './import-runs.repository.js';
import { prepareActor, prepareFlow, prepareNeed, prepareSite, type Prepared } from '../territories/index.js';
import type { Geocoder } from '../territories/index.js';
import type { TerritoryDataService } from '../territories/index.js';
import type { Principal } from '../../platform/access/access.js';
import { emptyReport, type ImportMode, type ImportProgress, type ImportReport } from './report.js';

export { IMPORT_MODES, type ImportMode, type ImportProgress, type ImportReport, type RejectedRow, type SheetCounts } from './report.js';

const MAX_REPORTED = 5000;
/** Most sites geocoded in one import (the public BAN service asks for moderation). */
const MAX_GEOCODED = 2000;
/** Flows written between two progress reports. */
const WRITE_BATCH = 5000;
const NIL = '00000000-0000-0000-0000-000000000000';
/** Rows checked between two turns of the event loop. */
const CHECK_SLICE = 250;

/** Existing rows an import changes, by id. */
interface Updates {
  actors: [string, ActorData][];
  sites: [string, SiteData][];
  flows: [string, FlowData][];
  needs: [string, NeedData][];
}
/** Sheets of the template that hold no data. */
const HELPER_SHEETS = new Set(['lisez_moi', 'listes']);

interface ParsedRow {
  row: number;
  /** The cells as read, as JSON: compact, and only parsed back for a rejected row. */
  raw: string;
  /** The row as a document element (built as the row is read: no map of cells is kept). */
  element: Record<string, unknown> | undefined;
  /** The key cells the checks need besides the element. */
  keys: { idActeur?: Cell; siret?: Cell; idSite?: Cell };
  issues: CellIssue[];
}

interface SheetInput {
  spec: SheetSpec;
  headers: string[];
  rows: ParsedRow[];
}

/** One row on its way: its element, its key, what it will write, and why it may be rejected. */
interface Candidate<D> {
  sheet: SheetInput;
  parsed: ParsedRow;
  key: string;
  data?: D;
  existingId?: string;
  status?: 'created' | 'updated' | 'unchanged';
  issues: CellIssue[];
}

type ActorCandidate = Candidate<ActorData>;
type SiteCandidate = Candidate<SiteData & { actorRef: string }>;
type FlowCandidate = Candidate<FlowData & { siteRef: string }>;
type NeedCandidate = Candidate<NeedData & { actorRef: string }>;

/** Every row of the file on its way, sheet by sheet. */
interface Candidates {
  actorRows: ActorCandidate[];
  siteRows: SiteCandidate[];
  flowRows: FlowCandidate[];
  needRows: NeedCandidate[];
}

/** The territory's records, by the keys the file's rows are matched with. */
interface Existing {
  actorByKey: Map<string, Actor>;
  actorBySiret: Map<string, Actor>;
  siteByKey: Map<string, Site>;
  flowByKey: Map<string, Flow>;
  needByKey: Map<string, Need>;
  communes: ReadonlySet<string>;
}

/** What the checks of one import share: the territory's records, the rows of the file checked so far, the report. */
interface Checking {
  existing: Existing;
  report: ImportReport;
  /** Actor rows of the file by key, and the key of each SIRET: what a site or need may name as its actor. */
  actorKeyInFile: Map<string, ActorCandidate>;
  actorKeyOfSiretInFile: Map<string, string>;
  /** Site rows of the file by key: what a flow may name as its site. */
  siteKeyInFile: Map<string, SiteCandidate>;
  /** Lets other requests through every few hundred rows (the checks run on the event loop). */
  breathe(): Promise<void>;
  onProgress: ((p: ImportProgress) => void) | undefined;
}

function issueAt(spec: SheetSpec, row: number, column: string, code: string, fr: string, en: string): CellIssue {
  return { sheet: spec.name, row, column, code, message: { fr, en } };
}

/** Compares stored and imported data, ignoring the difference between absent and null. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined && x !== null)
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}

// What a stored record's repository would write, to compare with what a row would write.
const actorData = (a: Actor): ActorData => pickFields(a, ACTOR_DATA_FIELDS);
const siteData = (s: Site): SiteData => pickFields(s, SITE_DATA_FIELDS);
const flowData = (f: Flow): FlowData => pickFields(f, FLOW_DATA_FIELDS);
const needData = (n: Need): NeedData => pickFields(n, NEED_DATA_FIELDS);

const flowNaturalKey = (siteKey: string, f: { direction: string; resourceCode: string; label: string }): string =>
  `${siteKey}\u0000${f.direction}\u0000${f.resourceCode}\u0000${f.label.toLowerCase()}`;
const needNaturalKey = (actorKey: string, n: { category: string; description: string }): string =>
  `${actorKey}\u0000${n.category}\u0000${n.description.toLowerCase()}`;

/**
 * Convert: a row's element through its record's schema. Gives the checked value when the row has
 * no fault so far, and every issue of the row: what reading its cells found, then the schema's.
 * `fill` completes the element first; `later` gives the checks that follow the schema, run on a
 * rejected row too so that the user fixes it in one go.
 */
function convert<S extends z.ZodType>(
  sheet: SheetInput,
  parsed: ParsedRow,
  schema: S,
  fill: (e: Record<string, unknown>) => void,
  later?: (raw: Record<string, unknown>) => CellIssue[],
): { value: z.output<S> | undefined; issues: CellIssue[] } {
  const raw = parsed.element ?? {};
  parsed.element = undefined; // converted once; the parsed value below is what is kept
  fill(raw);
  const all = [...parsed.issues];
  const r = parseBilingual(schema, raw);
  if (!r.ok) {
    // A cell already reported as unreadable is not reported again by the schema.
    const seen = new Set(all.map((i) => i.column));
    for (const i of r.issues) {
      const cell = issueToCell(sheet.spec, parsed.row, i);
      if (!seen.has(cell.column)) all.push(cell);
    }
  }
  const value = r.ok && all.length === 0 ? (r.value as z.output<S>) : undefined;
  if (!value && later) {
    // The row is rejected already; so that the user fixes it in one go, the checks that
    // follow the schema (reference data, what the row points at) still run on the cells
    // that were readable, and report the columns not reported yet.
    const seen = new Set(all.map((i) => i.column));
    let more: CellIssue[] = [];
    try {
      more = later(r.ok ? (r.value as Record<string, unknown>) : raw);
    } catch {
      /* a cell of the wrong type: its column was reported by the schema */
    }
    for (const i of more) if (!seen.has(i.column)) all.push(i);
  }
  return { value, issues: all };
}

const cells = (sheet: SheetInput, parsed: ParsedRow, issues: ValidationIssue[]): CellIssue[] =>
  issues.map((i) => issueToCell(sheet.spec, parsed.row, i));
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** The data a row writes, once prepared (checked against the reference data, derived fields filled in); its issues go to the row's. */
function prepared<D>(sheet: SheetInput, parsed: ParsedRow, p: Prepared<D>, issues: CellIssue[]): D | undefined {
  if (p.ok) return issues.length ? undefined : p.data;
  issues.push(...p.issues.map((i: ValidationIssue) => issueToCell(sheet.spec, parsed.row, i)));
  return undefined;
}
const duplicate = (spec: SheetSpec, row: number, column: string, key: string, first: number): CellIssue =>
  issueAt(spec, row, column, 'duplicate_key', `${key} apparaît déjà ligne ${first}`, `${key} already appears on row ${first}`);
const rejectedParent = (spec: SheetSpec, row: number, column: string, what: string, parentRow: number): CellIssue =>
  issueAt(spec, row, column, 'parent_rejected', `${what} est rejeté (ligne ${parentRow})`, `${what} is rejected (row ${parentRow})`);
const unknownActor = (spec: SheetSpec, row: number, ref: string): CellIssue =>
  issueAt(
    spec,
    row,
    'acteur',
    'unknown_reference',
    `aucun acteur ${ref} (ni dans la feuille acteurs, ni dans le territoire)`,
    `no actor ${ref} (neither in the acteurs sheet nor in the territory)`,
  );
const unknownSite = (spec: SheetSpec, row: number, ref: string): CellIssue =>
  issueAt(
    spec,
    row,
    'id_site',
    'unknown_reference',
    `aucun site ${ref} (ni dans la feuille sites, ni dans le territoire)`,
    `no site ${ref} (neither in the sites sheet nor in the territory)`,
  );

/** What a site or need may name as its actor: a key of the file, an existing actor's key or SIRET. */
function resolveActor(c: Checking, ref: string): { candidate?: ActorCandidate; existing?: Actor } | undefined {
  const compact = ref.replace(/\s/g, '');
  const inFile = c.actorKeyInFile.get(ref) ?? c.actorKeyInFile.get(c.actorKeyOfSiretInFile.get(compact) ?? '\u0000');
  if (inFile) return { candidate: inFile };
  const existing = c.existing.actorByKey.get(ref) ?? c.existing.actorBySiret.get(compact);
  return existing ? { existing } : undefined;
}

/** Summarise: the counts of each sheet, every issue, the rejected rows as read. */
function summarise(report: ImportReport, candidates: Candidates): void {
  const groups: [SheetName, Candidate<unknown>[]][] = [
    ['acteurs', candidates.actorRows],
    ['sites', candidates.siteRows],
    ['flux', candidates.flowRows],
    ['besoins', candidates.needRows],
  ];
  for (const [name, group] of groups) {
    const counts = report.counts[name];
    for (const c of group) {
      if (c.issues.length || !c.status) {
        counts.rejected++;
        report.issues.push(...c.issues);
        const rejected = (report.rejected[name] ??= { headers: c.sheet.headers, rows: [] });
        rejected.rows.push({
          row: c.parsed.row,
          cells: c.parsed.raw ? (JSON.parse(c.parsed.raw) as Cell[]) : [],
          errors: c.issues.map((i) => `${i.column ? `${i.column} : ` : ''}${i.message.fr}`).join(' | '),
        });
      } else counts[c.status]++;
    }
  }
  report.issueCount = report.issues.length;
  report.issues = report.issues.slice(0, MAX_REPORTED);
}

/** The repositories this service reads and writes. */
export interface ImportRepos {
  actors: ActorRepository;
  flows: FlowRepository;
  imports: ImportRunRepository;
  needs: NeedRepository;
  sites: SiteRepository;
}

export class TerritoryImportService {
  constructor(
    private readonly db: Database,
    private readonly repos: ImportRepos,
    private readonly ref: ReferenceLookup,
    private readonly territories: TerritoryDataService,
    private readonly geocoder?: Geocoder,
  ) {}

  /**
   * Read: groups the rows of a file by sheet, checking each sheet's header row, and turns each row
   * into a document element as it comes (no map of cells is kept).
   */
  private async read(
    rows: AsyncIterable<RawRow>,
    report: ImportReport,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<Map<SheetName, SheetInput>> {
    const sheets = new Map<SheetName, SheetInput>();
    const columnsOf = new Map<SheetName, Map<number, string>>();
    let count = 0;
    for await (const raw of rows) {
      const name = normaliseWord(raw.sheet);
      const spec = SHEETS.find((s) => s.name === name);
      if (!spec) {
        if (!HELPER_SHEETS.has(name) && !report.ignoredSheets.includes(raw.sheet)) report.ignoredSheets.push(raw.sheet);
        continue;
      }
      let sheet = sheets.get(spec.name);
      if (!sheet) {
        // The first row of a sheet is its header row.
        const headers = raw.cells.map((c) => (c === null ? '' : String(c)));
        const checked = checkHeaders(spec, headers);
        report.issues.push(...checked.issues);
        if (checked.ignored.length) report.ignoredColumns[spec.name] = checked.ignored;
        sheet = { spec, headers, rows: [] };
        sheets.set(spec.name, sheet);
        columnsOf.set(spec.name, checked.columns);
        continue;
      }
      const columns = columnsOf.get(spec.name) ?? new Map<number, string>();
      const cells = new Map<string, Cell>();
      for (const [i, header] of columns) cells.set(header, raw.cells[i] ?? null);
      const issues = raw.problems.map((p) =>
        issueAt(spec, raw.row, columns.get(p.column) ?? sheet.headers[p.column] ?? '', 'unreadable_cell', p.fr, p.en),
      );
      const converted = rowToElement(spec, cells, raw.row);
      issues.push(...converted.issues);
      const keys =
        spec.name === 'acteurs'
          ? { idActeur: cells.get('id_acteur'), siret: cells.get('siret') }
          : spec.name === 'sites'
            ? { idSite: cells.get('id_site') }
            : {};
      sheet.rows.push({ row: raw.row, raw: JSON.stringify(raw.cells), element: converted.element, keys, issues });
      if (++count % 5000 === 0) onProgress?.({ phase: 'read', rows: count });
    }
    onProgress?.({ phase: 'read', rows: count });
    return sheets;
  }

  /**
   * Imports the rows of a file into the territory of that code. The report says, sheet by sheet,
   * what was (or, in dry-run, would be) created, updated, left unchanged and rejected, and why.
   */
  async import(
    who: Principal,
    code: string,
    rows: AsyncIterable<RawRow>,
    mode: ImportMode,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportReport> {
    return (await this.execute(who, code, rows, mode, onProgress, null)).report;
  }

  /**
   * Reads and checks every row, then (unless the mode or the errors say not to) stages the rows
   * to write in short statements and applies them in one quick final transaction, which also
   * records the run when `record` is given: the data and the record of the import that wrote
   * them are committed together or not at all.
   */
  private async execute(
    who: Principal,
    code: string,
    rows: AsyncIterable<RawRow>,
    mode: ImportMode,
    onProgress: ((p: ImportProgress) => void) | undefined,
    record: { fileName: string | null } | null,
  ): Promise<{ report: ImportReport; run?: ImportRun | undefined }> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    const report = emptyReport(code, mode);
    const sheets = await this.read(rows, report, onProgress);
    const headerIssues = report.issues.length > 0;
    if (sheets.size === 0) {
      report.issues.push(
        issueAt(
          SHEETS[0] as SheetSpec,
          1,
          '',
          'no_data_sheet',
          'aucune feuille acteurs, sites, flux ou besoins dans le fichier',
          'no acteurs, sites, flux or besoins sheet in the file',
        ),
      );
    }
    for (const [name, cols] of Object.entries(report.ignoredColumns)) {
      report.warnings.push(
        issueAt(
          SHEETS.find((s) => s.name === name) as SheetSpec,
          1,
          cols.join(', '),
          'ignored_columns',
          `colonnes ignorées : ${cols.join(', ')}`,
          `columns ignored: ${cols.join(', ')}`,
        ),
      );
    }

    const existing = await this.existing(territory);
    onProgress?.({ phase: 'check', rows: 0 });
    const candidates = await this.check(existing, sheets, report, onProgress);
    summarise(report, candidates);

    const blocked = headerIssues || sheets.size === 0 || (mode === 'all-or-nothing' && report.issueCount > 0);
    const changes = (['acteurs', 'sites', 'flux', 'besoins'] as const).some(
      (name) => report.counts[name].created + report.counts[name].updated > 0,
    );
    // Built before anything is written: a file of rejected rows that cannot be made fails the
    // import before its valid rows are committed, not after.
    const rejectedFile =
      record && mode === 'valid-rows' && Object.keys(report.rejected).length ? await rejectedWorkbook(report.rejected) : null;
    const runOf = (written: boolean) => ({
      mode,
      fileName: record?.fileName ?? null,
      written,
      report: { ...report, rejected: {} },
      rejectedFile,
    });
    if (mode === 'dry-run' || blocked || !changes) {
      const run = record ? await this.repos.imports.insert(this.db, territory.id, runOf(false)) : undefined;
      return { report, run };
    }

    onProgress?.({ phase: 'write', rows: 0 });
    const { actorRows, siteRows, flowRows, needRows } = candidates;
    const stage = { runId: randomUUID(), territoryId: territory.id };
    try {
      const updates = await this.stage(this.db, stage, candidates, existing, onProgress);
      faultPoint('import-staged');
      const run = await this.db.transaction(async (tx) => {
        await this.territories.access.scope(tx, who, code, 'territory:facilitate', 'share');
        await this.apply(tx, stage, updates);
        await this.territories.audit.record(tx, who, {
          territoryId: territory.id,
          action: 'import',
          entity: 'spreadsheet',
          details: { mode, rows: { acteurs: actorRows.length, sites: siteRows.length, flux: flowRows.length, besoins: needRows.length } },
        });
        const inserted = record ? await this.repos.imports.insert(tx, territory.id, runOf(true)) : undefined;
        await dropStaged(tx, stage);
        return inserted;
      });
      report.written = true;
      onProgress?.({ phase: 'write', rows: flowRows.length });
      return { report, run };
    } catch (e) {
      await dropStaged(this.db, stage).catch(() => undefined);
      throw e;
    }
  }

  /** The territory's records, by the keys rows are matched with. */
  private async existing(territory: Territory): Promise<Existing> {
    const [actors, sites, flows, needs] = await Promise.all([
      this.repos.actors.all(this.db, territory.id),
      this.repos.sites.all(this.db, territory.id),
      this.repos.flows.all(this.db, territory.id),
      this.repos.needs.all(this.db, territory.id),
    ]);
    const actorByKey = new Map<string, Actor>();
    const actorBySiret = new Map<string, Actor>();
    for (const a of actors) {
      if (a.externalId) actorByKey.set(a.externalId, a);
      if (a.siret) actorBySiret.set(a.siret, a);
    }
    const actorKeyOfId = new Map(actors.map((a) => [a.id, a.externalId ?? a.siret ?? a.id]));
    const siteByKey = new Map(sites.filter((s) => s.externalId).map((s) => [s.externalId as string, s]));
    const siteKeyOfId = new Map(sites.map((s) => [s.id, s.externalId ?? s.id]));
    const flowByKey = new Map<string, Flow>();
    for (const f of flows) {
      flowByKey.set(f.externalId ?? flowNaturalKey(siteKeyOfId.get(f.siteId) ?? '', f), f);
    }
    const needByKey = new Map<string, Need>();
    for (const n of needs) needByKey.set(n.externalId ?? needNaturalKey(actorKeyOfId.get(n.actorId) ?? '', n), n);
    return { actorByKey, actorBySiret, siteByKey, flowByKey, needByKey, communes: new Set(territory.communes) };
  }

  /**
   * Check: every row of every sheet, parents first (a site names its actor, a flow its site), on
   * its own, against the rows before it and against the territory's records. Nothing is written.
   */
  private async check(
    existing: Existing,
    sheets: Map<SheetName, SheetInput>,
    report: ImportReport,
    onProgress: ((p: ImportProgress) => void) | undefined,
  ): Promise<Candidates> {
    let beat = 0;
    const c: Checking = {
      existing,
      report,
      actorKeyInFile: new Map(),
      actorKeyOfSiretInFile: new Map(),
      siteKeyInFile: new Map(),
      // The checks run on the event loop: let other requests through every few hundred rows.
      breathe: async () => {
        if (++beat % CHECK_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      },
      onProgress,
    };
    const actorRows = await this.checkActors(c, sheets.get('acteurs'));
    const siteRows = await this.checkSites(c, sheets.get('sites'));
    const flowRows = await this.checkFlows(c, sheets.get('flux'));
    const needRows = await this.checkNeeds(c, sheets.get('besoins'));
    return { actorRows, siteRows, flowRows, needRows };
  }

  private async checkActors(c: Checking, sheet: SheetInput | undefined): Promise<ActorCandidate[]> {
    if (!sheet) return [];
    const spec = sheet.spec;
    const actorRows: ActorCandidate[] = [];
    for (const parsed of sheet.rows) {
      await c.breathe();
      const siretCell = parsed.keys.siret;
      const { value, issues } = convert(
        sheet,
        parsed,
        documentActorSchema,
        (e) => {
          if (e.externalId === undefined && typeof e.siret === 'string') e.externalId = e.siret;
        },
        (raw) => cells(sheet, parsed, checkActorReferences({ nafCode: str(raw.nafCode), headcountBand: str(raw.headcountBand) }, this.ref)),
      );
      const key = String(parsed.keys.idActeur ?? siretCell ?? '')
        .trim()
        .replace(/\s/g, '');
      const candidate: ActorCandidate = { sheet, parsed, key, issues };
      if (!key)
        issues.push(
          issueAt(
            spec,
            parsed.row,
            'id_acteur',
            'missing_key',
            'id_acteur ou siret requis pour identifier l’acteur',
            'id_acteur or siret is needed to identify the actor',
          ),
        );
      const first = c.actorKeyInFile.get(key);
      if (key && first) issues.push(duplicate(spec, parsed.row, 'id_acteur', key, first.parsed.row));
      else if (key) c.actorKeyInFile.set(key, candidate);
      if (value) {
        const data = prepared(sheet, parsed, prepareActor(value, this.ref), issues);
        if (data?.siret) {
          const firstSiret = c.actorKeyOfSiretInFile.get(data.siret);
          if (firstSiret !== undefined && firstSiret !== key)
            issues.push(duplicate(spec, parsed.row, 'siret', data.siret, c.actorKeyInFile.get(firstSiret)?.parsed.row ?? 0));
          else c.actorKeyOfSiretInFile.set(data.siret, key);
        }
        const byKey = c.existing.actorByKey.get(key);
        const bySiret = data?.siret ? c.existing.actorBySiret.get(data.siret) : undefined;
        if (byKey && bySiret && byKey.id !== bySiret.id) {
          issues.push(
            issueAt(
              spec,
              parsed.row,
              'siret',
              'siret_conflict',
              `le SIRET ${data?.siret} appartient déjà à un autre acteur (${bySiret.name})`,
              `SIRET ${data?.siret} already belongs to another actor (${bySiret.name})`,
            ),
          );
        }
        const existing = byKey ?? bySiret;
        if (data && issues.length === 0) {
          candidate.data = { ...data, externalId: existing?.externalId ?? data.externalId };
          candidate.existingId = existing?.id;
          candidate.status = !existing
            ? 'created'
            : canonical(actorData(existing)) === canonical({ ...candidate.data })
              ? 'unchanged'
              : 'updated';
        }
      }
      actorRows.push(candidate);
    }
    return actorRows;
  }

  private async checkSites(c: Checking, sheet: SheetInput | undefined): Promise<SiteCandidate[]> {
    if (!sheet) return [];
    const spec = sheet.spec;
    const siteRows: SiteCandidate[] = [];
    const { communes, siteByKey } = c.existing;
    let geocoderDown = false;
    let geocoded = 0;
    for (const parsed of sheet.rows) {
      await c.breathe();
      const { value, issues } = convert(
        sheet,
        parsed,
        documentSiteSchema,
        () => undefined,
        (raw) => {
          const found: CellIssue[] = [];
          const commune = str(raw.communeCode);
          if (commune) found.push(...cells(sheet, parsed, checkSiteReferences({ communeCode: commune }, communes, this.ref)));
          const actorRef = str(raw.actorExternalId);
          if (actorRef && !resolveActor(c, actorRef)) found.push(unknownActor(spec, parsed.row, actorRef));
          return found;
        },
      );
      const key = String(parsed.keys.idSite ?? '').trim();
      const candidate: SiteCandidate = { sheet, parsed, key, issues };
      const first = c.siteKeyInFile.get(key);
      if (key && first) issues.push(duplicate(spec, parsed.row, 'id_site', key, first.parsed.row));
      else if (key) c.siteKeyInFile.set(key, candidate);
      if (value) {
        const actor = resolveActor(c, value.actorExternalId);
        if (!actor) {
          issues.push(unknownActor(spec, parsed.row, value.actorExternalId));
        } else if (actor.candidate && actor.candidate.issues.length) {
          issues.push(rejectedParent(spec, parsed.row, 'acteur', `l'acteur ${value.actorExternalId}`, actor.candidate.parsed.row));
        }
        const data = prepared(sheet, parsed, prepareSite({ ...value, actorId: NIL }, communes, true, this.ref), issues);
        if (data && issues.length === 0 && !data.location && data.address && this.geocoder && !geocoderDown && geocoded < MAX_GEOCODED) {
          try {
            const found = await this.geocoder.geocode(data.address, data.communeCode);
            geocoded++;
            if (found) {
              data.location = { lat: Math.round(found.location.lat * 1e7) / 1e7, lon: Math.round(found.location.lon * 1e7) / 1e7 };
              c.report.warnings.push(
                issueAt(
                  spec,
                  parsed.row,
                  'adresse',
                  'geocoded',
                  `site ${key} placé à l'adresse « ${found.label} » (score ${found.score.toFixed(2)})`,
                  `site ${key} placed at "${found.label}" (score ${found.score.toFixed(2)})`,
                ),
              );
            }
          } catch (e) {
            geocoderDown = true;
            c.report.warnings.push(
              issueAt(
                spec,
                parsed.row,
                'adresse',
                'geocoder_unreachable',
                `géocodeur injoignable (${(e as Error).message}) : les sites sans coordonnées restent non localisés`,
                `geocoder unreachable (${(e as Error).message}): sites without coordinates stay not located`,
              ),
            );
          }
        }
        if (data && issues.length === 0) {
          const existing = siteByKey.get(key);
          candidate.data = { ...data, actorRef: value.actorExternalId };
          candidate.existingId = existing?.id;
          if (!data.location) {
            c.report.warnings.push(
              issueAt(
                spec,
                parsed.row,
                'latitude',
                'not_located',
                `site ${key} non localisé : il sera tenu à l'écart des calculs de distance`,
                `site ${key} not located: it is left out of distance checks`,
              ),
            );
          }
          const actorId = actor?.existing?.id ?? actor?.candidate?.existingId;
          candidate.status = !existing
            ? 'created'
            : actorId && canonical(siteData(existing)) === canonical({ ...data, actorId })
              ? 'unchanged'
              : 'updated';
        }
      }
      siteRows.push(candidate);
    }
    return siteRows;
  }

  private async checkFlows(c: Checking, sheet: SheetInput | undefined): Promise<FlowCandidate[]> {
    if (!sheet) return [];
    const spec = sheet.spec;
    const flowRows: FlowCandidate[] = [];
    const flowKeyInFile = new Map<string, number>();
    const { siteByKey, flowByKey } = c.existing;
    let checked = 0;
    for (const parsed of sheet.rows) {
      await c.breathe();
      const { value, issues } = convert(
        sheet,
        parsed,
        rowFlowSchema,
        () => undefined,
        (raw) => {
          const found: CellIssue[] = [];
          const quantity = raw.quantity as { value?: unknown; unit?: unknown } | undefined;
          const readable = {
            resourceCode: str(raw.resourceCode) ?? '',
            wasteCode: str(raw.wasteCode),
            quantity: quantity && typeof quantity.value === 'number' && typeof quantity.unit === 'string' ? quantity : undefined,
          };
          found.push(
            ...cells(
              sheet,
              parsed,
              checkFlowReferences(readable as FlowInput, this.ref).filter((i) => i.path !== 'resourceCode' || readable.resourceCode !== ''),
            ),
          );
          const siteRef = str(raw.siteExternalId);
          if (siteRef && !c.siteKeyInFile.has(siteRef) && !siteByKey.has(siteRef)) found.push(unknownSite(spec, parsed.row, siteRef));
          return found;
        },
      );
      const candidate: FlowCandidate = { sheet, parsed, key: '', issues };
      if (value) {
        const key = value.externalId ?? flowNaturalKey(value.siteExternalId, value);
        candidate.key = key;
        const first = flowKeyInFile.get(key);
        if (first !== undefined)
          issues.push(duplicate(spec, parsed.row, value.externalId ? 'id_flux' : 'libelle', value.externalId ?? value.label, first));
        else flowKeyInFile.set(key, parsed.row);
        const inFile = c.siteKeyInFile.get(value.siteExternalId);
        const existingSite = siteByKey.get(value.siteExternalId);
        if (!inFile && !existingSite) {
          issues.push(unknownSite(spec, parsed.row, value.siteExternalId));
        } else if (inFile && inFile.issues.length) {
          issues.push(rejectedParent(spec, parsed.row, 'id_site', `le site ${value.siteExternalId}`, inFile.parsed.row));
        }
        const data = prepared(sheet, parsed, prepareFlow({ ...value, siteId: NIL }, true, this.ref), issues);
        if (data && issues.length === 0) {
          const existing = flowByKey.get(key);
          const siteId = existingSite?.id ?? inFile?.existingId;
          candidate.data = { ...data, siteRef: value.siteExternalId };
          candidate.existingId = existing?.id;
          candidate.status = !existing
            ? 'created'
            : siteId && canonical(flowData(existing)) === canonical({ ...data, siteId })
              ? 'unchanged'
              : 'updated';
        }
      }
      if (candidate.data) parsed.raw = ''; // accepted: its cells will not be given back
      flowRows.push(candidate);
      if (++checked % 10_000 === 0) c.onProgress?.({ phase: 'check', rows: checked });
    }
    return flowRows;
  }

  private async checkNeeds(c: Checking, sheet: SheetInput | undefined): Promise<NeedCandidate[]> {
    if (!sheet) return [];
    const spec = sheet.spec;
    const needRows: NeedCandidate[] = [];
    const needKeyInFile = new Map<string, number>();
    for (const parsed of sheet.rows) {
      await c.breathe();
      const { value, issues } = convert(
        sheet,
        parsed,
        rowNeedSchema,
        () => undefined,
        (raw) => {
          const found: CellIssue[] = [];
          const resourceCode = str(raw.resourceCode);
          if (resourceCode) found.push(...cells(sheet, parsed, checkNeedReferences({ resourceCode } as NeedInput, this.ref)));
          const actorRef = str(raw.actorExternalId);
          if (actorRef && !resolveActor(c, actorRef)) found.push(unknownActor(spec, parsed.row, actorRef));
          return found;
        },
      );
      const candidate: NeedCandidate = { sheet, parsed, key: '', issues };
      if (value) {
        const actor = resolveActor(c, value.actorExternalId);
        const actorKey = actor?.candidate?.key ?? actor?.existing?.externalId ?? actor?.existing?.siret ?? value.actorExternalId;
        const key = value.externalId ?? needNaturalKey(actorKey, value);
        candidate.key = key;
        const first = needKeyInFile.get(key);
        if (first !== undefined)
          issues.push(
            duplicate(spec, parsed.row, value.externalId ? 'id_besoin' : 'description', value.externalId ?? value.description, first),
          );
        else needKeyInFile.set(key, parsed.row);
        if (!actor) {
          issues.push(unknownActor(spec, parsed.row, value.actorExternalId));
        } else if (actor.candidate && actor.candidate.issues.length) {
          issues.push(rejectedParent(spec, parsed.row, 'acteur', `l'acteur ${value.actorExternalId}`, actor.candidate.parsed.row));
        }
        const data = prepared(sheet, parsed, prepareNeed({ ...value, actorId: NIL }, true, this.ref), issues);
        if (data && issues.length === 0) {
          const existing = c.existing.needByKey.get(key);
          const actorId = actor?.existing?.id ?? actor?.candidate?.existingId;
          candidate.data = { ...data, actorRef: value.actorExternalId };
          candidate.existingId = existing?.id;
          candidate.status = !existing
            ? 'created'
            : actorId && canonical(needData(existing)) === canonical({ ...data, actorId })
              ? 'unchanged'
              : 'updated';
        }
      }
      needRows.push(candidate);
    }
    return needRows;
  }

  /**
   * Imports and records the run (report and, for valid rows, the file of rejected rows). An
   * import that fails (an unreadable file, a database error) is recorded too, as written nothing,
   * with the reason; then the error goes on to the caller.
   */
  async importAndRecord(
    who: Principal,
    code: string,
    rows: AsyncIterable<RawRow>,
    mode: ImportMode,
    fileName: string | null,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<{ run: ImportRun; report: ImportReport }> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    try {
      const { report, run } = await this.execute(who, code, rows, mode, onProgress, { fileName });
      if (!run) throw new Error('import run not recorded');
      return { run, report };
    } catch (e) {
      const message =
        e instanceof UnreadableFileError
          ? { fr: `fichier illisible : ${e.fr}`, en: `unreadable file: ${e.en}` }
          : { fr: 'l’import a échoué, rien n’a été écrit', en: 'the import failed, nothing was written' };
      const failed = emptyReport(code, mode);
      failed.issues = [
        {
          sheet: (SHEETS[0] as SheetSpec).name,
          row: 0,
          column: '',
          code: e instanceof UnreadableFileError ? 'unreadable_file' : 'import_failed',
          message,
        },
      ];
      failed.issueCount = 1;
      await this.repos.imports
        .insert(this.db, territory.id, { mode, fileName, written: false, report: failed, rejectedFile: null })
        .catch(() => undefined);
      throw e;
    }
  }

  async listRuns(who: Principal, code: string, limit: number): Promise<ImportRun[]> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    return this.repos.imports.list(this.db, territory.id, limit);
  }

  async rejectedFile(who: Principal, code: string, id: string): Promise<Buffer | undefined> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    return this.repos.imports.rejectedFile(this.db, territory.id, id);
  }

  /**
   * Stage: writes the new rows aside (ids of new actors and sites drawn here, so that their sites, flows and
   * needs can point at them before they exist) and gives back the updates of existing rows, which
   * the final transaction applies.
   */
  private async stage(
    db: Queryable,
    stage: { runId: string; territoryId: string },
    rows: Candidates,
    existing: Pick<Existing, 'actorByKey' | 'actorBySiret' | 'siteByKey'>,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<Updates> {
    const ok = <D>(c: Candidate<D>): c is Candidate<D> & { data: D } =>
      c.data !== undefined && c.issues.length === 0 && c.status !== undefined;
    const territoryId = stage.territoryId;
    const updates: Updates = { actors: [], sites: [], flows: [], needs: [] };

    // Actors: ids by file key.
    const actorIdByKey = new Map<string, string>();
    const actorIdBySiret = new Map<string, string>();
    for (const [key, a] of existing.actorByKey) actorIdByKey.set(key, a.id);
    for (const [siret, a] of existing.actorBySiret) actorIdBySiret.set(siret, a.id);
    const newActors: (ActorData & { id: string })[] = [];
    for (const c of rows.actorRows.filter(ok)) {
      const id = c.existingId ?? randomUUID();
      actorIdByKey.set(c.key, id);
      if (c.data.siret) actorIdBySiret.set(c.data.siret, id);
      if (c.status === 'created') newActors.push({ ...c.data, id });
      else if (c.status === 'updated') updates.actors.push([id, c.data]);
    }
    await stageRows(db, stage, this.repos.actors.bulkRows(territoryId, newActors));
    const actorId = (ref: string): string => actorIdByKey.get(ref) ?? actorIdBySiret.get(ref.replace(/\s/g, '')) ?? NIL;

    // Sites
    const siteIdByKey = new Map<string, string>();
    for (const [key, s] of existing.siteByKey) siteIdByKey.set(key, s.id);
    const newSites: (SiteData & { id: string })[] = [];
    for (const c of rows.siteRows.filter(ok)) {
      const { actorRef, ...s } = c.data;
      const site = { ...s, actorId: actorId(actorRef) };
      const id = c.existingId ?? randomUUID();
      siteIdByKey.set(c.key, id);
      if (c.status === 'created') newSites.push({ ...site, id });
      else if (c.status === 'updated') updates.sites.push([id, site]);
    }
    await stageRows(db, stage, this.repos.sites.bulkRows(territoryId, newSites));

    // Flows
    const toFlow = ({ siteRef, ...f }: FlowData & { siteRef: string }): FlowData => ({ ...f, siteId: siteIdByKey.get(siteRef) ?? NIL });
    const flowRows = rows.flowRows.filter(ok);
    const newFlows = flowRows.filter((c) => c.status === 'created');
    for (let start = 0; start < newFlows.length; start += WRITE_BATCH) {
      await stageRows(
        db,
        stage,
        this.repos.flows.bulkRows(
          territoryId,
          newFlows.slice(start, start + WRITE_BATCH).map((c) => toFlow(c.data)),
        ),
      );
      onProgress?.({ phase: 'write', rows: Math.min(start + WRITE_BATCH, newFlows.length) });
    }
    for (const c of flowRows) if (c.existingId && c.status === 'updated') updates.flows.push([c.existingId, toFlow(c.data)]);

    // Needs
    const toNeed = ({ actorRef, ...n }: NeedData & { actorRef: string }): NeedData => ({ ...n, actorId: actorId(actorRef) });
    const needRows = rows.needRows.filter(ok);
    await stageRows(
      db,
      stage,
      this.repos.needs.bulkRows(
        territoryId,
        needRows.filter((c) => c.status === 'created').map((c) => toNeed(c.data)),
      ),
    );
    for (const c of needRows) if (c.existingId && c.status === 'updated') updates.needs.push([c.existingId, toNeed(c.data)]);
    return updates;
  }

  /** Apply: the final step, in one transaction: staged rows moved into place (parents first), then the updates. */
  private async apply(tx: Queryable, stage: { runId: string; territoryId: string }, updates: Updates): Promise<void> {
    const t = stage.territoryId;
    for (const bulk of [
      this.repos.actors.bulkRows(t, []),
      this.repos.sites.bulkRows(t, []),
      this.repos.flows.bulkRows(t, []),
      this.repos.needs.bulkRows(t, []),
    ]) {
      await applyStaged(tx, stage, bulk.table, bulk.columns);
    }
    for (const [id, a] of updates.actors) await this.repos.actors.update(tx, t, id, a);
    for (const [id, s] of updates.sites) await this.repos.sites.update(tx, t, id, s);
    for (const [id, f] of updates.flows) await this.repos.flows.update(tx, t, id, f);
    for (const [id, n] of updates.needs) await this.repos.needs.update(tx, t, id, n);
  }
}
