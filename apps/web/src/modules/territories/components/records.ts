/** Writing the territory's records: each write refreshes what shows them (src/api/query.ts). */
import { api } from '../../../api/client.js';
import { recordsChanged, type RecordCollection } from '../../../app/territory.js';

function path(code: string, collection: RecordCollection, id?: string): string {
  const base = `/api/territories/${encodeURIComponent(code)}/${collection}`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

/** Creates a record (no `id`) or changes it (PATCH), and gives it back as stored. */
export async function saveRecord<T>(code: string, collection: RecordCollection, id: string | undefined, body: object): Promise<T> {
  const saved = await api<T>(path(code, collection, id), { method: id === undefined ? 'POST' : 'PATCH', body: JSON.stringify(body) });
  void recordsChanged(code, collection);
  return saved;
}

/** Deletes a record; `alsoGone`: the records deleted with it (a site's flows, an actor's sites, flows and needs). */
export async function deleteRecord(
  code: string,
  collection: RecordCollection,
  id: string,
  alsoGone: readonly RecordCollection[] = [],
): Promise<void> {
  await api<void>(path(code, collection, id), { method: 'DELETE' });
  void recordsChanged(code, collection, ...alsoGone);
}
