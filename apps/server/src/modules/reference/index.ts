/** Reference data served to the web app: resource classes, units, waste codes, NAF, territories. */
import type { ReferenceLookup } from '@boucles/engine';
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/http/module.js';
import { referenceRoutes } from './routes.js';

export const referenceModule = defineModule({
  name: 'reference',
  tags: [],
  routes(app: FastifyInstance, s: { reference: ReferenceLookup }) {
    referenceRoutes(app, s.reference);
  },
});
