/**
 * Everything the relationship log asks of the API, in one place: its types (as the server's
 * `Interaction` schema answers them), the reads (through the app's query layer) and the writes, which
 * refresh the log's cached pages.
 */
import { api, type Page } from '../../api/client.js';
import { invalidate, territoryKey, useApi, type Loaded } from '../../api/query.js';

/** visite, rencontre, atelier en entreprise, club (the server's codes; the page says them in words). */
export const KINDS = ['visit', 'meeting', 'company_workshop', 'club'] as const;
export type Kind = (typeof KINDS)[number];

export interface Interaction {
  id: string;
  actorId: string;
  actorName: string;
  /** `YYYY-MM-DD`. */
  occurredOn: string;
  kind: Kind;
  participants: string | null;
  topics: string | null;
  weakSignal: boolean;
  weakSignalText: string | null;
  serviceOffered: string | null;
  followUpOn: string | null;
  createdBy: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** What the form sends: every field, null for those left empty (a change then clears them). */
export interface InteractionInput {
  actorId: string;
  occurredOn: string;
  kind: Kind;
  participants: string | null;
  topics: string | null;
  weakSignal: boolean;
  weakSignalText: string | null;
  serviceOffered: string | null;
  followUpOn: string | null;
}

const logPath = (code: string) => `/api/territories/${encodeURIComponent(code)}/interactions`;

/** The log, newest first; `weakSignal`: only the exchanges where one was noticed. */
export function useInteractions(code: string, filter: { weakSignal: boolean; limit: number }): Loaded<Page<Interaction>> {
  const query = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.weakSignal) query.set('weakSignal', 'true');
  return useApi<Page<Interaction>>(`${logPath(code)}?${query.toString()}`);
}

/** Actors of the territory whose name (or SIRET) matches `q`, 100 at most, to pick the company met. */
export function useActorChoices(code: string, q: string): Loaded<Page<{ id: string; name: string }>> {
  const query = new URLSearchParams({ limit: '100' });
  if (q) query.set('q', q);
  return useApi<Page<{ id: string; name: string }>>(`/api/territories/${encodeURIComponent(code)}/actors?${query.toString()}`);
}

/** Creates an entry, or replaces the fields of entry `id`. */
export async function saveInteraction(code: string, input: InteractionInput, id?: string): Promise<Interaction> {
  const saved = id
    ? await api<Interaction>(`${logPath(code)}/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(input) })
    : await api<Interaction>(logPath(code), { method: 'POST', body: JSON.stringify(input) });
  await invalidate(territoryKey(code, 'interactions'));
  return saved;
}

export async function deleteInteraction(code: string, id: string): Promise<void> {
  await api<void>(`${logPath(code)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
  await invalidate(territoryKey(code, 'interactions'));
}
