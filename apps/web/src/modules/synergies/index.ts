/** Synergies: the analyses of the territory and one synergy's detail. */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';

export const synergiesModule: WebModule = {
  name: 'synergies',
  pages: [
    { path: '/t/:code/synergies', component: lazy(() => import('./Synergies.js').then((m) => m.Synergies)) },
    { path: '/t/:code/synergies/:id', component: lazy(() => import('./SynergyDetail.js').then((m) => m.SynergyDetail)) },
  ],
  sections: [{ suffix: '/synergies', key: 'nav.synergies', needs: 'synergies:read', order: 40 }],
};
