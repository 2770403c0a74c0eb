import { ActorRepository } from './actors.js';
import { AggregateRepository } from './aggregates.js';
import { AnalysisRepository } from './analyses.js';
import { FlowRepository } from './flows.js';
import { ImportRunRepository } from './imports.js';
import { NeedRepository } from './needs.js';
import { SiteRepository } from './sites.js';
import { TerritoryRepository } from './territories.js';

export interface Repositories {
  territories: TerritoryRepository;
  actors: ActorRepository;
  sites: SiteRepository;
  flows: FlowRepository;
  needs: NeedRepository;
  imports: ImportRunRepository;
  analyses: AnalysisRepository;
  aggregates: AggregateRepository;
}

export function createRepositories(): Repositories {
  return {
    territories: new TerritoryRepository(),
    actors: new ActorRepository(),
    sites: new SiteRepository(),
    flows: new FlowRepository(),
    needs: new NeedRepository(),
    imports: new ImportRunRepository(),
    analyses: new AnalysisRepository(),
    aggregates: new AggregateRepository(),
  };
}

export type { PageOf, Page } from './sql.js';
