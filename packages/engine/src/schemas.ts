/**
 * The territory and the territory document (a whole territory in one JSON file), shared by the
 * API, the importers and the CLI. The records' own schemas (actor, site, flow, need, aggregate)
 * are in `records/`. They check structure and formats; checks against reference data (does this
 * NAF code exist?) are in `references.ts`, since the engine is given its reference tables rather
 * than reading them.
 */
import * as z from 'zod';
import { addIssue } from './validation.js';
import { COMMUNE_CODE, optionalText, TERRITORY_CODE, text } from './records/fields.js';
import { documentActorSchema } from './records/actor.js';
import { aggregateInputSchema } from './records/aggregate.js';
import { documentFlowSchema } from './records/flow.js';
import { documentNeedSchema } from './records/need.js';
import { documentSiteSchema } from './records/site.js';
import { TERRITORY_LEVELS } from './records/vocabulary.js';

const geometrySchema = z.strictObject({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()).min(1),
});

export const territoryInputSchema = z
  .strictObject({
    code: z.string().regex(TERRITORY_CODE),
    level: z.enum(TERRITORY_LEVELS),
    name: text(200),
    description: optionalText(5000).nullish(),
    fictional: z.boolean().optional(),
    communes: z.array(z.string().regex(COMMUNE_CODE)).max(40_000).optional(),
    boundary: geometrySchema.nullish(),
  })
  .superRefine((t, ctx) => {
    if (t.level === 'custom' && (!t.communes || t.communes.length === 0)) {
      addIssue(ctx, ['communes'], {
        code: 'communes_required',
        fr: 'un périmètre personnalisé doit lister ses communes',
        en: 'a custom perimeter must list its communes',
      });
    }
    if (t.communes && new Set(t.communes).size !== t.communes.length) {
      addIssue(ctx, ['communes'], {
        code: 'duplicate',
        fr: 'une commune est listée deux fois',
        en: 'a commune is listed twice',
      });
    }
  });
export type TerritoryInput = z.output<typeof territoryInputSchema>;
export const territoryPatchSchema = z
  .strictObject({
    name: text(200).optional(),
    description: optionalText(5000).nullish(),
    fictional: z.boolean().optional(),
    communes: z.array(z.string().regex(COMMUNE_CODE)).min(1).max(40_000).optional(),
    boundary: geometrySchema.nullish(),
  })
  .superRefine((t, ctx) => {
    if (t.communes && new Set(t.communes).size !== t.communes.length) {
      addIssue(ctx, ['communes'], { code: 'duplicate', fr: 'une commune est listée deux fois', en: 'a commune is listed twice' });
    }
  });
export type TerritoryPatch = z.output<typeof territoryPatchSchema>;

// The territory document: a whole territory in one JSON file (docs/formats.md). Elements refer
// to each other by their external IDs, since database IDs do not exist yet.

export const TERRITORY_DOCUMENT_FORMAT = 'boucles-territory';
export const TERRITORY_DOCUMENT_VERSION = 1;

export const territoryDocumentSchema = z.strictObject({
  format: z.literal(TERRITORY_DOCUMENT_FORMAT),
  formatVersion: z.literal(TERRITORY_DOCUMENT_VERSION),
  fictional: z.boolean().optional(),
  notice: z.string().max(5000).optional(),
  territory: territoryInputSchema,
  actors: z.array(documentActorSchema).max(1_000_000),
  sites: z.array(documentSiteSchema).max(1_000_000),
  flows: z.array(documentFlowSchema).max(5_000_000),
  needs: z.array(documentNeedSchema).max(1_000_000).default([]),
  aggregates: z.array(aggregateInputSchema).max(100_000).default([]),
});
export type TerritoryDocument = z.output<typeof territoryDocumentSchema>;

/** The published JSON Schema of the territory document (docs/schemas/territory-document.schema.json). */
export function territoryDocumentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(territoryDocumentSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://boucles.example/schemas/territory-document.v1.schema.json',
    title: 'Boucles territory document, format version 1',
    description:
      'A whole territory: its actors, their sites, the flows of each site and the needs of each actor. Elements refer to each other by externalId. Checks against reference data (NAF, waste codes, units, communes) and SIRET check digits are beyond what JSON Schema expresses: see docs/formats.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/**
 * The document with its elements left unchecked: importers check the envelope first, then each
 * element on its own, so that one faulty element does not hide the faults of the others.
 */
export const territoryDocumentEnvelopeSchema = z.strictObject({
  ...territoryDocumentSchema.shape,
  actors: z.array(z.unknown()).max(1_000_000),
  sites: z.array(z.unknown()).max(1_000_000),
  flows: z.array(z.unknown()).max(5_000_000),
  needs: z.array(z.unknown()).max(1_000_000).default([]),
  aggregates: z.array(z.unknown()).max(100_000).default([]),
});
