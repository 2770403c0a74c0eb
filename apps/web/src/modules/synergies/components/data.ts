/**
 * What the synergy pages load: the territory's latest analysis (kept for the session on these
 * pages, so that going from the list to a synergy and back does not fetch the whole result again;
 * running an analysis invalidates it), and the names of actors and labels of flows.
 */
import { useQueries } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { api } from '../../../api/client.js';
import { apiKey, useApiAll, type Loaded } from '../../../api/query.js';
import { useLatestAnalysis } from '../../../app/territory.js';
import type { ActorName, FlowLabel, StoredAnalysis, Synergy } from './types.js';

const territoryPath = (code: string): string => `/api/territories/${encodeURIComponent(code)}`;

/** The latest analysis of the territory, or null when none was run yet. */
export function useLatest(code: string): Loaded<StoredAnalysis | null> {
  return useLatestAnalysis<StoredAnalysis>(code, { keep: true });
}

export interface Names {
  actors: Map<string, ActorName>;
  flows: Map<string, FlowLabel>;
}

/** The names of every actor and the labels of every flow of the territory. */
export function useNames(code: string): Loaded<Names> {
  const actors = useApiAll<ActorName>(`${territoryPath(code)}/actors`, { keep: true });
  const flows = useApiAll<FlowLabel>(`${territoryPath(code)}/flows`, { keep: true });
  const data = useMemo(
    () =>
      actors.data && flows.data
        ? { actors: new Map(actors.data.map((a) => [a.id, a])), flows: new Map(flows.data.map((f) => [f.id, f])) }
        : undefined,
    [actors.data, flows.data],
  );
  return { data, error: actors.error ?? flows.error, loading: actors.loading || flows.loading };
}

export interface Parties {
  supplier: ActorName | null;
  receiver: ActorName | null;
  output: FlowLabel | null;
  input: FlowLabel | null;
}

/**
 * The two actors and two flows of one synergy (no need for the whole lists there), once all four
 * answered; one that cannot be read (deleted since the analysis) is null, shown as unknown.
 */
export function useParties(code: string, synergy: Synergy | undefined): Parties | undefined {
  const base = territoryPath(code);
  const paths = synergy
    ? [
        `${base}/actors/${encodeURIComponent(synergy.supplierActorId)}`,
        `${base}/actors/${encodeURIComponent(synergy.receiverActorId)}`,
        `${base}/flows/${encodeURIComponent(synergy.outputFlowId)}`,
        `${base}/flows/${encodeURIComponent(synergy.inputFlowId)}`,
      ]
    : [];
  return useQueries({
    // Each answer is read for its own kind's field: an actor's name, a flow's label.
    queries: paths.map((path) => ({ queryKey: apiKey(path), queryFn: () => api<ActorName & FlowLabel>(path) })),
    combine: (results) => {
      if (results.length < 4 || results.some((r) => r.isPending)) return undefined;
      const [supplier, receiver, output, input] = results.map((r) => r.data ?? null);
      return { supplier: supplier ?? null, receiver: receiver ?? null, output: output ?? null, input: input ?? null };
    },
  });
}
