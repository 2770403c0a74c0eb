import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oidcConfigFromEnv, publicUrlFromEnv, type OidcConfig } from './modules/accounts/oidc.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL server URL; embedded PGlite when absent. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to work in (created if absent); the server's default search path when absent. */
  databaseSchema: string | undefined;
  /** Folder for local data: the embedded database lives in its `pglite/` subfolder. */
  dataDir: string;
  /** Load the demo territory into an empty database on first start. */
  loadDemo: boolean;
  webDir: string | undefined;
  logger: boolean;
  /** Largest file accepted by the import route, in bytes (BOUCLES_IMPORT_MAX_MB, default 200). */
  maxUploadBytes: number;
  /** The app's public address (PUBLIC_URL), for links in messages and the OpenID Connect redirection. */
  publicUrl: string | undefined;
  /** Session cookies marked `Secure` (BOUCLES_SECURE_COOKIES; by default when PUBLIC_URL is https). */
  secureCookies: boolean;
  /** Sign-in through an OpenID Connect provider (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET…). */
  oidc: OidcConfig | undefined;
}

function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function port(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  return n;
}

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Reads the configuration from environment variables (see README, "Configuration"). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const publicUrl = publicUrlFromEnv(env);
  const webDir = env.BOUCLES_WEB_DIR ? resolve(env.BOUCLES_WEB_DIR) : existsSync(DEFAULT_WEB_DIR) ? DEFAULT_WEB_DIR : undefined;
  return {
    port: port(env.PORT),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    dataDir: resolve(env.BOUCLES_DATA_DIR || 'data'),
    loadDemo: env.BOUCLES_DEMO !== '0' && env.BOUCLES_DEMO !== 'false',
    webDir,
    logger: env.BOUCLES_LOG !== '0',
    maxUploadBytes: (Number(env.BOUCLES_IMPORT_MAX_MB) > 0 ? Number(env.BOUCLES_IMPORT_MAX_MB) : 200) * 1024 * 1024,
    publicUrl,
    secureCookies: flag('BOUCLES_SECURE_COOKIES', env.BOUCLES_SECURE_COOKIES, publicUrl?.startsWith('https:') ?? false),
    oidc: oidcConfigFromEnv(env),
  };
}
