/**
 * The reference lists the forms need (GET /api/reference/…), fetched once per page load and shared
 * by every form and table: units, periods, resource classes, headcount bands, commune names.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client.js';
import { pick } from '../../../app/i18n/index.js';
import type { CommuneEntry, HeadcountBand, PeriodEntry, ResourceEntry, Results, UnitEntry } from './types.js';

const cache = new Map<string, Promise<unknown>>();

/** GETs `path` once and keeps the answer for the page's lifetime (reference data does not change). */
export function cached<T>(path: string): Promise<T> {
  let p = cache.get(path);
  if (!p) {
    p = api<T>(path);
    cache.set(path, p);
    // A failed request is tried again next time.
    p.catch(() => cache.delete(path));
  }
  return p as Promise<T>;
}

/** The value of `load()`, undefined until it arrives (or if it fails: the forms still work without it). */
export function useCached<T>(key: string | null, load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<{ key: string; value: T } | undefined>(undefined);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    load().then(
      (v) => live && setValue({ key, value: v }),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // `load` is keyed by `key`: a new key means new data.
  }, [key]);
  return value && value.key === key ? value.value : undefined;
}

export interface UnitsTable {
  units: UnitEntry[];
  periods: PeriodEntry[];
}

export const loadUnits = () => cached<UnitsTable & { version: string }>('/api/reference/units');
/** The whole taxonomy (under 100 classes), for labels in tables. */
export const loadResources = () => cached<Results<ResourceEntry>>('/api/reference/resources?limit=100').then((r) => new Map(r.items.map((e) => [e.code, e])));
export const loadHeadcountBands = () => cached<{ items: HeadcountBand[] }>('/api/reference/headcount-bands').then((r) => r.items);

/** Names of the given communes, asked 100 at a time. */
export async function loadCommuneNames(codes: readonly string[]): Promise<Map<string, string>> {
  const sorted = [...codes].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += 100) chunks.push(sorted.slice(i, i + 100));
  const pages = await Promise.all(chunks.map((c) => cached<Results<CommuneEntry>>(`/api/reference/communes?limit=100&codes=${c.join(',')}`)));
  return new Map(pages.flatMap((p) => p.items.map((c) => [c.code, c.name] as const)));
}

export function useUnits(): UnitsTable | undefined {
  return useCached('units', loadUnits);
}

export function useResources(): Map<string, ResourceEntry> | undefined {
  return useCached('resources', loadResources);
}

export function resourceLabel(code: string, resources: Map<string, ResourceEntry> | undefined): string {
  const r = resources?.get(code);
  return r ? pick({ fr: r.labelFr, en: r.labelEn }) : code;
}

export function unitLabel(code: string, units: UnitsTable | undefined): string {
  const u = units?.units.find((x) => x.code === code);
  return u ? pick({ fr: u.labelFr, en: u.labelEn }) : code;
}
