/** Small shared pieces of the territory's administration page. */
import { language, t } from '../../../app/i18n/index.js';
import type { Role } from '../../../app/session.js';

/** A date and time in the current language: "3 mars 2026 à 14:05". */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(language.value === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function dateOnly(iso: string): string {
  return new Date(iso).toLocaleDateString(language.value === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' });
}

export function roleLabel(role: Role): string {
  return t(`access.role.${role}`);
}

/** The text of `key`, or `fallback` when the catalogue has none (an action or object the server added since). */
export function labelOr(key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/** The territory's API path. */
export function territoryApi(code: string): string {
  return `/api/territories/${encodeURIComponent(code)}`;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
