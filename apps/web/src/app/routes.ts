/**
 * The app's pages, from the modules (`modules.ts`); heavy ones (map, charts) are loaded on demand.
 * `code` is the territory's code in every /t/… route. Every page but signing in and resetting a
 * password needs a session (main.tsx).
 */
import type { PageRoute } from './module.js';
import { WEB_MODULES } from './modules.js';

export const routes: readonly PageRoute[] = WEB_MODULES.flatMap((m) => m.pages);

/** The sections the modules add to a territory's navigation. */
export const sections = WEB_MODULES.flatMap((m) => m.sections ?? []);
