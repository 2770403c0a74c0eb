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

export const ROWS_PER_STEP = 200;

function Coordinate({ value }: { value: number | undefined }) {
  return <td class="number">{value === undefined ? <span class="muted">{t('map.notLocated')}</span> : number(value, 5)}</td>;
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
      <div class="map-table-wrap">
        <table class="map-sites">
          <caption>
            {t('map.list.caption')} <span class="muted">{t('map.list.captionCount', { shown: number(rows.length, 0), total: number(total, 0) })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('map.list.actor')}</th>
              <th scope="col">{t('map.list.site')}</th>
              <th scope="col">{t('map.list.kind')}</th>
              <th scope="col">{t('map.list.commune')}</th>
              <th scope="col" class="number">
                {t('map.list.lat')}
              </th>
              <th scope="col" class="number">
                {t('map.list.lon')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.siteId}>
                <th scope="row">
                  <a href={`${base}/acteurs/${encodeURIComponent(r.actorId)}`}>{r.actorName}</a>
                </th>
                <td>{r.siteName}</td>
                <td>
                  <span class="map-kind">
                    <KindIcon kind={r.kind} />
                    {t(`map.kind.${r.kind}`)}
                  </span>
                </td>
                <td>{r.communeCode}</td>
                <Coordinate value={r.location?.lat} />
                <Coordinate value={r.location?.lon} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
    <div class="map-table-wrap">
      <table class="map-links">
        <caption>
          {t('map.links.caption')} <span class="muted">{t('map.links.captionCount', { shown: number(Math.min(limit, rows.length), 0), total: number(rows.length, 0) })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('map.links.from')}</th>
            <th scope="col">{t('map.links.to')}</th>
            <th scope="col" class="number">
              {t('map.links.distance')}
            </th>
            <th scope="col">{t('map.links.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r) => (
            <tr key={r.synergyId}>
              <td>{actor(r.from)}</td>
              <td>{actor(r.to)}</td>
              <td class="number">{number(r.distanceKm, 1)}</td>
              <td>
                <a href={`${base}/synergies/${encodeURIComponent(r.synergyId)}`}>
                  {t('map.links.open')}
                  <span class="visually-hidden">
                    {' '}
                    {t('map.links.openDetail', { from: r.from.actorName, to: r.to.actorName })}
                  </span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <More left={rows.length - limit} onMore={() => setLimit((n) => n + ROWS_PER_STEP)} label="map.links.more" />
    </>
  );
}
