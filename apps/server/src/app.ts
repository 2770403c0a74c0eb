/**
 * The HTTP application: validation at the boundary with bilingual errors, the API routes, the
 * OpenAPI document, and the built web app when there is one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { formatPath, parseBilingual } from '@boucles/engine';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type * as z from 'zod';
import type { Database } from './platform/db/database.js';
import { AppError, invalid, toAppError } from './platform/errors.js';
import { openApiOptions } from './platform/http/openapi.js';
import type { LoginThrottle } from './platform/access/login-throttle.js';
import { authenticate } from './platform/access/principal.js';
import type { Reference } from './platform/reference.js';
import { DEFAULT_LIMITS, workbookLists, type ReadLimits } from './modules/interchange/index.js';
import { OidcSignIn, type OidcConfig, type ResetMailer } from './modules/accounts/index.js';
import type { Geocoder } from './modules/territories/index.js';
import { createServices, MODULES, type Services } from './modules.js';

export { createServices, workbookLists, type Services, type Reference };
export type { ServiceOptions } from './modules.js';

/** Largest JSON body accepted: 1 MiB. Bulk data goes through the import routes. */
export const BODY_LIMIT = 1_048_576;

export interface AppOptions {
  db: Database;
  reference: Reference;
  /** Folder of a built single-page app to serve at `/`, if any. */
  webDir?: string | undefined;
  logger?: boolean;
  version?: string;
  /** Largest uploaded file for imports, in bytes (default 200 MiB). */
  maxUploadBytes?: number;
  importLimits?: ReadLimits;
  /** Places sites given with an address only (BAN); none: such sites stay not located. */
  geocoder?: Geocoder | undefined;
  /** Session cookies marked `Secure` (BOUCLES_SECURE_COOKIES=true behind HTTPS). */
  secureCookies?: boolean | undefined;
  /** Sends password-reset messages (SMTP_URL); without one, the reset link goes to `log`. */
  mailer?: ResetMailer | undefined;
  log?: ((line: string) => void) | undefined;
  /** The app's public address, for links in messages and the OpenID Connect redirect (PUBLIC_URL). */
  publicUrl?: string | undefined;
  /** Sign-in through an OpenID Connect provider (OIDC_ISSUER…); none: e-mail and password only. */
  oidc?: OidcConfig | undefined;
  /** Sign-in throttling (tests give their own limits). */
  throttle?: LoginThrottle | undefined;
}

/** How long /api/health waits for the database before answering that it is busy. */
const HEALTH_DATABASE_WAIT_MS = 1000;

const PART_PREFIX: Record<string, string> = { body: '', querystring: 'query', params: 'params', headers: 'headers' };

/**
 * The security headers of every answer (ADR 0010): a Content-Security-Policy that lets the built
 * web app run and nothing else (its own scripts, styles, fonts and API; MapLibre's workers from
 * blob: URLs; images and fonts from data: and blob: URLs, which MapLibre and ECharts make), no
 * framing (`frame-ancestors 'none'`, X-Frame-Options DENY), no MIME sniffing, no referrer, and,
 * when the public address is HTTPS, Strict-Transport-Security and upgraded requests.
 */
export function securityHeaders(publicUrl: string | undefined): FastifyHelmetOptions {
  const https = publicUrl?.startsWith('https://') ?? false;
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/** A route of the API: what the authorisation matrix test checks one by one. */
export interface RouteEntry {
  method: string;
  url: string;
}

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; services: Services; routes: RouteEntry[] }> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    bodyLimit: BODY_LIMIT,
    // The server may sit behind a reverse proxy; request IDs are generated, never taken from clients.
    genReqId: (() => {
      let n = 0;
      return () => `req-${(++n).toString(36)}`;
    })(),
  });
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  const services = createServices(options.db, options.reference, options);
  const cookies = { secure: options.secureCookies ?? false };

  app.setValidatorCompiler<z.ZodType>(({ schema, httpPart }) => (data) => {
    const result = parseBilingual(schema, data);
    if (result.ok) return { value: result.value };
    const prefix = PART_PREFIX[httpPart ?? 'body'] ?? '';
    return {
      error: invalid(result.issues.map((i) => ({ ...i, path: prefix ? formatPath([prefix]) + (i.path ? `.${i.path}` : '') : i.path }))),
    };
  });
  app.setSerializerCompiler(serializerCompiler);

  // Responses over 1 KiB are compressed when the client accepts it: an analysis of a territory is
  // tens of megabytes of JSON (every check and impact with its method), a tenth of that compressed.
  await app.register(fastifyHelmet, securityHeaders(options.publicUrl));
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['gzip'] });
  await app.register(fastifyCookie);
  authenticate(app, services.accounts, { publicUrl: options.publicUrl });
  await app.register(
    fastifySwagger,
    openApiOptions({
      version: options.version ?? '0.1.0',
      tags: [{ name: 'system', description: 'Health and API description' }, ...MODULES.flatMap((m) => m.tags)],
    }),
  );

  // Every error goes through the one catalogue (platform/errors.ts): its code's status, the same body everywhere.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // An error is never a download, whatever the route had set before it failed.
    reply.removeHeader('content-disposition');
    const error = toAppError(err, { bodyLimit: BODY_LIMIT });
    if (error.code === 'internal') req.log.error({ err }, 'unhandled error');
    return reply.code(error.status).send(error.body());
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  // Liveness: the process answers, and says whether the database answered within a second. A
  // database busy with a long statement (the final step of a large import holds PGlite for
  // seconds) is not a dead server: the answer says `busy` instead of making the probe wait; a
  // database that fails answers 500.
  r.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database kind; busy: true when the database did not answer within a second',
        hide: false,
      },
    },
    async () => {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<'busy'>((resolve) => (timer = setTimeout(() => resolve('busy'), HEALTH_DATABASE_WAIT_MS)));
      try {
        const state = await Promise.race([options.db.ping().then(() => 'ok' as const), waited]);
        return state === 'ok' ? { status: 'ok', database: options.db.kind } : { status: 'ok', database: options.db.kind, busy: true };
      } finally {
        clearTimeout(timer);
      }
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const routeServices = {
    ...services,
    reference: options.reference,
    cookies,
    oidc: options.oidc ? new OidcSignIn(options.oidc, { accounts: services.accounts, audit: services.audit, db: options.db }) : undefined,
    uploads: { maxUploadBytes: options.maxUploadBytes ?? 200 * 1024 * 1024, limits: options.importLimits ?? DEFAULT_LIMITS },
  };
  for (const module of MODULES) module.routes(app, routeServices);

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
      // Single-page app: client-side routes are answered with the app's entry point.
      return reply.type('text/html').sendFile('index.html');
    }
    const error = new AppError('not_found', { fr: `rien à l'adresse ${req.method} ${path}`, en: `nothing at ${req.method} ${path}` });
    return reply.code(error.status).send(error.body());
  });

  return { app, services, routes };
}
