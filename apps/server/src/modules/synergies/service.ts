/**
 * Synergy analyses of a stored territory: reads its actors, sites, flows and needs, runs the
 * engine's analysis with the built-in rules (or rules given instead), the impact factors and the
 * mutualisation parameters, and stores the result with the versions that produced it.
 */
import {
  analyse,
  analysisFlow,
  annualBaseQuantity,
  loadSolver,
  type AnalysisResult,
  type CompatibilityRule,
  type LpSolver,
  type ScoreWeights,
  type UnitTable,
} from '@boucles/engine';
import { loadCompatibilityRules, loadImpactFactors, loadMutualisationParameters } from '@boucles/reference-data';
import type { Database } from '../../platform/db/database.js';
import { AppError, NotFoundError } from '../../platform/errors.js';
import type { AnalysisRun } from './repository.js';
import type { ActorRepository, FlowRepository, NeedRepository, SiteRepository } from '../territories/index.js';
import type { AnalysisRepository } from './repository.js';
import type { TerritoryDataService } from '../territories/index.js';
import type { Principal } from '../../platform/access/access.js';

export interface AnalysisRequest {
  objective: 'co2' | 'cost';
  k?: number | undefined;
  weights?: Partial<ScoreWeights> | undefined;
  /** Rules replacing the built-in ones (already validated against the rules schema). */
  rules?: { version: string; rules: readonly CompatibilityRule[]; source: string } | undefined;
}

const ANALYSIS = { fr: 'Analyse', en: 'Analysis' };

/** The repositories this service reads and writes. */
export interface AnalysisRepos {
  actors: ActorRepository;
  analyses: AnalysisRepository;
  flows: FlowRepository;
  needs: NeedRepository;
  sites: SiteRepository;
}

export class SynergyAnalysisService {
  private solver: Promise<LpSolver> | undefined;
  /** One analysis at a time per process: each holds a territory's data and a solver. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly repos: AnalysisRepos,
    private readonly territories: TerritoryDataService,
    private readonly units: UnitTable,
  ) {}

  /** Runs the analysis on the territory's current data, without storing it. */
  async compute(
    who: Principal,
    code: string,
    request: AnalysisRequest,
  ): Promise<{ territoryId: string; result: AnalysisResult; seconds: number; rulesSource: string }> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    const [actors, sites, flows, needs] = await Promise.all([
      this.repos.actors.all(this.db, territory.id),
      this.repos.sites.all(this.db, territory.id),
      this.repos.flows.all(this.db, territory.id),
      this.repos.needs.all(this.db, territory.id),
    ]);
    const builtIn = loadCompatibilityRules();
    const rules = request.rules ?? { version: builtIn.version, rules: builtIn.rules, source: 'built-in' };
    const mutualisation = loadMutualisationParameters();
    // Loaded once per process; a failed load is tried again next time rather than kept.
    this.solver ??= loadSolver().catch((e: unknown) => {
      this.solver = undefined;
      throw e;
    });
    const solver = await this.solver;
    const started = performance.now();
    const work = this.running.then(() =>
      analyse(
        {
          // SIRET, names, descriptions and external IDs let the engine tell records apart by
          // content: it ranks and breaks ties by content, never by these rows' generated IDs.
          actors: actors.map((a) => ({ id: a.id, name: a.name, nafCode: a.nafCode, siret: a.siret, externalId: a.externalId })),
          sites: sites.map((s) => ({ id: s.id, actorId: s.actorId, location: s.location, name: s.name, externalId: s.externalId })),
          flows: flows.map((f) => analysisFlow(f, this.units)),
          needs: needs.map((n) => ({
            id: n.id,
            actorId: n.actorId,
            category: n.category,
            resourceCode: n.resourceCode,
            annualQuantity: n.quantity ? annualBaseQuantity(n.quantity, this.units) : null,
            description: n.description,
            externalId: n.externalId,
          })),
        },
        {
          rules: rules.rules,
          rulesVersion: rules.version,
          impacts: loadImpactFactors(),
          mutualisation,
          objective: request.objective,
          k: request.k,
          weights: request.weights,
          solver,
        },
      ),
    );
    this.running = work.catch(() => undefined);
    let result: AnalysisResult;
    try {
      result = await work;
    } catch (e) {
      if (e instanceof RangeError)
        throw new AppError('invalid_analysis', { fr: `Analyse impossible : ${e.message}`, en: `Cannot analyse: ${e.message}` });
      throw e;
    }
    return { territoryId: territory.id, result, seconds: (performance.now() - started) / 1000, rulesSource: rules.source };
  }

  /** Runs the analysis and stores it. */
  async run(who: Principal, code: string, request: AnalysisRequest): Promise<AnalysisRun & { result: AnalysisResult }> {
    const { territoryId, result, seconds, rulesSource } = await this.compute(who, code, request);
    const run = await this.repos.analyses.insert(this.db, territoryId, {
      engineVersion: result.engineVersion,
      rulesVersion: result.rulesVersion,
      rulesSource,
      impactFactorsVersion: result.impactFactorsVersion,
      objective: result.objective,
      k: result.k,
      seconds,
      summary: result.summary,
      result,
    });
    await this.territories.audit.record(this.db, who, {
      territoryId,
      action: 'analyse',
      entity: 'synergy_analysis',
      entityId: run.id,
      details: { objective: result.objective, rules: rulesSource },
    });
    return { ...run, result };
  }

  /** The analyses of a territory, whole: facilitators (companies see theirs through the follow-up service). */
  async list(who: Principal, code: string, limit = 50): Promise<AnalysisRun[]> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    return this.repos.analyses.list(this.db, territory.id, limit);
  }

  async get(who: Principal, code: string, id: string | 'latest'): Promise<AnalysisRun & { result: AnalysisResult }> {
    const territory = (await this.territories.access.scope(this.db, who, code, 'territory:facilitate')).territory;
    return this.stored(territory.id, id);
  }

  /** A stored analysis of a territory, with no authorisation check: for services that checked theirs. */
  async stored(territoryId: string, id: string | 'latest'): Promise<AnalysisRun & { result: AnalysisResult }> {
    const run = await this.repos.analyses.get(this.db, territoryId, id);
    if (!run) throw new NotFoundError(ANALYSIS);
    return run as AnalysisRun & { result: AnalysisResult };
  }
}
