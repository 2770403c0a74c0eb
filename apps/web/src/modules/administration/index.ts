/** The territory's administration: members, API keys, audit log, personal data. */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';

export const administrationModule: WebModule = {
  name: 'administration',
  pages: [{ path: '/t/:code/administration', component: lazy(() => import('./Administration.js').then((m) => m.Administration)) }],
  sections: [{ suffix: '/administration', key: 'nav.administration', needs: 'territory:manage', order: 90 }],
};
