/** Numbers and units of the metabolism page, in the current language. */
import { t } from '../../../app/i18n/index.js';
import { MISSING, number, quantity } from '../../../ui/format.js';
import type { Family, Layer } from './types.js';

/** A unit as the API gives it ('t', 'MWh', 'm3', '%', 'index 0–10000'), as a reader reads it. */
export function unitLabel(unit: string): string {
  if (unit === 'm3') return 'm³';
  if (unit.startsWith('index')) return t('metabolism.unit.index');
  return unit;
}

/** Digits shown for a value in this unit: none for the concentration index, one otherwise. */
function digits(unit: string): number {
  return unit.startsWith('index') ? 0 : 1;
}

/** A value without its unit. */
export function value(v: number | null | undefined, unit: string): string {
  return number(v, digits(unit));
}

/** A value followed by its unit (no unit after a missing value). */
export function withUnit(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  return unit.startsWith('index') ? `${value(v, unit)} (${unitLabel(unit)})` : quantity(v, unitLabel(unit), digits(unit));
}

/** A change with its sign spelt out (+ or −), so that the direction is not carried by colour. */
export function signed(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  const text = value(Math.abs(v), unit);
  if (text === value(0, unit)) return text;
  return `${v > 0 ? '+' : '−'}${text}`;
}

export function layerLabel(layer: Layer): string {
  return t(`metabolism.layer.${layer}`);
}

export function familyLabel(family: Family | null | undefined): string {
  return family ? t(`metabolism.family.${family}`) : t('metabolism.family.all');
}
