/**
 * What the map page shows, loaded from the API: every site of the territory with its actor (one
 * row each, for the map and the list), and the synergy links of the latest analysis drawn between
 * the sites of their two flows.
 *
 * Sites come from GET …/sites rather than from the GeoJSON export: the export keys sites by their
 * external ID, while flows (and so the analysis's synergies) refer to sites by their database ID,
 * which only the sites list gives. Lists are paginated (at most 500 a page): every page is loaded.
 */
import { isKind, type Kind } from './kinds.js';

export interface GeoJsonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface MapTerritory {
  code: string;
  name: string;
  boundary: GeoJsonGeometry | null;
}

export interface ApiActor {
  id: string;
  name: string;
  kind: string;
}

export interface ApiSite {
  id: string;
  actorId: string;
  name: string;
  communeCode: string;
  location: { lat: number; lon: number } | null;
}

export interface ApiFlow {
  id: string;
  siteId: string;
}

interface ApiSynergy {
  id: string;
  outputFlowId: string;
  inputFlowId: string;
  distanceKm?: number | null;
}

export interface ApiAnalysis {
  id: string;
  createdAt: string;
  result: { synergies: ApiSynergy[] };
}

/** One site of one actor: a point on the map and a row of the list. */
export interface SiteRow {
  /** Index in the rows: the feature's `i` property on the map. */
  index: number;
  siteId: string;
  siteName: string;
  actorId: string;
  actorName: string;
  kind: Kind;
  communeCode: string;
  location: { lat: number; lon: number } | null;
}

/** A synergy of the latest analysis between two located sites. */
export interface LinkRow {
  index: number;
  synergyId: string;
  from: SiteRow;
  to: SiteRow;
  distanceKm: number | null;
}

export interface MapData {
  sites: SiteRow[];
  /** Actors with no site: they cannot be placed. */
  actorsWithoutSite: number;
}

/** The latest analysis's links; null: no analysis was ever run. */
export type MapLinks = { id: string; createdAt: string; synergies: number; links: LinkRow[]; notDrawn: number } | null;

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The sites and their actors, one row each: all the map and the list need to be shown. */
export function siteRows(actors: readonly ApiActor[], sites: readonly ApiSite[]): MapData {
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const rows: SiteRow[] = [];
  for (const s of sites) {
    const actor = actorById.get(s.actorId);
    if (!actor) continue;
    rows.push({
      index: 0,
      siteId: s.id,
      siteName: s.name,
      actorId: actor.id,
      actorName: actor.name,
      kind: isKind(actor.kind) ? actor.kind : 'other',
      communeCode: s.communeCode,
      location: s.location,
    });
  }
  rows.sort(
    (a, b) => collator.compare(a.actorName, b.actorName) || collator.compare(a.siteName, b.siteName) || (a.siteId < b.siteId ? -1 : 1),
  );
  rows.forEach((r, i) => (r.index = i));
  const withSite = new Set(rows.map((r) => r.actorId));
  return { sites: rows, actorsWithoutSite: actors.filter((a) => !withSite.has(a.id)).length };
}

/** The synergies of the analysis between located sites: each synergy's two flows give its two sites. */
export function linkRows(analysis: ApiAnalysis, flows: readonly ApiFlow[], sites: readonly SiteRow[]): MapLinks {
  const synergies = analysis.result.synergies;
  const links: LinkRow[] = [];
  const siteOfFlow = new Map(flows.map((f) => [f.id, f.siteId]));
  const rowOfSite = new Map(sites.map((r) => [r.siteId, r]));
  for (const s of synergies) {
    const from = rowOfSite.get(siteOfFlow.get(s.outputFlowId) ?? '');
    const to = rowOfSite.get(siteOfFlow.get(s.inputFlowId) ?? '');
    if (from?.location && to?.location) links.push({ index: links.length, synergyId: s.id, from, to, distanceKm: s.distanceKm ?? null });
  }
  return { id: analysis.id, createdAt: analysis.createdAt, synergies: synergies.length, links, notDrawn: synergies.length - links.length };
}
