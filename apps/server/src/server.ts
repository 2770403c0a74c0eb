/** Starts Boucles: opens the database, applies migrations, loads the demo, listens. */
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import type { Database } from './platform/db/database.js';
import { migrateWithBackup, openStore } from './platform/db/store.js';
import { loadDemoOnFirstStart } from './modules/demo/demo.js';
import { dropAbandonedStages } from './platform/db/bulk.js';
import { sweepStaleUploads } from './modules/interchange/imports.routes.js';
import { limitsFromEnv } from './modules/interchange/source.js';
import { geocoderFromEnv } from './modules/territories/geocoder.js';
import { smtpMailerFromEnv } from './modules/accounts/mailer.js';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, log: (line: string) => void = console.log): Promise<RunningServer> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema }, 'server', log);
  const { db, pgliteDir } = store;
  try {
    sweepStaleUploads();
    const applied = await migrateWithBackup(store, log);
    if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);
    const abandoned = await dropAbandonedStages(db, db.kind === 'pglite');
    if (abandoned)
      log(`Import interrompu au dernier arrêt : ${abandoned} lot(s) de lignes en attente supprimés, rien n’en avait été écrit.`);
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
    if (config.loadDemo) await loadDemoOnFirstStart(db, services.territoryDocuments, services.accounts, log);
    if ((await services.accounts.countUsers()) === 0) {
      log('Aucun compte utilisateur : créez le premier administrateur avec « npx boucles admin create --email … --name … ».');
    }
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost =
      config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${shownHost}:${port}`;
    store.lock?.setUrl(url);
    log(`Boucles écoute sur ${url} — base de données : ${db.kind === 'pglite' ? `PGlite embarqué (${pgliteDir})` : 'PostgreSQL'}`);
    return {
      app,
      db,
      url,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}
