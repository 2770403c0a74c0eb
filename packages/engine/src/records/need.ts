/**
 * A need: something an actor could share with others (collection, purchasing, equipment…). Every
 * shape of a need is here: as stored, as clients send it (input, partial update), as a territory
 * document and a spreadsheet row hold it, and what its repository writes.
 */
import * as z from 'zod';
import {
  dataFieldsOf,
  documentRef,
  externalId,
  fieldsOf,
  omit,
  quantitySchema,
  RESOURCE_CODE,
  storedIdentity,
  storedQuantity,
  storedStamps,
  text,
  uuid,
  type SameKeys,
  type StoredOnly,
} from './fields.js';
import { NEED_CATEGORIES } from './vocabulary.js';

/** A need as stored and answered. */
export const needRecordSchema = z.object({
  ...storedIdentity,
  actorId: z.uuid(),
  externalId: z.string().nullable(),
  category: z.enum(NEED_CATEGORIES),
  description: z.string(),
  resourceCode: z.string().nullable(),
  quantity: storedQuantity.nullable(),
  ...storedStamps,
});
export type Need = z.output<typeof needRecordSchema>;

/** What the need repository writes. */
export type NeedData = Omit<Need, StoredOnly>;
/** The fields the need repository writes, in their order. */
export const NEED_DATA_FIELDS: (keyof NeedData)[] = dataFieldsOf(needRecordSchema, []);

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

/** A need in a territory document: its actor named by the actor's external ID. */
export const documentNeedSchema = z.strictObject({ ...omit(needFields, 'actorId'), externalId, actorExternalId: documentRef });
/** A spreadsheet row of a need may leave its ID out: it is then matched by its natural key. */
export const rowNeedSchema = z.strictObject({
  ...omit(needFields, 'actorId'),
  externalId: externalId.optional(),
  actorExternalId: documentRef,
});

/** The fields a client gives, in order. */
export const NEED_INPUT_FIELDS = fieldsOf(needInputSchema);

// A field of the stored need is given by clients: keep the two in step.
const _needInputIsData: SameKeys<NeedInput, NeedData> = true;
