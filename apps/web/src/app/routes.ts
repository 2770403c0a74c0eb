/**
 * The app's pages. Each area owns its page files; heavy ones (map, charts) are loaded on demand.
 * `code` is the territory's code in every /t/… route. Every page but signing in and resetting a
 * password needs a session (main.tsx).
 */
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import { Home } from '../modules/territories/Home.js';
import { ResetPassword } from '../modules/accounts/ResetPassword.js';
import { SignIn } from '../modules/accounts/SignIn.js';
import { Territories } from '../modules/territories/Territories.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route components take the route's params, which preact-iso types as any
type Page = ComponentType<any>;

export const routes: { path: string; component: Page }[] = [
  { path: '/', component: Territories },
  { path: '/connexion', component: SignIn },
  { path: '/reinitialiser', component: ResetPassword },
  { path: '/admin/utilisateurs', component: lazy(() => import('../modules/accounts/Users.js').then((m) => m.Users)) },
  { path: '/compte', component: lazy(() => import('../modules/accounts/Account.js').then((m) => m.Account)) },
  { path: '/t/:code', component: Home },
  { path: '/t/:code/carte', component: lazy(() => import('../modules/map/MapPage.js').then((m) => m.MapPage)) },
  { path: '/t/:code/acteurs', component: lazy(() => import('../modules/territories/Actors.js').then((m) => m.Actors)) },
  { path: '/t/:code/acteurs/:id', component: lazy(() => import('../modules/territories/ActorDetail.js').then((m) => m.ActorDetail)) },
  { path: '/t/:code/synergies', component: lazy(() => import('../modules/synergies/Synergies.js').then((m) => m.Synergies)) },
  { path: '/t/:code/synergies/:id', component: lazy(() => import('../modules/synergies/SynergyDetail.js').then((m) => m.SynergyDetail)) },
  { path: '/t/:code/metabolisme', component: lazy(() => import('../modules/metabolism/Metabolism.js').then((m) => m.Metabolism)) },
  { path: '/t/:code/suivi', component: lazy(() => import('../modules/followup/FollowUp.js').then((m) => m.FollowUp)) },
  { path: '/t/:code/suivi/:caseId', component: lazy(() => import('../modules/followup/CaseDetail.js').then((m) => m.CaseDetail)) },
  { path: '/t/:code/echanges', component: lazy(() => import('../modules/relationships/Relationships.js').then((m) => m.Relationships)) },
  { path: '/t/:code/import', component: lazy(() => import('../modules/interchange/ImportExport.js').then((m) => m.ImportExport)) },
  { path: '/t/:code/administration', component: lazy(() => import('../modules/administration/Administration.js').then((m) => m.Administration)) },
];
