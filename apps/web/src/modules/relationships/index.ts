/** The company relationship log (facilitators only). */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';

export const relationshipsModule: WebModule = {
  name: 'relationships',
  pages: [{ path: '/t/:code/echanges', component: lazy(() => import('./Relationships.js').then((m) => m.Relationships)) }],
  sections: [{ suffix: '/echanges', key: 'nav.relationships', needs: 'relationships:use', order: 60 }],
};
