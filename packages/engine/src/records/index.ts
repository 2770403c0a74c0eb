// The territory's records — actor, site, flow, need, aggregate — each defined once: its stored
// shape (a Zod schema the types are inferred from), what clients send, what a document holds and
// what its repository writes. The enumerations they use are in `vocabulary.ts`.
export * from './vocabulary.js';
export {
  COMMUNE_CODE,
  fieldsOf,
  HEADCOUNT_BAND,
  NAF_CODE,
  noNul,
  OPERATION_CODE,
  pickFields,
  quantitySchema,
  RESOURCE_CODE,
  SIRET_PATTERN,
  siretSchema,
  STORED_ONLY,
  TERRITORY_CODE,
  WASTE_CODE,
  type StoredOnly,
} from './fields.js';
export * from './actor.js';
export * from './site.js';
export * from './flow.js';
export * from './need.js';
export * from './aggregate.js';
