/** HTTP routes of the relationship log: thin — the schemas check and describe, the service decides. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { who } from '../../platform/access/principal.js';
import { codeParams, errorSchema, itemParams, pageOf } from '../../platform/http/schemas.js';
import { interactionInputSchema, interactionPatchSchema, interactionQuery, interactionSchema } from './schemas.js';
import type { RelationshipLogService } from './service.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const tags = ['relationships'];
const base = '/api/territories/:code/interactions';

export function relationshipRoutes(app: FastifyInstance, service: RelationshipLogService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The relationship log of a territory, newest first (facilitators and administrators)',
        params: codeParams,
        querystring: interactionQuery,
        response: { 200: pageOf(interactionSchema), ...errors },
      },
    },
    (req) => {
      const { limit, offset, weakSignal, ...filter } = req.query;
      return service.list(who(req), req.params.code, { ...filter, weakSignal: weakSignal === 'true' }, { limit, offset });
    },
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Write down an exchange with a company',
        params: codeParams,
        body: interactionInputSchema,
        response: { 201: interactionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await service.create(who(req), req.params.code, req.body);
      return reply
        .code(201)
        .header('location', `/api/territories/${encodeURIComponent(req.params.code)}/interactions/${created.id}`)
        .send(created);
    },
  );
  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'One exchange of the log', params: itemParams, response: { 200: interactionSchema, ...errors } } },
    (req) => service.get(who(req), req.params.code, req.params.id),
  );
  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Change an exchange: absent fields are kept, null clears an optional field',
        params: itemParams,
        body: interactionPatchSchema,
        response: { 200: interactionSchema, ...errors },
      },
    },
    (req) => service.update(who(req), req.params.code, req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    { schema: { tags, summary: 'Delete an exchange', params: itemParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await service.delete(who(req), req.params.code, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
