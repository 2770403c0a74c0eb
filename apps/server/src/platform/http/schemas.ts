/** Schemas of what the API answers and of its query strings; they also make the OpenAPI document. */
import {
  ACTOR_KINDS,
  AGGREGATE_DESTINATIONS,
  AGGREGATE_KINDS,
  FAMILIES,
  CONFIDENTIAL_FLOW_FIELDS,
  CONFIDENTIALITY_LEVELS,
  COMMUNE_CODE,
  COST_BASES,
  COST_KINDS,
  expecting,
  FATE_MODES,
  FLOW_DIRECTIONS,
  NEED_CATEGORIES,
  noNul,
  PERIODS,
  PURITY_GRADES,
  RESOURCE_CODE,
  SIRET_PATTERN,
  TERRITORY_LEVELS,
  WASTE_CODE,
} from '@boucles/engine';
import * as z from 'zod';

const bilingual = z.object({ fr: z.string(), en: z.string() });

export const errorSchema = z
  .object({
    error: z.string().meta({ description: 'Machine code: validation, not_found, conflict, invalid_json, body_too_large…' }),
    message: bilingual,
    issues: z
      .array(z.object({ path: z.string(), code: z.string(), message: bilingual }))
      .optional()
      .meta({ description: 'For validation errors: every faulty field, by its path' }),
  })
  .meta({ id: 'Error' });

const stamps = { createdAt: z.string(), updatedAt: z.string() };
const quantity = z.object({ value: z.number(), unit: z.string(), period: z.enum(PERIODS) });

export const territorySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    level: z.enum(TERRITORY_LEVELS),
    name: z.string(),
    description: z.string().nullable(),
    fictional: z.boolean(),
    communes: z.array(z.string()),
    boundary: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.unknown() }).nullable(),
    ...stamps,
  })
  .meta({ id: 'Territory' });

export const actorSchema = z
  .object({
    id: z.uuid(),
    territoryId: z.uuid(),
    externalId: z.string().nullable(),
    siret: z.string().nullable(),
    siren: z.string().nullable(),
    name: z.string(),
    nafCode: z.string().nullable(),
    kind: z.enum(ACTOR_KINDS),
    headcountBand: z.string().nullable(),
    ess: z.boolean(),
    contact: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }),
    ...stamps,
  })
  .meta({ id: 'Actor' });

export const siteSchema = z
  .object({
    id: z.uuid(),
    territoryId: z.uuid(),
    actorId: z.uuid(),
    externalId: z.string().nullable(),
    name: z.string(),
    address: z.string().nullable(),
    communeCode: z.string(),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    ...stamps,
  })
  .meta({ id: 'Site' });

export const flowSchema = z
  .object({
    id: z.uuid(),
    territoryId: z.uuid(),
    siteId: z.uuid(),
    actorId: z.uuid(),
    externalId: z.string().nullable(),
    direction: z.enum(FLOW_DIRECTIONS),
    resourceCode: z.string(),
    wasteCode: z.string().nullable(),
    label: z.string(),
    quantity: quantity.nullable(),
    annualQuantity: z
      .object({ value: z.number(), unit: z.string() })
      .nullable()
      .meta({ description: 'Quantity per year in the base unit of its dimension (t, MWh, m3, unit, h); derived' }),
    monthsAvailable: z.array(z.number().int()).nullable(),
    quality: z.object({
      temperatureC: z.number().optional(),
      moisturePct: z.number().optional(),
      purityGrade: z.enum(PURITY_GRADES).optional(),
      hazardous: z.boolean().optional(),
    }),
    hazardous: z
      .boolean()
      .nullable()
      .meta({ description: 'Derived: quality.hazardous as declared, or else whether the waste code is starred; null when the waste code or the quality is withheld (API keys)' }),
    currentFate: z.object({ mode: z.enum(FATE_MODES), operationCode: z.string().optional(), local: z.boolean().optional(), partner: z.string().optional() }).nullable(),
    currentOrigin: z.object({ recycled: z.boolean(), local: z.boolean(), partner: z.string().optional() }).nullable(),
    cost: z.object({ amountEur: z.number(), per: z.enum(COST_BASES), kind: z.enum(COST_KINDS) }).nullable(),
    confidentiality: z.partialRecord(z.enum(CONFIDENTIAL_FLOW_FIELDS), z.enum(CONFIDENTIALITY_LEVELS)),
    ...stamps,
  })
  .meta({ id: 'Flow' });

export const needSchema = z
  .object({
    id: z.uuid(),
    territoryId: z.uuid(),
    actorId: z.uuid(),
    externalId: z.string().nullable(),
    category: z.enum(NEED_CATEGORIES),
    description: z.string(),
    resourceCode: z.string().nullable(),
    quantity: quantity.nullable(),
    ...stamps,
  })
  .meta({ id: 'Need' });

export const aggregateSchema = z
  .object({
    id: z.uuid(),
    territoryId: z.uuid(),
    externalId: z.string().nullable(),
    label: z.string(),
    kind: z.enum(AGGREGATE_KINDS),
    family: z.enum(FAMILIES),
    resourceCode: z.string().nullable(),
    quantity,
    annualQuantity: z.object({ value: z.number(), unit: z.string() }),
    origin: z.enum(['local', 'external']).nullable(),
    destination: z.enum(AGGREGATE_DESTINATIONS).nullable(),
    partner: z.string().nullable(),
    year: z.number().int(),
    source: z.object({ title: z.string(), url: z.string().optional() }),
    estimate: z.boolean(),
    ...stamps,
  })
  .meta({ id: 'Aggregate' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

const search = noNul(z.string().trim().min(1).max(200)).optional();
const optionalBool = z.enum(['true', 'false']).optional();

export const territoryQuery = z.strictObject({ ...pageQuery, q: search, level: z.enum(TERRITORY_LEVELS).optional() });
export const actorQuery = z.strictObject({
  ...pageQuery,
  q: search,
  kind: z.enum(ACTOR_KINDS).optional(),
  naf: z
    .string()
    .regex(expecting(/^[0-9A-Z.]{1,6}$/, 'code NAF ou son début : 1 à 6 chiffres, points ou lettres majuscules attendus, par exemple 10.7', 'NAF code or its start: 1 to 6 digits, dots or capital letters expected, e.g. 10.7'))
    .optional(),
  ess: optionalBool,
  siret: z.string().regex(SIRET_PATTERN).optional(),
  communeCode: z.string().regex(COMMUNE_CODE).optional(),
});
export const siteQuery = z.strictObject({
  ...pageQuery,
  q: search,
  actorId: z.uuid().optional(),
  communeCode: z.string().regex(COMMUNE_CODE).optional(),
});
export const flowQuery = z.strictObject({
  ...pageQuery,
  q: search,
  siteId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  direction: z.enum(FLOW_DIRECTIONS).optional(),
  resource: z.string().regex(RESOURCE_CODE).max(100).optional(),
  wasteCode: z.string().regex(WASTE_CODE).optional(),
  hazardous: optionalBool,
});
export const needQuery = z.strictObject({
  ...pageQuery,
  q: search,
  actorId: z.uuid().optional(),
  category: z.enum(NEED_CATEGORIES).optional(),
  resource: z.string().regex(RESOURCE_CODE).max(100).optional(),
});

export function toBool(v: 'true' | 'false' | undefined): boolean | undefined {
  return v === undefined ? undefined : v === 'true';
}

export const territoryCode = noNul(z.string().min(1).max(40));
export const codeParams = z.strictObject({ code: territoryCode });
export const itemParams = z.strictObject({ code: territoryCode, id: z.uuid() });
