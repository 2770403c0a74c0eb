/**
 * Schemas of what the territory routes answer and of their query strings; they also make the
 * OpenAPI document. The records' answers are the engine's stored records (`records/`), named for
 * the OpenAPI document: a field added to a record is answered without being written again here.
 */
import {
  ACTOR_KINDS,
  actorRecordSchema,
  aggregateRecordSchema,
  COMMUNE_CODE,
  expecting,
  FLOW_DIRECTIONS,
  flowRecordSchema,
  NEED_CATEGORIES,
  needRecordSchema,
  noNul,
  RESOURCE_CODE,
  SIRET_PATTERN,
  siteRecordSchema,
  TERRITORY_LEVELS,
  WASTE_CODE,
} from '@boucles/engine';
import * as z from 'zod';
import { pageQuery } from '../../platform/http/schemas.js';

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
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Territory' });

export const actorSchema = actorRecordSchema.meta({ id: 'Actor' });
export const siteSchema = siteRecordSchema.meta({ id: 'Site' });
/** A flow as answered: to an API key, the fields it may not see are withheld, `hazardous` included (null). */
export const flowSchema = flowRecordSchema
  .extend({
    hazardous: z.boolean().nullable().meta({
      description:
        'Derived: quality.hazardous as declared, or else whether the waste code is starred; null when the waste code or the quality is withheld (API keys)',
    }),
  })
  .meta({ id: 'Flow' });
export const needSchema = needRecordSchema.meta({ id: 'Need' });
export const aggregateSchema = aggregateRecordSchema.meta({ id: 'Aggregate' });

const search = noNul(z.string().trim().min(1).max(200)).optional();
const optionalBool = z.enum(['true', 'false']).optional();

export const territoryQuery = z.strictObject({ ...pageQuery, q: search, level: z.enum(TERRITORY_LEVELS).optional() });
export const actorQuery = z.strictObject({
  ...pageQuery,
  q: search,
  kind: z.enum(ACTOR_KINDS).optional(),
  naf: z
    .string()
    .regex(
      expecting(
        /^[0-9A-Z.]{1,6}$/,
        'code NAF ou son début : 1 à 6 chiffres, points ou lettres majuscules attendus, par exemple 10.7',
        'NAF code or its start: 1 to 6 digits, dots or capital letters expected, e.g. 10.7',
      ),
    )
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
