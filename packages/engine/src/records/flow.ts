/**
 * A flow: a resource a site gives out (output) or takes in (input). Every shape of a flow is here:
 * as stored, as clients send it (input, partial update), as a territory document and a
 * spreadsheet row hold it, and what its repository writes. A field added to the stored flow fails
 * to compile until it is decided whether clients give it or it is derived (below), and how it is
 * stored, shown and exported (the places that use these types say so).
 */
import * as z from 'zod';
import { addIssue } from '../validation.js';
import {
  dataFieldsOf,
  documentRef,
  externalId,
  fieldsOf,
  omit,
  OPERATION_CODE,
  quantitySchema,
  RESOURCE_CODE,
  storedAnnualQuantity,
  storedIdentity,
  storedQuantity,
  storedStamps,
  text,
  uuid,
  WASTE_CODE,
  type SameKeys,
  type StoredOnly,
} from './fields.js';
import {
  CONFIDENTIAL_FLOW_FIELDS,
  CONFIDENTIALITY_LEVELS,
  COST_BASES,
  COST_KINDS,
  FATE_MODES,
  FLOW_DIRECTIONS,
  PURITY_GRADES,
} from './vocabulary.js';

/** A flow as stored and answered, with the fields derived on the way in (`annualQuantity`, `hazardous`) and its site's actor. */
export const flowRecordSchema = z.object({
  ...storedIdentity,
  siteId: z.uuid(),
  actorId: z.uuid(),
  externalId: z.string().nullable(),
  direction: z.enum(FLOW_DIRECTIONS),
  resourceCode: z.string(),
  wasteCode: z.string().nullable(),
  label: z.string(),
  quantity: storedQuantity.nullable(),
  annualQuantity: storedAnnualQuantity
    .nullable()
    .meta({ description: 'Quantity per year in the base unit of its dimension (t, MWh, m3, unit, h); derived' }),
  monthsAvailable: z.array(z.number().int()).nullable(),
  /** What the declarant said; `quality.hazardous` is left out when they said nothing. */
  quality: z.object({
    temperatureC: z.number().optional(),
    moisturePct: z.number().optional(),
    purityGrade: z.enum(PURITY_GRADES).optional(),
    hazardous: z.boolean().optional(),
  }),
  /** Derived: the declared flag, or else whether the waste code is starred (hazardous). */
  hazardous: z.boolean(),
  currentFate: z
    .object({
      mode: z.enum(FATE_MODES),
      operationCode: z.string().optional(),
      /** Recovered inside the territory (true) or outside (false); unknown when absent. */
      local: z.boolean().optional(),
      /** Where it goes: a territory code or a place. */
      partner: z.string().optional(),
    })
    .nullable(),
  /** Where it comes from: a territory code or a place (`partner`). */
  currentOrigin: z.object({ recycled: z.boolean(), local: z.boolean(), partner: z.string().optional() }).nullable(),
  cost: z.object({ amountEur: z.number(), per: z.enum(COST_BASES), kind: z.enum(COST_KINDS) }).nullable(),
  confidentiality: z.partialRecord(z.enum(CONFIDENTIAL_FLOW_FIELDS), z.enum(CONFIDENTIALITY_LEVELS)),
  ...storedStamps,
});
export type Flow = z.output<typeof flowRecordSchema>;
export type FlowQuality = Flow['quality'];
export type CurrentFate = NonNullable<Flow['currentFate']>;
export type CurrentOrigin = NonNullable<Flow['currentOrigin']>;
export type FlowCost = NonNullable<Flow['cost']>;

/** Fields of a stored flow that its repository does not write: the actor is its site's. */
export const FLOW_READ_ONLY = ['actorId'] as const;
/** What the flow repository writes. */
export type FlowData = Omit<Flow, StoredOnly | (typeof FLOW_READ_ONLY)[number]>;
/** The fields the flow repository writes, in their order. */
export const FLOW_DATA_FIELDS: (keyof FlowData)[] = dataFieldsOf(flowRecordSchema, FLOW_READ_ONLY);
/** Fields of a stored flow derived on the way in, never given by clients. */
export const FLOW_DERIVED = ['annualQuantity', 'hazardous'] as const;

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
    .strictObject({
      recycled: z.boolean(),
      local: z.boolean(),
      partner: text(200).optional().meta({ description: 'Where it comes from: a territory code or a place' }),
    })
    .nullish(),
  cost: z.strictObject({ amountEur: z.number().min(0).max(1e12), per: z.enum(COST_BASES), kind: z.enum(COST_KINDS) }).nullish(),
  confidentiality: z.partialRecord(z.enum(CONFIDENTIAL_FLOW_FIELDS), z.enum(CONFIDENTIALITY_LEVELS)).optional(),
};

/** Rules between fields of a flow, checked on a whole (created or merged) flow. */
function flowRefine(
  f: {
    direction?: string | undefined;
    currentFate?: unknown;
    currentOrigin?: unknown;
    cost?: { per: string } | null | undefined;
    quantity?: unknown;
  },
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
      fr: 'un coût par unité suppose une quantité : renseigner quantity ou exprimer le coût par période',
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

/** A flow in a territory document: its site named by the site's external ID. */
export const documentFlowSchema = z
  .strictObject({ ...omit(flowFields, 'siteId'), externalId, siteExternalId: documentRef })
  .superRefine(flowRefine);
/** A spreadsheet row of a flow may leave its ID out: it is then matched by its natural key. */
export const rowFlowSchema = z
  .strictObject({ ...omit(flowFields, 'siteId'), externalId: externalId.optional(), siteExternalId: documentRef })
  .superRefine(flowRefine);

/** The fields a client gives, in order. */
export const FLOW_INPUT_FIELDS = fieldsOf(flowInputSchema);

// A field of the stored flow is either given by clients or derived: decide which here.
const _flowInputIsData: SameKeys<FlowInput, Omit<FlowData, (typeof FLOW_DERIVED)[number]>> = true;
