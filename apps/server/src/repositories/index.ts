import { AccountRepository } from './accounts.js';
import { ActorRepository } from './actors.js';
import { ApiKeyRepository } from './api-keys.js';
import { AuditRepository } from './audit.js';
import { PrivacyRepository } from './privacy.js';
import { AggregateRepository } from './aggregates.js';
import { AnalysisRepository } from './analyses.js';
import { FlowRepository } from './flows.js';
import { ImportRunRepository } from './imports.js';
import { NeedRepository } from './needs.js';
import { SiteRepository } from './sites.js';
import { SynergyCaseRepository } from './synergy-cases.js';
import { TerritoryRepository } from './territories.js';

export interface Repositories {
  accounts: AccountRepository;
  apiKeys: ApiKeyRepository;
  audit: AuditRepository;
  privacy: PrivacyRepository;
  territories: TerritoryRepository;
  actors: ActorRepository;
  sites: SiteRepository;
  flows: FlowRepository;
  needs: NeedRepository;
  imports: ImportRunRepository;
  analyses: AnalysisRepository;
  aggregates: AggregateRepository;
  synergyCases: SynergyCaseRepository;
}

export function createRepositories(): Repositories {
  return {
    accounts: new AccountRepository(),
    apiKeys: new ApiKeyRepository(),
    audit: new AuditRepository(),
    privacy: new PrivacyRepository(),
    territories: new TerritoryRepository(),
    actors: new ActorRepository(),
    sites: new SiteRepository(),
    flows: new FlowRepository(),
    needs: new NeedRepository(),
    imports: new ImportRunRepository(),
    analyses: new AnalysisRepository(),
    aggregates: new AggregateRepository(),
    synergyCases: new SynergyCaseRepository(),
  };
}

export type { PageOf, Page } from './sql.js';
