/** Accounts: signing in, resetting a password, one's own account, and the platform's users. */
import { lazy } from 'preact-iso';
import type { WebModule } from '../../app/module.js';
import { ResetPassword } from './ResetPassword.js';
import { SignIn } from './SignIn.js';

export const accountsModule: WebModule = {
  name: 'accounts',
  pages: [
    { path: '/connexion', component: SignIn },
    { path: '/reinitialiser', component: ResetPassword },
    { path: '/admin/utilisateurs', component: lazy(() => import('./Users.js').then((m) => m.Users)) },
    { path: '/compte', component: lazy(() => import('./Account.js').then((m) => m.Account)) },
  ],
};

// The accounts' public interface, for the administration's members section. The user types are
// re-exported as types only, so that the users' page stays loaded lazily.
export { ActorPicker } from './ActorPicker.js';
export { accountsChanged } from './changes.js';
export { MIN_PASSWORD } from './ResetPassword.js';
export type { User, UserRole } from './Users.js';
