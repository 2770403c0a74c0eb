/**
 * The list equivalent of the map: the same sites, filtered the same way, each linking to its
 * actor's page. Long lists are shown by pages of rows, with a button for the next ones.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { territoryBase } from '../../../app/territory.js';
import type { LinkRow, SiteRow } from './data.js';
import { KindIcon } from './KindIcon.js';
import { DataTable } from '../../../ui/DataTable.js';

export const ROWS_PER_STEP = 200;

function coordinate(value: number | undefined) {
  return value === undefined ? <span class="muted">{t('map.notLocated')}</span> : number(value, 5);
}

/** A button that shows the next rows of a long table. */
function More({ left, onMore, label }: { left: number; onMore: () => void; label: MessageKey }) {
  if (left <= 0) return null;
  return (
    <p>
      <button type="button" class="secondary" onClick={onMore}>
        {t(label, { left: number(left, 0) })}
      </button>
    </p>
  );
}

export function SiteTable({ code, rows, total }: { code: string; rows: readonly SiteRow[]; total: number }) {
  const [limit, setLimit] = useState(ROWS_PER_STEP);
  useEffect(() => {
    // When the list is first on screen: the page is usable (measured by the E2E test).
    if (performance.getEntriesByName('boucles:carte:liste').length === 0) performance.mark('boucles:carte:liste');
  }, []);
  const base = territoryBase(code);
  const shown = rows.slice(0, limit);
  return (
    <>
      <DataTable
        caption={
          <>
            {t('map.list.caption')}{' '}
            <span class="muted">{t('map.list.captionCount', { shown: number(rows.length, 0), total: number(total, 0) })}</span>
          </>
        }
        class="map-sites"
        wrap="map-table-wrap"
        rows={shown}
        rowKey={(r) => r.siteId}
        columns={[
          {
            header: t('map.list.actor'),
            rowHeader: true,
            cell: (r) => <a href={`${base}/acteurs/${encodeURIComponent(r.actorId)}`}>{r.actorName}</a>,
          },
          { header: t('map.list.site'), cell: (r) => r.siteName },
          {
            header: t('map.list.kind'),
            cell: (r) => (
              <span class="map-kind">
                <KindIcon kind={r.kind} />
                {t(`map.kind.${r.kind}`)}
              </span>
            ),
          },
          { header: t('map.list.commune'), cell: (r) => r.communeCode },
          { header: t('map.list.lat'), numeric: true, cell: (r) => coordinate(r.location?.lat) },
          { header: t('map.list.lon'), numeric: true, cell: (r) => coordinate(r.location?.lon) },
        ]}
      />
      {rows.length === 0 && <p class="muted">{t('map.list.empty')}</p>}
      <More left={rows.length - limit} onMore={() => setLimit((n) => n + ROWS_PER_STEP)} label="map.list.more" />
    </>
  );
}

export function LinkTable({ code, rows }: { code: string; rows: readonly LinkRow[] }) {
  const [limit, setLimit] = useState(ROWS_PER_STEP);
  const base = territoryBase(code);
  const actor = (r: SiteRow) => (
    <>
      <a href={`${base}/acteurs/${encodeURIComponent(r.actorId)}`}>{r.actorName}</a>
      {r.siteName !== r.actorName && <span class="small muted"> — {r.siteName}</span>}
    </>
  );
  return (
    <>
      <DataTable
        caption={
          <>
            {t('map.links.caption')}{' '}
            <span class="muted">
              {t('map.links.captionCount', { shown: number(Math.min(limit, rows.length), 0), total: number(rows.length, 0) })}
            </span>
          </>
        }
        class="map-links"
        wrap="map-table-wrap"
        rows={rows.slice(0, limit)}
        rowKey={(r) => r.synergyId}
        columns={[
          { header: t('map.links.from'), cell: (r) => actor(r.from) },
          { header: t('map.links.to'), cell: (r) => actor(r.to) },
          { header: t('map.links.distance'), numeric: true, cell: (r) => number(r.distanceKm, 1) },
          {
            header: t('map.links.detail'),
            cell: (r) => (
              <a href={`${base}/synergies/${encodeURIComponent(r.synergyId)}`}>
                {t('map.links.open')}
                <span class="visually-hidden"> {t('map.links.openDetail', { from: r.from.actorName, to: r.to.actorName })}</span>
              </a>
            ),
          },
        ]}
      />
      <More left={rows.length - limit} onMore={() => setLimit((n) => n + ROWS_PER_STEP)} label="map.links.more" />
    </>
  );
}
