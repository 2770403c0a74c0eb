/** Privacy: a person's own data (GDPR access and portability) and its erasure. */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/http/module.js';
import { privacyRoutes } from './routes.js';
import type { PrivacyService } from './service.js';

export * from './service.js';
export { PrivacyRepository } from './repository.js';

export const privacyModule = defineModule({
  name: 'privacy',
  tags: [],
  routes(app: FastifyInstance, s: { privacy: PrivacyService }) {
    privacyRoutes(app, s.privacy);
  },
});
