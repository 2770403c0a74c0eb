/**
 * The reference lists the forms and tables need (GET /api/reference/…), asked once per page load
 * and kept in the app's cache (src/api/query.ts): units, periods, resource classes, headcount
 * bands, commune names (a NAF code's label is the territories module's, beside its picker). Until they arrive (or if they fail), the forms still work and
 * the tables show codes.
 */
import { useQuery } from '@tanstack/preact-query';
import type { Period } from '@boucles/engine';
import { pick } from '../app/i18n/index.js';
import { KEEP, reference } from './query.js';

export interface ResourceEntry {
  code: string;
  parent: string | null;
  family: string;
  labelFr: string;
  labelEn: string;
  dimension: string;
  defaultUnit: string;
  acceptedDimensions: string[];
  units: string[];
  temperatureC: { min: number | null; max: number | null } | null;
  wasteCodes: string[];
}

export interface UnitEntry {
  code: string;
  dimension: string;
  toBase: number;
  labelFr: string;
  labelEn: string;
}

export interface PeriodEntry {
  code: Period;
  perYear: number | null;
  labelFr: string;
  labelEn: string;
}

export interface CommuneEntry {
  code: string;
  name: string;
  departement: string;
  postalCodes: string[];
}

export interface HeadcountBand {
  code: string;
  labelFr: string;
  labelEn: string;
}

export interface Results<T> {
  items: T[];
  total: number;
  limit: number;
}

/** The value of a reference request once it arrived; undefined before, and after a failure. */
export function useReference<T>(key: readonly unknown[] | null, load: () => Promise<T>): T | undefined {
  return useQuery<T>({ queryKey: ['reference', 'derived', ...(key ?? [])], queryFn: load, enabled: key !== null, ...KEEP }).data;
}

export interface UnitsTable {
  units: UnitEntry[];
  periods: PeriodEntry[];
}

export function useUnits(): UnitsTable | undefined {
  return useReference(['units'], () => reference<UnitsTable & { version: string }>('/api/reference/units'));
}

/** The whole taxonomy (under 100 classes), for labels in tables. */
export function useResources(): Map<string, ResourceEntry> | undefined {
  return useReference(
    ['resources'],
    async () => new Map((await reference<Results<ResourceEntry>>('/api/reference/resources?limit=100')).items.map((e) => [e.code, e])),
  );
}

export function useHeadcountBands(): HeadcountBand[] | undefined {
  return useReference(
    ['headcount-bands'],
    async () => (await reference<{ items: HeadcountBand[] }>('/api/reference/headcount-bands')).items,
  );
}

/** Names of the given communes (null: none wanted), asked 100 at a time. */
export function useCommuneNames(codes: readonly string[] | null): Map<string, string> | undefined {
  const sorted = codes ? [...codes].sort() : null;
  return useReference(sorted ? ['communes', sorted.join(',')] : null, async () => {
    const chunks: string[][] = [];
    for (let i = 0; i < (sorted ?? []).length; i += 100) chunks.push((sorted ?? []).slice(i, i + 100));
    const pages = await Promise.all(
      chunks.map((c) => reference<Results<CommuneEntry>>(`/api/reference/communes?limit=100&codes=${c.join(',')}`)),
    );
    return new Map(pages.flatMap((p) => p.items.map((c) => [c.code, c.name] as const)));
  });
}

export function resourceLabel(code: string, resources: Map<string, ResourceEntry> | undefined): string {
  const r = resources?.get(code);
  return r ? pick({ fr: r.labelFr, en: r.labelEn }) : code;
}

export function unitLabel(code: string, units: UnitsTable | undefined): string {
  const u = units?.units.find((x) => x.code === code);
  return u ? pick({ fr: u.labelFr, en: u.labelEn }) : code;
}
