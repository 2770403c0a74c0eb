export { buildApp, createServices, workbookLists, BODY_LIMIT, type AppOptions, type Services, type Reference } from './app.js';
export { configFromEnv, type ServerConfig } from './config.js';
export { openDatabase, openPglite, openPostgres, type Database, type Queryable } from './platform/db/database.js';
export { migrate, readMigrations } from './platform/db/migrate.js';
export { startServer, type RunningServer } from './server.js';
export { loadDemoOnFirstStart, readDemoDocument, readNeighbourDemoDocument, DEMO_FILE, NEIGHBOUR_DEMO_FILE } from './modules/demo/demo.js';
export { AppError, NotFoundError, ConflictError, ERROR_CATALOGUE, type ErrorCode } from './platform/errors.js';
export { SYSTEM, ROLES, type Principal, type Role } from './platform/access/access.js';
export { AccountService, type User, type Me } from './modules/accounts/service.js';
export type { DocumentImportReport } from './modules/interchange/document.service.js';
export {
  TerritoryImportService,
  IMPORT_MODES,
  type ImportMode,
  type ImportReport,
  type ImportProgress,
} from './modules/interchange/import.service.js';
export { rowsOfFiles, limitsFromEnv, readJsonDocument, type ImportFile } from './modules/interchange/source.js';
export { parseJsonText } from './modules/interchange/json-reader.js';
export { UnreadableFileError, readCsv, readXlsx, DEFAULT_LIMITS, type RawRow, type ReadLimits } from './modules/interchange/read.js';
export { rejectedWorkbook, rejectedCsv } from './modules/interchange/rejected.js';
export { buildWorkbook, writeWorkbookFile } from './modules/interchange/workbook.js';
export { TerritoryExportService } from './modules/interchange/export.service.js';
export { BanGeocoder, geocoderFromEnv, type Geocoder } from './modules/territories/geocoder.js';
export { SynergyAnalysisService, type AnalysisRequest } from './modules/synergies/service.js';
export { MetabolismService } from './modules/metabolism/service.js';
export { openStore, migrateWithBackup, type Store, type StoreConfig } from './platform/db/store.js';
export { backupStore, restoreStore } from './platform/db/backup.js';
export { acquireDataLock, DataFolderBusyError, type DataLock } from './platform/db/data-lock.js';
