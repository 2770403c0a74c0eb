/**
 * Sign-in through an OpenID Connect provider (the local authority's, or ProConnect): the
 * authorization-code flow with PKCE, state and nonce (openid-client). Only accounts created
 * beforehand by an administrator can sign in; an account is linked to the provider's subject at its
 * first sign-in, by an e-mail address the provider says it verified.
 *
 * What the browser must bring back (state, nonce, PKCE verifier) travels in a short-lived cookie,
 * encrypted and authenticated (AES-256-GCM) with a key derived from the client secret, so that any
 * instance of the server can finish a sign-in another one started and nothing is kept in memory
 * for anonymous requests.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Database } from '../../platform/db/database.js';
import type { AccountService } from './service.js';
import type { AuditLog } from '../../platform/audit/service.js';

export interface OidcConfig {
  /** The provider's issuer identifier; its metadata is read from `/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button says ("ProConnect", "Compte de la métropole"…). */
  label: string;
  /** The scopes asked for, space-separated; `openid` and `email` are needed. */
  scopes: string;
  /** PUBLIC_URL + /api/auth/oidc/callback, registered at the provider. */
  redirectUri: string;
  /**
   * `OIDC_EMAILS_TRUSTED=true`: an e-mail the provider gives without `email_verified` counts as
   * verified (a federation such as ProConnect, whose identity providers vouch for their agents'
   * addresses and do not send the claim). An e-mail marked `email_verified: false` never counts.
   */
  emailsTrusted?: boolean | undefined;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** How long a sign-in may take at the provider. */
export const OIDC_PENDING_SECONDS = 600;
const DEFAULT_SCOPES = 'openid email profile';
const DEFAULT_LABEL = 'ProConnect';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

/**
 * The OpenID Connect configuration of `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`,
 * `OIDC_LABEL`, `OIDC_SCOPES` and `PUBLIC_URL`; undefined when `OIDC_ISSUER` is not set. An
 * incomplete configuration is an error, so that the server does not start half-configured.
 */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL'].filter((k) => !env[k]?.trim());
  if (missing.length) throw new Error(`OIDC_ISSUER is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER must be a URL, got "${issuer}"`);
  }
  if (issuerUrl.protocol !== 'https:' && !isLoopbackHttp(issuerUrl))
    throw new Error('OIDC_ISSUER must be an https:// URL (http:// only on this machine, for tests)');
  const scopes = (env.OIDC_SCOPES?.trim() || DEFAULT_SCOPES).split(/\s+/);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  return {
    issuer,
    clientId: (env.OIDC_CLIENT_ID ?? '').trim(),
    clientSecret: (env.OIDC_CLIENT_SECRET ?? '').trim(),
    label: env.OIDC_LABEL?.trim() || DEFAULT_LABEL,
    scopes: scopes.join(' '),
    redirectUri: `${publicUrlFromEnv(env) ?? ''}${OIDC_CALLBACK_PATH}`,
    emailsTrusted: env.OIDC_EMAILS_TRUSTED?.trim() === 'true',
  };
}

/** `PUBLIC_URL` without its trailing slash; undefined when not set. */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://boucles.example.org, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be an http(s):// URL, got "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

/** What the sign-in came to: a session, or the reason it was refused (for the sign-in page). */
export type OidcOutcome =
  | { ok: true; userId: string; session: { token: string; csrfToken: string; maxAgeSeconds: number }; returnTo: string }
  | { ok: false; reason: 'unknown_account' | 'failed'; detail: string };

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  expiresAt: number;
}

/** A path of this app to go back to after signing in (never another site). */
export function safeReturnPath(raw: string | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.length > 2000) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(raw) || raw.startsWith('/api/')) return '/';
  return raw;
}

export class OidcSignIn {
  private discovered: Promise<client.Configuration> | undefined;
  private readonly key: Buffer;

  constructor(
    readonly config: OidcConfig,
    private readonly deps: { accounts: AccountService; audit?: AuditLog | undefined; db?: Database | undefined },
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.clientSecret, 'boucles', 'oidc pending sign-in', 32));
  }

  get label(): string {
    return this.config.label;
  }

  /** The provider's metadata, read once; a failed reading is tried again at the next sign-in. */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((e: unknown) => {
      this.discovered = undefined;
      throw e;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const issuer = new URL(this.config.issuer);
    const insecure = isLoopbackHttp(issuer);
    const found = await client.discovery(issuer, this.config.clientId, undefined, undefined, {
      timeout: 10,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    const server = found.serverMetadata();
    // client_secret_basic is the default of OpenID Connect; client_secret_post when it is the only one.
    const methods = server.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    const auth =
      methods.includes('client_secret_basic') || !methods.includes('client_secret_post')
        ? client.ClientSecretBasic(this.config.clientSecret)
        : client.ClientSecretPost(this.config.clientSecret);
    const configuration = new client.Configuration(server, this.config.clientId, { client_secret: this.config.clientSecret }, auth);
    configuration.timeout = 10;
    if (insecure) client.allowInsecureRequests(configuration);
    return configuration;
  }

  /** Starts a sign-in: where to send the browser, and the sealed cookie it must bring back. */
  async start(returnTo?: string): Promise<{ url: string; pending: string }> {
    const configuration = await this.configuration();
    const pending: Pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(returnTo),
      expiresAt: Math.floor(Date.now() / 1000) + OIDC_PENDING_SECONDS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending: this.seal(pending) };
  }

  /**
   * Finishes a sign-in on the provider's answer (the callback's query string): checks state,
   * PKCE, nonce and the ID token, then finds the account. A new session is opened for it.
   */
  async finish(query: string, sealed: string | undefined): Promise<OidcOutcome> {
    const pending = sealed ? this.open(sealed) : undefined;
    if (!pending) return { ok: false, reason: 'failed', detail: 'no pending sign-in in this browser, or it expired' };
    const current = new URL(this.config.redirectUri);
    current.search = query;
    let issuer: string;
    let subject: string;
    let email: string | undefined;
    let emailVerified: boolean;
    try {
      const configuration = await this.configuration();
      issuer = configuration.serverMetadata().issuer;
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) return { ok: false, reason: 'failed', detail: 'no ID token' };
      subject = claims.sub;
      let source: Record<string, unknown> = claims;
      // Providers that follow the specification to the letter give the scopes' claims at the
      // UserInfo endpoint only; e-mail and its verification are taken together from one source.
      if (typeof claims.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
        source = await client.fetchUserInfo(configuration, tokens.access_token, subject);
      }
      email = typeof source.email === 'string' ? source.email : undefined;
      emailVerified = source.email_verified === true || (this.config.emailsTrusted === true && source.email_verified === undefined);
    } catch (e) {
      return { ok: false, reason: 'failed', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    const userId = await this.deps.accounts.userForOidc(issuer, subject, email, emailVerified);
    if (!userId) {
      return {
        ok: false,
        reason: 'unknown_account',
        detail: email && !emailVerified ? 'the provider did not verify the e-mail address' : 'no account for this identity',
      };
    }
    const session = await this.deps.accounts.startSession(userId);
    if (this.deps.audit && this.deps.db) {
      await this.deps.audit.record(
        this.deps.db,
        { kind: 'user', userId, email: '', displayName: '', isAdmin: false, grants: [] },
        { action: 'sign-in', entity: 'session', details: { method: 'oidc', issuer } },
      );
    }
    return { ok: true, userId, session, returnTo: pending.returnTo };
  }

  private seal(pending: Pending): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  private open(sealed: string): Pending | undefined {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length < 29 || raw.length > 4096) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const p = JSON.parse(json) as Partial<Pending>;
      if (
        typeof p.state !== 'string' ||
        typeof p.nonce !== 'string' ||
        typeof p.verifier !== 'string' ||
        typeof p.returnTo !== 'string' ||
        typeof p.expiresAt !== 'number'
      )
        return undefined;
      if (p.expiresAt < Date.now() / 1000) return undefined;
      return { state: p.state, nonce: p.nonce, verifier: p.verifier, returnTo: safeReturnPath(p.returnTo), expiresAt: p.expiresAt };
    } catch {
      return undefined;
    }
  }
}
