/**
 * Input schemas of the territory data model, shared by the API, the importers and the CLI.
 * They check structure and formats; checks against reference data (does this NAF code exist?)
 * are in `references.ts`, since the engine is given its reference tables rather than reading them.
 */
import * as z from 'zod';
import { isInFrance } from './geo.js';
import {
  ACTOR_KINDS,
  CONFIDENTIAL_FLOW_FIELDS,
  CONFIDENTIALITY_LEVELS,
  COST_BASES,
  COST_KINDS,
  FATE_MODES,
  FLOW_DIRECTIONS,
  NEED_CATEGORIES,
  PURITY_GRADES,
  TERRITORY_LEVELS,
} from './model.js';
import { isValidSiret } from './siret.js';
import { PERIODS } from './units.js';
import { addIssue, expecting } from './validation.js';
import { FAMILIES } from './metabolism/types.js';

/** INSEE COG code of a commune: five characters, Corsica's start with 2A or 2B. */
export const COMMUNE_CODE = expecting(
  /^(?:\d{5}|2[AB]\d{3})$/,
  'code commune INSEE : 5 chiffres attendus (2A ou 2B puis 3 chiffres en Corse), par exemple 59350',
  'INSEE commune code: 5 digits expected (2A or 2B then 3 digits in Corsica), e.g. 59350',
);
/** NAF rév. 2 sub-class, as INSEE writes it: `10.71C`. */
export const NAF_CODE = expecting(/^\d{2}\.\d{2}[A-Z]$/, 'code NAF : 2 chiffres, un point, 2 chiffres et une lettre majuscule attendus, par exemple 10.71C', 'NAF code: 2 digits, a dot, 2 digits and a capital letter expected, e.g. 10.71C');
/** European List of Waste code, six digits, without spaces or asterisk. */
export const WASTE_CODE = expecting(/^\d{6}$/, 'code déchet : 6 chiffres attendus, sans espace ni astérisque, par exemple 200101', 'waste code: 6 digits expected, without spaces or asterisk, e.g. 200101');
/** Recovery (R0–R13) or disposal (D1–D15) operation code. */
export const OPERATION_CODE = expecting(
  /^(?:R(?:[0-9]|1[0-3])|D(?:[1-9]|1[0-5]))$/,
  "code d'opération : R0 à R13 (valorisation) ou D1 à D15 (élimination) attendu",
  'operation code: R0 to R13 (recovery) or D1 to D15 (disposal) expected',
);
/** A code of the resource taxonomy: `material.wood.clean`. */
export const RESOURCE_CODE = expecting(
  /^[a-z]+(?:\.[a-z0-9_]+)*$/,
  'code ressource : des mots en minuscules séparés par des points attendus, par exemple material.wood',
  'resource code: lowercase words separated by dots expected, e.g. material.wood',
);
export const TERRITORY_CODE = expecting(
  /^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/,
  'code territoire : 1 à 40 lettres sans accent, chiffres, tirets ou soulignés, commençant par une lettre ou un chiffre',
  'territory code: 1 to 40 unaccented letters, digits, hyphens or underscores, starting with a letter or a digit',
);
export const HEADCOUNT_BAND = expecting(/^(?:NN|\d{2})$/, "tranche d'effectif : 2 chiffres ou NN attendus (codes INSEE)", 'headcount band: 2 digits or NN expected (INSEE codes)');
/** A SIRET: 14 digits (its check digit is checked apart). */
export const SIRET_PATTERN = expecting(/^\d{14}$/, 'SIRET : 14 chiffres attendus, sans espace', 'SIRET: 14 digits expected, without spaces');
const PHONE = expecting(/^\+?[0-9 ().-]{6,25}$/, 'téléphone : 6 à 25 chiffres, espaces, points, tirets ou parenthèses attendus, avec + au début pour un indicatif', 'phone: 6 to 25 digits, spaces, dots, hyphens or brackets expected, with + first for a country code');

/** Refuses the NUL character, which no PostgreSQL text can hold. */
export function noNul<S extends z.ZodString>(schema: S) {
  return schema.superRefine((value, ctx) => {
    if (value.includes('\u0000')) {
      addIssue(ctx, [], { code: 'nul_character', fr: 'le caractère nul (U+0000) est interdit', en: 'the NUL character (U+0000) is not allowed' });
    }
  });
}
const text = (max: number) => noNul(z.string().trim().min(1).max(max));
const optionalText = (max: number) => noNul(z.string().trim().max(max));
const externalId = noNul(z.string().trim().min(1).max(100));
const uuid = z.uuid();

export const siretSchema = z
  .string()
  .regex(SIRET_PATTERN)
  .superRefine((value, ctx) => {
    if (!isValidSiret(value)) {
      addIssue(ctx, [], {
        code: 'invalid_siret',
        fr: `SIRET ${value} invalide : la clé de contrôle (Luhn) ne correspond pas`,
        en: `invalid SIRET ${value}: the check digit (Luhn) does not match`,
      });
    }
  });

export const quantitySchema = z.strictObject({
  value: z.number().positive().max(1e12),
  unit: z.string().min(1).max(20),
  period: z.enum(PERIODS),
});

const latLonSchema = z
  .strictObject({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .superRefine((p, ctx) => {
    if (!isInFrance(p)) {
      addIssue(ctx, [], {
        code: 'outside_france',
        fr: `les coordonnées (${p.lat}, ${p.lon}) sont hors de France (latitude et longitude inversées ?)`,
        en: `coordinates (${p.lat}, ${p.lon}) are outside France (latitude and longitude swapped?)`,
      });
    }
  });

const lambert93Schema = z.strictObject({
  x: z.number().min(0).max(1_300_000),
  y: z.number().min(6_000_000).max(7_200_000),
});

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

export const contactSchema = z.strictObject({
  name: optionalText(200).optional(),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(PHONE)
    .optional(),
});

const actorFields = {
  externalId: externalId.nullish(),
  siret: siretSchema.nullish(),
  name: text(300),
  nafCode: z.string().regex(NAF_CODE).nullish(),
  kind: z.enum(ACTOR_KINDS),
  headcountBand: z.string().regex(HEADCOUNT_BAND).nullish(),
  ess: z.boolean().optional(),
  contact: contactSchema.optional(),
};
function actorRefine(a: { kind?: string | undefined; ess?: boolean | null | undefined }, ctx: z.core.$RefinementCtx): void {
  if (a.kind === 'ess' && a.ess === false) {
    addIssue(ctx, ['ess'], {
      code: 'ess_kind_mismatch',
      fr: "une structure de type ess fait partie de l'ESS : ess ne peut valoir false",
      en: 'an actor of kind ess belongs to the social and solidarity economy: ess cannot be false',
    });
  }
}
export const actorInputSchema = z.strictObject(actorFields).superRefine(actorRefine);
export type ActorInput = z.output<typeof actorInputSchema>;
/** In a partial update, null clears an optional field or object (the default applies again). */
export const actorPatchSchema = z.strictObject({ ...actorFields, ess: z.boolean().nullish(), contact: contactSchema.nullish() }).partial();
export type ActorPatch = z.output<typeof actorPatchSchema>;

const siteFields = {
  actorId: uuid,
  externalId: externalId.nullish(),
  name: text(300),
  address: optionalText(500).nullish(),
  communeCode: z.string().regex(COMMUNE_CODE),
  location: latLonSchema.nullish(),
  /** Coordinates in Lambert-93 (EPSG:2154), converted to WGS84 on the way in. */
  lambert93: lambert93Schema.nullish(),
};
function siteRefine(s: { location?: unknown; lambert93?: unknown }, ctx: z.core.$RefinementCtx): void {
  if (s.location && s.lambert93) {
    addIssue(ctx, ['lambert93'], {
      code: 'conflicting_coordinates',
      fr: 'donner soit location (WGS84), soit lambert93, pas les deux',
      en: 'give either location (WGS84) or lambert93, not both',
    });
  }
}
export const siteInputSchema = z.strictObject(siteFields).superRefine(siteRefine);
export type SiteInput = z.output<typeof siteInputSchema>;
export const sitePatchSchema = z.strictObject(siteFields).partial().superRefine(siteRefine);
export type SitePatch = z.output<typeof sitePatchSchema>;

export const qualitySchema = z.strictObject({
  temperatureC: z.number().min(-273.15).max(2000).optional(),
  moisturePct: z.number().min(0).max(100).optional(),
  purityGrade: z.enum(PURITY_GRADES).optional(),
  hazardous: z.boolean().optional(),
});

const monthsSchema = z
  .array(z.int().min(1).max(12))
  .min(1)
  .max(12)
  .superRefine((months, ctx) => {
    if (new Set(months).size !== months.length) {
      addIssue(ctx, [], { code: 'duplicate', fr: 'un mois est listé deux fois', en: 'a month is listed twice' });
    }
  });

const flowFields = {
  siteId: uuid,
  externalId: externalId.nullish(),
  direction: z.enum(FLOW_DIRECTIONS),
  resourceCode: z.string().regex(RESOURCE_CODE).max(100),
  wasteCode: z.string().regex(WASTE_CODE).nullish(),
  label: text(300),
  quantity: quantitySchema.nullish(),
  monthsAvailable: monthsSchema.nullish(),
  quality: qualitySchema.optional(),
  currentFate: z
    .strictObject({
      mode: z.enum(FATE_MODES),
      operationCode: z.string().regex(OPERATION_CODE).optional(),
      local: z.boolean().optional().meta({ description: 'Recovered inside the territory (true) or outside (false)' }),
      partner: text(200).optional().meta({ description: 'Where it goes: a territory code or a place' }),
    })
    .nullish(),
  currentOrigin: z
    .strictObject({ recycled: z.boolean(), local: z.boolean(), partner: text(200).optional().meta({ description: 'Where it comes from: a territory code or a place' }) })
    .nullish(),
  cost: z
    .strictObject({ amountEur: z.number().min(0).max(1e12), per: z.enum(COST_BASES), kind: z.enum(COST_KINDS) })
    .nullish(),
  confidentiality: z.partialRecord(z.enum(CONFIDENTIAL_FLOW_FIELDS), z.enum(CONFIDENTIALITY_LEVELS)).optional(),
};

/** Rules between fields of a flow, checked on a whole (created or merged) flow. */
function flowRefine(
  f: { direction?: string | undefined; currentFate?: unknown; currentOrigin?: unknown; cost?: { per: string } | null | undefined; quantity?: unknown },
  ctx: z.core.$RefinementCtx,
): void {
  if (f.direction === 'input' && f.currentFate) {
    addIssue(ctx, ['currentFate'], {
      code: 'fate_on_input',
      fr: 'le devenir actuel (currentFate) ne concerne que les flux sortants',
      en: 'the current fate (currentFate) applies to outputs only',
    });
  }
  if (f.direction === 'output' && f.currentOrigin) {
    addIssue(ctx, ['currentOrigin'], {
      code: 'origin_on_output',
      fr: "l'origine actuelle (currentOrigin) ne concerne que les flux entrants",
      en: 'the current origin (currentOrigin) applies to inputs only',
    });
  }
  if (f.cost?.per === 'unit-of-quantity' && !f.quantity) {
    addIssue(ctx, ['cost', 'per'], {
      code: 'cost_without_quantity',
      fr: "un coût par unité suppose une quantité : renseigner quantity ou exprimer le coût par période",
      en: 'a cost per unit needs a quantity: give quantity or express the cost per period',
    });
  }
}
export const flowInputSchema = z.strictObject(flowFields).superRefine(flowRefine);
export type FlowInput = z.output<typeof flowInputSchema>;
export const flowPatchSchema = z
  .strictObject({ ...flowFields, quality: qualitySchema.nullish(), confidentiality: flowFields.confidentiality.unwrap().nullish() })
  .partial();
export type FlowPatch = z.output<typeof flowPatchSchema>;

const needFields = {
  actorId: uuid,
  externalId: externalId.nullish(),
  category: z.enum(NEED_CATEGORIES),
  description: text(2000),
  resourceCode: z.string().regex(RESOURCE_CODE).max(100).nullish(),
  quantity: quantitySchema.nullish(),
};
export const needInputSchema = z.strictObject(needFields);
export type NeedInput = z.output<typeof needInputSchema>;
export const needPatchSchema = z.strictObject(needFields).partial();
export type NeedPatch = z.output<typeof needPatchSchema>;

/**
 * An aggregate: a figure the local authority enters for what actors do not declare (household
 * waste collected, energy consumed, water abstracted, imports of a family…), with its year and
 * source. It feeds the territory's flow accounts (docs/metabolism.md).
 */
export const AGGREGATE_KINDS = ['extraction', 'input', 'output', 'stock_change'] as const;
export const AGGREGATE_DESTINATIONS = ['recovery_inside', 'recovery_outside', 'incineration', 'landfill', 'other'] as const;

const aggregateFields = {
  externalId: externalId.nullish(),
  label: text(300),
  kind: z.enum(AGGREGATE_KINDS),
  family: z.enum(FAMILIES),
  resourceCode: z.string().regex(RESOURCE_CODE).max(100).nullish(),
  quantity: quantitySchema,
  origin: z.enum(['local', 'external']).nullish(),
  destination: z.enum(AGGREGATE_DESTINATIONS).nullish(),
  partner: text(200).nullish(),
  year: z.int().min(1900).max(2100),
  source: z.strictObject({ title: text(500), url: z.url({ protocol: /^https?$/ }).max(2000).optional() }),
  estimate: z.boolean().default(false),
};

function aggregateRefine(a: { kind?: string | undefined; origin?: unknown; destination?: unknown; quantity?: { period?: string } | undefined }, ctx: z.core.$RefinementCtx): void {
  if (a.origin && a.kind !== 'input') addIssue(ctx, ['origin'], { code: 'not_applicable', fr: "l'origine ne concerne que les entrées (kind input)", en: 'origin applies to inputs (kind input) only' });
  if (a.destination && a.kind !== 'output') addIssue(ctx, ['destination'], { code: 'not_applicable', fr: 'la destination ne concerne que les sorties (kind output)', en: 'destination applies to outputs (kind output) only' });
  if (a.quantity?.period === 'once') addIssue(ctx, ['quantity', 'period'], { code: 'not_yearly', fr: 'un agrégat est un flux annuel : pas de période « once »', en: 'an aggregate is a yearly flow: no "once" period' });
}

export const aggregateInputSchema = z.strictObject(aggregateFields).superRefine(aggregateRefine);
export type AggregateInput = z.output<typeof aggregateInputSchema>;

// The territory document: a whole territory in one JSON file (docs/formats.md). Elements refer
// to each other by their external IDs, since database IDs do not exist yet.

export const TERRITORY_DOCUMENT_FORMAT = 'boucles-territory';
export const TERRITORY_DOCUMENT_VERSION = 1;

function omit<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const { [key]: _omitted, ...rest } = o;
  return rest;
}

const documentRef = noNul(z.string().trim().min(1).max(100));

export const documentActorSchema = z.strictObject({ ...actorFields, externalId }).superRefine(actorRefine);
export const documentSiteSchema = z
  .strictObject({ ...omit(siteFields, 'actorId'), externalId, actorExternalId: documentRef })
  .superRefine(siteRefine);
export const documentFlowSchema = z
  .strictObject({ ...omit(flowFields, 'siteId'), externalId, siteExternalId: documentRef })
  .superRefine(flowRefine);
export const documentNeedSchema = z.strictObject({ ...omit(needFields, 'actorId'), externalId, actorExternalId: documentRef });

/** Spreadsheet rows of flows and needs may leave their ID out: they are then matched by their natural key. */
export const rowFlowSchema = z
  .strictObject({ ...omit(flowFields, 'siteId'), externalId: externalId.optional(), siteExternalId: documentRef })
  .superRefine(flowRefine);
export const rowNeedSchema = z.strictObject({ ...omit(needFields, 'actorId'), externalId: externalId.optional(), actorExternalId: documentRef });

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
