/** The territory's metabolism: aggregates, accounts and indicators, scenarios, interdependencies. */
import { aggregateInputSchema } from '@boucles/engine';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { who } from '../../platform/access/principal.js';
import * as z from 'zod';
import type { MetabolismService } from './service.js';
import { codeParams, errorSchema, itemParams, territoryCode } from '../../platform/http/schemas.js';
import { aggregateSchema } from '../territories/index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: errorSchema, 404: errorSchema };

export function metabolismRoutes(app: FastifyInstance, metabolism: MetabolismService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['metabolism'];
  const base = '/api/territories/:code/aggregates';
  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The aggregates entered for the territory (figures actors do not declare)',
        params: codeParams,
        response: { 200: z.object({ items: z.array(aggregateSchema) }), ...errors },
      },
    },
    async (req) => ({
      items: await metabolism.listAggregates(who(req), req.params.code),
    }),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Enter an aggregate, with its year and source',
        params: codeParams,
        body: aggregateInputSchema,
        response: { 201: aggregateSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await metabolism.createAggregate(who(req), req.params.code, req.body)),
  );
  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'Read an aggregate', params: itemParams, response: { 200: aggregateSchema, ...errors } } },
    (req) => metabolism.getAggregate(who(req), req.params.code, req.params.id),
  );
  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Replace an aggregate',
        params: itemParams,
        body: aggregateInputSchema,
        response: { 200: aggregateSchema, ...errors },
      },
    },
    (req) => metabolism.replaceAggregate(who(req), req.params.code, req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    { schema: { tags, summary: 'Delete an aggregate', params: itemParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await metabolism.deleteAggregate(who(req), req.params.code, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/territories/:code/metabolism',
    {
      schema: {
        tags,
        summary:
          'Flow accounts by layer (t, MWh, m3), indicators, mass balance and Sankey graphs; with scenario, the same after an analysis’s synergies',
        params: codeParams,
        querystring: z.strictObject({ scenario: z.string().max(64).optional().meta({ description: 'An analysis ID, or latest' }) }),
      },
    },
    (req) => metabolism.metabolism(who(req), req.params.code, { scenario: req.query.scenario }),
  );
  r.get(
    '/api/territories/:code/metabolism/export',
    {
      schema: {
        tags,
        summary: 'The accounts and indicators as CSV (one table) or XLSX (both sheets)',
        params: codeParams,
        querystring: z.strictObject({ format: z.enum(['csv', 'xlsx']), table: z.enum(['comptes', 'indicateurs']).default('comptes') }),
      },
    },
    async (req, reply) => {
      const { code } = req.params;
      const body = await metabolism.exportMetabolism(who(req), code, req.query.format, req.query.table);
      const name = `${code.replace(/[^\w-]/g, '_')}-metabolisme${req.query.format === 'csv' ? `-${req.query.table}` : ''}.${req.query.format}`;
      return reply
        .type(req.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );
  const territories = z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(territoryCode).min(2).max(20))
    .meta({ description: 'Two or more territory codes, separated by commas' });
  r.get(
    '/api/interdependencies',
    {
      schema: {
        tags,
        summary:
          'Flows crossing the boundaries of two or more territories: declarations on both sides and their gap, matrix, dependencies by family',
        querystring: z.strictObject({ territories }),
      },
    },
    (req) => metabolism.interdependencies(who(req), req.query.territories),
  );
  r.get(
    '/api/interdependencies/export',
    {
      schema: {
        tags,
        summary: 'The interdependency table, for a negotiation: CSV or XLSX',
        querystring: z.strictObject({ territories, format: z.enum(['csv', 'xlsx']) }),
      },
    },
    async (req, reply) => {
      const body = await metabolism.exportInterdependencies(who(req), req.query.territories, req.query.format);
      return reply
        .type(req.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header('content-disposition', `attachment; filename="interdependances.${req.query.format}"`)
        .send(body);
    },
  );
}
