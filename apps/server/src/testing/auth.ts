/**
 * Signed-in requests for tests: users are created through the account service and given a
 * session the way sign-in gives one (cookie and CSRF token), without paying Argon2 each time.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Services } from '../app.js';
import { SESSION_COOKIE } from '../platform/access/principal.js';
import { SYSTEM, type Role } from '../platform/access/access.js';

export interface TestClient {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  /** `app.inject` with this user's session cookie and CSRF token. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A JSON request: status and parsed body. */
  json<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }>;
}

export interface TestUser {
  email?: string | undefined;
  displayName?: string | undefined;
  isAdmin?: boolean | undefined;
  roles?: { territoryCode: string; role: Role; actorId?: string | null | undefined }[] | undefined;
}

/** A client for an existing user: a fresh session. */
export async function clientFor(
  app: FastifyInstance,
  services: Pick<Services, 'accounts'>,
  userId: string,
  email: string,
): Promise<TestClient> {
  const session = await services.accounts.startSession(userId);
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  const inject = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...options.headers, cookie, 'x-csrf-token': session.csrfToken } });
  return {
    userId,
    email,
    cookie,
    csrfToken: session.csrfToken,
    inject,
    async json<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
      const r = await inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: r.statusCode, body: (r.body && r.headers['content-type']?.toString().includes('json') ? r.json() : {}) as T };
    },
  };
}

/** Creates a user (a platform administrator unless roles are given) and signs it in. */
export async function signedIn(app: FastifyInstance, services: Pick<Services, 'accounts'>, user: TestUser = {}): Promise<TestClient> {
  const email = user.email ?? `user-${randomBytes(4).toString('hex')}@example.org`;
  const created = await services.accounts.createUser(SYSTEM, {
    email,
    displayName: user.displayName ?? email,
    isAdmin: user.isAdmin ?? user.roles === undefined,
    roles: user.roles,
  });
  return clientFor(app, services, created.id, email);
}
