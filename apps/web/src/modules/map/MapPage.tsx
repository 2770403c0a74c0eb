/**
 * The map of the territory: its actors' sites by kind (colour and shape), the synergy links of the
 * latest analysis, filters that apply to the map and to the list, and the list itself: the same
 * information as a table, for keyboard and screen-reader users.
 */
import './map.css';
import { useMemo, useState } from 'preact/hooks';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import {
  linkRows,
  siteRows,
  type ApiActor,
  type ApiAnalysis,
  type ApiFlow,
  type ApiSite,
  type GeoJsonGeometry,
  type LinkRow,
  type MapData,
  type SiteRow,
  type MapLinks,
} from './components/data.js';
import { KINDS, type Kind } from './components/kinds.js';
import { MapFilters, type LinksState } from './components/MapFilters.js';
import { SiteMap } from './components/SiteMap.js';
import { LinkTable, SiteTable } from './components/SiteTable.js';
import { useApiAll, type Loaded } from '../../api/query.js';
import { language, t } from '../../app/i18n/index.js';
import { number } from '../../ui/format.js';
import { territoryBase, useLatestAnalysis, useTerritory } from '../../app/territory.js';
import { Restricted } from '../../ui/Restricted.js';
import { useOffer } from '../../app/session.js';

const NO_LINKS: readonly LinkRow[] = [];

const territoryApi = (code: string) => `/api/territories/${encodeURIComponent(code)}`;

/** Every site of the territory with its actor (every page of both lists). */
function useSites(code: string): Loaded<MapData> {
  const actors = useApiAll<ApiActor>(`${territoryApi(code)}/actors`);
  const sites = useApiAll<ApiSite>(`${territoryApi(code)}/sites`);
  const data = useMemo(() => (actors.data && sites.data ? siteRows(actors.data, sites.data) : undefined), [actors.data, sites.data]);
  return { data, error: actors.error ?? sites.error, loading: actors.loading || sites.loading };
}

/**
 * The latest analysis's links between the sites (null: no analysis was ever run). Its stored
 * result holds every synergy's checks and impacts and can weigh megabytes: it is asked once the
 * sites are shown; the flows (which give each synergy's two sites) only when it has synergies.
 */
function useLinks(code: string, sites: readonly SiteRow[]): Loaded<MapLinks> {
  const analysis = useLatestAnalysis<ApiAnalysis>(code);
  const needsFlows = (analysis.data?.result.synergies.length ?? 0) > 0;
  const flows = useApiAll<ApiFlow>(needsFlows ? `${territoryApi(code)}/flows` : null);
  const data = useMemo(() => {
    if (analysis.data === undefined) return undefined;
    if (analysis.data === null) return null;
    if (needsFlows && flows.data === undefined) return undefined;
    return linkRows(analysis.data, flows.data ?? [], sites);
  }, [analysis.data, flows.data, needsFlows, sites]);
  return { data, error: analysis.error ?? flows.error, loading: analysis.loading || flows.loading };
}

function linksState(loaded: Loaded<MapLinks>): LinksState {
  if (loaded.error) return { status: 'error', message: loaded.error.message };
  if (loaded.data === undefined) return { status: 'loading' };
  if (loaded.data === null) return { status: 'none' };
  return { status: 'ready', count: loaded.data.links.length, synergies: loaded.data.synergies, notDrawn: loaded.data.notDrawn };
}

function MapView({ code, data, boundary }: { code: string; data: MapData; boundary: GeoJsonGeometry | null }) {
  const [kinds, setKinds] = useState<Set<Kind>>(() => new Set(KINDS));
  const [showLinks, setShowLinks] = useState(true);
  // The links load after the sites: the map and the list do not wait for them.
  const analysis = useLinks(code, data.sites);
  const links = analysis.data?.links ?? NO_LINKS;
  const linksOn = showLinks && links.length > 0;
  const counts = useMemo(() => {
    const c = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    for (const s of data.sites) c[s.kind] += 1;
    return c;
  }, [data.sites]);
  const rows = useMemo(() => data.sites.filter((s) => kinds.has(s.kind)), [data.sites, kinds]);
  const shownLinks = useMemo(
    () => (linksOn ? links.filter((l) => kinds.has(l.from.kind) && kinds.has(l.to.kind)) : []),
    [links, linksOn, kinds],
  );
  const notLocated = data.sites.filter((s) => !s.location).length;
  const base = territoryBase(code);
  return (
    <>
      <div class="map-layout">
        <MapFilters
          counts={counts}
          kinds={kinds}
          onKinds={setKinds}
          links={linksState(analysis)}
          showLinks={showLinks}
          onShowLinks={setShowLinks}
          synergiesHref={`${base}/synergies`}
        />
        <div class="map-area">
          <div class="map-region" role="region" aria-label={t('map.regionLabel')} aria-describedby="map-help">
            <SiteMap
              key={language.value}
              code={code}
              sites={data.sites}
              links={links}
              boundary={boundary}
              kinds={kinds}
              showLinks={linksOn}
            />
          </div>
          <p id="map-help" class="small muted">
            {t('map.help')} <a href="#liste-sites">{t('map.helpLink')}</a>
          </p>
          <p class="map-status" role="status" aria-live="polite">
            {t('map.status.sites', { shown: number(rows.length, 0), total: number(data.sites.length, 0) })}
            {linksOn && <> {t('map.status.links', { shown: number(shownLinks.length, 0) })}</>}
          </p>
          {(notLocated > 0 || data.actorsWithoutSite > 0) && (
            <p class="small muted">
              {notLocated > 0 && t('map.notLocatedCount', { count: number(notLocated, 0) })}{' '}
              {data.actorsWithoutSite > 0 && t('map.withoutSite', { count: number(data.actorsWithoutSite, 0) })}
            </p>
          )}
        </div>
      </div>
      <section aria-labelledby="liste-sites" class="map-section">
        <h2 id="liste-sites" tabIndex={-1}>
          {t('map.list.title')}
        </h2>
        <SiteTable code={code} rows={rows} total={data.sites.length} />
      </section>
      {linksOn && (
        <section aria-labelledby="liste-liens" class="map-section">
          <h2 id="liste-liens">{t('map.links.title')}</h2>
          <LinkTable code={code} rows={shownLinks} />
        </section>
      )}
    </>
  );
}

/** The map of every actor's sites: for facilitators (others see no other actor's records). */
export function MapPage({ code }: { code: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  if (!offer.facilitate) {
    return (
      <Layout territory={territory.data} title={t('map.title')}>
        <Restricted code={code} />
      </Layout>
    );
  }
  return <FacilitatorMap code={code} territory={territory} />;
}

function FacilitatorMap({ code, territory }: { code: string; territory: ReturnType<typeof useTerritory> }) {
  const data = useSites(code);
  const boundary = (territory.data as { boundary?: GeoJsonGeometry | null } | undefined)?.boundary ?? null;
  return (
    <Layout territory={territory.data} title={t('map.title')}>
      <Status state={territory}>{() => <Status state={data}>{(d) => <MapView code={code} data={d} boundary={boundary} />}</Status>}</Status>
    </Layout>
  );
}
