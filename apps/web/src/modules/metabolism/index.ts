/** The territory's metabolism (small groups withheld below the facilitators). */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';

export const metabolismModule: WebModule = {
  name: 'metabolism',
  pages: [{ path: '/t/:code/metabolisme', component: lazy(() => import('./Metabolism.js').then((m) => m.Metabolism)) }],
  sections: [{ suffix: '/metabolisme', key: 'nav.metabolism', needs: 'aggregates:read', order: 70 }],
};
