#!/usr/bin/env node
/** `npm start`: the Boucles server, configured by environment variables. */
import { configFromEnv } from './config.js';
import { startServer } from './server.js';

try {
  const server = await startServer(configFromEnv());
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`${signal} reçu, arrêt…`);
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (e) {
  console.error(`Boucles n'a pas pu démarrer : ${(e as Error).message}`);
  process.exit(1);
}
