/** The follow-up status of every synergy of the latest analysis, for the facilitators' analysis pages. */
import { useMemo } from 'preact/hooks';
import { useApi } from '../../../api/query.js';
import { pairKey, type FollowUpIndex } from '../../synergies/components/filters.js';
import type { SynergyItem } from './types.js';

export function useFollowUpIndex(code: string): { index: FollowUpIndex | undefined } {
  const list = useApi<{ items: SynergyItem[] }>(`/api/territories/${encodeURIComponent(code)}/synergies`);
  const index = useMemo(() => (list.data ? new Map(list.data.items.map((i) => [pairKey(i.id), { status: i.status, caseId: i.caseId }])) : undefined), [list.data]);
  return { index };
}
