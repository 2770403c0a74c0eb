/** SQL of users, their roles per territory, sessions and password resets. */
import type { Queryable } from '../../platform/db/database.js';
import type { Role, RoleGrant } from '../../platform/access/access.js';
import { iso } from '../../platform/db/sql.js';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  hasPassword: boolean;
  oidcLinked: boolean;
  createdAt: string;
}

export interface RoleRecord extends RoleGrant {
  id: string;
  userId: string;
  territoryCode: string;
  territoryName: string;
  actorName: string | null;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  is_admin: boolean;
  password_hash: string | null;
  oidc_subject: string | null;
  created_at: Date;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  isAdmin: r.is_admin,
  hasPassword: r.password_hash !== null,
  oidcLinked: r.oidc_subject !== null,
  createdAt: iso(r.created_at),
});

interface RoleRow {
  id: string;
  user_id: string;
  territory_id: string;
  territory_code: string;
  territory_name: string;
  role: Role;
  actor_id: string | null;
  actor_name: string | null;
}

const toRole = (r: RoleRow): RoleRecord => ({
  id: r.id,
  userId: r.user_id,
  territoryId: r.territory_id,
  territoryCode: r.territory_code,
  territoryName: r.territory_name,
  role: r.role,
  actorId: r.actor_id,
  actorName: r.actor_name,
});

const ROLE_SELECT = `SELECT r.id, r.user_id, r.territory_id, t.code AS territory_code, t.name AS territory_name, r.role, r.actor_id, a.name AS actor_name
  FROM user_role r JOIN territory t ON t.id = r.territory_id LEFT JOIN actor a ON a.id = r.actor_id AND a.territory_id = r.territory_id`;

export interface SessionRow {
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
}

export class AccountRepository {
  async insertUser(
    db: Queryable,
    u: { email: string; displayName: string; passwordHash: string | null; isAdmin: boolean },
  ): Promise<UserRecord> {
    const [row] = await db.query<UserRow>(
      'INSERT INTO app_user (email, display_name, password_hash, is_admin) VALUES ($1, $2, $3, $4) RETURNING *',
      [u.email, u.displayName, u.passwordHash, u.isAdmin],
    );
    return toUser(row as UserRow);
  }

  async userById(db: Queryable, id: string): Promise<UserRecord | undefined> {
    const [row] = await db.query<UserRow>('SELECT * FROM app_user WHERE id = $1', [id]);
    return row ? toUser(row) : undefined;
  }

  async credentials(db: Queryable, email: string): Promise<{ id: string; passwordHash: string | null } | undefined> {
    const [row] = await db.query<{ id: string; password_hash: string | null }>('SELECT id, password_hash FROM app_user WHERE email = $1', [
      email,
    ]);
    return row ? { id: row.id, passwordHash: row.password_hash } : undefined;
  }

  async passwordHash(db: Queryable, id: string): Promise<string | null | undefined> {
    const [row] = await db.query<{ password_hash: string | null }>('SELECT password_hash FROM app_user WHERE id = $1', [id]);
    return row ? row.password_hash : undefined;
  }

  async userByOidc(db: Queryable, issuer: string, subject: string): Promise<UserRecord | undefined> {
    const [row] = await db.query<UserRow>('SELECT * FROM app_user WHERE oidc_issuer = $1 AND oidc_subject = $2', [issuer, subject]);
    return row ? toUser(row) : undefined;
  }

  async userByEmail(db: Queryable, email: string): Promise<UserRecord | undefined> {
    const [row] = await db.query<UserRow>('SELECT * FROM app_user WHERE email = $1', [email]);
    return row ? toUser(row) : undefined;
  }

  /** Links an account to an identity provider's subject, only if it is not linked yet. */
  async linkOidc(db: Queryable, id: string, issuer: string, subject: string): Promise<boolean> {
    const rows = await db.query(
      'UPDATE app_user SET oidc_issuer = $2, oidc_subject = $3, updated_at = now() WHERE id = $1 AND oidc_subject IS NULL RETURNING id',
      [id, issuer, subject],
    );
    return rows.length === 1;
  }

  async listUsers(db: Queryable, ids?: readonly string[]): Promise<UserRecord[]> {
    const rows = ids
      ? await db.query<UserRow>('SELECT * FROM app_user WHERE id = ANY($1::uuid[]) ORDER BY email', [[...ids]])
      : await db.query<UserRow>('SELECT * FROM app_user ORDER BY email');
    return rows.map(toUser);
  }

  async updateUser(
    db: Queryable,
    id: string,
    patch: { displayName?: string | undefined; isAdmin?: boolean | undefined; passwordHash?: string | undefined },
  ): Promise<UserRecord | undefined> {
    const [row] = await db.query<UserRow>(
      `UPDATE app_user SET display_name = coalesce($2, display_name), is_admin = coalesce($3, is_admin), password_hash = coalesce($4, password_hash), updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, patch.displayName ?? null, patch.isAdmin ?? null, patch.passwordHash ?? null],
    );
    return row ? toUser(row) : undefined;
  }

  async deleteUser(db: Queryable, id: string): Promise<boolean> {
    return (await db.query('DELETE FROM app_user WHERE id = $1 RETURNING id', [id])).length === 1;
  }

  async countAdmins(db: Queryable): Promise<number> {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user WHERE is_admin');
    return row?.n ?? 0;
  }

  async countUsers(db: Queryable): Promise<number> {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
    return row?.n ?? 0;
  }

  // Roles

  async rolesOfUsers(db: Queryable, userIds: readonly string[]): Promise<RoleRecord[]> {
    const rows = await db.query<RoleRow>(`${ROLE_SELECT} WHERE r.user_id = ANY($1::uuid[]) ORDER BY t.code, r.role, a.name`, [
      [...userIds],
    ]);
    return rows.map(toRole);
  }

  async rolesInTerritory(db: Queryable, territoryId: string): Promise<RoleRecord[]> {
    const rows = await db.query<RoleRow>(`${ROLE_SELECT} WHERE r.territory_id = $1 ORDER BY r.role, a.name`, [territoryId]);
    return rows.map(toRole);
  }

  async insertRole(db: Queryable, territoryId: string, r: { userId: string; role: Role; actorId: string | null }): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      'INSERT INTO user_role (user_id, territory_id, role, actor_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [r.userId, territoryId, r.role, r.actorId],
    );
    return (row as { id: string }).id;
  }

  /** Deletes a role of that territory; the tenant is in the WHERE clause. */
  async deleteRole(db: Queryable, territoryId: string, roleId: string): Promise<{ userId: string } | undefined> {
    const [row] = await db.query<{ user_id: string }>('DELETE FROM user_role WHERE territory_id = $1 AND id = $2 RETURNING user_id', [
      territoryId,
      roleId,
    ]);
    return row ? { userId: row.user_id } : undefined;
  }

  // Sessions

  async insertSession(db: Queryable, s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
    await db.query('INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
      s.tokenHash,
      s.userId,
      s.csrfToken,
      s.expiresAt,
    ]);
  }

  /** A live session (not expired, not idle too long) with its user. */
  async liveSession(db: Queryable, tokenHash: string, idleSeconds: number): Promise<SessionRow | undefined> {
    const [row] = await db.query<{ user_id: string; csrf_token: string; last_seen_at: Date }>(
      `SELECT s.user_id, s.csrf_token, s.last_seen_at FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)`,
      [tokenHash, idleSeconds],
    );
    return row ? { userId: row.user_id, csrfToken: row.csrf_token, lastSeenAt: new Date(row.last_seen_at) } : undefined;
  }

  async touchSession(db: Queryable, tokenHash: string): Promise<void> {
    await db.query('UPDATE user_session SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSession(db: Queryable, tokenHash: string): Promise<void> {
    await db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSessionsOf(db: Queryable, userId: string, except?: string): Promise<void> {
    await db.query('DELETE FROM user_session WHERE user_id = $1 AND token_hash <> $2', [userId, except ?? '']);
  }

  async deleteExpiredSessions(db: Queryable): Promise<void> {
    await db.query('DELETE FROM user_session WHERE expires_at <= now()');
  }

  // Password resets

  async insertReset(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await db.query('INSERT INTO password_reset (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]);
  }

  /** Marks a live reset token used and gives its user; undefined when unknown, used or expired. */
  async consumeReset(db: Queryable, tokenHash: string): Promise<string | undefined> {
    const [row] = await db.query<{ user_id: string }>(
      'UPDATE password_reset SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id',
      [tokenHash],
    );
    return row?.user_id;
  }
}
