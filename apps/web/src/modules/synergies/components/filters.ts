/** The list's filters and sort, kept for the session so that coming back from a synergy keeps them. */
import { t } from '../../../app/i18n/index.js';
import type { Names } from './data.js';
import { ruleLabel, resourceLabel } from './reference.js';
import type { Mutualisation, Synergy } from './types.js';
import type { Status } from '../../followup/index.js';
import { familyLabel, parseDecimal } from '../../../ui/synergy-format.js';

export interface Filters {
  type: 'all' | 'substitution' | 'mutualisation';
  family: string;
  q: string;
  maxKm: string;
  /** The follow-up status (a synergy without a case is detected). */
  status: 'all' | Status;
  allocatedOnly: boolean;
  sort: 'score' | 'co2';
}

export const PAGE_SIZE = 50;

export const DEFAULT_FILTERS: Filters = { type: 'all', family: '', q: '', maxKm: '', status: 'all', allocatedOnly: false, sort: 'score' };

const saved = new Map<string, Filters>();

export function savedFilters(code: string): Filters {
  return saved.get(code) ?? DEFAULT_FILTERS;
}

export function saveFilters(code: string, filters: Filters): void {
  saved.set(code, filters);
}

/** Lower case without accents, for searching ("Chaleur" finds "chaléur" and the reverse). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The maximum distance typed, or null when none (or not a number: the field says so). */
export function maxKm(filters: Filters): number | null {
  if (filters.maxKm.trim() === '') return null;
  const value = parseDecimal(filters.maxKm);
  return Number.isFinite(value) ? value : null;
}

export function actorName(names: Names | undefined, id: string): string {
  return names?.actors.get(id)?.name ?? t('synergies.unknownActor');
}

/** Everything a text search looks at for a synergy: names, flow labels, resources, rule, family. */
export function synergyText(s: Synergy, names: Names | undefined): string {
  const output = names?.flows.get(s.outputFlowId);
  const input = names?.flows.get(s.inputFlowId);
  return fold(
    [
      actorName(names, s.supplierActorId),
      actorName(names, s.receiverActorId),
      output?.label,
      input?.label,
      output?.resourceCode,
      input?.resourceCode,
      output ? resourceLabel(output.resourceCode) : '',
      input ? resourceLabel(input.resourceCode) : '',
      s.ruleId,
      ruleLabel(s.ruleId),
      familyLabel(s.family),
    ].join(' '),
  );
}

export function mutualisationText(m: Mutualisation, names: Names | undefined): string {
  return fold(
    [
      t(`synergies.mut.kind.${m.kind}`),
      t(`synergies.mut.category.${m.category}`),
      m.resourceCode ?? '',
      m.resourceCode ? resourceLabel(m.resourceCode) : '',
      ...m.members.map((member) => actorName(names, member.actorId)),
    ].join(' '),
  );
}

export const co2Of = (s: Synergy): number | null => s.impacts.figures.co2eAvoided?.value ?? null;
