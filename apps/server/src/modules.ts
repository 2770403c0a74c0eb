/**
 * The server's capability modules, in one place: the services each one provides (built here in
 * dependency order, each from the platform and the services it uses) and the list of modules whose
 * routes the app registers (`MODULES`). Adding a capability adds its services here and its
 * manifest to `MODULES`.
 */
import type { Database } from './platform/db/database.js';
import { Access } from './platform/access/access.js';
import type { LoginThrottle } from './platform/access/login-throttle.js';
import { AuditLog } from './platform/audit/service.js';
import type { ModuleManifest } from './platform/http/module.js';
import type { Reference } from './platform/reference.js';
import { createRepositories } from './repositories.js';
import { AccountService, accountsModule, type ResetMailer } from './modules/accounts/index.js';
import { followupModule, SynergyFollowUpService } from './modules/followup/index.js';
import {
  interchangeModule,
  TerritoryDocumentService,
  TerritoryExportService,
  TerritoryImportService,
  workbookLists,
} from './modules/interchange/index.js';
import { MetabolismService, metabolismModule } from './modules/metabolism/index.js';
import { PrivacyService, privacyModule } from './modules/privacy/index.js';
import { referenceModule } from './modules/reference/index.js';
import { RelationshipLogService, relationshipsModule } from './modules/relationships/index.js';
import { SynergyAnalysisService, synergiesModule } from './modules/synergies/index.js';
import { TerritoryDataService, territoriesModule, type Geocoder } from './modules/territories/index.js';

export interface Services {
  territoryData: TerritoryDataService;
  territoryDocuments: TerritoryDocumentService;
  territoryImports: TerritoryImportService;
  territoryExports: TerritoryExportService;
  analyses: SynergyAnalysisService;
  metabolism: MetabolismService;
  access: Access;
  audit: AuditLog;
  accounts: AccountService;
  followUp: SynergyFollowUpService;
  privacy: PrivacyService;
  relationships: RelationshipLogService;
}

export interface ServiceOptions {
  geocoder?: Geocoder | undefined;
  mailer?: ResetMailer | undefined;
  log?: ((line: string) => void) | undefined;
  publicUrl?: string | undefined;
  throttle?: LoginThrottle | undefined;
}

export function createServices(db: Database, reference: Reference, options: ServiceOptions = {}): Services {
  const { geocoder } = options;
  const repos = createRepositories();
  const access = new Access(repos.territories);
  const audit = new AuditLog(db, repos, access);
  const territoryData = new TerritoryDataService(db, repos, reference, access, audit);
  const analyses = new SynergyAnalysisService(db, repos, territoryData, reference);
  return {
    territoryData,
    territoryDocuments: new TerritoryDocumentService(db, repos, reference, territoryData),
    territoryImports: new TerritoryImportService(db, repos, reference, territoryData, geocoder),
    territoryExports: new TerritoryExportService(db, repos, territoryData, workbookLists),
    analyses,
    metabolism: new MetabolismService(db, repos, territoryData, analyses, reference),
    access,
    audit,
    accounts: new AccountService(db, repos, access, audit, {
      mailer: options.mailer,
      log: options.log,
      publicUrl: options.publicUrl,
      throttle: options.throttle,
    }),
    followUp: new SynergyFollowUpService(db, repos, access, audit, reference),
    privacy: new PrivacyService(db, repos, audit),
    relationships: new RelationshipLogService(db, repos, access, audit),
  };
}

/** Every module, in the order its routes are registered and its tags listed in the API description. */
export const MODULES = [
  accountsModule,
  privacyModule,
  territoriesModule,
  interchangeModule,
  synergiesModule,
  metabolismModule,
  followupModule,
  relationshipsModule,
  referenceModule,
] as const satisfies readonly ModuleManifest<never>[];
