import type { Territory } from '../api/client.js';
import { useApi } from '../api/hooks.js';

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
