/** Import and export of the territory's records. */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';

export const interchangeModule: WebModule = {
  name: 'interchange',
  pages: [{ path: '/t/:code/import', component: lazy(() => import('./ImportExport.js').then((m) => m.ImportExport)) }],
  sections: [{ suffix: '/import', key: 'nav.import', needs: 'territory:facilitate', order: 80 }],
};
