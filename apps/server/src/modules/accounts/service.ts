/**
 * Accounts: users with Argon2id-hashed passwords, their roles per territory, sessions, password
 * resets and API keys. Authorisation of every use case is checked here, not in the routes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ROLE_DEFINITIONS } from '@boucles/engine';
import type { Database, Queryable } from '../../platform/db/database.js';
import { AppError, ConflictError, invalid, isForeignKeyViolation, isUniqueViolation, NotFoundError } from '../../platform/errors.js';
import type { RoleRecord, UserRecord } from './repository.js';
import type { ApiKeyRecord } from './api-keys.repository.js';
import type { ApiKeyRepository } from './api-keys.repository.js';
import type { AccountRepository } from './repository.js';
import type { Access } from '../../platform/access/access.js';
import { ForbiddenError, requirePlatformAdmin, UnauthenticatedError, type Principal, type Role } from '../../platform/access/access.js';
import type { AuditLog } from '../../platform/audit/service.js';
import { LoginThrottle } from '../../platform/access/login-throttle.js';

/** OWASP's recommended Argon2id parameters (19 MiB, 2 iterations, 1 lane). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which this build cannot import by name).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;
const SESSION_IDLE_SECONDS = 12 * 3600;
const SESSION_MAX_SECONDS = 7 * 24 * 3600;
const RESET_SECONDS = 3600;

export interface User extends UserRecord {
  roles: RoleRecord[];
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  csrfToken: string;
  roles: { id: string; territoryCode: string; territoryName: string; role: Role; actorId: string | null; actorName: string | null }[];
}

export interface NewUser {
  email: string;
  displayName: string;
  password?: string | undefined;
  isAdmin?: boolean | undefined;
  roles?: { territoryCode: string; role: Role; actorId?: string | null | undefined }[] | undefined;
}

/** Sends the password-reset message; the default writes it to the server's log. */
export interface ResetMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface AccountOptions {
  mailer?: ResetMailer | undefined;
  /** Where the server's log lines go (reset links when there is no mailer). */
  log?: ((line: string) => void) | undefined;
  /** The public address of the app, for links in messages (PUBLIC_URL). */
  publicUrl?: string | undefined;
  throttle?: LoginThrottle | undefined;
}

export const digest = (token: string): string => createHash('sha256').update(token).digest('hex');
const token = (): string => randomBytes(32).toString('base64url');

/** The repositories this service reads and writes. */
export interface AccountRepos {
  accounts: AccountRepository;
  apiKeys: ApiKeyRepository;
}

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', {
      fr: `trop de tentatives de connexion : réessayer dans ${Math.ceil(retryAfterSeconds / 60)} min`,
      en: `too many sign-in attempts: try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    });
  }
}

const INVALID_CREDENTIALS = new AppError('invalid_credentials', {
  fr: 'adresse ou mot de passe incorrect',
  en: 'wrong e-mail or password',
});
const USER = { fr: 'Utilisateur', en: 'User' };
const ROLE = { fr: 'Rôle', en: 'Role' };
const API_KEY = { fr: 'Clé d’API', en: 'API key' };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError('weak_password', {
      fr: `le mot de passe doit compter de ${MIN_PASSWORD_LENGTH} à ${MAX_PASSWORD_LENGTH} caractères`,
      en: `the password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
    });
  }
}

export class AccountService {
  readonly throttle: LoginThrottle;
  /** Reset messages per address and per client: 3 an hour per e-mail, so that the route cannot be used to flood a mailbox. */
  private readonly resetThrottle = new LoginThrottle({ perEmail: 3, perAddress: 20, windowMs: 3600_000 });
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Database,
    private readonly repos: AccountRepos,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly options: AccountOptions = {},
  ) {
    this.throttle = options.throttle ?? new LoginThrottle();
  }

  hashPassword(password: string): Promise<string> {
    checkPassword(password);
    return hash(password, ARGON2);
  }

  // Users

  private async withRoles(db: Queryable, users: UserRecord[], territoryId?: string): Promise<User[]> {
    const roles = await this.repos.accounts.rolesOfUsers(
      db,
      users.map((u) => u.id),
    );
    return users.map((u) => ({
      ...u,
      roles: roles.filter((r) => r.userId === u.id && (territoryId === undefined || r.territoryId === territoryId)),
    }));
  }

  async listUsers(who: Principal): Promise<User[]> {
    requirePlatformAdmin(who);
    return this.withRoles(this.db, await this.repos.accounts.listUsers(this.db));
  }

  async getUser(who: Principal, id: string): Promise<User> {
    requirePlatformAdmin(who);
    const u = await this.repos.accounts.userById(this.db, id);
    if (!u) throw new NotFoundError(USER);
    const [withRoles] = await this.withRoles(this.db, [u]);
    return withRoles as User;
  }

  /**
   * Creates a user: a platform administrator may create anyone; a territory administrator may
   * create a user with roles in the territories it manages (never a platform administrator).
   */
  async createUser(who: Principal, input: NewUser): Promise<User> {
    const email = normaliseEmail(input.email);
    const roles = input.roles ?? [];
    const platformAdmin = who.kind === 'system' || (who.kind === 'user' && who.isAdmin);
    if (!platformAdmin && (input.isAdmin || roles.length === 0)) throw new ForbiddenError();
    const passwordHash = input.password !== undefined ? await this.hashPassword(input.password) : null;
    return this.db.transaction(async (tx) => {
      const scopes = [];
      for (const r of roles) scopes.push({ r, scope: await this.access.scope(tx, who, r.territoryCode, 'territory:manage') });
      let user: UserRecord;
      try {
        user = await this.repos.accounts.insertUser(tx, {
          email,
          displayName: input.displayName.trim(),
          passwordHash,
          isAdmin: input.isAdmin ?? false,
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new ConflictError({ fr: 'un compte existe déjà avec cette adresse', en: 'an account already has this e-mail' });
        throw e;
      }
      // Created by a territory administrator: the fact belongs to that territory's log too.
      await this.audit.record(tx, who, {
        territoryId: scopes[0]?.scope.territory.id ?? null,
        action: 'create',
        entity: 'user',
        entityId: user.id,
        details: { isAdmin: user.isAdmin },
      });
      for (const { r, scope } of scopes) {
        await this.insertRole(tx, who, scope.territory.id, { userId: user.id, role: r.role, actorId: r.actorId ?? null });
      }
      const [created] = await this.withRoles(tx, [user]);
      return created as User;
    });
  }

  async updateUser(
    who: Principal,
    id: string,
    patch: { displayName?: string | undefined; isAdmin?: boolean | undefined; password?: string | undefined },
  ): Promise<User> {
    requirePlatformAdmin(who);
    const passwordHash = patch.password !== undefined ? await this.hashPassword(patch.password) : undefined;
    return this.db.transaction(async (tx) => {
      if (
        patch.isAdmin === false &&
        (await this.repos.accounts.userById(tx, id))?.isAdmin &&
        (await this.repos.accounts.countAdmins(tx)) <= 1
      ) {
        throw new ConflictError({ fr: 'c’est le dernier administrateur de la plateforme', en: 'this is the last platform administrator' });
      }
      const u = await this.repos.accounts.updateUser(tx, id, {
        displayName: patch.displayName?.trim(),
        isAdmin: patch.isAdmin,
        passwordHash,
      });
      if (!u) throw new NotFoundError(USER);
      // A password set by an administrator ends the user's sessions.
      if (passwordHash) await this.repos.accounts.deleteSessionsOf(tx, id);
      await this.audit.record(tx, who, {
        action: patch.password !== undefined ? 'password' : 'update',
        entity: 'user',
        entityId: id,
        details: { fields: Object.keys(patch).filter((k) => k !== 'password' && patch[k as keyof typeof patch] !== undefined) },
      });
      const [updated] = await this.withRoles(tx, [u]);
      return updated as User;
    });
  }

  /** Deletes a user: its sessions and roles go with it, so it loses access at once. */
  async deleteUser(who: Principal, id: string): Promise<void> {
    requirePlatformAdmin(who);
    await this.db.transaction(async (tx) => {
      const u = await this.repos.accounts.userById(tx, id);
      if (!u) throw new NotFoundError(USER);
      if (u.isAdmin && (await this.repos.accounts.countAdmins(tx)) <= 1) {
        throw new ConflictError({ fr: 'c’est le dernier administrateur de la plateforme', en: 'this is the last platform administrator' });
      }
      await this.repos.accounts.deleteUser(tx, id);
      await this.audit.record(tx, who, { action: 'delete', entity: 'user', entityId: id });
    });
  }

  // Roles

  async members(who: Principal, code: string): Promise<User[]> {
    const scope = await this.access.scope(this.db, who, code, 'territory:manage');
    const roles = await this.repos.accounts.rolesInTerritory(this.db, scope.territory.id);
    const users = await this.repos.accounts.listUsers(this.db, [...new Set(roles.map((r) => r.userId))]);
    return this.withRoles(this.db, users, scope.territory.id);
  }

  private async insertRole(
    tx: Queryable,
    who: Principal,
    territoryId: string,
    r: { userId: string; role: Role; actorId: string | null },
  ): Promise<string> {
    if (ROLE_DEFINITIONS[r.role].forActor !== (r.actorId !== null)) {
      const message = {
        fr: 'un contributeur parle pour un acteur : actorId est requis pour lui seul',
        en: 'a contributor speaks for one actor: actorId is required for contributors only',
      };
      throw invalid([{ path: 'actorId', code: 'contributor_actor', message }], message);
    }
    let id: string;
    try {
      id = await this.repos.accounts.insertRole(tx, territoryId, r);
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError({ fr: 'cet utilisateur a déjà ce rôle', en: 'this user already has this role' });
      if (isForeignKeyViolation(e))
        throw new NotFoundError(r.actorId && e.constraint?.includes('actor') ? { fr: 'Acteur', en: 'Actor' } : USER);
      throw e;
    }
    await this.audit.record(tx, who, {
      territoryId,
      action: 'grant',
      entity: 'role',
      entityId: id,
      details: { userId: r.userId, role: r.role, actorId: r.actorId },
    });
    return id;
  }

  async grantRole(
    who: Principal,
    code: string,
    r: { userId: string; role: Role; actorId?: string | null | undefined },
  ): Promise<RoleRecord> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:manage');
      if (!(await this.repos.accounts.userById(tx, r.userId))) throw new NotFoundError(USER);
      const id = await this.insertRole(tx, who, scope.territory.id, { userId: r.userId, role: r.role, actorId: r.actorId ?? null });
      const role = (await this.repos.accounts.rolesInTerritory(tx, scope.territory.id)).find((x) => x.id === id);
      return role as RoleRecord;
    });
  }

  async revokeRole(who: Principal, code: string, roleId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:manage');
      const deleted = await this.repos.accounts.deleteRole(tx, scope.territory.id, roleId);
      if (!deleted) throw new NotFoundError(ROLE);
      await this.audit.record(tx, who, {
        territoryId: scope.territory.id,
        action: 'revoke',
        entity: 'role',
        entityId: roleId,
        details: { userId: deleted.userId },
      });
    });
  }

  // Sessions

  /** Opens a session for a user: a new token every time (no fixation). */
  async startSession(userId: string): Promise<{ token: string; csrfToken: string; maxAgeSeconds: number }> {
    const t = token();
    const csrfToken = token();
    await this.repos.accounts.deleteExpiredSessions(this.db);
    await this.repos.accounts.insertSession(this.db, {
      tokenHash: digest(t),
      userId,
      csrfToken,
      expiresAt: new Date(Date.now() + SESSION_MAX_SECONDS * 1000),
    });
    return { token: t, csrfToken, maxAgeSeconds: SESSION_MAX_SECONDS };
  }

  /**
   * Checks an e-mail and password. Unknown e-mails cost the same Argon2 verification as known
   * ones, so that timing does not tell which addresses have an account.
   */
  async login(
    emailInput: string,
    password: string,
    address: string,
  ): Promise<{ token: string; csrfToken: string; maxAgeSeconds: number; userId: string }> {
    const email = normaliseEmail(emailInput);
    const wait = this.throttle.retryAfter(email, address);
    if (wait > 0) throw new TooManyAttemptsError(wait);
    const cred = await this.repos.accounts.credentials(this.db, email);
    this.dummyHash ??= hash('not a password of anyone', ARGON2);
    const stored = cred?.passwordHash ?? (await this.dummyHash);
    const ok = password.length <= MAX_PASSWORD_LENGTH && (await verify(stored, password).catch(() => false));
    if (!cred || !cred.passwordHash || !ok) {
      this.throttle.failed(email, address);
      throw INVALID_CREDENTIALS;
    }
    this.throttle.succeeded(email);
    const session = await this.startSession(cred.id);
    await this.audit.record(
      this.db,
      { kind: 'user', userId: cred.id, email, displayName: '', isAdmin: false, grants: [] },
      { action: 'sign-in', entity: 'session' },
    );
    return { ...session, userId: cred.id };
  }

  async logout(sessionToken: string): Promise<void> {
    await this.repos.accounts.deleteSession(this.db, digest(sessionToken));
  }

  /** The principal of a live session, with its CSRF token; undefined when none. */
  async fromSession(sessionToken: string): Promise<{ principal: Principal & { kind: 'user' }; csrfToken: string } | undefined> {
    const h = digest(sessionToken);
    const session = await this.repos.accounts.liveSession(this.db, h, SESSION_IDLE_SECONDS);
    if (!session) return undefined;
    const principal = await this.principalOf(this.db, session.userId);
    if (!principal) return undefined;
    if (Date.now() - session.lastSeenAt.getTime() > 60_000) await this.repos.accounts.touchSession(this.db, h);
    return { principal, csrfToken: session.csrfToken };
  }

  private async principalOf(db: Queryable, userId: string): Promise<(Principal & { kind: 'user' }) | undefined> {
    const u = await this.repos.accounts.userById(db, userId);
    if (!u) return undefined;
    const roles = await this.repos.accounts.rolesOfUsers(db, [userId]);
    return {
      kind: 'user',
      userId: u.id,
      email: u.email,
      displayName: u.displayName,
      isAdmin: u.isAdmin,
      grants: roles.map((r) => ({ territoryId: r.territoryId, role: r.role, actorId: r.actorId })),
    };
  }

  async me(who: Principal, csrfToken: string): Promise<Me> {
    if (who.kind !== 'user') throw new UnauthenticatedError();
    return this.meOf(who.userId, csrfToken);
  }

  /** The account of a user, its roles and the CSRF token of its session (answered at sign-in too). */
  async meOf(userId: string, csrfToken: string): Promise<Me> {
    const u = await this.repos.accounts.userById(this.db, userId);
    if (!u) throw new UnauthenticatedError();
    const roles = await this.repos.accounts.rolesOfUsers(this.db, [u.id]);
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      isAdmin: u.isAdmin,
      csrfToken,
      roles: roles.map((r) => ({
        id: r.id,
        territoryCode: r.territoryCode,
        territoryName: r.territoryName,
        role: r.role,
        actorId: r.actorId,
        actorName: r.actorName,
      })),
    };
  }

  /** Changes one's own password; the other sessions are closed. */
  async changePassword(who: Principal, current: string, next: string, sessionToken: string): Promise<void> {
    if (who.kind !== 'user') throw new UnauthenticatedError();
    const stored = await this.repos.accounts.passwordHash(this.db, who.userId);
    if (!stored || !(await verify(stored, current).catch(() => false))) {
      throw new AppError('invalid_credentials', { fr: 'le mot de passe actuel est incorrect', en: 'the current password is wrong' });
    }
    const passwordHash = await this.hashPassword(next);
    await this.db.transaction(async (tx) => {
      await this.repos.accounts.updateUser(tx, who.userId, { passwordHash });
      await this.repos.accounts.deleteSessionsOf(tx, who.userId, digest(sessionToken));
      await this.audit.record(tx, who, { action: 'password', entity: 'user', entityId: who.userId });
    });
  }

  /**
   * Starts a password reset. Nothing tells whether the address has an account: the answer is the
   * same, and the message is only sent when it has one.
   */
  async requestReset(emailInput: string, address = ''): Promise<void> {
    const email = normaliseEmail(emailInput);
    if (this.resetThrottle.retryAfter(email, address) > 0) return;
    this.resetThrottle.failed(email, address);
    const cred = await this.repos.accounts.credentials(this.db, email);
    if (!cred) return;
    const t = token();
    await this.repos.accounts.insertReset(this.db, digest(t), cred.id, new Date(Date.now() + RESET_SECONDS * 1000));
    const link = `${(this.options.publicUrl ?? '').replace(/\/$/, '')}/reinitialiser?token=${t}`;
    const text = `Bonjour,\n\nPour choisir un nouveau mot de passe Boucles, ouvrez ce lien dans l'heure :\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message.\n`;
    if (this.options.mailer) await this.options.mailer.send({ to: email, subject: 'Boucles — réinitialisation du mot de passe', text });
    else (this.options.log ?? console.log)(`Réinitialisation du mot de passe demandée pour le compte ${cred.id} : ${link}`);
  }

  async confirmReset(resetToken: string, next: string): Promise<void> {
    const passwordHash = await this.hashPassword(next);
    await this.db.transaction(async (tx) => {
      const userId = await this.repos.accounts.consumeReset(tx, digest(resetToken));
      if (!userId) {
        throw new AppError('invalid_token', {
          fr: 'lien de réinitialisation inconnu, déjà utilisé ou expiré',
          en: 'reset link unknown, already used or expired',
        });
      }
      await this.repos.accounts.updateUser(tx, userId, { passwordHash });
      await this.repos.accounts.deleteSessionsOf(tx, userId);
      await this.audit.record(
        tx,
        { kind: 'user', userId, email: '', displayName: '', isAdmin: false, grants: [] },
        { action: 'password', entity: 'user', entityId: userId, details: { by: 'reset' } },
      );
    });
  }

  // API keys

  async listApiKeys(who: Principal, code: string): Promise<ApiKeyRecord[]> {
    const scope = await this.access.scope(this.db, who, code, 'territory:manage');
    return this.repos.apiKeys.list(this.db, scope.territory.id);
  }

  /** Creates a read-only key for the territory; the key itself is returned this once only. */
  async createApiKey(who: Principal, code: string, name: string): Promise<ApiKeyRecord & { key: string }> {
    return this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:manage');
      const key = `bk_${token()}`;
      const record = await this.repos.apiKeys.insert(tx, scope.territory.id, {
        name: name.trim(),
        prefix: key.slice(0, 10),
        keyHash: digest(key),
        createdBy: who.kind === 'user' ? who.userId : null,
      });
      await this.audit.record(tx, who, { territoryId: scope.territory.id, action: 'create', entity: 'api_key', entityId: record.id });
      return { ...record, key };
    });
  }

  async revokeApiKey(who: Principal, code: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const scope = await this.access.scope(tx, who, code, 'territory:manage');
      if (!(await this.repos.apiKeys.revoke(tx, scope.territory.id, id))) throw new NotFoundError(API_KEY);
      await this.audit.record(tx, who, { territoryId: scope.territory.id, action: 'revoke', entity: 'api_key', entityId: id });
    });
  }

  async fromApiKey(key: string): Promise<Principal | undefined> {
    if (!/^bk_[A-Za-z0-9_-]{43}$/.test(key)) return undefined;
    const found = await this.repos.apiKeys.use(this.db, digest(key));
    return found ? { kind: 'apiKey', keyId: found.id, territoryId: found.territoryId } : undefined;
  }

  // Platform set-up

  /** Creates a platform administrator (the CLI's `boucles admin create`). */
  async createAdmin(input: { email: string; displayName: string; password: string }): Promise<User> {
    return this.createUser({ kind: 'system' }, { ...input, isAdmin: true });
  }

  async countUsers(): Promise<number> {
    return this.repos.accounts.countUsers(this.db);
  }

  /** Finds or links the account of an OpenID Connect identity: only accounts created beforehand. */
  async userForOidc(issuer: string, subject: string, email: string | undefined, emailVerified: boolean): Promise<string | undefined> {
    const linked = await this.repos.accounts.userByOidc(this.db, issuer, subject);
    if (linked) return linked.id;
    if (!email || !emailVerified) return undefined;
    const byEmail = await this.repos.accounts.userByEmail(this.db, normaliseEmail(email));
    if (!byEmail) return undefined;
    if (!(await this.repos.accounts.linkOidc(this.db, byEmail.id, issuer, subject))) return undefined;
    await this.audit.record(
      this.db,
      { kind: 'system' },
      { action: 'update', entity: 'user', entityId: byEmail.id, details: { linked: 'oidc', issuer } },
    );
    return byEmail.id;
  }
}
