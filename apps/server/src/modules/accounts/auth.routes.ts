/** Sign-in, sign-out, the signed-in user, passwords: thin, the account service decides. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { TooManyAttemptsError, type AccountService } from './service.js';
import { clearSessionCookie, setSessionCookie, who, type SessionCookieOptions } from '../../platform/access/principal.js';
import { errorSchema } from '../../platform/http/schemas.js';

const email = z.string().trim().min(3).max(254);
const password = z.string().min(1).max(256);
const tags = ['accounts'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema };

export const roleSchema = z.enum(['administrator', 'facilitator', 'contributor', 'reader']);

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    isAdmin: z.boolean(),
    csrfToken: z.string(),
    roles: z.array(
      z.object({
        id: z.string(),
        territoryCode: z.string(),
        territoryName: z.string(),
        role: roleSchema,
        actorId: z.string().nullable(),
        actorName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Me' });

export function authRoutes(app: FastifyInstance, accounts: AccountService, cookies: SessionCookieOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      config: { public: true, noCsrf: true },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password: sets the session cookie (a new one every time)',
        body: z.strictObject({ email, password }),
        response: { 200: meSchema, ...errors },
      },
    },
    async (req, reply) => {
      try {
        const session = await accounts.login(req.body.email, req.body.password, req.ip);
        // Whatever session the browser had is ended: a new token is issued (no fixation).
        if (req.session) await accounts.logout(req.session.token);
        setSessionCookie(reply, session, cookies);
        return accounts.meOf(session.userId, session.csrfToken);
      } catch (e) {
        if (e instanceof TooManyAttemptsError) reply.header('retry-after', String(e.retryAfterSeconds));
        throw e;
      }
    },
  );
  r.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'Sign out: the session ends on the server', response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      if (req.session) await accounts.logout(req.session.token);
      clearSessionCookie(reply, cookies);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, its roles and the CSRF token to send on changes',
        response: { 200: meSchema, ...errors },
      },
    },
    (req) => accounts.me(who(req), req.session?.csrfToken ?? ''),
  );
  r.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change one’s password (the other sessions end)',
        body: z.strictObject({ currentPassword: password, newPassword: password }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await accounts.changePassword(who(req), req.body.currentPassword, req.body.newPassword, req.session?.token ?? '');
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/auth/password-reset',
    {
      config: { public: true, noCsrf: true },
      schema: {
        tags,
        summary: 'Ask for a reset link (always 202: whether the address has an account is not told)',
        body: z.strictObject({ email }),
        response: { 202: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await accounts.requestReset(req.body.email, req.ip);
      return reply.code(202).send(null);
    },
  );
  r.post(
    '/api/auth/password-reset/confirm',
    {
      config: { public: true, noCsrf: true },
      schema: {
        tags,
        summary: 'Set a new password with a reset token (all sessions end)',
        body: z.strictObject({ token: z.string().min(1).max(200), newPassword: password }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await accounts.confirmReset(req.body.token, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );
}
