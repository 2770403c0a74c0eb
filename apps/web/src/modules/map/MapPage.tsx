/**
 * The map of the territory: its actors' sites by kind (colour and shape), the synergy links of the
 * latest analysis, filters that apply to the map and to the list, and the list itself: the same
 * information as a table, for keyboard and screen-reader users.
 */
import './map.css';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { loadLinks, loadSites, type GeoJsonGeometry, type LinkRow, type MapData, type MapLinks } from './components/data.js';
import { KINDS, type Kind } from './components/kinds.js';
import { MapFilters, type LinksState } from './components/MapFilters.js';
import { SiteMap } from './components/SiteMap.js';
import { LinkTable, SiteTable } from './components/SiteTable.js';
import type { Loaded } from '../../api/hooks.js';
import { language, num, t } from '../../app/i18n/index.js';
import { territoryBase, useTerritory } from '../../app/territory.js';
import { Restricted } from '../../ui/Restricted.js';
import { useOffer } from '../../app/session.js';

/** Runs `load` when `deps` change, as `useApi` does for one request. */
function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `deps` name what `load` depends on.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

const NO_LINKS: readonly LinkRow[] = [];

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
  const analysis = useLoad(() => loadLinks(code, data.sites), [code, data.sites]);
  const links = analysis.data?.links ?? NO_LINKS;
  const linksOn = showLinks && links.length > 0;
  const counts = useMemo(() => {
    const c = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    for (const s of data.sites) c[s.kind] += 1;
    return c;
  }, [data.sites]);
  const rows = useMemo(() => data.sites.filter((s) => kinds.has(s.kind)), [data.sites, kinds]);
  const shownLinks = useMemo(() => (linksOn ? links.filter((l) => kinds.has(l.from.kind) && kinds.has(l.to.kind)) : []), [links, linksOn, kinds]);
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
            <SiteMap key={language.value} code={code} sites={data.sites} links={links} boundary={boundary} kinds={kinds} showLinks={linksOn} />
          </div>
          <p id="map-help" class="small muted">
            {t('map.help')} <a href="#liste-sites">{t('map.helpLink')}</a>
          </p>
          <p class="map-status" role="status" aria-live="polite">
            {t('map.status.sites', { shown: num(rows.length, 0), total: num(data.sites.length, 0) })}
            {linksOn && <> {t('map.status.links', { shown: num(shownLinks.length, 0) })}</>}
          </p>
          {(notLocated > 0 || data.actorsWithoutSite > 0) && (
            <p class="small muted">
              {notLocated > 0 && t('map.notLocatedCount', { count: num(notLocated, 0) })} {data.actorsWithoutSite > 0 && t('map.withoutSite', { count: num(data.actorsWithoutSite, 0) })}
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
  const data = useLoad(() => loadSites(code), [code]);
  const boundary = (territory.data as { boundary?: GeoJsonGeometry | null } | undefined)?.boundary ?? null;
  return (
    <Layout territory={territory.data} title={t('map.title')}>
      <Status state={territory}>{() => <Status state={data}>{(d) => <MapView code={code} data={d} boundary={boundary} />}</Status>}</Status>
    </Layout>
  );
}
