/**
 * Who is asking, and what they may do in a territory. Every service method takes a `Principal`
 * first and asks `Access` for a `Scope` before touching data; routes only pass the principal on.
 *
 * A territory the principal has no part in is answered exactly as a territory that does not
 * exist (404, same message, same queries): its existence is not disclosed. Inside a territory,
 * records of an actor the principal may not see are answered as absent too.
 */
import type { Territory } from '@boucles/engine';
import type { Queryable } from '../db/database.js';
import { HttpError, NotFoundError } from '../errors.js';

export const ROLES = ['administrator', 'facilitator', 'contributor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

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

/**
 * What a principal is in one territory, from most to least:
 * - `manage`: platform administrator or the territory's administrator (users, keys, audit);
 * - `facilitate`: the territory's facilitator: every record, brokering, imports and exports;
 * - `contribute`: a contributor: its own actors' records and the synergies proposed to them;
 * - `read`: a reader: aggregates (with small groups suppressed) and anonymised synergies;
 * - `public`: an API key: public fields and aggregates, read only.
 */
export type Standing = 'manage' | 'facilitate' | 'contribute' | 'read' | 'public';

export interface Scope {
  territory: Territory;
  standing: Standing;
  /** The actors whose records a contributor sees and edits (empty for the other standings). */
  ownActors: ReadonlySet<string>;
  principal: Principal;
}

const RANK: Record<Standing, number> = { manage: 4, facilitate: 3, contribute: 2, read: 1, public: 0 };

export type Capability =
  /** Every record of the territory, all fields. */
  | 'records:all'
  /** Records of the principal's own actors (contributors), or all of them (facilitators). */
  | 'records:own'
  /** Public fields of the territory's actors, sites and flows (API keys and above). */
  | 'records:public'
  /** Create actors, import, run analyses, export the territory, change the territory. */
  | 'territory:facilitate'
  /** Aggregates: metabolism, indicators, interdependencies (suppressed below `facilitate`). */
  | 'aggregates:read'
  /** Synergies: all of them (facilitate), those of own actors (contribute), anonymised (read). */
  | 'synergies:read'
  /** Users, roles, API keys and the audit log of the territory. */
  | 'territory:manage';

/** The standings allowed each capability. Not a ladder: readers see aggregates but no record, API keys public fields but no synergy. */
const ALLOWED: Record<Capability, readonly Standing[]> = {
  'records:all': ['manage', 'facilitate'],
  'records:own': ['manage', 'facilitate', 'contribute'],
  'records:public': ['manage', 'facilitate', 'public'],
  'territory:facilitate': ['manage', 'facilitate'],
  'aggregates:read': ['manage', 'facilitate', 'contribute', 'read', 'public'],
  'synergies:read': ['manage', 'facilitate', 'contribute', 'read'],
  'territory:manage': ['manage'],
};

export function can(scope: Pick<Scope, 'standing'>, capability: Capability): boolean {
  return ALLOWED[capability].includes(scope.standing);
}

export class ForbiddenError extends HttpError {
  constructor() {
    super(403, 'forbidden', {
      fr: "votre rôle dans ce territoire ne permet pas cette action",
      en: 'your role in this territory does not allow this action',
    });
  }
}

export class UnauthenticatedError extends HttpError {
  constructor() {
    super(401, 'unauthenticated', { fr: 'connexion requise', en: 'sign-in required' });
  }
}

const TERRITORY = { fr: 'Territoire', en: 'Territory' } as const;

/** The standing of a principal in a territory, or undefined when it has none there. */
export function standingIn(principal: Principal, territoryId: string): { standing: Standing; ownActors: Set<string> } | undefined {
  switch (principal.kind) {
    case 'system':
      return { standing: 'manage', ownActors: new Set() };
    case 'apiKey':
      return principal.territoryId === territoryId ? { standing: 'public', ownActors: new Set() } : undefined;
    case 'user': {
      if (principal.isAdmin) return { standing: 'manage', ownActors: new Set() };
      let best: Standing | undefined;
      const ownActors = new Set<string>();
      for (const g of principal.grants) {
        if (g.territoryId !== territoryId) continue;
        const s: Standing = g.role === 'administrator' ? 'manage' : g.role === 'facilitator' ? 'facilitate' : g.role === 'contributor' ? 'contribute' : 'read';
        if (g.role === 'contributor' && g.actorId) ownActors.add(g.actorId);
        if (best === undefined || RANK[s] > RANK[best]) best = s;
      }
      if (best === undefined) return undefined;
      return { standing: best, ownActors: RANK[best] > RANK.contribute ? new Set() : ownActors };
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
  async scope(db: Queryable, principal: Principal, code: string, capability: Capability | readonly Capability[], lock?: 'share' | 'update'): Promise<Scope> {
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
    return scope.standing === 'public';
  }
}

/** Platform-level actions (creating territories, managing all users) need a platform administrator. */
export function requirePlatformAdmin(principal: Principal): void {
  if (principal.kind === 'system') return;
  if (principal.kind === 'user' && principal.isAdmin) return;
  throw new ForbiddenError();
}

/** The user ID behind a principal, for the audit log and follow-up. */
export function principalUserId(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}
