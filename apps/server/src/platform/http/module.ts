/**
 * What a capability module tells the platform about itself: its name, the OpenAPI tags of its
 * routes, and how to register its routes. Its migrations are the SQL files of its `migrations/`
 * folder (`platform/db/migrate.ts`). The list of modules is
 * `src/modules.ts`; the app (`src/app.ts`) registers each module's routes in that order.
 *
 * A module's routes receive the services it needs, typed by the module itself (`Needs`): the app
 * hands every module the same object of all services, which must satisfy every module's needs.
 */
import type { FastifyInstance } from 'fastify';

export interface OpenApiTag {
  name: string;
  description: string;
}

export interface ModuleManifest<Needs = unknown> {
  /** The module's folder name under `src/modules/`. */
  name: string;
  /** OpenAPI tags its routes use, in the order the API description lists them. */
  tags: readonly OpenApiTag[];
  /** Registers its routes on the app. */
  routes(app: FastifyInstance, services: Needs): void;
}

/** Declares a module (an identity function, for its type checks). */
export function defineModule<Needs>(manifest: ModuleManifest<Needs>): ModuleManifest<Needs> {
  return manifest;
}
