/** The map of the territory's sites. */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';

export const mapModule: WebModule = {
  name: 'map',
  pages: [{ path: '/t/:code/carte', component: lazy(() => import('./MapPage.js').then((m) => m.MapPage)) }],
  sections: [{ suffix: '/carte', key: 'nav.map', needs: 'territory:facilitate', order: 20 }],
};
