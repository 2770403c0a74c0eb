/**
 * The map of the territory's sites, drawn by MapLibre GL JS with no tile server: a style built here
 * with a plain background, a light graticule, the territory's boundary when it has one, the synergy
 * links and the sites, all from GeoJSON held in the page. No glyphs nor sprites are fetched: the
 * sites are icons drawn in code, labels and popups are HTML.
 *
 * One GeoJSON source holds every site (fast for thousands of them); filters change the layers'
 * filters, not the data. The same information is in the list below the map, for keyboard and
 * screen-reader users.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  LngLatBounds,
  type GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSourceSpecification,
  type MapMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../app/i18n/index.js';
import { territoryBase } from '../../../app/territory.js';
import type { GeoJsonGeometry, LinkRow, SiteRow } from './data.js';
import { KINDS, kindImage, type Kind } from './kinds.js';

// The worker is bundled as an asset of the app (served by our server), not looked up next to the
// library's module.
setWorkerUrl(workerUrl);

/** With `?mesure` in the address, the map instance is exposed for the E2E measurements. */
declare global {
  interface Window {
    __bouclesMap?: MapLibreMap;
  }
}

type Position = [number, number];
interface Feature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, string | number>;
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Our features as the source's data: they are GeoJSON, typed loosely here. */
function geojson(
  data: FeatureCollection | { type: 'Feature'; geometry: GeoJsonGeometry; properties: object },
): GeoJSONSourceSpecification['data'] {
  return data as GeoJSONSourceSpecification['data'];
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function sitesCollection(sites: readonly SiteRow[]): FeatureCollection {
  const features: Feature[] = [];
  for (const s of sites) {
    if (s.location)
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.location.lon, s.location.lat] },
        properties: { i: s.index, kind: s.kind },
      });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * One line per pair of sites (several synergies often join the same two sites); `p` indexes the
 * pair in `pairs`, which lists the synergies (indexes in the links) of each.
 */
function linksCollection(links: readonly LinkRow[]): { data: FeatureCollection; pairs: number[][] } {
  const byPair = new Map<string, number>();
  const pairs: number[][] = [];
  const features: Feature[] = [];
  for (const l of links) {
    const key = `${l.from.siteId}>${l.to.siteId}`;
    let p = byPair.get(key);
    if (p === undefined) {
      p = pairs.length;
      byPair.set(key, p);
      pairs.push([]);
      features.push({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [l.from.location?.lon ?? 0, l.from.location?.lat ?? 0],
            [l.to.location?.lon ?? 0, l.to.location?.lat ?? 0],
          ],
        },
        properties: { p, fromKind: l.from.kind, toKind: l.to.kind },
      });
    }
    pairs[p]?.push(l.index);
  }
  return { data: { type: 'FeatureCollection', features }, pairs };
}

function boundaryPositions(boundary: GeoJsonGeometry | null): Position[] {
  if (!boundary) return [];
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number') out.push([c[0], c[1]]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(boundary.coordinates);
  return out;
}

/** The bounds of the data: the sites and the boundary. */
function dataBounds(sites: readonly SiteRow[], boundary: GeoJsonGeometry | null): LngLatBounds | null {
  const bounds = new LngLatBounds();
  let any = false;
  for (const s of sites) {
    if (s.location) {
      bounds.extend([s.location.lon, s.location.lat]);
      any = true;
    }
  }
  for (const p of boundaryPositions(boundary)) {
    bounds.extend(p);
    any = true;
  }
  return any ? bounds : null;
}

/** Decorative lines of longitude and latitude around the data, so that panning is felt. */
function graticule(bounds: LngLatBounds | null): FeatureCollection {
  if (!bounds) return EMPTY;
  const span = Math.max(bounds.getEast() - bounds.getWest(), bounds.getNorth() - bounds.getSouth(), 0.01);
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5].find((s) => span / s <= 12) ?? 10;
  const margin = span * 2;
  const west = Math.floor((bounds.getWest() - margin) / step) * step;
  const east = Math.ceil((bounds.getEast() + margin) / step) * step;
  const south = Math.max(-85, Math.floor((bounds.getSouth() - margin) / step) * step);
  const north = Math.min(85, Math.ceil((bounds.getNorth() + margin) / step) * step);
  const features: Feature[] = [];
  for (let x = west; x <= east + 1e-9; x += step)
    features.push({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [x, south],
          [x, north],
        ],
      },
      properties: {},
    });
  for (let y = south; y <= north + 1e-9; y += step)
    features.push({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [west, y],
          [east, y],
        ],
      },
      properties: {},
    });
  return { type: 'FeatureCollection', features };
}

function kindsFilter(property: string, kinds: ReadonlySet<Kind>): ExpressionSpecification {
  return ['in', ['get', property], ['literal', [...kinds]]];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** The popup's content: the sites under the pointer and the links under it, each with a link to its page. */
function popupContent(code: string, sites: readonly SiteRow[], links: readonly LinkRow[]): HTMLElement {
  const base = territoryBase(code);
  const root = el('div', undefined, 'map-popup');
  const MAX = 5;
  if (sites.length > 0) {
    const list = el('ul');
    for (const s of sites.slice(0, MAX)) {
      const li = el('li');
      li.append(el('strong', s.actorName));
      if (s.siteName !== s.actorName) li.append(el('span', s.siteName, 'map-popup-line'));
      li.append(el('span', `${t(`map.kind.${s.kind}`)} · ${t('map.popup.commune', { code: s.communeCode })}`, 'map-popup-line'));
      const a = el('a', t('map.popup.actorLink'));
      a.append(el('span', ` ${t('map.popup.actorLinkDetail', { name: s.actorName })}`, 'visually-hidden'));
      a.href = `${base}/acteurs/${encodeURIComponent(s.actorId)}`;
      li.append(a);
      list.append(li);
    }
    root.append(list);
    if (sites.length > MAX) root.append(el('p', t('map.popup.more', { count: sites.length - MAX })));
  }
  if (links.length > 0) {
    const list = el('ul');
    for (const l of links.slice(0, MAX)) {
      const li = el('li');
      li.append(el('strong', t('map.popup.link')));
      li.append(el('span', `${l.from.actorName} → ${l.to.actorName}`, 'map-popup-line'));
      const a = el('a', t('map.popup.synergyLink'));
      a.append(el('span', ` ${t('map.links.openDetail', { from: l.from.actorName, to: l.to.actorName })}`, 'visually-hidden'));
      a.href = `${base}/synergies/${encodeURIComponent(l.synergyId)}`;
      li.append(a);
      list.append(li);
    }
    root.append(list);
    if (links.length > MAX) root.append(el('p', t('map.popup.more', { count: links.length - MAX })));
  }
  return root;
}

export interface SiteMapProps {
  code: string;
  sites: readonly SiteRow[];
  links: readonly LinkRow[];
  boundary: GeoJsonGeometry | null;
  kinds: ReadonlySet<Kind>;
  showLinks: boolean;
}

export function SiteMap({ code, sites, links, boundary, kinds, showLinks }: SiteMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  /** The synergies of each line drawn, and the links they index: read by the click handler. */
  const drawnLinks = useRef<{ links: readonly LinkRow[]; pairs: number[][] }>({ links: [], pairs: [] });
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  // Created once per data set; the page remounts the map when the language changes (its controls'
  // texts are given at creation).
  useEffect(() => {
    const node = container.current;
    if (!node) return;
    const bounds = dataBounds(sites, boundary);
    const bg = token('--bg', '#fbfaf6');
    const style: StyleSpecification = {
      version: 8,
      sources: {
        graticule: { type: 'geojson', data: geojson(graticule(bounds)) },
        boundary: { type: 'geojson', data: geojson(boundary ? { type: 'Feature', geometry: boundary, properties: {} } : EMPTY) },
        links: { type: 'geojson', data: geojson(EMPTY) },
        sites: { type: 'geojson', data: geojson(sitesCollection(sites)) },
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': bg } },
        {
          id: 'graticule',
          type: 'line',
          source: 'graticule',
          paint: { 'line-color': token('--border', '#c9cfc9'), 'line-width': 1, 'line-opacity': 0.6 },
        },
        {
          id: 'boundary-fill',
          type: 'fill',
          source: 'boundary',
          paint: { 'fill-color': token('--primary-soft', '#e3efe9'), 'fill-opacity': 0.7 },
        },
        { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': token('--primary', '#1f5c46'), 'line-width': 2 } },
        {
          id: 'links',
          type: 'line',
          source: 'links',
          layout: { 'line-cap': 'round', visibility: 'none' },
          // Thin and half transparent: where many synergies cross, the density shows.
          paint: {
            'line-color': token('--accent', '#8a4b00'),
            'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 14, 2.5],
            'line-opacity': 0.5,
          },
        },
      ],
    };
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: node,
        style,
        bounds: bounds ?? undefined,
        fitBoundsOptions: { padding: 40, maxZoom: 14 },
        center: bounds ? undefined : [2.35, 46.6],
        zoom: bounds ? undefined : 4.5,
        attributionControl: false,
        maplibreLogo: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
        locale: {
          'Map.Title': t('map.canvasLabel'),
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetBearing'),
          'Popup.Close': t('map.popup.close'),
          'ScaleControl.Meters': 'm',
          'ScaleControl.Kilometers': 'km',
        },
      });
    } catch {
      // No WebGL in this browser: the list below holds the same information.
      setFailed(true);
      return;
    }
    mapRef.current = map;
    if (new URLSearchParams(location.search).has('mesure')) window.__bouclesMap = map;
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

    map.on('load', () => {
      const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
      for (const kind of KINDS) {
        const image = kindImage(kind, ratio);
        if (image) map.addImage(`kind-${kind}`, image, { pixelRatio: ratio });
      }
      map.addLayer({
        id: 'sites',
        type: 'symbol',
        source: 'sites',
        layout: {
          'icon-image': ['concat', 'kind-', ['get', 'kind']],
          'icon-size': ['interpolate', ['linear'], ['zoom'], 6, 0.55, 11, 0.85, 15, 1.1],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      });
      setReady(true);
    });
    map.once('idle', () => performance.mark('boucles:carte:idle'));

    let popup: Popup | null = null;
    map.on('click', (e: MapMouseEvent) => {
      const box: [[number, number], [number, number]] = [
        [e.point.x - 6, e.point.y - 6],
        [e.point.x + 6, e.point.y + 6],
      ];
      const layers = ['sites', ...(map.getLayoutProperty('links', 'visibility') === 'visible' ? ['links'] : [])];
      const found = map.queryRenderedFeatures(box, { layers });
      const siteHits = new Set<number>();
      const linkHits = new Set<number>();
      const drawn = drawnLinks.current;
      for (const f of found) {
        if (f.layer.id === 'sites') siteHits.add(Number(f.properties.i));
        else for (const i of drawn.pairs[Number(f.properties.p)] ?? []) linkHits.add(i);
      }
      if (siteHits.size === 0 && linkHits.size === 0) return;
      popup?.remove();
      const hitSites = [...siteHits].sort((a, b) => a - b).flatMap((i) => sites[i] ?? []);
      const hitLinks = [...linkHits].sort((a, b) => a - b).flatMap((i) => drawn.links[i] ?? []);
      const at = hitSites[0]?.location;
      popup = new Popup({ maxWidth: '20rem', closeButton: true, focusAfterOpen: true })
        .setLngLat(at ? [at.lon, at.lat] : e.lngLat)
        .setDOMContent(popupContent(code, hitSites, hitLinks))
        .addTo(map);
    });
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const plain = () => (map.getCanvas().style.cursor = '');
    for (const layer of ['sites', 'links']) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    return () => {
      popup?.remove();
      if (window.__bouclesMap === map) delete window.__bouclesMap;
      mapRef.current = null;
      setReady(false);
      map.remove();
    };
  }, [code, sites, boundary]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const { data, pairs } = linksCollection(links);
    drawnLinks.current = { links, pairs };
    map.getSource<GeoJSONSource>('links')?.setData(geojson(data));
  }, [ready, links]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    map.setFilter('sites', kindsFilter('kind', kinds));
    map.setFilter('links', ['all', kindsFilter('fromKind', kinds), kindsFilter('toKind', kinds)]);
    map.setLayoutProperty('links', 'visibility', showLinks ? 'visible' : 'none');
  }, [ready, kinds, showLinks]);

  if (failed) {
    return (
      <p class="alert alert-warn map-failed" role="alert">
        {t('map.noWebgl')}
      </p>
    );
  }
  return <div ref={container} class="map-canvas" data-ready={ready ? 'true' : 'false'} />;
}
