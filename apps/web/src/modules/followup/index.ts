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

// The follow-up's public interface, for the synergies' pages and an actor's page.
export { followUpOf, pairKey, useFollowUpIndex, type FollowUpIndex } from './components/index.js';
export { openCase } from './components/cases.js';
export { PartyName, partyText, quantityText, statusLabel, StatusTag } from './components/parts.js';
export { SynergyItems } from './components/SynergyItems.js';
export { STATUSES, type Pipeline, type Status, type SynergyItem } from './components/types.js';
