/**
 * The API's records by name, from the types generated from the server's OpenAPI document
 * (./schema.d.ts, written by scripts/openapi.mjs at build time; docs/adr/0013). A change of a
 * record on the server shows here at the next build, and the compiler points to the pages it
 * breaks.
 */
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/** An error answer: a machine code, a French and English message, and the faulty fields of a validation error. */
export type ApiErrorBody = Schemas['Error'];

export type Territory = Schemas['Territory'];
export type Actor = Schemas['Actor'];
export type Site = Schemas['Site'];
export type Flow = Schemas['Flow'];
export type Need = Schemas['Need'];
export type Aggregate = Schemas['Aggregate'];

export type Me = Schemas['Me'];
export type Role = Schemas['Role'];
export type User = Schemas['User'];
export type ApiKey = Schemas['ApiKey'];

export type ImportReport = Schemas['ImportReport'];

export type SynergyParty = Schemas['SynergyParty'];
export type SynergyItem = Schemas['SynergyItem'];
export type SynergyPipeline = Schemas['SynergyPipeline'];
export type SynergyEstimate = Schemas['SynergyEstimate'];
export type SynergyVerifiedImpacts = Schemas['SynergyVerifiedImpacts'];
export type SynergyCase = Schemas['SynergyCase'];
/** Verified impacts as a request sends them. */
export type VerifiedImpactsInput = Schemas['VerifiedImpactsInput'];

export type NafSubclass = Schemas['NafSubclass'];
export type WasteCode = Schemas['WasteCode'];
export type ResourceClass = Schemas['ResourceClass'];
export type Commune = Schemas['Commune'];

/** Every path of the API, as documented. */
export type ApiPath = keyof paths;

type Operation<P extends ApiPath, M extends keyof paths[P]> = paths[P][M];
type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/**
 * The JSON body a route answers with a given status (200 unless said), e.g.
 * `ApiResponse<'/api/territories/{code}/actors', 'get'>` for a page of actors.
 */
export type ApiResponse<P extends ApiPath, M extends keyof paths[P], S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? JsonContent<R[S]> : never) : never;

/** The JSON body a route takes. */
export type ApiRequestBody<P extends ApiPath, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

/** The query string a route takes. */
export type ApiQuery<P extends ApiPath, M extends keyof paths[P]> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
