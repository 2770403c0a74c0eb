/**
 * The synergies and cases a user may see (`GET /api/territories/:code/synergies`), as a table:
 * status, both parties (named once disclosed, else described), resource, quantity, distance,
 * estimated impacts, the reader's side, and the way to the case. Facilitators open a case from a
 * detected synergy here.
 */
import '../followup.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../app/i18n/index.js';
import { figure, MISSING, number } from '../../../ui/format.js';
import { resourceLabel, useResources } from '../../../api/reference.js';
import { PartyName, partyText, quantityText, StatusTag } from './parts.js';
import { DataTable } from '../../../ui/DataTable.js';
import type { SynergyItem } from './types.js';
import { familyLabel } from '../../../ui/synergy-format.js';

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
    <DataTable
      caption={caption}
      class="followup-table"
      wrap="followup-table-wrap"
      rows={items.slice(0, shown)}
      rowKey={(item) => item.id}
      bodyRef={body}
      columns={[
        {
          header: t('followup.col.synergy'),
          rowHeader: true,
          cell: (item) => {
            const name = t('followup.synergyName', { supplier: partyText(item.supplier), receiver: partyText(item.receiver) });
            return (
              <>
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
              </>
            );
          },
        },
        { header: t('followup.col.status'), cell: (item) => <StatusTag status={item.status} /> },
        { header: t('followup.col.supplier'), cell: (item) => <PartyName party={item.supplier} base={actorBase} /> },
        { header: t('followup.col.receiver'), cell: (item) => <PartyName party={item.receiver} base={actorBase} /> },
        {
          header: t('followup.col.resource'),
          cell: (item) => (
            <>
              {item.resourceCode ? resourceLabel(item.resourceCode, resources) : MISSING}
              {item.family && <span class="followup-block small muted">{familyLabel(item.family)}</span>}
            </>
          ),
        },
        { header: t('followup.col.quantity'), numeric: true, cell: (item) => quantityText(item.quantity) },
        { header: t('followup.col.distance'), numeric: true, cell: (item) => t('followup.km', { km: figure(item.distanceKm) }) },
        {
          header: t('followup.col.co2'),
          numeric: true,
          cell: (item) => (item.impacts.co2eAvoidedT === null ? MISSING : number(item.impacts.co2eAvoidedT, 1)),
        },
        withRole && { header: t('followup.col.role'), cell: (item) => (item.role ? t(`followup.role.${item.role}`) : MISSING) },
      ]}
      footer={
        items.length > shown && (
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
        )
      }
    />
  );
}
