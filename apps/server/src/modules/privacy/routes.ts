/** A person's data, exported and erased on request (GDPR): thin, the privacy service decides. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { PrivacyService } from './service.js';
import { who } from '../../platform/access/principal.js';
import { errorSchema } from '../../platform/http/schemas.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema };
const email = z.email().max(254);

export function privacyRoutes(app: FastifyInstance, privacy: PrivacyService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  r.get(
    '/api/privacy/contacts',
    {
      schema: {
        tags,
        summary:
          'Everything held under an e-mail: actors’ contacts (in the territories one administers) and the account (platform administrators)',
        querystring: z.strictObject({ email }),
        response: {
          200: z.object({
            email: z.string(),
            contacts: z.array(
              z.object({
                territoryCode: z.string(),
                actorId: z.string(),
                actorName: z.string(),
                contact: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }),
              }),
            ),
            account: z
              .object({
                id: z.string(),
                email: z.string(),
                displayName: z.string(),
                createdAt: z.string(),
                roles: z.array(z.object({ territoryCode: z.string(), role: z.string(), actorId: z.string().nullable() })),
              })
              .nullable(),
          }),
          ...errors,
        },
      },
    },
    (req) => privacy.find(who(req), req.query.email),
  );
  r.post(
    '/api/privacy/contacts/erase',
    {
      schema: {
        tags,
        summary: 'Erase a person’s data: contacts emptied, account deleted; the audit log keeps the fact, not the data',
        body: z.strictObject({ email }),
        response: {
          200: z.object({ erased: z.object({ contacts: z.number(), accounts: z.number(), followUpTexts: z.number() }) }),
          ...errors,
        },
      },
    },
    async (req) => ({ erased: await privacy.erase(who(req), req.body.email) }),
  );
}
