export { buildApp, createServices, BODY_LIMIT, type AppOptions, type Services, type Reference } from './app.js';
export { configFromEnv, type ServerConfig } from './config.js';
export { openDatabase, openPglite, openPostgres, type Database, type Queryable } from './db/database.js';
export { migrate, readMigrations } from './db/migrate.js';
export { startServer, type RunningServer } from './server.js';
export { loadDemoOnFirstStart, readDemoDocument, DEMO_FILE } from './demo.js';
export { HttpError, NotFoundError, ConflictError } from './errors.js';
export type { DocumentImportReport } from './services/territory-document.js';
