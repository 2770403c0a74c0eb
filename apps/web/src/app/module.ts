/**
 * What a web module tells the app: its pages (path and component) and the sections it adds to a
 * territory's navigation (link suffix, label key, the permission of the table of roles and
 * permissions that the section needs, and its place in the navigation). The list of modules is
 * `app/modules.ts`; the router and the navigation are built from it.
 */
import type { Permission } from '@boucles/engine/access';
import type { ComponentType } from 'preact';
import type { t } from './i18n/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route components take the route's params, which preact-iso types as any
export type Page = ComponentType<any>;

export interface PageRoute {
  /** `code` is the territory's code in every /t/… route. */
  path: string;
  component: Page;
}

export interface Section {
  /** The link is `/t/<code><suffix>`. */
  suffix: string;
  key: Parameters<typeof t>[0];
  /** The permission the server checks for what the section shows; null: anyone with a role. */
  needs: Permission | null;
  /** Its place in the navigation, smallest first. */
  order: number;
}

export interface WebModule {
  name: string;
  pages: readonly PageRoute[];
  sections?: readonly Section[];
}
