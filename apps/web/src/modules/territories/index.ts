/** Territories and their registry: the list of territories, a territory's home, its actors. */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';
import { Home } from './Home.js';
import { Territories } from './Territories.js';

export const territoriesModule: WebModule = {
  name: 'territories',
  pages: [
    { path: '/', component: Territories },
    { path: '/t/:code', component: Home },
    { path: '/t/:code/acteurs', component: lazy(() => import('./Actors.js').then((m) => m.Actors)) },
    { path: '/t/:code/acteurs/:id', component: lazy(() => import('./ActorDetail.js').then((m) => m.ActorDetail)) },
  ],
  sections: [
    { suffix: '', key: 'nav.home', needs: null, order: 10 },
    // Contributors see their own actors.
    { suffix: '/acteurs', key: 'nav.actors', needs: 'records:own', order: 30 },
  ],
};
