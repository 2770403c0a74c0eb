/** Small shared pieces of the territory's administration page. */
import { isMessageKey, t } from '../../../app/i18n/index.js';
import type { Role } from '../../../app/session.js';

export function roleLabel(role: Role): string {
  return t(`access.role.${role}`);
}

/** The text of `key`, or `fallback` when the catalogue has none (an action or object the server added since). */
export function labelOr(key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** The territory's API path. */
export function territoryApi(code: string): string {
  return `/api/territories/${encodeURIComponent(code)}`;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
