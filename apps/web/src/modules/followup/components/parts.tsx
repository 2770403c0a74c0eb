/** Small parts of the follow-up pages: statuses, parties, people, figures. */
import '../followup.css';
import { language, num, pick, t } from '../../../app/i18n/index.js';
import { unitLabel } from '../../synergies/components/format.js';
import type { Party, PersonRef, QuantityValue, Status } from './types.js';

export function statusLabel(status: Status): string {
  return t(`followup.status.${status}`);
}

export function StatusTag({ status }: { status: Status }) {
  return <span class={`status-tag status-${status}`}>{statusLabel(status)}</span>;
}

/** A party's name when disclosed to the reader, else its description, marked anonymous. */
export function partyText(p: Party): string {
  return p.disclosed ? p.name : pick(p.description);
}

export function PartyName({ party, base }: { party: Party; base?: string | undefined }) {
  if (party.disclosed) {
    return base ? <a href={`${base}/acteurs/${encodeURIComponent(party.actorId)}`}>{party.name}</a> : <span>{party.name}</span>;
  }
  return (
    <span class="party-anonymous">
      <span class="tag">{t('followup.party.anonymous')}</span> {pick(party.description)}
    </span>
  );
}

export function personName(p: PersonRef): string {
  return p?.displayName ?? '';
}

export function quantityText(q: QuantityValue): string {
  if (!q) return '—';
  return `${num(q.value, q.value >= 100 ? 0 : 1)} ${unitLabel(q.unit)}`;
}

export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${num(ratio * 100, 1)} %`;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language.value === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

/** A calendar date (`2025-03-01`) in the reader's format, without any time zone shift. */
export function dateOnly(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language.value === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
}
