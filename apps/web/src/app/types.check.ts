/**
 * A compile-time check, run by the web app's type-check (`tsc -p apps/web`, in every build): the
 * records the API answers, as generated from its OpenAPI document (../api/types.ts), fit the types the
 * pages wrote by hand. A line marked `@ts-expect-error` is a known difference, said beside it; once
 * the hand-written type is replaced by the generated one, the mark becomes an error and goes.
 * The registry's records (actor, site, flow, need) and the import report are the generated types
 * already (modules/territories/components/types.ts, modules/interchange/components/types.ts).
 */
import type { Me as WebMe } from './session.js';
import type { User as WebUser } from '../modules/accounts/Users.js';
import type { ApiKey as WebApiKey } from '../modules/administration/components/ApiKeys.js';
import type { SynergyCase as WebSynergyCase, SynergyItem as WebSynergyItem } from '../modules/followup/components/types.js';
import type { CommuneEntry, NafEntry, ResourceEntry, WasteEntry } from '../modules/territories/components/types.js';
import type { ApiError } from '../api/client.js';
import type { Territory as WebTerritory } from '../api/client.js';
import type * as Api from '../api/types.js';

/** Whether every value of `From` is a value of `To`. */
type Assignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;

export type GeneratedTypesFitTheHandWrittenOnes = [
  Expect<Assignable<Api.Territory, WebTerritory>>,
  Expect<Assignable<Api.NafSubclass, NafEntry>>,
  // @ts-expect-error WasteCode.labelEn is `string | null` in the API, `string` in the pages.
  Expect<Assignable<Api.WasteCode, WasteEntry>>,
  Expect<Assignable<Omit<Api.WasteCode, 'labelEn'> & { labelEn: string }, WasteEntry>>,
  Expect<Assignable<Api.ResourceClass, ResourceEntry>>,
  Expect<Assignable<Api.Commune, CommuneEntry>>,
  Expect<Assignable<Api.ApiErrorBody, ApiError['body']>>,
  Expect<Assignable<Api.Me, WebMe>>,
  Expect<Assignable<Api.User, WebUser>>,
  Expect<Assignable<Api.ApiKey, WebApiKey>>,
  Expect<Assignable<Api.SynergyItem, WebSynergyItem>>,
  Expect<Assignable<Api.SynergyCase, WebSynergyCase>>,
];
