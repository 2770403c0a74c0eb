/**
 * Who is asking: the session cookie (browsers) or a bearer API key (other tools), resolved once
 * per request before any route runs. Routes pass `who(req)` to the services, which decide.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError, type Principal } from './access.js';

export const SESSION_COOKIE = 'boucles_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The session's token and CSRF token, when the request came with a live session cookie. */
    session: { token: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** Open to anonymous requests (health, sign-in, reference nomenclatures). */
    public?: boolean;
    /** A state-changing route that needs no CSRF token (sign-in, password reset: no session yet). */
    noCsrf?: boolean;
  }
}

/** The principal of an authenticated request (routes that are not public never see null). */
export function who(req: FastifyRequest): Principal {
  if (!req.principal) throw new UnauthenticatedError();
  return req.principal;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths open to anonymous requests: liveness, the API description, public nomenclatures, the blank template. */
const PUBLIC_PATHS = [/^\/api\/health$/, /^\/api\/openapi\.json$/, /^\/api\/reference\//, /^\/api\/templates\//];

export interface SessionCookieOptions {
  /** Adds `Secure`: set when the app is served over HTTPS (BOUCLES_SECURE_COOKIES=true). */
  secure: boolean;
}

export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; maxAgeSeconds: number },
  options: SessionCookieOptions,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: options.secure,
    maxAge: session.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, options: SessionCookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: options.secure });
}

const CSRF_REFUSED = new AppError('csrf');

/** Origin of the server as the browser sees it. */
function ownOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/**
 * Resolves the principal of every API request and enforces, before any handler:
 * sign-in on non-public routes; read-only API keys; the CSRF token and same Origin on
 * state-changing requests made with a session cookie.
 */
/**
 * Who is behind a session token or an API key: the accounts module answers (platform code does
 * not know how sessions and keys are stored).
 */
export interface Authenticator {
  fromSession(sessionToken: string): Promise<{ principal: Principal & { kind: 'user' }; csrfToken: string } | undefined>;
  fromApiKey(key: string): Promise<Principal | undefined>;
}

/** Whether the CSRF token sent matches the session's, compared in constant time. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function authenticate(app: FastifyInstance, accounts: Authenticator, options: { publicUrl?: string | undefined } = {}): void {
  // Behind a reverse proxy that terminates HTTPS, the request's own origin reads http://…: the
  // public address (PUBLIC_URL) is the origin browsers send.
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return;
    const config = req.routeOptions.config;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer (\S+)$/.exec(authorization);
      const principal = m?.[1] ? await accounts.fromApiKey(m[1]) : undefined;
      if (!principal) throw new AppError('invalid_api_key');
      if (!SAFE.has(req.method)) throw new AppError('read_only_key');
      req.principal = principal;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const live = await accounts.fromSession(token);
      if (live) {
        req.principal = live.principal;
        req.session = { token, csrfToken: live.csrfToken };
      }
    }
    if (!SAFE.has(req.method)) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== ownOrigin(req) && origin !== publicOrigin) throw CSRF_REFUSED;
      if (req.session && !config.noCsrf) {
        const given = req.headers['x-csrf-token'];
        if (!csrfMatches(req.session.csrfToken, typeof given === 'string' ? given : undefined)) throw CSRF_REFUSED;
      }
    }
    // A path no route answers gets its 404 from the not-found handler, signed in or not.
    const routed = req.routeOptions.url !== undefined;
    if (routed && !req.principal && !config.public && !PUBLIC_PATHS.some((p) => p.test(path))) throw new UnauthenticatedError();
  });
}
