/**
 * The building blocks of the records' schemas: identifier patterns (each with what it expects,
 * said to a person), text fields that refuse the NUL character, quantities, coordinates; and the
 * parts every stored record shares (identity, timestamps).
 */
import * as z from 'zod';
import { isInFrance } from '../geo.js';
import { isValidSiret } from '../siret.js';
import { PERIODS } from '../units.js';
import { addIssue, expecting } from '../validation.js';

/** INSEE COG code of a commune: five characters, Corsica's start with 2A or 2B. */
export const COMMUNE_CODE = expecting(
  /^(?:\d{5}|2[AB]\d{3})$/,
  'code commune INSEE : 5 chiffres attendus (2A ou 2B puis 3 chiffres en Corse), par exemple 59350',
  'INSEE commune code: 5 digits expected (2A or 2B then 3 digits in Corsica), e.g. 59350',
);
/** NAF rév. 2 sub-class, as INSEE writes it: `10.71C`. */
export const NAF_CODE = expecting(
  /^\d{2}\.\d{2}[A-Z]$/,
  'code NAF : 2 chiffres, un point, 2 chiffres et une lettre majuscule attendus, par exemple 10.71C',
  'NAF code: 2 digits, a dot, 2 digits and a capital letter expected, e.g. 10.71C',
);
/** European List of Waste code, six digits, without spaces or asterisk. */
export const WASTE_CODE = expecting(
  /^\d{6}$/,
  'code déchet : 6 chiffres attendus, sans espace ni astérisque, par exemple 200101',
  'waste code: 6 digits expected, without spaces or asterisk, e.g. 200101',
);
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
export const HEADCOUNT_BAND = expecting(
  /^(?:NN|\d{2})$/,
  "tranche d'effectif : 2 chiffres ou NN attendus (codes INSEE)",
  'headcount band: 2 digits or NN expected (INSEE codes)',
);
/** A SIRET: 14 digits (its check digit is checked apart). */
export const SIRET_PATTERN = expecting(
  /^\d{14}$/,
  'SIRET : 14 chiffres attendus, sans espace',
  'SIRET: 14 digits expected, without spaces',
);
export const PHONE = expecting(
  /^\+?[0-9 ().-]{6,25}$/,
  'téléphone : 6 à 25 chiffres, espaces, points, tirets ou parenthèses attendus, avec + au début pour un indicatif',
  'phone: 6 to 25 digits, spaces, dots, hyphens or brackets expected, with + first for a country code',
);

/** Refuses the NUL character, which no PostgreSQL text can hold. */
export function noNul<S extends z.ZodString>(schema: S) {
  return schema.superRefine((value, ctx) => {
    if (value.includes('\u0000')) {
      addIssue(ctx, [], {
        code: 'nul_character',
        fr: 'le caractère nul (U+0000) est interdit',
        en: 'the NUL character (U+0000) is not allowed',
      });
    }
  });
}
/** A text that must not be empty, trimmed, of at most `max` characters. */
export const text = (max: number) => noNul(z.string().trim().min(1).max(max));
/** A text that may be empty, trimmed, of at most `max` characters. */
export const optionalText = (max: number) => noNul(z.string().trim().max(max));
/** The record's ID in the user's own files. */
export const externalId = noNul(z.string().trim().min(1).max(100));
export const uuid = z.uuid();
/** How a document element names the element it belongs to: by that element's external ID. */
export const documentRef = noNul(z.string().trim().min(1).max(100));

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

export const latLonSchema = z
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

export const lambert93Schema = z.strictObject({
  x: z.number().min(0).max(1_300_000),
  y: z.number().min(6_000_000).max(7_200_000),
});

// Stored records: what the repositories give back and the API answers. These schemas describe
// values already checked on their way in, so they state types only, not the input rules.

/** The identity of a stored record: its ID and its territory (the tenant). */
export const storedIdentity = { id: z.uuid(), territoryId: z.uuid() };
/** When a stored record was created and last changed (ISO 8601). */
export const storedStamps = { createdAt: z.string(), updatedAt: z.string() };
/** A quantity as stored: a value, its unit and its period. */
export const storedQuantity = z.object({ value: z.number(), unit: z.string(), period: z.enum(PERIODS) });
/** A quantity per year in the base unit of its dimension, derived from the declared one. */
export const storedAnnualQuantity = z.object({ value: z.number(), unit: z.string() });

/**
 * The fields of a stored record that no repository writes: its identity and timestamps (the
 * database sets them). `XData`, what a repository writes, is the stored record without them.
 */
export const STORED_ONLY = ['id', 'territoryId', 'createdAt', 'updatedAt'] as const;
export type StoredOnly = (typeof STORED_ONLY)[number];

/** The keys of an object schema's shape, in their order. */
export function fieldsOf<S extends z.ZodObject>(schema: S): (keyof S['shape'] & string)[] {
  return Object.keys(schema.shape);
}

/** The fields of a stored record its repository writes, in their order: all but `STORED_ONLY` and the record's own read-only ones. */
export function dataFieldsOf<S extends z.ZodObject, R extends keyof S['shape'] & string>(
  schema: S,
  readOnly: readonly R[],
): Exclude<keyof S['shape'] & string, StoredOnly | R>[] {
  const skip = new Set<string>([...STORED_ONLY, ...readOnly]);
  return fieldsOf(schema).filter((f): f is Exclude<keyof S['shape'] & string, StoredOnly | R> => !skip.has(f));
}

/** An object without one of its fields. */
export function omit<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const { [key]: _omitted, ...rest } = o;
  return rest;
}

/** The value of an object with only these fields, in their order (fields the object lacks are left out). */
export function pickFields<T extends object, K extends keyof T>(o: T, fields: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const f of fields) if (f in o) out[f] = o[f];
  return out;
}

/**
 * Fails to compile unless A and B have the same keys, naming the keys found in one only. Used to
 * tie a record's input to what its repository writes: a field added to one and not decided for
 * the other is a compile error where the two are compared.
 */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { onlyInFirst: Exclude<keyof A, keyof B>; onlyInSecond: Exclude<keyof B, keyof A> };
