/** Small parts of the follow-up pages: statuses, parties, people, quantities. */
import '../followup.css';
import { pick, t } from '../../../app/i18n/index.js';
import { MISSING } from '../../../ui/format.js';
import { readableQuantity } from '../../../ui/synergy-format.js';
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
  return q ? readableQuantity(q.value, q.unit) : MISSING;
}
