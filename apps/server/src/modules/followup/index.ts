/**
 * Follow-up: a synergy taken from detection to implementation, with each side's consent to be
 * named, the pipeline, and estimated and verified impacts. Its tables were created by the
 * accounts' migration (modules/accounts/migrations/0005), written at the same time.
 */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/http/module.js';
import { synergyCaseRoutes } from './routes.js';
import type { SynergyFollowUpService } from './service.js';

export * from './service.js';
export { SynergyCaseRepository } from './repository.js';

export const followupModule = defineModule({
  name: 'followup',
  tags: [],
  routes(app: FastifyInstance, s: { followUp: SynergyFollowUpService }) {
    synergyCaseRoutes(app, s.followUp);
  },
});
