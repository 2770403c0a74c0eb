/** Synergies: analyses of a territory (substitution and mutualisation) and their stored results. */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/http/module.js';
import { analysisRoutes } from './routes.js';
import type { SynergyAnalysisService } from './service.js';

export * from './service.js';
export { AnalysisRepository } from './repository.js';

export const synergiesModule = defineModule({
  name: 'synergies',
  tags: [],
  routes(app: FastifyInstance, s: { analyses: SynergyAnalysisService }) {
    analysisRoutes(app, s.analyses);
  },
});
