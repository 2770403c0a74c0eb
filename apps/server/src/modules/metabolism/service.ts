/**
 * The territory's metabolism: its aggregates (figures entered for what actors do not declare), its
 * flow accounts by layer, the indicators, the mass balance and the Sankey graphs, the scenario of
 * an analysis's synergies implemented, and interdependencies between territories.
 * The computations are the engine's (docs/metabolism.md); this service reads and checks the data.
 */
import {
  accountsTable,
  applySynergies,
  buildAccounts,
  compareScenario,
  indicators,
  indicatorsTable,
  interdependencies,
  interdependencyTable,
  LAYERS,
  massBalance,
  sankey,
  synergiesFromAnalysis,
  type Aggregate,
  type AggregateInput,
  type AnalysisResult,
  type DisclosedInterdependencies,
  type InterdependencyResult,
  type Flow,
  type MetabolismInput,
  type ReferenceLookup,
  type Territory,
  ValidationError,
} from '@boucles/engine';
import { loadDisclosureControl, loadMetabolismFamilies } from '@boucles/reference-data';
import type { Database, Queryable } from '../../platform/db/database.js';
import { invalid, NotFoundError } from '../../platform/errors.js';
import { tableToCsv } from '../../platform/csv.js';
import { tablesToWorkbook } from '../../platform/tables.js';
import type { AggregateRepository, FlowRepository } from '../territories/index.js';
import { prepareAggregate } from '../territories/index.js';
import type { SynergyAnalysisService } from '../synergies/index.js';
import type { TerritoryDataService } from '../territories/index.js';
import { can, type Capability, type Principal, type Scope } from '../../platform/access/access.js';
import {
  publicMetabolismFlowIds,
  suppressInterdependencies,
  suppressMetabolism,
  type MetabolismView,
  type ReaderMetabolism,
} from './disclosure.js';

const AGGREGATE = { fr: 'Agrégat', en: 'Aggregate' };

/** The engine's view of a flow: where it goes or comes from, and its yearly quantity. */
function metabolismFlow(f: Flow): MetabolismInput['flows'][number] {
  return {
    id: f.id,
    actorId: f.actorId,
    direction: f.direction,
    resourceCode: f.resourceCode,
    wasteCode: f.wasteCode,
    annualQuantity: f.annualQuantity,
    currentFate: f.currentFate,
    currentOrigin: f.currentOrigin,
  };
}

function metabolismAggregate(a: Aggregate): MetabolismInput['aggregates'][number] {
  return {
    id: a.id,
    label: a.label,
    kind: a.kind,
    family: a.family,
    resourceCode: a.resourceCode,
    annualQuantity: a.annualQuantity,
    origin: a.origin,
    destination: a.destination,
    partner: a.partner,
    year: a.year,
    source: a.source,
    estimate: a.estimate,
  };
}

/** The repositories this service reads and writes. */
export interface MetabolismRepos {
  aggregates: AggregateRepository;
  flows: FlowRepository;
}

export class MetabolismService {
  constructor(
    private readonly db: Database,
    private readonly repos: MetabolismRepos,
    private readonly territories: TerritoryDataService,
    private readonly analyses: SynergyAnalysisService,
    private readonly ref: ReferenceLookup,
  ) {}

  private families() {
    return loadMetabolismFamilies();
  }

  private scope(db: Queryable, who: Principal, code: string, capability: Capability, lock?: 'share') {
    return this.territories.access.scope(db, who, code, capability, lock);
  }

  /** The aggregates entered by the facilitators: territory figures, not any actor's. */
  async listAggregates(who: Principal, code: string): Promise<Aggregate[]> {
    const t = (await this.scope(this.db, who, code, 'aggregates:read')).territory;
    return this.repos.aggregates.all(this.db, t.id);
  }

  async getAggregate(who: Principal, code: string, id: string): Promise<Aggregate> {
    const t = (await this.scope(this.db, who, code, 'aggregates:read')).territory;
    const a = await this.repos.aggregates.get(this.db, t.id, id);
    if (!a) throw new NotFoundError(AGGREGATE);
    return a;
  }

  async createAggregate(who: Principal, code: string, input: AggregateInput): Promise<Aggregate> {
    const p = prepareAggregate(input, this.ref);
    if (!p.ok) throw new ValidationError(p.issues);
    return this.db.transaction(async (tx) => {
      const t = (await this.scope(tx, who, code, 'territory:facilitate', 'share')).territory;
      const a = await this.repos.aggregates.insert(tx, t.id, p.data);
      await this.territories.audit.record(tx, who, { territoryId: t.id, action: 'create', entity: 'aggregate', entityId: a.id });
      return a;
    });
  }

  /** Replaces an aggregate whole (PUT). */
  async replaceAggregate(who: Principal, code: string, id: string, input: AggregateInput): Promise<Aggregate> {
    const p = prepareAggregate(input, this.ref);
    if (!p.ok) throw new ValidationError(p.issues);
    return this.db.transaction(async (tx) => {
      const t = (await this.scope(tx, who, code, 'territory:facilitate', 'share')).territory;
      const a = await this.repos.aggregates.update(tx, t.id, id, p.data);
      if (!a) throw new NotFoundError(AGGREGATE);
      await this.territories.audit.record(tx, who, { territoryId: t.id, action: 'update', entity: 'aggregate', entityId: id });
      return a;
    });
  }

  async deleteAggregate(who: Principal, code: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const t = (await this.scope(tx, who, code, 'territory:facilitate')).territory;
      if (!(await this.repos.aggregates.delete(tx, t.id, id))) throw new NotFoundError(AGGREGATE);
      await this.territories.audit.record(tx, who, { territoryId: t.id, action: 'delete', entity: 'aggregate', entityId: id });
    });
  }

  /** The engine's input for a stored territory. */
  private async input(
    who: Principal,
    code: string,
    capability: Capability = 'aggregates:read',
  ): Promise<{ scope: Scope; territory: Territory; flows: Flow[]; input: MetabolismInput }> {
    const scope = await this.scope(this.db, who, code, capability);
    const territory = scope.territory;
    const [flows, aggregates] = await Promise.all([
      this.repos.flows.all(this.db, territory.id),
      this.repos.aggregates.all(this.db, territory.id),
    ]);
    return { scope, territory, flows, input: { flows: flows.map(metabolismFlow), aggregates: aggregates.map(metabolismAggregate) } };
  }

  /**
   * The metabolism as the principal may see it: whole for facilitators; for contributors, readers
   * and API keys, with every figure that rests on fewer than three actors (or on one dominant
   * actor) withheld, and those that would let one be recomputed (docs/metabolism.md, §9).
   */
  async metabolism(
    who: Principal,
    code: string,
    options: { scenario?: string | undefined } = {},
  ): Promise<MetabolismView | ReaderMetabolism> {
    const read = await this.input(who, code);
    const view = await this.figures(read.territory, read.input, options);
    if (can(read.scope, 'records:all')) return view;
    return suppressMetabolism(view, read.input, loadDisclosureControl(), { publicFlowIds: publicMetabolismFlowIds(read.flows) });
  }

  /** The whole metabolism, every figure shown: facilitators. */
  async fullMetabolism(who: Principal, code: string, options: { scenario?: string | undefined } = {}) {
    const read = await this.input(who, code, 'records:all');
    return this.figures(read.territory, read.input, options);
  }

  /**
   * Accounts, indicators, mass balance and Sankey graphs of every layer; with `scenario` (an
   * analysis ID or `latest`), the same after its allocated synergies, and each indicator before and after.
   */
  private async figures(territory: Territory, input: MetabolismInput, options: { scenario?: string | undefined }) {
    const families = this.families();
    const accounts = buildAccounts(input, families);
    const current = {
      accounts,
      indicators: indicators(accounts),
      massBalance: massBalance(accounts),
      sankey: Object.fromEntries(LAYERS.map((layer) => [layer, sankey(accounts, layer)])),
    };
    if (!options.scenario) return { territory: { code: territory.code, name: territory.name }, ...current, scenario: null };
    const run = await this.analyses.stored(territory.id, options.scenario);
    const applied = applySynergies(input, synergiesFromAnalysis(run.result as AnalysisResult));
    const after = buildAccounts(applied.input, families);
    const afterIndicators = indicators(after);
    return {
      territory: { code: territory.code, name: territory.name },
      ...current,
      scenario: {
        analysisId: run.id,
        analysisCreatedAt: run.createdAt,
        applied: applied.applied,
        skipped: applied.skipped,
        accounts: after,
        indicators: afterIndicators,
        massBalance: massBalance(after),
        sankey: Object.fromEntries(LAYERS.map((layer) => [layer, sankey(after, layer)])),
        comparison: compareScenario(current.indicators, afterIndicators),
      },
    };
  }

  /** The accounts and indicators as a CSV (one table) or an XLSX workbook (one sheet each). */
  async exportMetabolism(
    who: Principal,
    code: string,
    format: 'csv' | 'xlsx',
    table: 'comptes' | 'indicateurs' = 'comptes',
  ): Promise<Buffer> {
    const { input, territory } = await this.input(who, code, 'territory:facilitate');
    await this.territories.audit.record(this.db, who, {
      territoryId: territory.id,
      action: 'export',
      entity: 'metabolism',
      details: { format, table },
    });
    const accounts = buildAccounts(input, this.families());
    const tables = { comptes: accountsTable(accounts), indicateurs: indicatorsTable(indicators(accounts)) };
    if (format === 'csv') return tableToCsv(tables[table]);
    return tablesToWorkbook([
      { name: 'comptes', ...tables.comptes },
      { name: 'indicateurs', ...tables.indicateurs },
    ]);
  }

  /**
   * Flows crossing the boundaries of two or more stored territories, their matrix and dependencies:
   * whole when the principal facilitates every one of them, with small groups withheld otherwise.
   */
  async interdependencies(who: Principal, codes: readonly string[]): Promise<InterdependencyResult | DisclosedInterdependencies> {
    const reads = await this.reads(who, codes, 'aggregates:read');
    const result = interdependencies(
      reads.map((r) => ({ code: r.territory.code, name: r.territory.name, input: r.input })),
      this.families(),
    );
    if (reads.every((r) => can(r.scope, 'records:all'))) return result;
    return suppressInterdependencies(result, new Map(reads.map((r) => [r.territory.code, r.input])), loadDisclosureControl(), {
      publicFlowIds: publicMetabolismFlowIds(reads.flatMap((r) => r.flows)),
    });
  }

  /** The whole interdependencies, every figure shown: facilitators of every territory. */
  async fullInterdependencies(who: Principal, codes: readonly string[]): Promise<InterdependencyResult> {
    const reads = await this.reads(who, codes, 'records:all');
    return interdependencies(
      reads.map((r) => ({ code: r.territory.code, name: r.territory.name, input: r.input })),
      this.families(),
    );
  }

  private async reads(who: Principal, codes: readonly string[], capability: Capability) {
    const unique = [...new Set(codes)];
    if (unique.length < 2) {
      const message = { fr: 'il faut au moins deux territoires différents', en: 'at least two different territories are needed' };
      throw invalid([{ path: 'query.territories', code: 'too_small', message }], message);
    }
    const reads = [];
    for (const code of unique) reads.push(await this.input(who, code, capability));
    return reads;
  }

  async exportInterdependencies(who: Principal, codes: readonly string[], format: 'csv' | 'xlsx'): Promise<Buffer> {
    const table = interdependencyTable(await this.fullInterdependencies(who, codes));
    return format === 'csv' ? tableToCsv(table) : tablesToWorkbook([{ name: 'interdependances', ...table }]);
  }
}
