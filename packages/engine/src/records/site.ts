/**
 * A site: an establishment of an actor, with its commune and location. Every shape of a site is
 * here: as stored, as clients send it (input, partial update), as a territory document holds it,
 * and what its repository writes.
 */
import * as z from 'zod';
import { addIssue } from '../validation.js';
import {
  COMMUNE_CODE,
  dataFieldsOf,
  documentRef,
  externalId,
  fieldsOf,
  lambert93Schema,
  latLonSchema,
  omit,
  optionalText,
  storedIdentity,
  storedStamps,
  text,
  uuid,
  type SameKeys,
  type StoredOnly,
} from './fields.js';

/** A site as stored and answered: its location in WGS84, when known. */
export const siteRecordSchema = z.object({
  ...storedIdentity,
  actorId: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  communeCode: z.string(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  ...storedStamps,
});
export type Site = z.output<typeof siteRecordSchema>;

/** What the site repository writes. */
export type SiteData = Omit<Site, StoredOnly>;
/** The fields the site repository writes, in their order. */
export const SITE_DATA_FIELDS: (keyof SiteData)[] = dataFieldsOf(siteRecordSchema, []);

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

/** A site in a territory document or a spreadsheet row: its actor named by the actor's external ID. */
export const documentSiteSchema = z
  .strictObject({ ...omit(siteFields, 'actorId'), externalId, actorExternalId: documentRef })
  .superRefine(siteRefine);

/** The fields a client gives, in order. */
export const SITE_INPUT_FIELDS = fieldsOf(siteInputSchema);

/** Input fields that are not stored as given: Lambert-93 coordinates become the WGS84 `location`. */
export const SITE_INPUT_ONLY = ['lambert93'] as const;

// A field of the stored site is either given by clients or derived, and an input field is stored
// or converted: decide which here.
const _siteInputIsData: SameKeys<Omit<SiteInput, (typeof SITE_INPUT_ONLY)[number]>, SiteData> = true;
