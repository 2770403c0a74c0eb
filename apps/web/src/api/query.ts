/**
 * The app's one fetching and caching layer (TanStack Query, docs/adr/0012-web-data-layer-tanstack-query.md).
 *
 * Every GET of the API goes through `useApi` (one answer) or `useApiAll` (every page of a list),
 * keyed by its path: the path's segments after `/api/`, then its query parameters
 * (`/api/territories/X/actors?limit=1` → `['territories', 'X', 'actors', { limit: '1' }]`). Parts
 * of a page that ask for the same thing share one request, and a page opened again shows what it
 * showed while it asks for fresh data, as it always did on opening.
 *
 * Writes stay plain `api()` calls (the forms keep their own busy state and place the API's errors
 * on their fields), followed by `invalidate()` of what they changed: what is on screen is fetched
 * again, what is not is forgotten and loaded afresh when its page opens.
 */
import { keepPreviousData, QueryClient, skipToken, useQuery, type QueryKey } from '@tanstack/preact-query';
import { api, type Page } from './client.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A page asks for fresh data each time it opens (what the cache has shows meanwhile).
      staleTime: 0,
      // The API's answer is final: an error shows at once, and the page offers no retry of its own.
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

/** What a page shows of one request: its data once there, its error, whether it is on its way. */
export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  /** A request is on its way (the first, or a fresh one while the previous data shows). */
  loading: boolean;
}

/** The cache key of an API path: its segments after `/api/`, decoded, then its query parameters. */
export function apiKey(path: string): QueryKey {
  const [pathname = '', search] = path.split('?', 2);
  const segments = pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  return search ? [...segments, Object.fromEntries(new URLSearchParams(search))] : segments;
}

/** The key of a territory's resource: `territoryKey(code, 'actors')` covers its actor lists and actors. */
export function territoryKey(code: string, ...rest: string[]): QueryKey {
  return ['territories', code, ...rest];
}

/** Marks the key of a whole list (every page) apart from the key of one page of it. */
const EVERY_PAGE = { pages: 'all' } as const;

/** What `useQuery` answers, as the pages read it. */
export function loaded<T>(query: { data: T | undefined; error: Error | null; isFetching: boolean }): Loaded<T> {
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching };
}

export interface ApiOptions {
  /**
   * Keep the answer for the session once loaded (reference lists, the latest analysis on the
   * synergy pages): it is asked again only after a change invalidates it.
   */
  keep?: boolean;
}

export const KEEP = { staleTime: Infinity, gcTime: Infinity } as const;

/**
 * GETs `path` (null: nothing to load yet) and follows it when it changes; while the new answer is
 * on its way, the previous one stays shown (`loading` says it is not the new one yet).
 */
export function useApi<T>(path: string | null, options: ApiOptions = {}): Loaded<T> {
  return loaded(
    useQuery<T, Error>({
      queryKey: path === null ? ['nothing'] : apiKey(path),
      queryFn: path === null ? skipToken : () => api<T>(path),
      placeholderData: keepPreviousData,
      ...(options.keep ? KEEP : {}),
    }),
  );
}

/** Every item of a paginated list (500 at a time, the API's maximum): the first page says how many, the others are asked at once. */
export async function fetchAll<T>(path: string): Promise<T[]> {
  const limit = 500;
  const sep = path.includes('?') ? '&' : '?';
  const first = await api<Page<T>>(`${path}${sep}limit=${limit}&offset=0`);
  const rest: Promise<Page<T>>[] = [];
  for (let offset = limit; offset < first.total; offset += limit) rest.push(api<Page<T>>(`${path}${sep}limit=${limit}&offset=${offset}`));
  return [first.items, ...(await Promise.all(rest)).map((p) => p.items)].flat();
}

/** Every item of the list at `path` (null: not yet), cached under the list's key so that a change to the list invalidates it. */
export function useApiAll<T>(path: string | null, options: ApiOptions = {}): Loaded<T[]> {
  return loaded(
    useQuery<T[], Error>({
      queryKey: path === null ? ['nothing'] : [...apiKey(path), EVERY_PAGE],
      queryFn: path === null ? skipToken : () => fetchAll<T>(path),
      ...(options.keep ? KEEP : {}),
    }),
  );
}

/**
 * Reference data (units, classes, codes): asked once per page load and kept, as it does not change
 * while the app runs. For the forms' searches, which ask it outside of a component.
 */
export function reference<T>(path: string): Promise<T> {
  return queryClient.fetchQuery({ queryKey: apiKey(path), queryFn: () => api<T>(path), ...KEEP });
}

/**
 * After a change: what is on screen under each of `keys` is fetched again (the promise resolves
 * when it is), what is not is forgotten, so that its page loads it afresh when it opens.
 */
export async function invalidate(...keys: QueryKey[]): Promise<void> {
  await Promise.all(
    keys.map((queryKey) => {
      queryClient.removeQueries({ queryKey, type: 'inactive' });
      return queryClient.invalidateQueries({ queryKey });
    }),
  );
}

/** Everything cached: after a change that can touch any part (a person's data erased everywhere). */
export function invalidateAll(): Promise<void> {
  return invalidate([]);
}
