/** The follow-up status of every synergy of the latest analysis, for the facilitators' analysis pages. */
import { useMemo } from 'preact/hooks';
import { useApi } from '../../../api/query.js';
import type { Status, SynergyItem } from './types.js';

export function useFollowUpIndex(code: string): { index: FollowUpIndex | undefined } {
  const list = useApi<{ items: SynergyItem[] }>(`/api/territories/${encodeURIComponent(code)}/synergies`);
  const index = useMemo(
    () => (list.data ? new Map(list.data.items.map((i) => [pairKey(i.id), { status: i.status, caseId: i.caseId }])) : undefined),
    [list.data],
  );
  return { index };
}

/** What the follow-up says of each pair of flows: its status and its case, keyed `outputFlowId>inputFlowId`. */
export type FollowUpIndex = ReadonlyMap<string, { status: Status; caseId: string | null }>;

/** The pair of flows of a synergy ID (`outputFlowId>inputFlowId@rule`): the follow-up's key, whichever rule found it. */
export function pairKey(synergyId: string): string {
  const at = synergyId.indexOf('@');
  return at < 0 ? synergyId : synergyId.slice(0, at);
}

export function followUpOf(
  index: FollowUpIndex | undefined,
  s: { outputFlowId: string; inputFlowId: string },
): { status: Status; caseId: string | null } {
  return index?.get(`${s.outputFlowId}>${s.inputFlowId}`) ?? { status: 'detected', caseId: null };
}
