/**
 * Loading what the synergy pages show: the territory's latest analysis (kept for the session, so
 * that going from the list to a synergy and back does not fetch the whole result again; running an
 * analysis replaces it), and the names of actors and labels of flows.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Page } from '../../../api/client.js';
import type { Loaded } from '../../../api/hooks.js';
import type { ActorName, FlowLabel, StoredAnalysis } from './types.js';

const territoryPath = (code: string): string => `/api/territories/${encodeURIComponent(code)}`;

const latestCache = new Map<string, Promise<StoredAnalysis | null>>();

/** The latest analysis of the territory, or null when none was run yet. */
export function loadLatest(code: string, fresh = false): Promise<StoredAnalysis | null> {
  let cached = latestCache.get(code);
  if (!cached || fresh) {
    cached = api<StoredAnalysis>(`${territoryPath(code)}/analyses/latest`).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      latestCache.delete(code);
      throw error;
    });
    latestCache.set(code, cached);
  }
  return cached;
}

/** Every item of a paginated list (500 at a time, the API's maximum). */
async function loadAll<T>(path: string): Promise<T[]> {
  const first = await api<Page<T>>(`${path}?limit=500`);
  const rest: Promise<Page<T>>[] = [];
  for (let offset = first.items.length; offset < first.total && first.items.length > 0; offset += 500) rest.push(api<Page<T>>(`${path}?limit=500&offset=${offset}`));
  return [...first.items, ...(await Promise.all(rest)).flatMap((p) => p.items)];
}

export interface Names {
  actors: Map<string, ActorName>;
  flows: Map<string, FlowLabel>;
}

const namesCache = new Map<string, Promise<Names>>();

/** The names of every actor and the labels of every flow of the territory. */
export function loadNames(code: string, fresh = false): Promise<Names> {
  let cached = namesCache.get(code);
  if (!cached || fresh) {
    cached = Promise.all([loadAll<ActorName>(`${territoryPath(code)}/actors`), loadAll<FlowLabel>(`${territoryPath(code)}/flows`)]).then(
      ([actors, flows]) => ({ actors: new Map(actors.map((a) => [a.id, a])), flows: new Map(flows.map((f) => [f.id, f])) }),
      (error: unknown) => {
        namesCache.delete(code);
        throw error;
      },
    );
    namesCache.set(code, cached);
  }
  return cached;
}

/** One actor and one flow, for the detail page (no need for the whole lists there). */
export function loadActor(code: string, id: string): Promise<ActorName> {
  return api<ActorName>(`${territoryPath(code)}/actors/${encodeURIComponent(id)}`);
}

export function loadFlow(code: string, id: string): Promise<FlowLabel> {
  return api<FlowLabel>(`${territoryPath(code)}/flows/${encodeURIComponent(id)}`);
}

/** Runs a loader and follows its state; `reload(true)` asks the loader for fresh data. */
export function useLoader<T>(load: ((fresh: boolean) => Promise<T>) | null, key: string): Loaded<T> & { refresh: () => void } {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: load !== null });
  const [tick, setTick] = useState<{ n: number; fresh: boolean }>({ n: 0, fresh: false });
  useEffect(() => {
    if (load === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load(tick.fresh).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated on every render; `key` names what it loads.
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => ({ n: t.n + 1, fresh: false })), []);
  const refresh = useCallback(() => setTick((t) => ({ n: t.n + 1, fresh: true })), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, refresh };
}
