/**
 * Numbers, quantities, percentages and dates as the interface writes them, in the current language
 * (`fr-FR` by default, `en-GB` in English): one way for each, on every page. A missing value is a
 * dash. What a unit code reads as ("m3" → "m³", "EUR/an" → "€/an") is each module's own business:
 * `quantity()` takes the unit as it is to be shown.
 */
import { language } from '../app/i18n/index.js';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

/** What stands for a value that is not there. */
export const MISSING = '—';

function present(n: number | null | undefined): n is number {
  return n !== null && n !== undefined && Number.isFinite(n);
}

/**
 * A number with at most `digits` decimals ("1 200,5"); `grouping: false` writes it without
 * thousands separators, as a spreadsheet cell shows it.
 */
export function number(n: number | null | undefined, digits = 1, options: { grouping?: false } = {}): string {
  if (!present(n)) return MISSING;
  return n.toLocaleString(LOCALES[language.value], {
    maximumFractionDigits: digits,
    ...(options.grouping === false ? { useGrouping: false } : {}),
  });
}

/** Decimals that keep a figure readable: none from 100, one from 1, two below. */
export function readableDigits(n: number | null | undefined): number {
  const abs = Math.abs(n ?? 0);
  return abs >= 100 ? 0 : abs >= 1 ? 1 : 2;
}

/** A figure with the decimals that keep it readable (`readableDigits`). */
export function figure(n: number | null | undefined): string {
  return number(n, readableDigits(n));
}

/** A quantity and its unit ("1 200,5 MWh"); the dash alone when there is no quantity. */
export function quantity(n: number | null | undefined, unit: string, digits = 1): string {
  return present(n) ? `${number(n, digits)} ${unit}` : MISSING;
}

/** A ratio (0–1) as a percentage ("20,1 %"). */
export function percent(ratio: number | null | undefined, digits = 1): string {
  return present(ratio) ? quantity(ratio * 100, '%', digits) : MISSING;
}

/** A date and time, where the reader is: "3 mars 2026 à 14:05". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  return new Date(iso).toLocaleString(LOCALES[language.value], { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * A date: "3 mars 2026". A calendar date (`2026-03-03`) is that day wherever the reader is; a
 * timestamp is the day it is where the reader is.
 */
export function date(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (calendar) {
    const [, y, m, d] = calendar.map(Number);
    return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d)).toLocaleDateString(LOCALES[language.value], { dateStyle: 'long', timeZone: 'UTC' });
  }
  return new Date(iso).toLocaleDateString(LOCALES[language.value], { dateStyle: 'long' });
}
