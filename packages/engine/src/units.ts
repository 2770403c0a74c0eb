/** Quantities, units and periods. The unit table itself is reference data, passed in. */

export type Dimension = 'mass' | 'energy' | 'volume' | 'count' | 'duration';

export const PERIODS = ['year', 'month', 'week', 'day', 'once'] as const;
export type Period = (typeof PERIODS)[number];

export interface UnitDefinition {
  code: string;
  dimension: Dimension;
  /** How many of the dimension's base unit one of this unit is (t, MWh, m3, unit, h). */
  toBase: number;
  labelFr: string;
  labelEn: string;
}

export interface PeriodDefinition {
  code: Period;
  /** How many of this period fit in a year; null for a one-off quantity. */
  perYear: number | null;
}

export interface Quantity {
  value: number;
  unit: string;
  period: Period;
}

export interface UnitTable {
  unit(code: string): UnitDefinition | undefined;
  period(code: Period): PeriodDefinition | undefined;
}

export const BASE_UNITS: Readonly<Record<Dimension, string>> = {
  mass: 't',
  energy: 'MWh',
  volume: 'm3',
  count: 'unit',
  duration: 'h',
};

/** Converts a value between two units of the same dimension. */
export function convert(value: number, from: string, to: string, table: UnitTable): number {
  const a = table.unit(from);
  const b = table.unit(to);
  if (!a) throw new RangeError(`unknown unit ${from}`);
  if (!b) throw new RangeError(`unknown unit ${to}`);
  if (a.dimension !== b.dimension) throw new RangeError(`cannot convert ${a.dimension} (${from}) to ${b.dimension} (${to})`);
  return (value * a.toBase) / b.toBase;
}

/**
 * The quantity per year, in the base unit of its dimension (t/yr, MWh/yr, m3/yr…).
 * A one-off quantity has no annual rate: null.
 */
export function annualBaseQuantity(q: Quantity, table: UnitTable): { value: number; unit: string; dimension: Dimension } | null {
  const unit = table.unit(q.unit);
  const period = table.period(q.period);
  if (!unit) throw new RangeError(`unknown unit ${q.unit}`);
  if (!period) throw new RangeError(`unknown period ${q.period}`);
  if (period.perYear === null) return null;
  return { value: q.value * unit.toBase * period.perYear, unit: BASE_UNITS[unit.dimension], dimension: unit.dimension };
}
