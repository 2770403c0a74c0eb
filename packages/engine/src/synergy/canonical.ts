/**
 * The canonical form of an analysis input: every record named by its content rather than by the
 * identifier a database gave it, so that every ranking, allocation and tie-break of the analysis
 * depends on what the territory holds, never on generated identifiers (UUIDs) nor on the order of
 * the records.
 *
 * Each record gets a content key:
 * - an actor: its name, SIRET, NAF code and external ID, then the keys of its sites (each with its
 *   flows), of its needs, and of its flows placed at no site of its own: the whole of what it
 *   declared, so that two actors differ as soon as anything they declared differs;
 * - a site: its actor's rank, then its name, external ID, place and the keys of its flows;
 * - a flow: its site's and actor's ranks, then everything the analysis reads of it (direction,
 *   resource, waste code, label, yearly quantity, months, temperature, purity, hazardousness, fate,
 *   origin, cost) and its external ID;
 * - a need: its actor's rank, then its category, resource, yearly quantity, cost, description
 *   and external ID.
 * Records are ranked by key (code-unit order, which does not depend on the locale), and renamed
 * `a…`, `s…`, `f…`, `n…` after their rank, zero-padded so that the names sort as the ranks do. The
 * analysis runs on these names, whose every order is then an order of content, and gives the
 * caller's identifiers back in its result.
 *
 * Records alike in every content (same name, same place, same flows…) are interchangeable: between
 * them alone the caller's identifiers decide (code-unit order), and whichever way they fall, the
 * result read by content is the same.
 */
import type { LatLon } from '../geo.js';
import type { MutualisationNeedInput } from './mutualisation.js';

// What is read of each record (the analysis's records fit; written apart so that this file does
// not import the analysis, which imports it).
interface KeyedActor {
  id: string;
  name: string;
  nafCode: string | null;
  siret?: string | null | undefined;
  externalId?: string | null | undefined;
}

interface KeyedSite {
  id: string;
  actorId: string;
  location: LatLon | null;
  name?: string | null | undefined;
  externalId?: string | null | undefined;
}

interface KeyedFlow {
  id: string;
  siteId: string;
  actorId: string;
  direction: string;
  resourceCode: string;
  wasteCode: string | null;
  label: string;
  annualQuantity: { value: number; unit: string } | null;
  monthsAvailable: readonly number[] | null;
  quality: { temperatureC?: number | undefined; purityGrade?: string | undefined };
  hazardous: boolean;
  currentFate: { mode: string } | null;
  currentOrigin?: { recycled: boolean } | null | undefined;
  costPerUnit: { eur: number; kind: string } | null;
  externalId?: string | null | undefined;
}

export interface Records<A extends KeyedActor, S extends KeyedSite, F extends KeyedFlow, N extends MutualisationNeedInput> {
  actors: readonly A[];
  sites: readonly S[];
  flows: readonly F[];
  needs: readonly N[];
}

export interface CanonicalInput<A extends KeyedActor, S extends KeyedSite, F extends KeyedFlow, N extends MutualisationNeedInput> {
  /** The input under content-ranked identifiers, each list in rank order. */
  input: Records<A, S, F, N>;
  /** The caller's identifier of a record named in `input`. */
  original(id: string): string;
  /** Per actor (by its identifier in `input`), the key of what it is (name, SIRET, NAF, external ID). */
  actorKey: ReadonlyMap<string, string>;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A yearly quantity as a key part. */
const quantityKey = (q: { value: number; unit: string } | null | undefined): unknown => (q ? [q.value, q.unit] : null);

function actorOwnKey(a: KeyedActor): string {
  return JSON.stringify([a.name, a.siret ?? null, a.nafCode, a.externalId ?? null]);
}

function siteOwnKey(s: KeyedSite): string {
  return JSON.stringify([s.name ?? null, s.externalId ?? null, s.location ? [s.location.lat, s.location.lon] : null]);
}

function flowOwnKey(f: KeyedFlow): string {
  return JSON.stringify([
    f.direction,
    f.resourceCode,
    f.wasteCode,
    f.label,
    quantityKey(f.annualQuantity),
    f.monthsAvailable ? [...f.monthsAvailable].sort((x, y) => x - y) : null,
    f.quality.temperatureC ?? null,
    f.quality.purityGrade ?? null,
    f.hazardous,
    f.currentFate?.mode ?? null,
    f.currentOrigin ? f.currentOrigin.recycled : null,
    f.costPerUnit ? [f.costPerUnit.eur, f.costPerUnit.kind] : null,
    f.externalId ?? null,
  ]);
}

function needOwnKey(n: MutualisationNeedInput): string {
  return JSON.stringify([
    n.category,
    n.resourceCode,
    quantityKey(n.annualQuantity),
    n.annualCostEur ?? null,
    n.description ?? null,
    n.externalId ?? null,
  ]);
}

/** `[a,b,c]` of keys already JSON, sorted: no quoting again, so keys nest without growing. */
const list = (keys: string[]): string => `[${keys.sort(byCodeUnit).join(',')}]`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const l = map.get(key);
  if (l) l.push(value);
  else map.set(key, [value]);
}

/**
 * Ranks `records` by `compare` (then by the caller's identifier) and names them `prefix` + rank.
 * Returns the records in rank order with their new names.
 */
function rank<T extends { id: string }>(
  records: readonly T[],
  prefix: string,
  compare: (a: T, b: T) => number,
): { record: T; name: string }[] {
  const width = String(Math.max(0, records.length - 1)).length;
  return [...records]
    .sort((a, b) => compare(a, b) || byCodeUnit(a.id, b.id))
    .map((record, i) => ({ record, name: `${prefix}${String(i).padStart(width, '0')}` }));
}

export function canonicalInput<A extends KeyedActor, S extends KeyedSite, F extends KeyedFlow, N extends MutualisationNeedInput>(
  input: Records<A, S, F, N>,
): CanonicalInput<A, S, F, N> {
  const seen = new Set<string>();
  for (const a of input.actors) {
    if (seen.has(a.id)) throw new RangeError(`actor ${a.id} is given twice`);
    seen.add(a.id);
  }

  // Own keys, then each actor's whole content.
  const flowOwn = new Map<F, string>(input.flows.map((f) => [f, flowOwnKey(f)]));
  const flowsOfSite = new Map<string, F[]>();
  for (const f of input.flows) push(flowsOfSite, f.siteId, f);
  const siteWhole = new Map<S, string>(
    input.sites.map((s) => [s, `[${siteOwnKey(s)},${list((flowsOfSite.get(s.id) ?? []).map((f) => flowOwn.get(f) as string))}]`]),
  );
  const sitesOfActor = new Map<string, S[]>();
  for (const s of input.sites) push(sitesOfActor, s.actorId, s);
  const needsOfActor = new Map<string, string[]>();
  for (const n of input.needs) push(needsOfActor, n.actorId, needOwnKey(n));
  const siteActor = new Map(input.sites.map((s) => [s.id, s.actorId]));
  const strayFlows = new Map<string, string[]>();
  for (const f of input.flows) if (siteActor.get(f.siteId) !== f.actorId) push(strayFlows, f.actorId, flowOwn.get(f) as string);
  const actorOwn = new Map(input.actors.map((a) => [a, actorOwnKey(a)]));
  const actorWhole = new Map(
    input.actors.map((a) => [
      a,
      `[${actorOwn.get(a) as string},${list((sitesOfActor.get(a.id) ?? []).map((s) => siteWhole.get(s) as string))},${list(needsOfActor.get(a.id) ?? [])},${list(strayFlows.get(a.id) ?? [])}]`,
    ]),
  );

  // Ranks: actors by content, then sites within their actor, flows within their site, needs within their actor.
  const actors = rank(input.actors, 'a', (x, y) => byCodeUnit(actorWhole.get(x) as string, actorWhole.get(y) as string));
  const actorRank = new Map(actors.map((a, i) => [a.record.id, i]));
  const rankOfActor = (id: string): number => actorRank.get(id) ?? actors.length;
  const sites = rank(
    input.sites,
    's',
    (x, y) => rankOfActor(x.actorId) - rankOfActor(y.actorId) || byCodeUnit(siteWhole.get(x) as string, siteWhole.get(y) as string),
  );
  const siteRank = new Map(sites.map((s, i) => [s.record.id, i]));
  const rankOfSite = (id: string): number => siteRank.get(id) ?? sites.length;
  const flows = rank(
    input.flows,
    'f',
    (x, y) =>
      rankOfSite(x.siteId) - rankOfSite(y.siteId) ||
      rankOfActor(x.actorId) - rankOfActor(y.actorId) ||
      byCodeUnit(flowOwn.get(x) as string, flowOwn.get(y) as string),
  );
  const needOwn = new Map(input.needs.map((n) => [n, needOwnKey(n)]));
  const needs = rank(
    input.needs,
    'n',
    (x, y) => rankOfActor(x.actorId) - rankOfActor(y.actorId) || byCodeUnit(needOwn.get(x) as string, needOwn.get(y) as string),
  );

  const original = new Map<string, string>();
  for (const ranked of [actors, sites, flows, needs]) for (const { record, name } of ranked) original.set(name, record.id);
  // A reference to no record of the input keeps its identifier, marked so that it names no record.
  const nameIn = (ranked: readonly { record: { id: string }; name: string }[]): ((id: string) => string) => {
    const names = new Map(ranked.map(({ record, name }) => [record.id, name]));
    return (id) => names.get(id) ?? `~${id}`;
  };
  const actorName = nameIn(actors);
  const siteName = nameIn(sites);
  return {
    input: {
      actors: actors.map(({ record, name }) => ({ ...record, id: name })),
      sites: sites.map(({ record, name }) => ({ ...record, id: name, actorId: actorName(record.actorId) })),
      flows: flows.map(({ record, name }) => ({
        ...record,
        id: name,
        siteId: siteName(record.siteId),
        actorId: actorName(record.actorId),
      })),
      needs: needs.map(({ record, name }) => ({ ...record, id: name, actorId: actorName(record.actorId) })),
    },
    original: (id) => original.get(id) ?? (id.startsWith('~') ? id.slice(1) : id),
    actorKey: new Map(actors.map(({ record, name }) => [name, actorOwn.get(record) as string])),
  };
}
