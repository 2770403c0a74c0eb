/**
 * Sign-in through an OpenID Connect provider: thin, `OidcSignIn` checks the provider's answer and
 * the account service decides who may sign in. Browser navigations, so failures are redirections
 * to the sign-in page with a reason (`/connexion?erreur=…`), never JSON.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { AccountService } from './service.js';
import { OIDC_CALLBACK_PATH, OIDC_PENDING_SECONDS, type OidcSignIn } from './oidc.js';
import { setSessionCookie, type SessionCookieOptions } from '../../platform/access/principal.js';

/** The cookie that carries a sign-in in progress from `/login` to `/callback`. */
export const OIDC_COOKIE = 'boucles_oidc';
const COOKIE_PATH = '/api/auth/oidc';
const tags = ['accounts'];

/** Reasons shown by the sign-in page. */
export const OIDC_ERRORS = { unknown_account: 'compte-inconnu', failed: 'oidc-echec', disabled: 'oidc-inactif' } as const;

const signInPage = (reason: keyof typeof OIDC_ERRORS): string => `/connexion?erreur=${OIDC_ERRORS[reason]}`;

export function oidcRoutes(
  app: FastifyInstance,
  accounts: AccountService,
  oidc: OidcSignIn | undefined,
  cookies: SessionCookieOptions,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pendingCookie = { httpOnly: true, sameSite: 'lax', path: COOKIE_PATH, secure: cookies.secure } as const;
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  r.get(
    '/api/auth/oidc',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Whether sign-in through an OpenID Connect provider is offered, and the button’s label',
        response: { 200: z.object({ enabled: z.boolean(), label: z.string().nullable() }) },
      },
    },
    async () => ({ enabled: oidc !== undefined, label: oidc?.label ?? null }),
  );

  r.get(
    '/api/auth/oidc/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Start signing in at the OpenID Connect provider (redirection); `retour` is the page to come back to',
        querystring: z.object({ retour: z.string().max(2000).optional() }),
      },
    },
    async (req, reply) => {
      noStore(reply);
      if (!oidc) return reply.redirect(signInPage('disabled'), 303);
      let started: { url: string; pending: string };
      try {
        started = await oidc.start(req.query.retour);
      } catch (e) {
        req.log.warn({ err: e }, 'OpenID Connect provider unreachable');
        return reply.redirect(signInPage('failed'), 303);
      }
      reply.setCookie(OIDC_COOKIE, started.pending, { ...pendingCookie, maxAge: OIDC_PENDING_SECONDS });
      return reply.redirect(started.url, 303);
    },
  );

  r.get(
    OIDC_CALLBACK_PATH,
    {
      config: { public: true },
      schema: { tags, summary: 'The provider’s answer: opens a session for an account created beforehand, then goes to the app' },
    },
    async (req, reply) => {
      noStore(reply);
      if (!oidc) return reply.redirect(signInPage('disabled'), 303);
      // The pending sign-in is used once, whatever comes of it.
      reply.clearCookie(OIDC_COOKIE, pendingCookie);
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const outcome = await oidc.finish(query, req.cookies[OIDC_COOKIE]);
      if (!outcome.ok) {
        req.log.warn({ reason: outcome.reason, detail: outcome.detail }, 'OpenID Connect sign-in refused');
        return reply.redirect(signInPage(outcome.reason), 303);
      }
      // Whatever session the browser had is ended: a new token is issued (no fixation).
      if (req.session) await accounts.logout(req.session.token);
      setSessionCookie(reply, outcome.session, cookies);
      return reply.redirect(outcome.returnTo, 303);
    },
  );
}
