/** Starts Boucles: opens the database, applies migrations, loads the demo, listens. */
import { join } from 'node:path';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createDemoAccounts, loadDemoOnFirstStart } from './demo.js';
import { limitsFromEnv } from './interchange/source.js';
import { geocoderFromEnv } from './services/geocoder.js';
import { smtpMailerFromEnv } from './services/mailer.js';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, log: (line: string) => void = console.log): Promise<RunningServer> {
  const pgliteDir = join(config.dataDir, 'pglite');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir, schema: config.databaseSchema });
  try {
    const applied = await migrate(db);
    if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);
    const { app, services } = await buildApp({
      db,
      reference: new ReferenceCatalog(),
      webDir: config.webDir,
      logger: config.logger,
      maxUploadBytes: config.maxUploadBytes,
      importLimits: limitsFromEnv(),
      geocoder: geocoderFromEnv(),
      mailer: smtpMailerFromEnv(process.env, log),
      log,
      publicUrl: config.publicUrl,
      secureCookies: config.secureCookies,
      oidc: config.oidc,
    });
    if (config.loadDemo) {
      const report = await loadDemoOnFirstStart(db, services.territoryDocuments);
      if (report) {
        const c = report.created;
        log(`Territoire de démonstration chargé : ${report.territory.name} — acteurs : ${c.actors}, sites : ${c.sites}, flux : ${c.flows}, besoins : ${c.needs}`);
      }
      if (report) await createDemoAccounts(db, services.accounts, log);
    }
    if ((await services.accounts.countUsers()) === 0) {
      log('Aucun compte utilisateur : créez le premier administrateur avec « npx boucles admin create --email … --name … ».');
    }
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${shownHost}:${port}`;
    log(`Boucles écoute sur ${url} — base de données : ${db.kind === 'pglite' ? `PGlite embarqué (${pgliteDir})` : 'PostgreSQL'}`);
    return {
      app,
      db,
      url,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}
