/**
 * Mutualisation synergies (pooling): actors near one another with the same kind of need — a waste
 * collection, a purchase, equipment, a service, logistics, recruitment or training — and actors
 * producing the same small waste stream that none can have recovered alone, grouped into proposed
 * pools. Each group has its members, its centre, the distance of each member to it and an
 * estimated saving whose method, parameters and sources are stated; a saving that cannot be
 * computed from sourced figures and the members' own declarations stays null.
 *
 * Pure and deterministic: the result does not depend on the order of the inputs. The parameters
 * (radii, minimum group size, small-stream thresholds, saving rates) are reference data
 * (packages/reference-data/data/mutualisation-parameters.json) given by the caller.
 */
import type { LatLon } from '../geo.js';
import { distanceMetres } from '../geo.js';
import type { Bilingual } from '../i18n.js';
import type { FateMode, NeedCategory } from '../model.js';
import { NEED_CATEGORIES } from '../model.js';
import { resourceMatches } from './rules.js';
import { PointGrid } from './spatial.js';

/** A figure used by a saving method, with the keys of its sources in the parameter file. */
export interface MutualisationFigure {
  /** Null when no sourced figure exists: the saving is then not computed. */
  value: number | null;
  estimate: boolean;
  /** Keys into the `sources` of the parameter file; empty for a convention of ours. */
  sources: readonly string[];
}

export interface MutualisationSavingParameters {
  /** How the saving is computed, in French and English. */
  method: Bilingual;
  /** Share of the members' declared yearly cost saved by pooling (0–1). */
  costReductionRate: MutualisationFigure;
}

export interface MutualisationCategoryParameters {
  /** Members are taken within this distance of the group's seed member (so at most twice it apart). */
  radiusKm: number;
  saving: MutualisationSavingParameters;
}

/**
 * Below this yearly quantity, an output flow of the class (or of its sub-classes, unless one has
 * its own threshold) counts as a small stream. The unit is compared as is with the flow's annual
 * quantity (its dimension's base unit, e.g. `t` for t/yr): a flow in another unit is not assessed.
 */
export interface SmallStreamThreshold {
  resourceCode: string;
  maxAnnualQuantity: number;
  unit: string;
}

export interface MutualisationParameters {
  /** The fewest distinct actors a group may have (3 by default in the parameter file). */
  minMembers: number;
  categories: Readonly<Record<NeedCategory, MutualisationCategoryParameters>>;
  smallStreams: {
    radiusKm: number;
    thresholds: readonly SmallStreamThreshold[];
    saving: MutualisationSavingParameters;
  };
}

/** A need, as the model has it; `annualQuantity` and `annualCostEur` are worked out by the caller. */
export interface MutualisationNeedInput {
  id: string;
  actorId: string;
  category: NeedCategory;
  resourceCode: string | null;
  annualQuantity?: { value: number; unit: string } | null | undefined;
  /** What the actor pays a year today for this need, when known. */
  annualCostEur?: number | null | undefined;
  /** Read only to tell needs apart by content (the analysis orders records by content). */
  description?: string | null | undefined;
  externalId?: string | null | undefined;
}

/** A flow, as the model has it (a `Flow` fits); `annualCostEur` is worked out by the caller. */
export interface MutualisationFlowInput {
  id: string;
  actorId: string;
  direction: 'output' | 'input';
  resourceCode: string;
  annualQuantity: { value: number; unit: string } | null;
  currentFate: { mode: FateMode } | null;
  hazardous: boolean;
  /** What the actor pays a year today to have this stream taken away, when known. */
  annualCostEur?: number | null | undefined;
}

export interface MutualisationActorInput {
  id: string;
  /** Where the actor is (e.g. its first located site); null when unknown. */
  location: LatLon | null;
  /**
   * What group IDs name the actor by: a key of its content (the analysis gives one, so that a
   * group's ID does not depend on generated identifiers); its ID when absent.
   */
  key?: string | undefined;
}

export interface MutualisationInput {
  actors: readonly MutualisationActorInput[];
  needs: readonly MutualisationNeedInput[];
  flows: readonly MutualisationFlowInput[];
}

export interface MutualisationMember {
  actorId: string;
  needIds: string[];
  flowIds: string[];
  location: LatLon;
  distanceToCentreKm: number;
}

export interface MutualisationSavingParameter {
  name: string;
  value: number | null;
  /** Keys into the parameter file's `sources`; null for a figure worked out from the group itself. */
  source: string | null;
  estimate: boolean;
}

export interface MutualisationSaving {
  /** Null when it cannot be worked out from sourced figures and the members' declarations. */
  value: number | null;
  unit: string;
  method: Bilingual;
  parameters: MutualisationSavingParameter[];
  estimate: true;
}

export type MutualisationKind = 'shared_need' | 'small_waste_stream';

export interface MutualisationGroup {
  /**
   * Derived from the kind, the grouping key and the members' keys (their IDs when no key is given),
   * in member order: stable across runs. Where two groups' would coincide, the later ones (in the
   * groups' order) end in `-2`, `-3`…
   */
  id: string;
  kind: MutualisationKind;
  category: NeedCategory;
  resourceCode: string | null;
  /** Small waste streams only: whether the stream is hazardous (never pooled with non-hazardous). */
  hazardous: boolean | null;
  /** Sorted by actor ID. */
  members: MutualisationMember[];
  /** The arithmetic mean of the members' latitudes and longitudes (not a medoid). */
  centre: LatLon;
  /** The search radius used: every member is within it of the group's seed member. */
  radiusKm: number;
  /** The pooled yearly quantity, when every need or flow of the group has one in a single unit. */
  totalQuantity: { value: number; unit: string } | null;
  saving: MutualisationSaving;
  explanation: Bilingual;
}

export interface MutualisationResult {
  groups: MutualisationGroup[];
  /** Actors with a candidate need or small stream but no location: left out, not guessed. */
  notLocated: number;
  notLocatedActorIds: string[];
  /**
   * Output flows of a class with a small-stream threshold, going to landfill, incineration or an
   * unknown fate, whose yearly quantity is unknown or in another unit: they could not be assessed.
   */
  smallStreamFlowsNotAssessed: number;
}

/** The current fates that make a small stream a candidate: no recovery today. Null (unknown) too. */
export const SMALL_STREAM_FATES: readonly FateMode[] = ['landfill', 'incineration'];

const CATEGORY_LABELS: Readonly<Record<NeedCategory, Bilingual>> = {
  waste_collection: { fr: 'collecte de déchets', en: 'waste collection' },
  purchasing: { fr: 'achat', en: 'purchasing' },
  equipment: { fr: 'équipement partagé', en: 'shared equipment' },
  service: { fr: 'service', en: 'service' },
  skills: { fr: 'recrutement ou formation partagés', en: 'shared recruitment or training' },
  logistics: { fr: 'logistique', en: 'logistics' },
};

interface Item {
  kind: 'need' | 'flow';
  id: string;
  quantity: { value: number; unit: string } | null;
  annualCostEur: number | null;
}

interface Bucket {
  kind: MutualisationKind;
  category: NeedCategory;
  resourceCode: string | null;
  hazardous: boolean | null;
  radiusKm: number;
  saving: MutualisationSavingParameters;
  threshold: SmallStreamThreshold | null;
  /** actorId → its items in this bucket. */
  items: Map<string, Item[]>;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkParameters(p: MutualisationParameters): void {
  if (!Number.isInteger(p.minMembers) || p.minMembers < 2)
    throw new RangeError(`minMembers must be an integer of at least 2, not ${p.minMembers}`);
  const checkSaving = (where: string, s: MutualisationSavingParameters): void => {
    const r = s.costReductionRate.value;
    if (r !== null && !(r >= 0 && r <= 1)) throw new RangeError(`${where}: costReductionRate must be between 0 and 1, not ${r}`);
  };
  for (const c of NEED_CATEGORIES) {
    const cp = p.categories[c];
    if (!cp) throw new RangeError(`no parameters for category ${c}`);
    if (!(cp.radiusKm > 0)) throw new RangeError(`${c}: radiusKm must be positive`);
    checkSaving(c, cp.saving);
  }
  if (!(p.smallStreams.radiusKm > 0)) throw new RangeError('smallStreams: radiusKm must be positive');
  checkSaving('smallStreams', p.smallStreams.saving);
  const seen = new Set<string>();
  for (const t of p.smallStreams.thresholds) {
    if (seen.has(t.resourceCode)) throw new RangeError(`two small-stream thresholds for ${t.resourceCode}`);
    seen.add(t.resourceCode);
    if (!(t.maxAnnualQuantity > 0)) throw new RangeError(`${t.resourceCode}: maxAnnualQuantity must be positive`);
  }
}

/** The threshold of the most specific class that `code` falls in, if any. */
function thresholdFor(code: string, thresholds: readonly SmallStreamThreshold[]): SmallStreamThreshold | null {
  let best: SmallStreamThreshold | null = null;
  for (const t of thresholds) {
    if (resourceMatches(t.resourceCode, code) && (best === null || t.resourceCode.length > best.resourceCode.length)) best = t;
  }
  return best;
}

/** FNV-1a, 64 bits, as 16 hex digits: a stable short name for a group (not a security hash). */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Hash the UTF-8 bytes, so the ID does not depend on the JavaScript string encoding.
    const bytes: number[] = [];
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    for (const b of bytes) {
      h ^= BigInt(b);
      h = (h * prime) & mask;
    }
  }
  return h.toString(16).padStart(16, '0');
}

function formatNumber(x: number, language: keyof Bilingual): string {
  const rounded = Math.round(x * 100) / 100;
  const text = String(rounded);
  return language === 'fr' ? text.replace('.', ',') : text;
}

function addItem(bucket: Bucket, actorId: string, item: Item): void {
  const list = bucket.items.get(actorId);
  if (list) list.push(item);
  else bucket.items.set(actorId, [item]);
}

/**
 * Groups actors into proposed mutualisations.
 *
 * - Shared needs are keyed by category and resource class (the category alone when the need names
 *   no resource). Small waste streams are output flows below their class's threshold whose current
 *   fate is landfill, incineration or unknown, keyed by resource class and hazardousness.
 * - An actor counts once per group, with all its needs or flows of that key.
 * - Within a key, candidate seeds are taken by number of neighbours within the radius (most first),
 *   then actor ID; each seed takes every not yet grouped actor within the radius, itself included;
 *   the group is kept when it has at least `minMembers` actors, otherwise its actors stay free for
 *   a later seed.
 */
export function findMutualisations(input: MutualisationInput, parameters: MutualisationParameters): MutualisationResult {
  checkParameters(parameters);
  const locations = new Map<string, LatLon | null>();
  const keys = new Map<string, string>();
  for (const a of input.actors) {
    if (locations.has(a.id)) throw new RangeError(`actor ${a.id} is given twice`);
    locations.set(a.id, a.location);
    keys.set(a.id, a.key ?? a.id);
  }

  const buckets = new Map<string, Bucket>();
  const bucket = (key: string, make: () => Omit<Bucket, 'items'>): Bucket => {
    let b = buckets.get(key);
    if (!b) {
      b = { ...make(), items: new Map() };
      buckets.set(key, b);
    }
    return b;
  };

  for (const n of input.needs) {
    const key = `shared_need|${n.category}|${n.resourceCode ?? ''}`;
    const cp = parameters.categories[n.category];
    const b = bucket(key, () => ({
      kind: 'shared_need',
      category: n.category,
      resourceCode: n.resourceCode,
      hazardous: null,
      radiusKm: cp.radiusKm,
      saving: cp.saving,
      threshold: null,
    }));
    addItem(b, n.actorId, { kind: 'need', id: n.id, quantity: n.annualQuantity ?? null, annualCostEur: n.annualCostEur ?? null });
  }

  let notAssessed = 0;
  for (const f of input.flows) {
    if (f.direction !== 'output') continue;
    if (f.currentFate !== null && !SMALL_STREAM_FATES.includes(f.currentFate.mode)) continue;
    const threshold = thresholdFor(f.resourceCode, parameters.smallStreams.thresholds);
    if (!threshold) continue;
    if (f.annualQuantity === null || f.annualQuantity.unit !== threshold.unit) {
      notAssessed++;
      continue;
    }
    if (!(f.annualQuantity.value > 0 && f.annualQuantity.value < threshold.maxAnnualQuantity)) continue;
    const key = `small_waste_stream|${f.resourceCode}|${f.hazardous ? 'hazardous' : 'non-hazardous'}`;
    const ss = parameters.smallStreams;
    const b = bucket(key, () => ({
      kind: 'small_waste_stream',
      category: 'waste_collection',
      resourceCode: f.resourceCode,
      hazardous: f.hazardous,
      radiusKm: ss.radiusKm,
      saving: ss.saving,
      threshold,
    }));
    addItem(b, f.actorId, { kind: 'flow', id: f.id, quantity: f.annualQuantity, annualCostEur: f.annualCostEur ?? null });
  }

  const notLocated = new Set<string>();
  const groups: MutualisationGroup[] = [];
  for (const key of [...buckets.keys()].sort(compareStrings)) {
    const b = buckets.get(key) as Bucket;
    const points: { item: string; at: LatLon }[] = [];
    for (const actorId of [...b.items.keys()].sort(compareStrings)) {
      const at = locations.get(actorId) ?? null;
      if (at === null) notLocated.add(actorId);
      else points.push({ item: actorId, at });
    }
    if (points.length < parameters.minMembers) continue;
    for (const members of cluster(points, b.radiusKm, parameters.minMembers))
      groups.push(makeGroup(b, members, parameters.minMembers, keys));
  }

  groups.sort(
    (a, b) =>
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.category, b.category) ||
      compareStrings(a.resourceCode ?? '', b.resourceCode ?? '') ||
      compareStrings(String(a.hazardous), String(b.hazardous)) ||
      compareStrings(a.members[0]?.actorId ?? '', b.members[0]?.actorId ?? ''),
  );
  // Keys may coincide where IDs do not (actors alike in all they declared): number the repeats.
  const seen = new Map<string, number>();
  for (const g of groups) {
    const n = (seen.get(g.id) ?? 0) + 1;
    seen.set(g.id, n);
    if (n > 1) g.id = `${g.id}-${n}`;
  }
  const notLocatedActorIds = [...notLocated].sort(compareStrings);
  return { groups, notLocated: notLocatedActorIds.length, notLocatedActorIds, smallStreamFlowsNotAssessed: notAssessed };
}

/** Greedy seeded clustering; `points` sorted by actor ID. Returns the kept groups' members. */
function cluster(
  points: readonly { item: string; at: LatLon }[],
  radiusKm: number,
  minMembers: number,
): { actorId: string; at: LatLon }[][] {
  const grid = new PointGrid(points, radiusKm);
  const neighbours = new Map<string, { actorId: string; at: LatLon }[]>();
  for (const p of points) {
    const near = grid.within(p.at, radiusKm).map((n) => ({ actorId: n.point.item, at: n.point.at }));
    near.sort((a, b) => compareStrings(a.actorId, b.actorId));
    neighbours.set(p.item, near);
  }
  const seeds = [...points].sort(
    (a, b) => (neighbours.get(b.item)?.length ?? 0) - (neighbours.get(a.item)?.length ?? 0) || compareStrings(a.item, b.item),
  );
  const grouped = new Set<string>();
  const out: { actorId: string; at: LatLon }[][] = [];
  for (const seed of seeds) {
    if (grouped.has(seed.item)) continue;
    const free = (neighbours.get(seed.item) ?? []).filter((n) => !grouped.has(n.actorId));
    if (free.length < minMembers) continue;
    for (const n of free) grouped.add(n.actorId);
    out.push(free);
  }
  return out;
}

function makeGroup(
  b: Bucket,
  members: readonly { actorId: string; at: LatLon }[],
  minMembers: number,
  keys: ReadonlyMap<string, string>,
): MutualisationGroup {
  const n = members.length;
  const centre = {
    lat: members.reduce((s, m) => s + m.at.lat, 0) / n,
    lon: members.reduce((s, m) => s + m.at.lon, 0) / n,
  };
  const groupMembers: MutualisationMember[] = members.map((m) => {
    const items = [...(b.items.get(m.actorId) ?? [])].sort((x, y) => compareStrings(x.id, y.id));
    return {
      actorId: m.actorId,
      needIds: items.filter((i) => i.kind === 'need').map((i) => i.id),
      flowIds: items.filter((i) => i.kind === 'flow').map((i) => i.id),
      location: { lat: m.at.lat, lon: m.at.lon },
      distanceToCentreKm: distanceMetres(centre, m.at) / 1000,
    };
  });
  const allItems = members.flatMap((m) => [...(b.items.get(m.actorId) ?? [])].sort((x, y) => compareStrings(x.id, y.id)));
  const totalQuantity = poolQuantity(allItems);
  const memberKeys = members.map((m) => keys.get(m.actorId) ?? m.actorId);
  const id = `mut-${fnv1a64([b.kind, b.category, b.resourceCode ?? '', b.hazardous === null ? '' : String(b.hazardous), ...memberKeys].join('\u001f'))}`;
  return {
    id,
    kind: b.kind,
    category: b.category,
    resourceCode: b.resourceCode,
    hazardous: b.hazardous,
    members: groupMembers,
    centre,
    radiusKm: b.radiusKm,
    totalQuantity,
    saving: saving(b, members, totalQuantity),
    explanation: explain(b, n, totalQuantity, minMembers),
  };
}

function poolQuantity(items: readonly Item[]): { value: number; unit: string } | null {
  const first = items[0]?.quantity;
  if (!first) return null;
  let value = 0;
  for (const i of items) {
    if (i.quantity === null || i.quantity.unit !== first.unit) return null;
    value += i.quantity.value;
  }
  return { value, unit: first.unit };
}

function saving(
  b: Bucket,
  members: readonly { actorId: string }[],
  totalQuantity: { value: number; unit: string } | null,
): MutualisationSaving {
  const rate = b.saving.costReductionRate;
  let declaredMembers = 0;
  let declaredTotal = 0;
  for (const m of members) {
    const items = b.items.get(m.actorId) ?? [];
    if (items.length > 0 && items.every((i) => i.annualCostEur !== null)) {
      declaredMembers++;
      for (const i of items) declaredTotal += i.annualCostEur as number;
    }
  }
  const allDeclared = declaredMembers === members.length;
  const value = rate.value !== null && allDeclared ? rate.value * declaredTotal : null;
  const parameters: MutualisationSavingParameter[] = [
    {
      name: 'costReductionRate',
      value: rate.value,
      source: rate.sources.length > 0 ? rate.sources.join(', ') : null,
      estimate: rate.estimate,
    },
    { name: 'declaredAnnualCostEur', value: allDeclared ? declaredTotal : null, source: null, estimate: false },
    { name: 'membersWithDeclaredCost', value: declaredMembers, source: null, estimate: false },
    { name: 'separateArrangementsReplaced', value: members.length, source: null, estimate: false },
    { name: 'pooledAnnualQuantity', value: totalQuantity?.value ?? null, source: null, estimate: false },
  ];
  let method = b.saving.method;
  if (value === null) {
    const why: Bilingual =
      rate.value === null
        ? {
            fr: 'Aucun taux d’économie sourcé pour cette catégorie : l’économie n’est pas chiffrée.',
            en: 'No sourced saving rate for this category: the saving is not worked out.',
          }
        : {
            fr: `Seuls ${declaredMembers} membres sur ${members.length} ont déclaré un coût annuel : l’économie n’est pas chiffrée.`,
            en: `Only ${declaredMembers} of ${members.length} members declared a yearly cost: the saving is not worked out.`,
          };
    method = { fr: `${method.fr} ${why.fr}`, en: `${method.en} ${why.en}` };
  }
  return { value, unit: 'EUR/yr', method, parameters, estimate: true };
}

function explain(b: Bucket, n: number, total: { value: number; unit: string } | null, minMembers: number): Bilingual {
  const r = { fr: formatNumber(b.radiusKm, 'fr'), en: formatNumber(b.radiusKm, 'en') };
  const resource = b.resourceCode === null ? '' : ` (${b.resourceCode})`;
  const pooled = total
    ? {
        fr: ` Quantité mise en commun : ${formatNumber(total.value, 'fr')} ${total.unit}/an.`,
        en: ` Pooled quantity: ${formatNumber(total.value, 'en')} ${total.unit}/yr.`,
      }
    : { fr: '', en: '' };
  if (b.kind === 'shared_need') {
    const label = CATEGORY_LABELS[b.category];
    return {
      fr: `${n} acteurs à moins de ${r.fr} km de l’un d’eux ont un besoin « ${label.fr} »${resource} : une démarche commune remplacerait ${n} démarches séparées (au moins ${minMembers} membres requis).${pooled.fr}`,
      en: `${n} actors within ${r.en} km of one of them have a “${label.en}” need${resource}: one joint arrangement would replace ${n} separate ones (at least ${minMembers} members required).${pooled.en}`,
    };
  }
  const t = b.threshold as SmallStreamThreshold;
  const hazardous = b.hazardous ? { fr: ' dangereux', en: ' hazardous' } : { fr: '', en: '' };
  return {
    fr: `${n} acteurs à moins de ${r.fr} km de l’un d’eux produisent chacun moins de ${formatNumber(t.maxAnnualQuantity, 'fr')} ${t.unit}/an du même déchet${hazardous.fr}${resource}, aujourd’hui enfoui, incinéré ou de devenir inconnu : trop peu pour qu’un seul le fasse valoriser, une collecte commune pourrait l’orienter vers une filière.${pooled.fr}`,
    en: `${n} actors within ${r.en} km of one of them each produce less than ${formatNumber(t.maxAnnualQuantity, 'en')} ${t.unit}/yr of the same${hazardous.en} waste${resource}, landfilled, incinerated or of unknown fate today: too little for any one of them to have it recovered; a joint collection could take it to a recovery route.${pooled.en}`,
  };
}
