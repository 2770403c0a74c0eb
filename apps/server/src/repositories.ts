import { AccountRepository } from './modules/accounts/repository.js';
import { ActorRepository } from './modules/territories/actors.repository.js';
import { ApiKeyRepository } from './modules/accounts/api-keys.repository.js';
import { AuditRepository } from './platform/audit/repository.js';
import { PrivacyRepository } from './modules/privacy/repository.js';
import { AggregateRepository } from './modules/territories/aggregates.repository.js';
import { AnalysisRepository } from './modules/synergies/repository.js';
import { FlowRepository } from './modules/territories/flows.repository.js';
import { ImportRunRepository } from './modules/interchange/import-runs.repository.js';
import { NeedRepository } from './modules/territories/needs.repository.js';
import { SiteRepository } from './modules/territories/sites.repository.js';
import { SynergyCaseRepository } from './modules/followup/repository.js';
import { TerritoryRepository } from './modules/territories/territories.repository.js';

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

export type { PageOf, Page } from './platform/db/sql.js';
