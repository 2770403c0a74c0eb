/** Writing the follow-up: each write refreshes what shows it (src/api/query.ts). */
import { api } from '../../../api/client.js';
import { apiKey, invalidate, queryClient, territoryKey } from '../../../api/query.js';
import type { SynergyCase } from './types.js';

export function casePath(code: string, caseId: string): string {
  return `/api/territories/${encodeURIComponent(code)}/synergy-cases/${encodeURIComponent(caseId)}`;
}

/** What a case's change changes besides it: the synergies listed with their status, the pipeline's counts. */
function followUpChanged(code: string): Promise<void> {
  return invalidate(territoryKey(code, 'synergies'), territoryKey(code, 'pipeline'));
}

/** Opens the follow-up of a detected synergy; gives the new case. */
export async function openCase(code: string, synergyId: string): Promise<SynergyCase> {
  const created = await api<SynergyCase>(`/api/territories/${encodeURIComponent(code)}/synergy-cases`, {
    method: 'POST',
    body: JSON.stringify({ synergyId }),
  });
  void followUpChanged(code);
  return created;
}

/** Sends a change of a case (`path` under the case, `init` its method and body); gives the case as it now is, which its page shows at once. */
export async function changeCase(code: string, caseId: string, path: string, init: RequestInit): Promise<SynergyCase> {
  const updated = await api<SynergyCase>(`${casePath(code, caseId)}${path}`, init);
  queryClient.setQueryData(apiKey(casePath(code, caseId)), updated);
  void followUpChanged(code);
  return updated;
}
