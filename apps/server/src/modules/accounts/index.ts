/**
 * Accounts: users, sign-in (password and OpenID Connect), sessions, password reset, roles per
 * territory and API keys. Public interface: the account service and its types.
 */
import type { FastifyInstance } from 'fastify';
import type { SessionCookieOptions } from '../../platform/access/principal.js';
import type { AuditLog } from '../../platform/audit/service.js';
import { defineModule } from '../../platform/http/module.js';
import { authRoutes } from './auth.routes.js';
import { oidcRoutes } from './oidc.routes.js';
import type { OidcSignIn } from './oidc.js';
import type { AccountService } from './service.js';
import { userRoutes } from './users.routes.js';

export * from './service.js';
export { AccountRepository, type UserRecord, type RoleRecord } from './repository.js';
export { ApiKeyRepository } from './api-keys.repository.js';
export { OidcSignIn, oidcConfigFromEnv, publicUrlFromEnv, type OidcConfig } from './oidc.js';
export { smtpMailer, smtpMailerFromEnv, type SmtpMailer, type SmtpSettings } from './mailer.js';

export const accountsModule = defineModule({
  name: 'accounts',
  tags: [{ name: 'accounts', description: 'Sign-in, users, roles per territory, API keys, audit log' }],
  routes(
    app: FastifyInstance,
    s: { accounts: AccountService; audit: AuditLog; oidc: OidcSignIn | undefined; cookies: SessionCookieOptions },
  ) {
    authRoutes(app, s.accounts, s.cookies);
    oidcRoutes(app, s.accounts, s.oidc, s.cookies);
    userRoutes(app, s.accounts, s.audit);
  },
});
