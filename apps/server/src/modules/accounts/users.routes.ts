/** Users, roles per territory, API keys and the audit log: thin, the services decide. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { AccountService } from './service.js';
import type { AuditLog } from '../../platform/audit/service.js';
import { roleSchema } from './auth.routes.js';
import { who } from '../../platform/access/principal.js';
import { codeParams, errorSchema } from '../../platform/http/schemas.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const roleRecord = z
  .object({
    id: z.string(),
    userId: z.string(),
    territoryId: z.string(),
    territoryCode: z.string(),
    territoryName: z.string(),
    role: roleSchema,
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
  })
  .meta({ id: 'Role' });

const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    isAdmin: z.boolean(),
    hasPassword: z.boolean(),
    oidcLinked: z.boolean(),
    createdAt: z.string(),
    roles: z.array(roleRecord),
  })
  .meta({ id: 'User' });

const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

const userParams = z.strictObject({ id: z.uuid() });
const displayName = z.string().trim().min(1).max(200);
const newPassword = z.string().min(1).max(256);

export function userRoutes(app: FastifyInstance, accounts: AccountService, audit: AuditLog): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Every user (platform administrators)',
        response: { 200: z.object({ items: z.array(userSchema) }), ...errors },
      },
    },
    async (req) => ({
      items: await accounts.listUsers(who(req)),
    }),
  );
  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user; a territory administrator gives roles in its territories',
        body: z.strictObject({
          email: z.email().max(254),
          displayName,
          password: newPassword.optional(),
          isAdmin: z.boolean().optional(),
          roles: z
            .array(z.strictObject({ territoryCode: z.string().min(1).max(40), role: roleSchema, actorId: z.uuid().nullish() }))
            .max(50)
            .optional(),
        }),
        response: { 201: userSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await accounts.createUser(who(req), req.body)),
  );
  r.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Read a user', params: userParams, response: { 200: userSchema, ...errors } } },
    (req) => accounts.getUser(who(req), req.params.id),
  );
  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user’s name, platform administration or password (its sessions end)',
        params: userParams,
        body: z.strictObject({ displayName: displayName.optional(), isAdmin: z.boolean().optional(), password: newPassword.optional() }),
        response: { 200: userSchema, ...errors },
      },
    },
    (req) => accounts.updateUser(who(req), req.params.id, req.body),
  );
  r.delete(
    '/api/users/:id',
    { schema: { tags, summary: 'Delete a user: it loses access at once', params: userParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await accounts.deleteUser(who(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/territories/:code/members',
    {
      schema: {
        tags,
        summary: 'The users with a role in the territory',
        params: codeParams,
        response: { 200: z.object({ items: z.array(userSchema) }), ...errors },
      },
    },
    async (req) => ({
      items: await accounts.members(who(req), req.params.code),
    }),
  );
  r.post(
    '/api/territories/:code/roles',
    {
      schema: {
        tags,
        summary: 'Give a user a role in the territory',
        params: codeParams,
        body: z.strictObject({ userId: z.uuid(), role: roleSchema, actorId: z.uuid().nullish() }),
        response: { 201: roleRecord, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await accounts.grantRole(who(req), req.params.code, req.body)),
  );
  r.delete(
    '/api/territories/:code/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Take a role back',
        params: z.strictObject({ code: codeParams.shape.code, roleId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await accounts.revokeRole(who(req), req.params.code, req.params.roleId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/territories/:code/api-keys',
    {
      schema: {
        tags,
        summary: 'The territory’s API keys (never the keys themselves)',
        params: codeParams,
        response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errors },
      },
    },
    async (req) => ({
      items: await accounts.listApiKeys(who(req), req.params.code),
    }),
  );
  r.post(
    '/api/territories/:code/api-keys',
    {
      schema: {
        tags,
        summary: 'Create a read-only API key: the key is in this answer only',
        params: codeParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(200) }),
        response: { 201: apiKeySchema.extend({ key: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await accounts.createApiKey(who(req), req.params.code, req.body.name)),
  );
  r.delete(
    '/api/territories/:code/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key, at once',
        params: z.strictObject({ code: codeParams.shape.code, id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await accounts.revokeApiKey(who(req), req.params.code, req.params.id);
      return reply.code(204).send(null);
    },
  );

  const auditQuery = z.strictObject({
    territory: z.string().min(1).max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  });
  const auditRecord = z.object({
    id: z.number(),
    at: z.string(),
    userId: z.string().nullable(),
    userEmail: z.string().nullable(),
    apiKeyId: z.string().nullable(),
    territoryId: z.string().nullable(),
    territoryCode: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  });
  r.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first: a territory’s (its administrators) or the platform’s (platform administrators)',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditRecord), total: z.number(), limit: z.number(), offset: z.number() }), ...errors },
      },
    },
    (req) => audit.list(who(req), req.query.territory, { limit: req.query.limit, offset: req.query.offset }),
  );
  r.get(
    '/api/audit/export',
    {
      schema: {
        tags,
        summary: 'The audit log as CSV (; and UTF-8 with BOM)',
        querystring: z.strictObject({ territory: z.string().min(1).max(40).optional() }),
      },
    },
    async (req, reply) => {
      // The file is made first: a refusal answers JSON, not an attachment.
      const csv = await audit.exportCsv(who(req), req.query.territory);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="journal-${(req.query.territory ?? 'plateforme').replace(/[^\w-]/g, '_')}.csv"`,
        )
        .send(csv);
    },
  );
}
