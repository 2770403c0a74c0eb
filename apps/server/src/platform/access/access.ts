/**
 * Who is asking, and what they may do in a territory. Every service method takes a `Principal`
 * first and asks `Access` for a `Scope` before touching data; routes only pass the principal on.
 *
 * A territory the principal has no part in is answered exactly as a territory that does not
 * exist (404, same message, same queries): its existence is not disclosed. Inside a territory,
 * records of an actor the principal may not see are answered as absent too.
 */
import {
  platformAdministratorHolds,
  PRINCIPAL_DEFINITIONS,
  roleStanding,
  ROLE_DEFINITIONS,
  standingHolds,
  strongest,
  type Permission,
  type Role,
  type Standing,
  type Territory,
} from '@boucles/engine';
import type { Queryable } from '../db/database.js';
import { AppError, NotFoundError } from '../errors.js';

/** Roles, standings and permissions are defined once, in the engine's table (packages/engine/src/access/permissions.ts). */
export { ROLES, type Role, type Standing } from '@boucles/engine';

export interface RoleGrant {
  territoryId: string;
  role: Role;
  /** The actor a contributor speaks for. */
  actorId: string | null;
}

export type Principal =
  | { kind: 'user'; userId: string; email: string; displayName: string; isAdmin: boolean; grants: readonly RoleGrant[] }
  | { kind: 'apiKey'; keyId: string; territoryId: string }
  /** The platform itself: the CLI on its own database, the demo loader, tests of services. */
  | { kind: 'system' };

export const SYSTEM: Principal = { kind: 'system' };

export interface Scope {
  territory: Territory;
  standing: Standing;
  /** The actors whose records a contributor sees and edits (empty for the other standings). */
  ownActors: ReadonlySet<string>;
  principal: Principal;
}

/** What a scope may do: a permission of the table (`PERMISSION_DEFINITIONS`). */
export type Capability = Permission;

/** Whether the standing holds that permission, as the table grants it. */
export function can(scope: Pick<Scope, 'standing'>, capability: Capability): boolean {
  return standingHolds(scope.standing, capability);
}

export class ForbiddenError extends AppError {
  constructor() {
    super('forbidden');
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('unauthenticated');
  }
}

const TERRITORY = { fr: 'Territoire', en: 'Territory' } as const;

/** The standing of a principal in a territory, or undefined when it has none there. */
export function standingIn(principal: Principal, territoryId: string): { standing: Standing; ownActors: Set<string> } | undefined {
  switch (principal.kind) {
    case 'system':
      return { standing: 'manage', ownActors: new Set() };
    case 'apiKey':
      return principal.territoryId === territoryId ? { standing: PRINCIPAL_DEFINITIONS.apiKey.standing, ownActors: new Set() } : undefined;
    case 'user': {
      if (principal.isAdmin) return { standing: PRINCIPAL_DEFINITIONS.platformAdministrator.standing, ownActors: new Set() };
      const grants = principal.grants.filter((g) => g.territoryId === territoryId);
      const best = strongest(grants.map((g) => roleStanding(g.role)));
      if (best === undefined) return undefined;
      // A standing that sees every record needs no list of its own actors.
      if (standingHolds(best, 'records:all')) return { standing: best, ownActors: new Set() };
      return {
        standing: best,
        ownActors: new Set(grants.filter((g) => ROLE_DEFINITIONS[g.role].forActor && g.actorId).map((g) => g.actorId ?? '')),
      };
    }
  }
}

/** The territories a principal may see at all: every one (undefined) or those listed. */
export function visibleTerritories(principal: Principal): readonly string[] | undefined {
  if (principal.kind === 'system') return undefined;
  if (principal.kind === 'apiKey') return [principal.territoryId];
  if (principal.isAdmin) return undefined;
  return [...new Set(principal.grants.map((g) => g.territoryId))];
}

/** Finds a territory by its code (the territories module answers), locking its row when asked. */
export interface TerritoryLookup {
  findByCode(db: Queryable, code: string, lock?: 'share' | 'update'): Promise<Territory | undefined>;
}

export class Access {
  constructor(private readonly territories: TerritoryLookup) {}

  /**
   * The principal's scope in the territory of that code, which must allow `capability`. A
   * territory it has no standing in is not found, exactly like a missing one; a standing too low
   * for the capability is forbidden (the principal knows the territory already).
   */
  async scope(
    db: Queryable,
    principal: Principal,
    code: string,
    capability: Capability | readonly Capability[],
    lock?: 'share' | 'update',
  ): Promise<Scope> {
    const territory = await this.territories.findByCode(db, code, lock);
    const standing = territory ? standingIn(principal, territory.id) : undefined;
    if (!territory || !standing) throw new NotFoundError(TERRITORY);
    const scope: Scope = { territory, standing: standing.standing, ownActors: standing.ownActors, principal };
    const wanted: readonly Capability[] = typeof capability === 'string' ? [capability] : capability;
    if (!wanted.some((c) => can(scope, c))) throw new ForbiddenError();
    return scope;
  }

  /** Whether the scope may see and edit every field of that actor's records. */
  static ownsActor(scope: Scope, actorId: string): boolean {
    return can(scope, 'records:all') || scope.ownActors.has(actorId);
  }

  /** Whether the scope sees only public fields (API keys). */
  static publicOnly(scope: Scope): boolean {
    return can(scope, 'records:public') && !can(scope, 'records:own');
  }
}

/** Platform-level actions (creating territories, managing all users) need a platform administrator. */
export function requirePlatformAdmin(principal: Principal): void {
  if (!holdsOnPlatform(principal, 'platform:manage')) throw new ForbiddenError();
}

/** Whether the principal holds a permission on the whole platform (outside any one territory): the system and platform administrators, as the table grants. */
export function holdsOnPlatform(principal: Principal, permission: Permission): boolean {
  if (principal.kind === 'system') return true;
  return principal.kind === 'user' && principal.isAdmin && platformAdministratorHolds(permission);
}

/** The user ID behind a principal, for the audit log and follow-up. */
export function principalUserId(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}
