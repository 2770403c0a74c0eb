/** Follow-up: the pipeline of synergies and one case. */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';

export const followupModule: WebModule = {
  name: 'followup',
  pages: [
    { path: '/t/:code/suivi', component: lazy(() => import('./FollowUp.js').then((m) => m.FollowUp)) },
    { path: '/t/:code/suivi/:caseId', component: lazy(() => import('./CaseDetail.js').then((m) => m.CaseDetail)) },
  ],
  sections: [{ suffix: '/suivi', key: 'nav.followup', needs: 'synergies:read', order: 50 }],
};
