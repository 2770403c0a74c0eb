/** Metabolism: the territory's material accounts, indicators, Sankey and interdependencies. */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/http/module.js';
import { metabolismRoutes } from './routes.js';
import type { MetabolismService } from './service.js';

export * from './service.js';

export const metabolismModule = defineModule({
  name: 'metabolism',
  tags: [],
  routes(app: FastifyInstance, s: { metabolism: MetabolismService }) {
    metabolismRoutes(app, s.metabolism);
  },
});
