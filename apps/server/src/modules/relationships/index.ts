/**
 * Relationships: the company relationship log (« journal des échanges avec les entreprises »),
 * confidential to the territory's facilitators and administrators. Public interface: the service
 * (use cases and the permission they need), the shapes of its records, and the module's manifest.
 */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/http/module.js';
import { relationshipRoutes } from './routes.js';
import type { RelationshipLogService } from './service.js';

export { RelationshipLogService, PERMISSION as RELATIONSHIPS_PERMISSION, type RelationshipRepos } from './service.js';
export { INTERACTION_KINDS, type InteractionInput, type InteractionKind, type InteractionPatch } from './schemas.js';
export type { Interaction, InteractionFilter } from './repository.js';

export const relationshipsModule = defineModule({
  name: 'relationships',
  tags: [
    { name: 'relationships', description: 'The company relationship log: visits, meetings, workshops, clubs, weak signals (facilitators)' },
  ],
  routes(app: FastifyInstance, s: { relationships: RelationshipLogService }) {
    relationshipRoutes(app, s.relationships);
  },
});
