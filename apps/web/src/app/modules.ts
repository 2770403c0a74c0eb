/**
 * THE LIST OF WEB MODULES: the router takes their pages (`routes.ts`), the navigation their
 * sections (`Layout.tsx`). Adding a capability's pages adds its module here.
 */
import type { WebModule } from './module.js';
import { accountsModule } from '../modules/accounts/index.js';
import { administrationModule } from '../modules/administration/index.js';
import { followupModule } from '../modules/followup/index.js';
import { interchangeModule } from '../modules/interchange/index.js';
import { mapModule } from '../modules/map/index.js';
import { metabolismModule } from '../modules/metabolism/index.js';
import { relationshipsModule } from '../modules/relationships/index.js';
import { synergiesModule } from '../modules/synergies/index.js';
import { territoriesModule } from '../modules/territories/index.js';

export const WEB_MODULES: readonly WebModule[] = [
  territoriesModule,
  accountsModule,
  mapModule,
  synergiesModule,
  followupModule,
  relationshipsModule,
  metabolismModule,
  interchangeModule,
  administrationModule,
];
