/**
 * Turns validated inputs into the data the repositories store: checks against the reference
 * data, conversions (Lambert-93 to WGS84, yearly quantities) and derived fields. Shared by the
 * API's use cases and the territory-document import, so both apply exactly the same rules.
 */
import {
  annualBaseQuantity,
  checkActorReferences,
  checkAggregateReferences,
  checkFlowReferences,
  checkNeedReferences,
  checkSiteLocation,
  checkSiteReferences,
  isInFrance,
  issue,
  lambert93ToWgs84,
  type ActorData,
  type ActorInput,
  type AggregateData,
  type AggregateInput,
  type FlowData,
  type FlowInput,
  type NeedData,
  type NeedInput,
  type ReferenceLookup,
  type SiteData,
  type SiteInput,
  type ValidationIssue,
} from '@boucles/engine';

export type Prepared<T> = { ok: true; data: T } | { ok: false; issues: ValidationIssue[] };

function result<T>(issues: ValidationIssue[], build: () => T): Prepared<T> {
  return issues.length ? { ok: false, issues } : { ok: true, data: build() };
}

export function prepareActor(input: ActorInput, ref: ReferenceLookup): Prepared<ActorData> {
  return result(checkActorReferences(input, ref), () => ({
    externalId: input.externalId ?? null,
    siret: input.siret ?? null,
    name: input.name,
    nafCode: input.nafCode ?? null,
    kind: input.kind,
    headcountBand: input.headcountBand ?? null,
    ess: input.ess ?? input.kind === 'ess',
    contact: input.contact ?? {},
  }));
}

export function unknownParent(path: string, what: 'actor' | 'site', id: string): ValidationIssue {
  return what === 'actor'
    ? issue(path, 'unknown_actor', `aucun acteur ${id} dans ce territoire`, `no actor ${id} in this territory`)
    : issue(path, 'unknown_site', `aucun site ${id} dans ce territoire`, `no site ${id} in this territory`);
}

export function prepareSite(
  input: SiteInput,
  territoryCommunes: ReadonlySet<string>,
  actorExists: boolean,
  ref: ReferenceLookup,
): Prepared<SiteData> {
  const issues = checkSiteReferences(input, territoryCommunes, ref);
  if (!actorExists) issues.push(unknownParent('actorId', 'actor', input.actorId));
  let location = input.location ?? null;
  if (input.lambert93) {
    location = lambert93ToWgs84(input.lambert93);
    if (!isInFrance(location)) {
      issues.push(
        issue(
          'lambert93',
          'outside_france',
          `les coordonnées Lambert-93 (${input.lambert93.x}, ${input.lambert93.y}) tombent hors de France`,
          `Lambert-93 coordinates (${input.lambert93.x}, ${input.lambert93.y}) fall outside France`,
        ),
      );
    }
  }
  if (issues.length === 0) issues.push(...checkSiteLocation(input.communeCode, location, input.lambert93 ? 'lambert93' : 'location', ref));
  return result(issues, () => ({
    actorId: input.actorId,
    externalId: input.externalId ?? null,
    name: input.name,
    address: input.address ?? null,
    communeCode: input.communeCode,
    location: location && { lat: round(location.lat, 7), lon: round(location.lon, 7) },
  }));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function prepareFlow(input: FlowInput, siteExists: boolean, ref: ReferenceLookup): Prepared<FlowData> {
  const issues = checkFlowReferences(input, ref);
  if (!siteExists) issues.push(unknownParent('siteId', 'site', input.siteId));
  return result(issues, () => {
    const annual = input.quantity ? annualBaseQuantity(input.quantity, ref) : null;
    const waste = input.wasteCode ? ref.wasteCode(input.wasteCode) : undefined;
    const quality = input.quality ?? {};
    return {
      siteId: input.siteId,
      externalId: input.externalId ?? null,
      direction: input.direction,
      resourceCode: input.resourceCode,
      wasteCode: input.wasteCode ?? null,
      label: input.label,
      quantity: input.quantity ?? null,
      annualQuantity: annual && { value: annual.value, unit: annual.unit },
      monthsAvailable: input.monthsAvailable ? [...input.monthsAvailable].sort((a, b) => a - b) : null,
      quality,
      // A starred waste code is hazardous by law: the derived flag follows it when the declarant said nothing.
      hazardous: quality.hazardous ?? waste?.hazardous ?? false,
      currentFate: input.currentFate ?? null,
      currentOrigin: input.currentOrigin ?? null,
      cost: input.cost ?? null,
      confidentiality: input.confidentiality ?? {},
    };
  });
}

export function prepareNeed(input: NeedInput, actorExists: boolean, ref: ReferenceLookup): Prepared<NeedData> {
  const issues = checkNeedReferences(input, ref);
  if (!actorExists) issues.push(unknownParent('actorId', 'actor', input.actorId));
  return result(issues, () => ({
    actorId: input.actorId,
    externalId: input.externalId ?? null,
    category: input.category,
    description: input.description,
    resourceCode: input.resourceCode ?? null,
    quantity: input.quantity ?? null,
  }));
}

export function prepareAggregate(input: AggregateInput, ref: ReferenceLookup): Prepared<AggregateData> {
  return result(checkAggregateReferences(input, ref), () => {
    const annual = annualBaseQuantity(input.quantity, ref);
    return {
      externalId: input.externalId ?? null,
      label: input.label,
      kind: input.kind,
      family: input.family,
      resourceCode: input.resourceCode ?? null,
      quantity: input.quantity,
      // A "once" period is refused by the schema, so a yearly rate exists.
      annualQuantity: annual ? { value: annual.value, unit: annual.unit } : { value: 0, unit: input.quantity.unit },
      origin: input.origin ?? null,
      destination: input.destination ?? null,
      partner: input.partner ?? null,
      year: input.year,
      source: input.source,
      estimate: input.estimate,
    };
  });
}

/** Prefixes the paths of issues found in one element of a document (`actors[3].siret`). */
export function nest(prefix: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}
