/** HTTP routes of territories and their actors, sites, flows and needs: thin, the service decides. */
import {
  actorInputSchema,
  actorPatchSchema,
  flowInputSchema,
  flowPatchSchema,
  needInputSchema,
  needPatchSchema,
  siteInputSchema,
  sitePatchSchema,
  territoryInputSchema,
  territoryPatchSchema,
} from '@boucles/engine';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { TerritoryDataService } from './service.js';
import type { Principal } from '../../platform/access/access.js';
import { who } from '../../platform/access/principal.js';
import { codeParams, errorSchema, itemParams, pageOf } from '../../platform/http/schemas.js';
import {
  actorQuery,
  actorSchema,
  flowQuery,
  flowSchema,
  needQuery,
  needSchema,
  siteQuery,
  siteSchema,
  territoryQuery,
  territorySchema,
  toBool,
} from './schemas.js';

const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema };

interface CrudSpec<Q extends z.ZodType, I extends z.ZodType, P extends z.ZodType, O extends z.ZodType> {
  path: string;
  tag: string;
  what: string;
  query: Q;
  input: I;
  patch: P;
  output: O;
  list(who: Principal, code: string, query: z.output<Q>): Promise<unknown>;
  get(who: Principal, code: string, id: string): Promise<unknown>;
  create(who: Principal, code: string, input: z.output<I>): Promise<unknown>;
  update(who: Principal, code: string, id: string, patch: z.output<P>): Promise<unknown>;
  remove(who: Principal, code: string, id: string): Promise<void>;
}

/**
 * The five routes of one kind of territory data: list, create, read, update, delete.
 * Generic over the schemas, so the request parts are typed by hand here: the validator compiler
 * has already parsed each part with the very schema given for it.
 */
function crud<Q extends z.ZodType, I extends z.ZodType, P extends z.ZodType, O extends z.ZodType>(
  app: FastifyInstance,
  spec: CrudSpec<Q, I, P, O>,
): void {
  type ItemParams = { code: string; id: string };
  const base = `/api/territories/:code/${spec.path}`;
  const tags = [spec.tag];
  app.get(
    base,
    {
      schema: {
        tags,
        summary: `List the ${spec.what}s of a territory (paginated, filtered)`,
        params: codeParams,
        querystring: spec.query,
        response: { 200: pageOf(spec.output), ...errors },
      },
    },
    (req) => spec.list(who(req), (req.params as { code: string }).code, req.query as z.output<Q>),
  );
  app.post(
    base,
    { schema: { tags, summary: `Create a ${spec.what}`, params: codeParams, body: spec.input, response: { 201: spec.output, ...errors } } },
    async (req, reply) => reply.code(201).send(await spec.create(who(req), (req.params as { code: string }).code, req.body as z.output<I>)),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: `Read a ${spec.what}`, params: itemParams, response: { 200: spec.output, ...errors } } },
    (req) => {
      const { code, id } = req.params as ItemParams;
      return spec.get(who(req), code, id);
    },
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `Update a ${spec.what}: absent fields are kept, null clears an optional field`,
        params: itemParams,
        body: spec.patch,
        response: { 200: spec.output, ...errors },
      },
    },
    (req) => {
      const { code, id } = req.params as ItemParams;
      return spec.update(who(req), code, id, req.body as z.output<P>);
    },
  );
  app.delete(
    `${base}/:id`,
    { schema: { tags, summary: `Delete a ${spec.what}`, params: itemParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const { code, id } = req.params as ItemParams;
      await spec.remove(who(req), code, id);
      return reply.code(204).send(null);
    },
  );
}

export function territoryDataRoutes(app: FastifyInstance, service: TerritoryDataService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['territories'];
  r.get(
    '/api/territories',
    { schema: { tags, summary: 'List territories', querystring: territoryQuery, response: { 200: pageOf(territorySchema), ...errors } } },
    (req) => {
      const { limit, offset, ...filter } = req.query;
      return service.listTerritories(who(req), filter, { limit, offset });
    },
  );
  r.post(
    '/api/territories',
    {
      schema: {
        tags,
        summary: 'Create a territory; the communes of a commune, EPCI, département or région are taken from the COG when not given',
        body: territoryInputSchema,
        response: { 201: territorySchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createTerritory(who(req), req.body)),
  );
  r.get(
    '/api/territories/:code',
    { schema: { tags, summary: 'Read a territory', params: codeParams, response: { 200: territorySchema, ...errors } } },
    (req) => service.readTerritory(who(req), req.params.code),
  );
  r.patch(
    '/api/territories/:code',
    {
      schema: {
        tags,
        summary: 'Update a territory (code and level cannot change)',
        params: codeParams,
        body: territoryPatchSchema,
        response: { 200: territorySchema, ...errors },
      },
    },
    (req) => service.updateTerritory(who(req), req.params.code, req.body),
  );
  r.delete(
    '/api/territories/:code',
    { schema: { tags, summary: 'Delete a territory and all its data', params: codeParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await service.deleteTerritory(who(req), req.params.code);
      return reply.code(204).send(null);
    },
  );

  crud(app, {
    path: 'actors',
    tag: 'actors',
    what: 'actor',
    query: actorQuery,
    input: actorInputSchema,
    patch: actorPatchSchema,
    output: actorSchema,
    list: (w, code, { limit, offset, ess, ...filter }) => service.listActors(w, code, { ...filter, ess: toBool(ess) }, { limit, offset }),
    get: (w, code, id) => service.getActor(w, code, id),
    create: (w, code, input) => service.createActor(w, code, input),
    update: (w, code, id, patch) => service.updateActor(w, code, id, patch),
    remove: (w, code, id) => service.deleteActor(w, code, id),
  });
  crud(app, {
    path: 'sites',
    tag: 'sites',
    what: 'site',
    query: siteQuery,
    input: siteInputSchema,
    patch: sitePatchSchema,
    output: siteSchema,
    list: (w, code, { limit, offset, ...filter }) => service.listSites(w, code, filter, { limit, offset }),
    get: (w, code, id) => service.getSite(w, code, id),
    create: (w, code, input) => service.createSite(w, code, input),
    update: (w, code, id, patch) => service.updateSite(w, code, id, patch),
    remove: (w, code, id) => service.deleteSite(w, code, id),
  });
  crud(app, {
    path: 'flows',
    tag: 'flows',
    what: 'flow',
    query: flowQuery,
    input: flowInputSchema,
    patch: flowPatchSchema,
    output: flowSchema,
    list: (w, code, { limit, offset, hazardous, ...filter }) =>
      service.listFlows(w, code, { ...filter, hazardous: toBool(hazardous) }, { limit, offset }),
    get: (w, code, id) => service.getFlow(w, code, id),
    create: (w, code, input) => service.createFlow(w, code, input),
    update: (w, code, id, patch) => service.updateFlow(w, code, id, patch),
    remove: (w, code, id) => service.deleteFlow(w, code, id),
  });
  crud(app, {
    path: 'needs',
    tag: 'needs',
    what: 'need',
    query: needQuery,
    input: needInputSchema,
    patch: needPatchSchema,
    output: needSchema,
    list: (w, code, { limit, offset, ...filter }) => service.listNeeds(w, code, filter, { limit, offset }),
    get: (w, code, id) => service.getNeed(w, code, id),
    create: (w, code, input) => service.createNeed(w, code, input),
    update: (w, code, id, patch) => service.updateNeed(w, code, id, patch),
    remove: (w, code, id) => service.deleteNeed(w, code, id),
  });
}
