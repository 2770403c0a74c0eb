/**
 * Who is signed in (`GET /api/auth/me`), loaded when the app starts, and what the interface offers
 * them in each territory. The server decides what is allowed; these helpers only keep the
 * interface from offering what it would refuse.
 */
import { signal } from '@preact/signals';
import {
  atLeast,
  PRINCIPAL_DEFINITIONS,
  ROLE_DEFINITIONS,
  roleStanding,
  standingHolds,
  strongest,
  type Permission,
  type Role,
  type RoleStanding,
} from '@boucles/engine/access';
import { api, ApiError, setSessionHooks } from '../api/client.js';
import { pick } from './i18n/index.js';

/** Roles and what they may do come from the one table of the engine (packages/engine/src/access/permissions.ts), as the server's checks do. */
export { ROLES, type Role } from '@boucles/engine/access';

export interface MyRole {
  id: string;
  territoryCode: string;
  territoryName: string;
  role: Role;
  /** The actor a contributor speaks for. */
  actorId: string | null;
  actorName: string | null;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  csrfToken: string;
  roles: MyRole[];
}

/** undefined: not known yet; null: nobody is signed in. */
export const me = signal<Me | null | undefined>(undefined);

/** The pages anyone may open, signed in or not. */
export const PUBLIC_PATHS = ['/connexion', '/reinitialiser'];

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.includes(path.replace(/\/+$/, '') || '/');
}

/** Goes to `url` inside the app (preact-iso follows `popstate`). */
export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** Only a path of this site is followed after signing in (no `//host` or `https:` address). */
export function safeReturn(target: string | undefined | null): string {
  return target &&
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.startsWith('/\\') &&
    !isPublicPath(target.split('?')[0] ?? '')
    ? target
    : '/';
}

/** The sign-in page, remembering where the user was going. */
export function signInHref(returnTo: string = location.pathname + location.search): string {
  const target = safeReturn(returnTo);
  return target === '/' ? '/connexion' : `/connexion?retour=${encodeURIComponent(target)}`;
}

export async function loadMe(): Promise<Me | null> {
  try {
    const found = await api<Me>('/api/auth/me');
    me.value = found;
    return found;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      me.value = null;
      return null;
    }
    throw e;
  }
}

export async function signIn(email: string, password: string): Promise<Me> {
  const found = await api<Me>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  // The login answer is `Me`, with the new session's CSRF token; ask again if it came without one.
  if (!found || !found.csrfToken) return (await loadMe()) ?? found;
  me.value = found;
  return found;
}

/**
 * Ends the session on the server, then loads the sign-in page afresh: nothing the previous user
 * loaded (analyses, names kept for the session) stays in the page for the next one.
 */
export async function signOut(): Promise<void> {
  try {
    await api<void>('/api/auth/logout', { method: 'POST' });
  } finally {
    me.value = null;
    location.assign('/connexion');
  }
}

setSessionHooks({
  csrfToken: () => me.value?.csrfToken,
  unauthenticated() {
    if (me.value === null && isPublicPath(location.pathname)) return;
    me.value = null;
    if (!isPublicPath(location.pathname)) navigate(signInHref(), true);
  },
  async refreshToken() {
    try {
      return (await loadMe())?.csrfToken;
    } catch {
      return undefined;
    }
  },
});

/**
 * What the user is in one territory (the server's standings, strongest first): `manage` (platform
 * or territory administrator), `facilitate`, `contribute`, `read`; undefined when they have no
 * role there. API keys (`public`) do not use the interface.
 */
export type Standing = RoleStanding | typeof PRINCIPAL_DEFINITIONS.platformAdministrator.standing;

export function standingIn(user: Me | null | undefined, code: string): Standing | undefined {
  if (!user) return undefined;
  if (user.isAdmin) return PRINCIPAL_DEFINITIONS.platformAdministrator.standing;
  return strongest(user.roles.filter((r) => r.territoryCode === code).map((r) => roleStanding(r.role)));
}

export { atLeast };

/** Whether the user's standing in a territory holds a permission of the table. */
export function holds(standing: Standing | undefined, permission: Permission): boolean {
  return standing !== undefined && standingHolds(standing, permission);
}

/** A role's name and what it may do, in the current language. */
export function roleLabel(role: Role): string {
  return pick(ROLE_DEFINITIONS[role].label);
}

export function roleDescription(role: Role): string {
  return pick(ROLE_DEFINITIONS[role].description);
}

/** The user's roles in a territory (a platform administrator may have none). */
export function rolesIn(user: Me | null | undefined, code: string): MyRole[] {
  return user ? user.roles.filter((r) => r.territoryCode === code) : [];
}

/** The actors a contributor speaks for in that territory. */
export function ownActors(user: Me | null | undefined, code: string): { id: string; name: string }[] {
  return rolesIn(user, code)
    .filter((r) => ROLE_DEFINITIONS[r.role].forActor && r.actorId)
    .map((r) => ({ id: r.actorId ?? '', name: r.actorName ?? '' }));
}

/** What the interface offers in one territory. */
export interface Offer {
  standing: Standing | undefined;
  /** Every record, imports, exports, analyses, the map, brokering and follow-up. */
  facilitate: boolean;
  /** Members and API keys of the territory. */
  manage: boolean;
  /** Edits the records of this actor (facilitators: every actor; contributors: their own). */
  editsActor: (actorId: string) => boolean;
  /** Sees records of actors (facilitators: all; contributors: their own). */
  seesActors: boolean;
  /** Sees the territory's aggregates (metabolism): whole for facilitators, with small groups withheld for contributors and readers. */
  seesMetabolism: boolean;
}

export function offerIn(user: Me | null | undefined, code: string): Offer {
  const standing = standingIn(user, code);
  const own = new Set(ownActors(user, code).map((a) => a.id));
  return {
    standing,
    facilitate: holds(standing, 'territory:facilitate'),
    manage: holds(standing, 'territory:manage'),
    editsActor: (actorId) => holds(standing, 'records:all') || (holds(standing, 'records:own') && own.has(actorId)),
    seesActors: holds(standing, 'records:own'),
    seesMetabolism: holds(standing, 'aggregates:read'),
  };
}

/** The offer of the signed-in user in a territory; re-renders when `me` changes. */
export function useOffer(code: string): Offer {
  return offerIn(me.value, code);
}
