/**
 * The synergies and cases a user may see (`GET /api/territories/:code/synergies`), as a table:
 * status, both parties (named once disclosed, else described), resource, quantity, distance,
 * estimated impacts, the reader's side, and the way to the case. Facilitators open a case from a
 * detected synergy here.
 */
import '../followup.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../app/i18n/index.js';
import { figure, number } from '../../../ui/format.js';
import { resourceLabel, useResources } from '../../territories/components/reference.js';
import { PartyName, partyText, quantityText, StatusTag } from './parts.js';
import type { SynergyItem } from './types.js';
import { familyLabel } from '../../synergies/components/format.js';

const PAGE = 50;

export function SynergyItems({
  items,
  base,
  caption,
  facilitate,
  opening,
  onOpenCase,
}: {
  items: SynergyItem[];
  base: string;
  caption: string;
  /** Facilitators: names link to actors, detected synergies to their page, and a case can be opened. */
  facilitate: boolean;
  /** The synergy whose case is being opened. */
  opening?: string | undefined;
  onOpenCase?: ((item: SynergyItem) => void) | undefined;
}) {
  const resources = useResources();
  const [shown, setShown] = useState(PAGE);
  const firstNew = useRef<number | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => setShown(PAGE), [items]);
  useEffect(() => {
    if (firstNew.current === null) return;
    body.current?.querySelectorAll<HTMLElement>('tr > th')[firstNew.current]?.querySelector<HTMLElement>('a, button')?.focus();
    firstNew.current = null;
  }, [shown]);
  const withRole = items.some((i) => i.role !== null);
  const actorBase = facilitate ? base : undefined;
  return (
    <div class="followup-table-wrap">
      <table class="followup-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followup.col.synergy')}</th>
            <th scope="col">{t('followup.col.status')}</th>
            <th scope="col">{t('followup.col.supplier')}</th>
            <th scope="col">{t('followup.col.receiver')}</th>
            <th scope="col">{t('followup.col.resource')}</th>
            <th scope="col" class="number">
              {t('followup.col.quantity')}
            </th>
            <th scope="col" class="number">
              {t('followup.col.distance')}
            </th>
            <th scope="col" class="number">
              {t('followup.col.co2')}
            </th>
            {withRole && <th scope="col">{t('followup.col.role')}</th>}
          </tr>
        </thead>
        <tbody ref={body}>
          {items.slice(0, shown).map((item) => {
            const name = t('followup.synergyName', { supplier: partyText(item.supplier), receiver: partyText(item.receiver) });
            return (
              <tr key={item.id}>
                <th scope="row">
                  {item.caseId ? (
                    <a href={`${base}/suivi/${encodeURIComponent(item.caseId)}`}>
                      {t('followup.openCaseLink')}
                      <span class="visually-hidden"> {name}</span>
                    </a>
                  ) : facilitate && onOpenCase ? (
                    <button type="button" class="secondary followup-small" disabled={opening === item.id} onClick={() => onOpenCase(item)}>
                      {opening === item.id ? t('followup.opening') : t('followup.openCase')}
                      <span class="visually-hidden"> {name}</span>
                    </button>
                  ) : (
                    <span class="muted">{t('followup.noCase')}</span>
                  )}
                  {facilitate && (
                    <span class="followup-block small">
                      <a href={`${base}/synergies/${encodeURIComponent(item.id)}`}>
                        {t('followup.seeSynergy')}
                        <span class="visually-hidden"> {name}</span>
                      </a>
                    </span>
                  )}
                </th>
                <td>
                  <StatusTag status={item.status} />
                </td>
                <td>
                  <PartyName party={item.supplier} base={actorBase} />
                </td>
                <td>
                  <PartyName party={item.receiver} base={actorBase} />
                </td>
                <td>
                  {item.resourceCode ? resourceLabel(item.resourceCode, resources) : '—'}
                  {item.family && <span class="followup-block small muted">{familyLabel(item.family)}</span>}
                </td>
                <td class="number">{quantityText(item.quantity)}</td>
                <td class="number">{t('followup.km', { km: figure(item.distanceKm) })}</td>
                <td class="number">{item.impacts.co2eAvoidedT === null ? '—' : number(item.impacts.co2eAvoidedT, 1)}</td>
                {withRole && <td>{item.role ? t(`followup.role.${item.role}`) : '—'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {items.length > shown && (
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              firstNew.current = shown;
              setShown((s) => s + PAGE);
            }}
          >
            {t('followup.more', { n: Math.min(PAGE, items.length - shown) })}
          </button>
        </p>
      )}
    </div>
  );
}
