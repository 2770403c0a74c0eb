/**
 * An actor: an organisation of the territory, identified by its SIRET when it has one. Every shape
 * of an actor is here: as stored, as clients send it (input, partial update), as a territory
 * document holds it, and what its repository writes.
 */
import * as z from 'zod';
import { addIssue } from '../validation.js';
import {
  dataFieldsOf,
  externalId,
  fieldsOf,
  HEADCOUNT_BAND,
  NAF_CODE,
  optionalText,
  PHONE,
  siretSchema,
  storedIdentity,
  storedStamps,
  text,
  type SameKeys,
  type StoredOnly,
} from './fields.js';
import { ACTOR_KINDS } from './vocabulary.js';

/** An actor as stored and answered. `siren` is derived from the SIRET by the database. */
export const actorRecordSchema = z.object({
  ...storedIdentity,
  externalId: z.string().nullable(),
  siret: z.string().nullable(),
  siren: z.string().nullable(),
  name: z.string(),
  nafCode: z.string().nullable(),
  kind: z.enum(ACTOR_KINDS),
  headcountBand: z.string().nullable(),
  ess: z.boolean(),
  contact: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }),
  ...storedStamps,
});
export type Actor = z.output<typeof actorRecordSchema>;
export type Contact = Actor['contact'];

/** Fields of a stored actor that its repository does not write: `siren` is derived by the database. */
export const ACTOR_READ_ONLY = ['siren'] as const;
/** What the actor repository writes. */
export type ActorData = Omit<Actor, StoredOnly | (typeof ACTOR_READ_ONLY)[number]>;
/** The fields the actor repository writes, in their order. */
export const ACTOR_DATA_FIELDS: (keyof ActorData)[] = dataFieldsOf(actorRecordSchema, ACTOR_READ_ONLY);

export const contactSchema = z.strictObject({
  name: optionalText(200).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().trim().regex(PHONE).optional(),
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

/** An actor in a territory document or a spreadsheet row: its external ID is required (the SIRET stands in for it in a sheet). */
export const documentActorSchema = z.strictObject({ ...actorFields, externalId }).superRefine(actorRefine);

/** The fields a client gives, in order. */
export const ACTOR_INPUT_FIELDS = fieldsOf(actorInputSchema);

// A field of the stored actor is either given by clients or derived: decide which here.
const _actorInputIsData: SameKeys<ActorInput, ActorData> = true;
