/** Numbers, units and dates of the synergy pages, in the current language. */
import { language, num, t } from '../../../app/i18n/index.js';

/** A unit as the API writes it ("m3/an", "EUR/yr", "unit"), for reading. */
export function unitLabel(unit: string): string {
  if (unit === 'unit') return t('synergies.unit.units');
  return unit
    .replace(/\bm3\b/g, 'm³')
    .replace(/^EUR\b/, '€')
    .replace(/\/(an|yr)$/, t('synergies.unit.perYear'));
}

/** Digits that keep a figure readable: none above 100, one above 1, two below. */
export function figure(n: number | null | undefined): string {
  if (n === null || n === undefined) return num(n);
  const abs = Math.abs(n);
  return num(n, abs >= 100 ? 0 : abs >= 1 ? 1 : 2);
}

export function quantity(value: number | null | undefined, unit: string | null | undefined): string {
  return unit ? `${figure(value)} ${unitLabel(unit)}` : figure(value);
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(language.value === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

/** The href of a synergy's page: its ID holds `>` and `@`, so it is encoded. */
export function synergyHref(base: string, id: string): string {
  return `${base}/synergies/${encodeURIComponent(id)}`;
}

/** A positive decimal typed with a comma or a point; NaN when it is not one. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^\d+(\.\d*)?$|^\.\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
