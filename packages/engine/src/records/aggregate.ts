/**
 * An aggregate: a figure the local authority enters for what actors do not declare (household
 * waste collected, energy consumed, water abstracted, imports of a family…), with its year and
 * source. It feeds the territory's flow accounts (docs/metabolism.md). Every shape of an
 * aggregate is here: as stored, as clients send it (it is replaced whole, never patched), and what
 * its repository writes.
 */
import * as z from 'zod';
import { addIssue } from '../validation.js';
import {
  dataFieldsOf,
  externalId,
  fieldsOf,
  quantitySchema,
  RESOURCE_CODE,
  storedAnnualQuantity,
  storedIdentity,
  storedQuantity,
  storedStamps,
  text,
  type SameKeys,
  type StoredOnly,
} from './fields.js';
import { AGGREGATE_DESTINATIONS, AGGREGATE_KINDS, AGGREGATE_ORIGINS, FAMILIES } from './vocabulary.js';

/** An aggregate as stored and answered, with its yearly quantity derived on the way in. */
export const aggregateRecordSchema = z.object({
  ...storedIdentity,
  externalId: z.string().nullable(),
  label: z.string(),
  kind: z.enum(AGGREGATE_KINDS),
  family: z.enum(FAMILIES),
  resourceCode: z.string().nullable(),
  quantity: storedQuantity,
  /** The quantity per year in its dimension's base unit, derived. */
  annualQuantity: storedAnnualQuantity,
  origin: z.enum(AGGREGATE_ORIGINS).nullable(),
  destination: z.enum(AGGREGATE_DESTINATIONS).nullable(),
  partner: z.string().nullable(),
  year: z.number().int(),
  source: z.object({ title: z.string(), url: z.string().optional() }),
  estimate: z.boolean(),
  ...storedStamps,
});
export type Aggregate = z.output<typeof aggregateRecordSchema>;

/** What the aggregate repository writes. */
export type AggregateData = Omit<Aggregate, StoredOnly>;
/** The fields the aggregate repository writes, in their order. */
export const AGGREGATE_DATA_FIELDS: (keyof AggregateData)[] = dataFieldsOf(aggregateRecordSchema, []);
/** Fields of a stored aggregate derived on the way in, never given by clients. */
export const AGGREGATE_DERIVED = ['annualQuantity'] as const;

const aggregateFields = {
  externalId: externalId.nullish(),
  label: text(300),
  kind: z.enum(AGGREGATE_KINDS),
  family: z.enum(FAMILIES),
  resourceCode: z.string().regex(RESOURCE_CODE).max(100).nullish(),
  quantity: quantitySchema,
  origin: z.enum(AGGREGATE_ORIGINS).nullish(),
  destination: z.enum(AGGREGATE_DESTINATIONS).nullish(),
  partner: text(200).nullish(),
  year: z.int().min(1900).max(2100),
  source: z.strictObject({
    title: text(500),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  }),
  estimate: z.boolean().default(false),
};

function aggregateRefine(
  a: { kind?: string | undefined; origin?: unknown; destination?: unknown; quantity?: { period?: string } | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (a.origin && a.kind !== 'input')
    addIssue(ctx, ['origin'], {
      code: 'not_applicable',
      fr: "l'origine ne concerne que les entrées (kind input)",
      en: 'origin applies to inputs (kind input) only',
    });
  if (a.destination && a.kind !== 'output')
    addIssue(ctx, ['destination'], {
      code: 'not_applicable',
      fr: 'la destination ne concerne que les sorties (kind output)',
      en: 'destination applies to outputs (kind output) only',
    });
  if (a.quantity?.period === 'once')
    addIssue(ctx, ['quantity', 'period'], {
      code: 'not_yearly',
      fr: 'un agrégat est un flux annuel : pas de période « once »',
      en: 'an aggregate is a yearly flow: no "once" period',
    });
}

/** An aggregate as clients send it, and as a territory document holds it. */
export const aggregateInputSchema = z.strictObject(aggregateFields).superRefine(aggregateRefine);
export type AggregateInput = z.output<typeof aggregateInputSchema>;

/** The fields a client gives, in order. */
export const AGGREGATE_INPUT_FIELDS = fieldsOf(aggregateInputSchema);

// A field of the stored aggregate is either given by clients or derived: decide which here.
const _aggregateInputIsData: SameKeys<AggregateInput, Omit<AggregateData, (typeof AGGREGATE_DERIVED)[number]>> = true;
