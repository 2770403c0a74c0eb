/**
 * Checks of inputs against reference data (nomenclatures, units, communes). The engine does no
 * I/O: the reference tables are handed to it through `ReferenceLookup`.
 */
import { distanceMetres, type LatLon } from './geo.js';
import type { Dimension, Quantity, UnitDefinition, UnitTable } from './units.js';
import type { ActorInput, AggregateInput, FlowInput, NeedInput, SiteInput, TerritoryLevel } from './records/index.js';
import type { TerritoryInput } from './schemas.js';
import { issue, type ValidationIssue } from './validation.js';

export type ResourceDimension = 'mass' | 'energy' | 'volume' | 'count' | 'service';

export interface ResourceClass {
  code: string;
  parent: string | null;
  family: string;
  labelFr: string;
  labelEn: string;
  dimension: ResourceDimension;
  defaultUnit: string;
  wasteCodes: readonly string[];
  /** Unit dimensions accepted besides the default ones (fuels are traded by mass or by energy). */
  acceptedDimensions?: readonly Dimension[] | undefined;
  /** Temperature band of heat classes: `min` included, `max` excluded, null for an open end. */
  temperatureC?: { min?: number | null | undefined; max?: number | null | undefined } | undefined;
}

export interface WasteCodeEntry {
  code: string;
  hazardous: boolean;
  labelFr: string | null;
  labelEn: string;
}

export interface CommuneEntry {
  code: string;
  name: string;
}

export interface ReferenceLookup extends UnitTable {
  nafCode(code: string): { code: string; label: string } | undefined;
  wasteCode(code: string): WasteCodeEntry | undefined;
  resource(code: string): ResourceClass | undefined;
  wasteOperation(code: string): { code: string } | undefined;
  headcountBand(code: string): { code: string } | undefined;
  commune(code: string): CommuneEntry | undefined;
  /** Member communes of an administrative territory known to the reference data, if any. */
  territoryCommunes(level: TerritoryLevel, code: string): readonly string[] | undefined;
  /** A reference point of the commune (town centre), when known. */
  communePosition?(code: string): LatLon | undefined;
  /** How far from its commune's point a site may lie, in km; undefined where it is not checked. */
  siteDistanceLimitKm?(code: string): number | undefined;
}

/** Which unit dimensions a resource class accepts. Packaging and equipment may be counted or weighed. */
const ACCEPTED_DIMENSIONS: Readonly<Record<ResourceDimension, readonly Dimension[]>> = {
  mass: ['mass'],
  energy: ['energy'],
  volume: ['volume'],
  count: ['count', 'mass'],
  service: ['count', 'duration'],
};

/** Whether a quantity of this resource class may be given in a unit of this dimension. */
function fits(resource: ResourceClass, dimension: Dimension): boolean {
  return (resource.acceptedDimensions ?? ACCEPTED_DIMENSIONS[resource.dimension]).includes(dimension);
}

/**
 * The units, among those given (the unit table, in its order), a quantity of this resource may be
 * given in: the units whose dimension the resource class accepts. None for a code the taxonomy
 * does not know, nor for a unit the reference data does not know.
 */
export function unitsFor(resourceCode: string, units: readonly UnitDefinition[], ref: ReferenceLookup): UnitDefinition[] {
  const resource = ref.resource(resourceCode);
  if (!resource) return [];
  return units.filter((u) => {
    const known = ref.unit(u.code);
    return known !== undefined && fits(resource, known.dimension);
  });
}

function checkQuantity(q: Quantity | null | undefined, path: string, ref: ReferenceLookup, resource?: ResourceClass): ValidationIssue[] {
  if (!q) return [];
  const unit = ref.unit(q.unit);
  if (!unit) {
    return [issue(`${path}.unit`, 'unknown_unit', `unité inconnue : « ${q.unit} »`, `unknown unit: "${q.unit}"`)];
  }
  if (resource && !fits(resource, unit.dimension)) {
    return [
      issue(
        `${path}.unit`,
        'unit_dimension_mismatch',
        `l'unité ${q.unit} ne convient pas à la ressource ${resource.code} (attendu : ${resource.defaultUnit} ou une unité de même nature)`,
        `unit ${q.unit} does not fit resource ${resource.code} (expected ${resource.defaultUnit} or a unit of the same kind)`,
      ),
    ];
  }
  return [];
}

export function checkTerritoryReferences(t: Pick<TerritoryInput, 'level' | 'code' | 'communes'>, ref: ReferenceLookup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (t.level !== 'custom' && !ref.territoryCommunes(t.level, t.code)) {
    issues.push(
      issue(
        'code',
        'unknown_territory_code',
        `code ${t.code} inconnu pour le niveau ${t.level} dans le COG`,
        `code ${t.code} is not a known ${t.level} in the COG`,
      ),
    );
  }
  (t.communes ?? []).forEach((c, i) => {
    if (!ref.commune(c)) {
      issues.push(issue(`communes[${i}]`, 'unknown_commune', `commune ${c} inconnue du COG`, `commune ${c} is not in the COG`));
    }
  });
  return issues;
}

export function checkActorReferences(a: Partial<ActorInput>, ref: ReferenceLookup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (a.nafCode && !ref.nafCode(a.nafCode)) {
    issues.push(
      issue('nafCode', 'unknown_naf_code', `code NAF ${a.nafCode} inconnu de la NAF rév. 2`, `NAF code ${a.nafCode} is not in NAF rev. 2`),
    );
  }
  if (a.headcountBand && !ref.headcountBand(a.headcountBand)) {
    issues.push(
      issue(
        'headcountBand',
        'unknown_headcount_band',
        `tranche d'effectif ${a.headcountBand} inconnue (codes INSEE : NN, 00, 01, 02, 03, 11, 12, 21…)`,
        `unknown headcount band ${a.headcountBand} (INSEE codes: NN, 00, 01, 02, 03, 11, 12, 21…)`,
      ),
    );
  }
  return issues;
}

export function checkSiteReferences(
  s: Pick<SiteInput, 'communeCode'>,
  territoryCommunes: ReadonlySet<string>,
  ref: ReferenceLookup,
): ValidationIssue[] {
  if (!ref.commune(s.communeCode)) {
    return [
      issue('communeCode', 'unknown_commune', `commune ${s.communeCode} inconnue du COG`, `commune ${s.communeCode} is not in the COG`),
    ];
  }
  if (!territoryCommunes.has(s.communeCode)) {
    return [
      issue(
        'communeCode',
        'commune_outside_territory',
        `la commune ${s.communeCode} n'appartient pas au territoire`,
        `commune ${s.communeCode} is not part of the territory`,
      ),
    ];
  }
  return [];
}

/** A site far from its commune's reference point is in another commune: its coordinates or its commune are wrong. */
export function checkSiteLocation(communeCode: string, location: LatLon | null, path: string, ref: ReferenceLookup): ValidationIssue[] {
  if (!location) return [];
  const point = ref.communePosition?.(communeCode);
  const limit = ref.siteDistanceLimitKm?.(communeCode);
  if (!point || limit === undefined) return [];
  const km = distanceMetres(point, location) / 1000;
  if (km <= limit) return [];
  return [
    issue(
      path,
      'far_from_commune',
      `le site est à ${Math.round(km)} km de la commune ${communeCode} (plus de ${limit} km) : coordonnées ou commune erronées ?`,
      `the site is ${Math.round(km)} km from commune ${communeCode} (over ${limit} km): wrong coordinates or commune?`,
    ),
  ];
}

export function checkFlowReferences(f: FlowInput, ref: ReferenceLookup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const resource = ref.resource(f.resourceCode);
  if (!resource) {
    issues.push(
      issue(
        'resourceCode',
        'unknown_resource_code',
        `code ressource ${f.resourceCode} inconnu de la taxonomie`,
        `resource code ${f.resourceCode} is not in the taxonomy`,
      ),
    );
  }
  if (f.wasteCode) {
    const waste = ref.wasteCode(f.wasteCode);
    if (!waste) {
      issues.push(
        issue(
          'wasteCode',
          'unknown_waste_code',
          `code déchet ${f.wasteCode} absent de la liste européenne des déchets`,
          `waste code ${f.wasteCode} is not in the European List of Waste`,
        ),
      );
    } else if (waste.hazardous && f.quality?.hazardous === false) {
      issues.push(
        issue(
          'quality.hazardous',
          'hazardous_mismatch',
          `le code déchet ${f.wasteCode}* est dangereux : le flux ne peut être déclaré non dangereux`,
          `waste code ${f.wasteCode}* is hazardous: the flow cannot be declared non-hazardous`,
        ),
      );
    }
  }
  issues.push(...checkQuantity(f.quantity, 'quantity', ref, resource));
  const t = f.quality?.temperatureC;
  const band = resource?.temperatureC;
  if (t !== undefined && band && ((band.min != null && t < band.min) || (band.max != null && t >= band.max))) {
    issues.push(
      issue(
        'quality.temperatureC',
        'temperature_outside_band',
        `${t} °C est hors de la plage de ${resource.code} (${band.min ?? '…'} à ${band.max ?? '…'} °C)`,
        `${t} °C is outside the band of ${resource.code} (${band.min ?? '…'} to ${band.max ?? '…'} °C)`,
      ),
    );
  }
  const op = f.currentFate?.operationCode;
  if (op && !ref.wasteOperation(op)) {
    issues.push(
      issue('currentFate.operationCode', 'unknown_operation_code', `code d'opération ${op} inconnu`, `unknown operation code ${op}`),
    );
  }
  return issues;
}

export function checkNeedReferences(n: NeedInput, ref: ReferenceLookup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const resource = n.resourceCode ? ref.resource(n.resourceCode) : undefined;
  if (n.resourceCode && !resource) {
    issues.push(
      issue(
        'resourceCode',
        'unknown_resource_code',
        `code ressource ${n.resourceCode} inconnu de la taxonomie`,
        `resource code ${n.resourceCode} is not in the taxonomy`,
      ),
    );
  }
  issues.push(...checkQuantity(n.quantity, 'quantity', ref, resource));
  return issues;
}

/** Dimensions the flow accounts keep, each in its own layer: materials (t), energy (MWh), water (m3). */
const ACCOUNT_DIMENSIONS: readonly Dimension[] = ['mass', 'energy', 'volume'];

export function checkAggregateReferences(a: AggregateInput, ref: ReferenceLookup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const resource = a.resourceCode ? ref.resource(a.resourceCode) : undefined;
  if (a.resourceCode && !resource) {
    issues.push(
      issue(
        'resourceCode',
        'unknown_resource_code',
        `code ressource ${a.resourceCode} inconnu de la taxonomie`,
        `resource code ${a.resourceCode} is not in the taxonomy`,
      ),
    );
  }
  issues.push(...checkQuantity(a.quantity, 'quantity', ref, resource));
  const unit = ref.unit(a.quantity.unit);
  if (unit && !ACCOUNT_DIMENSIONS.includes(unit.dimension)) {
    issues.push(
      issue(
        'quantity.unit',
        'unit_not_in_accounts',
        `les comptes de flux sont en masse, énergie ou volume : ${a.quantity.unit} n'en est pas une unité`,
        `flow accounts are in mass, energy or volume: ${a.quantity.unit} is none of these`,
      ),
    );
  }
  return issues;
}
