/** Units and quantities of the synergy pages (the synergies and their follow-up), in the current language. */
import { isMessageKey, t } from '../app/i18n/index.js';
import { figure, quantity, readableDigits } from './format.js';

/** A unit as the API writes it ("m3/an", "EUR/yr", "unit"), for reading. */
export function unitLabel(unit: string): string {
  if (unit === 'unit') return t('synergies.unit.units');
  return unit
    .replace(/\bm3\b/g, 'm³')
    .replace(/^EUR\b/, '€')
    .replace(/\/(an|yr)$/, t('synergies.unit.perYear'));
}

/** A rule's family ("Chaleur fatale"); the family's own name when the catalogue has none (rules sent with an analysis may name others). */
export function familyLabel(family: string): string {
  const key = `synergies.family.${family}`;
  return isMessageKey(key) ? t(key) : family;
}

/** A quantity in a unit as the API writes it (if any), with the decimals that keep it readable ("9 000 MWh/an"). */
export function readableQuantity(value: number | null | undefined, unit: string | null | undefined): string {
  return unit ? quantity(value, unitLabel(unit), readableDigits(value)) : figure(value);
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
