/** Synergy analyses: run one on a stored territory, list them, read one (or the latest). */
import { compatibilityRulesFileSchema, SCORE_COMPONENTS } from '@boucles/engine';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { who } from '../../platform/access/principal.js';
import * as z from 'zod';
import type { SynergyAnalysisService } from './service.js';
import { codeParams } from '../../platform/http/schemas.js';

const weightsSchema = z.strictObject(
  Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, z.number().finite().min(0).max(100).optional()])) as Record<
    (typeof SCORE_COMPONENTS)[number],
    z.ZodOptional<z.ZodNumber>
  >,
);

export const analysisRequestSchema = z.strictObject({
  objective: z
    .enum(['co2', 'cost'])
    .default('co2')
    .meta({ description: 'What allocation maximises: CO2e avoided or euros saved, net of transport' }),
  k: z.number().int().min(1).max(100).default(10).meta({ description: 'Nearest inputs kept per output flow and input resource' }),
  weights: weightsSchema.optional().meta({ description: 'Score weights (docs/synergies.md); missing ones keep their default' }),
  rules: compatibilityRulesFileSchema
    .optional()
    .meta({ description: 'Compatibility rules replacing the built-in ones, in the same schema' }),
});

export function analysisRoutes(app: FastifyInstance, analyses: SynergyAnalysisService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/territories/:code/analyses',
    {
      schema: {
        tags: ['synergies'],
        summary: 'Run the synergy analysis on the territory’s current data and store it with the engine, rules and factor versions',
        params: codeParams,
        body: analysisRequestSchema,
      },
    },
    async (req, reply) => {
      const { rules, ...rest } = req.body;
      const run = await analyses.run(who(req), req.params.code, {
        ...rest,
        rules: rules ? { version: rules.version, rules: rules.rules, source: 'request' } : undefined,
      });
      const { result: _result, ...meta } = run;
      return reply
        .code(201)
        .header('location', `/api/territories/${encodeURIComponent(req.params.code)}/analyses/${run.id}`)
        .send(meta);
    },
  );
  r.get(
    '/api/territories/:code/analyses',
    {
      schema: { tags: ['synergies'], summary: 'The territory’s stored analyses, newest first, without their results', params: codeParams },
    },
    async (req) => ({ items: await analyses.list(who(req), req.params.code) }),
  );
  r.get(
    '/api/territories/:code/analyses/:id',
    {
      schema: {
        tags: ['synergies'],
        summary: 'One stored analysis with its result (docs/formats.md); `latest` for the newest',
        params: codeParams.extend({ id: z.string().max(64) }),
      },
    },
    async (req) => analyses.get(who(req), req.params.code, req.params.id),
  );
}
