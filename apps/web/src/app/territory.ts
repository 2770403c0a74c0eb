import { useQuery } from '@tanstack/preact-query';
import { api, ApiError, type Territory } from '../api/client.js';
import { apiKey, invalidate, KEEP, loaded, territoryKey, useApi, type ApiOptions, type Loaded } from '../api/query.js';

/** The territory of the current route, for the page frame and the pages. */
export function useTerritory(code: string) {
  return useApi<Territory>(`/api/territories/${encodeURIComponent(code)}`);
}

export function territoryBase(code: string): string {
  return `/t/${encodeURIComponent(code)}`;
}

/** The summary of a stored analysis, as the API lists it. */
export interface AnalysisRun {
  id: string;
  createdAt: string;
  objective: 'co2' | 'cost';
  engineVersion: string;
  rulesVersion: string;
  summary: {
    candidates: number;
    proposed: number;
    rejected: number;
    mutualisations: number;
    allocatedTonnes: number;
    co2eAvoidedTonnes: number;
    divertedTonnes: number;
  };
}

/**
 * The territory's latest analysis with its whole result, or null when none was run yet; one
 * cached answer for every page that shows it (the synergies, an actor's, the map), each typing
 * the part of it that it reads as `T`. `enabled: false`: not asked (for whom may not read it).
 */
export function useLatestAnalysis<T extends { id: string; createdAt: string }>(
  code: string,
  options: ApiOptions & { enabled?: boolean } = {},
): Loaded<T | null> {
  const path = `/api/territories/${encodeURIComponent(code)}/analyses/latest`;
  return loaded(
    useQuery<T | null, Error>({
      queryKey: apiKey(path),
      queryFn: () =>
        api<T>(path).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }),
      enabled: options.enabled ?? true,
      // Megabytes of result: a fresh answer replaces the cached one whole, without comparing them field by field.
      structuralSharing: false,
      ...(options.keep ? KEEP : {}),
    }),
  );
}

/** The territory's records, as their API paths name them. */
export type RecordCollection = 'actors' | 'sites' | 'flows' | 'needs';

/**
 * After a change to the territory's records: the lists and records changed, and what is computed
 * from them (the metabolism, the synergies as the follow-up lists them with their parties' names).
 */
export function recordsChanged(code: string, ...collections: RecordCollection[]): Promise<void> {
  return invalidate(...collections.map((c) => territoryKey(code, c)), territoryKey(code, 'metabolism'), territoryKey(code, 'synergies'));
}

/**
 * After an analysis was run: its result and what it changes (the analyses, the synergies and
 * their follow-up, the metabolism's scenario), and the names of actors and flows it shows, in
 * case they changed; resolves once what is on screen is fresh.
 */
export function analysisRun(code: string): Promise<void> {
  return invalidate(...(['analyses', 'synergies', 'pipeline', 'metabolism', 'actors', 'flows'] as const).map((k) => territoryKey(code, k)));
}
