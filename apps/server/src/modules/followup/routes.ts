/** Synergy follow-up: the synergies as the principal may see them, the pipeline, the cases and the consents to disclosure. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  ABANDON_REASONS,
  casePatchSchema,
  openCaseSchema,
  SIDES,
  SYNERGY_STATUSES,
  SYNERGY_STEPS,
  type SynergyFollowUpService,
} from './service.js';
import { who } from '../../platform/access/principal.js';
import { codeParams, errorSchema, itemParams } from '../../platform/http/schemas.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['synergies'];

const bilingual = z.object({ fr: z.string(), en: z.string() });
const partySchema = z
  .union([
    z.object({ disclosed: z.literal(true), actorId: z.string(), name: z.string() }),
    z.object({
      disclosed: z.literal(false),
      description: bilingual.meta({ description: 'Kind, activity and rounded distance; never a name or an ID' }),
    }),
  ])
  .meta({ id: 'SynergyParty' });
const status = z.enum(SYNERGY_STATUSES);
const side = z.enum(SIDES);
const quantity = z.object({ value: z.number(), unit: z.string() });
const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<T[number], z.ZodNumber>);
const impacts = z.object({
  tonnesDiverted: z.number().nullable(),
  co2eAvoidedT: z.number().nullable(),
  savingsEur: z.object({ supplier: z.number().nullable(), receiver: z.number().nullable() }),
  jobs: z.number().nullable(),
  waterM3: z.number().nullable(),
});

const itemSchema = z
  .object({
    id: z.string().meta({ description: 'The synergy ID for facilitators; an opaque stable ID for the others' }),
    caseId: z.string().nullable(),
    status,
    resourceCode: z.string().nullable(),
    family: z.string(),
    quantity: quantity.nullable(),
    distanceKm: z.number(),
    impacts: z.object({ co2eAvoidedT: z.number().nullable(), tonnesDiverted: z.number().nullable() }),
    role: side.nullable(),
    supplier: partySchema,
    receiver: partySchema,
  })
  .meta({ id: 'SynergyItem' });

const pipelineSchema = z
  .object({
    counts: counts(SYNERGY_STATUSES),
    reached: counts(SYNERGY_STEPS),
    conversion: z.object({ detectedToImplemented: z.number().nullable() }),
    abandonReasons: counts(ABANDON_REASONS),
    total: z.number(),
  })
  .meta({ id: 'SynergyPipeline' });

const estimatedSchema = z
  .object({
    synergyId: z.string().optional(),
    analysisId: z.string().optional(),
    ruleId: z.string().optional(),
    resourceCode: z.string().nullable(),
    inputResourceCode: z.string().nullable().optional(),
    family: z.string(),
    distanceKm: z.number(),
    quantity: quantity.extend({ kind: z.enum(['allocated', 'potential']).optional() }).nullable(),
    score: z.number().nullable().optional(),
    impacts,
    figures: z.unknown().optional().meta({ description: 'The engine’s figures with methods and factors (facilitators)' }),
  })
  .meta({ id: 'SynergyEstimate' });

const verifiedSchema = z
  .object({
    tonnesDiverted: z.number().optional(),
    co2eAvoidedT: z.number().optional(),
    savingsEur: z.object({ supplier: z.number().optional(), receiver: z.number().optional() }).optional(),
    jobs: z.number().optional(),
    waterM3: z.number().optional(),
    comment: z.string().optional(),
    recordedAt: z.string(),
  })
  .meta({ id: 'SynergyVerifiedImpacts', description: 'Measured once being implemented, beside the estimate' });

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();
const stamp = z.string().nullable();

const caseSchema = z
  .object({
    id: z.string(),
    synergyId: z.string(),
    status,
    abandonReason: z.enum(ABANDON_REASONS).nullable(),
    abandonComment: z.string().nullable(),
    owner: person,
    nextSteps: z.string().nullable(),
    nextStepDue: z.string().nullable(),
    notes: z.string().nullable(),
    estimated: estimatedSchema,
    verifiedImpacts: verifiedSchema.nullable(),
    role: side.nullable(),
    disclosed: z.boolean(),
    supplier: partySchema,
    receiver: partySchema,
    consents: z.array(z.object({ actorId: z.string().optional(), side, consentedAt: z.string(), withdrawnAt: stamp })),
    events: z.array(
      z.object({ at: z.string(), fromStatus: status.nullable(), toStatus: status, comment: z.string().nullable(), user: person }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
    proposedAt: stamp,
    discussionAt: stamp,
    implementationStartedAt: stamp,
    implementedAt: stamp,
    abandonedAt: stamp,
  })
  .meta({ id: 'SynergyCase' });

export function synergyCaseRoutes(app: FastifyInstance, service: SynergyFollowUpService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/territories/:code/synergies',
    {
      schema: {
        tags,
        summary: 'The synergies of the latest analysis and the cases in follow-up, as the principal may see them',
        params: codeParams,
        querystring: z.strictObject({ status: status.optional() }),
        response: { 200: z.object({ items: z.array(itemSchema), total: z.number() }), ...errors },
      },
    },
    (req) => service.synergies(who(req), req.params.code, { status: req.query.status }),
  );
  r.get(
    '/api/territories/:code/pipeline',
    {
      schema: {
        tags,
        summary: 'How many synergies are at each step, reached each, the conversion and the reasons for abandoning',
        params: codeParams,
        response: { 200: pipelineSchema, ...errors },
      },
    },
    (req) => service.pipeline(who(req), req.params.code),
  );
  r.post(
    '/api/territories/:code/synergy-cases',
    {
      schema: {
        tags,
        summary: 'Take a synergy of the latest analysis into follow-up (facilitators)',
        params: codeParams,
        body: openCaseSchema,
        response: { 201: caseSchema, ...errors },
      },
    },
    async (req, reply) => {
      const c = await service.openCase(who(req), req.params.code, req.body);
      return reply
        .code(201)
        .header('location', `/api/territories/${encodeURIComponent(req.params.code)}/synergy-cases/${c.id}`)
        .send(c);
    },
  );
  r.get(
    '/api/territories/:code/synergy-cases/:id',
    {
      schema: {
        tags,
        summary: 'One case in follow-up, as the principal may see it',
        params: itemParams,
        response: { 200: caseSchema, ...errors },
      },
    },
    (req) => service.getCase(who(req), req.params.code, req.params.id),
  );
  r.patch(
    '/api/territories/:code/synergy-cases/:id',
    {
      schema: {
        tags,
        summary: 'Change a case: status, abandonment with a reason, person in charge, next steps, notes, verified impacts (facilitators)',
        params: itemParams,
        body: casePatchSchema,
        response: { 200: caseSchema, ...errors },
      },
    },
    (req) => service.updateCase(who(req), req.params.code, req.params.id, req.body),
  );
  r.post(
    '/api/territories/:code/synergy-cases/:id/consent',
    {
      schema: {
        tags,
        summary: 'Consent to disclosing one side’s identity to the other (that side’s contributor, or a facilitator on its behalf)',
        params: itemParams,
        body: z.strictObject({ side }),
        response: { 200: caseSchema, ...errors },
      },
    },
    (req) => service.consent(who(req), req.params.code, req.params.id, req.body.side),
  );
  r.delete(
    '/api/territories/:code/synergy-cases/:id/consent/:side',
    {
      schema: {
        tags,
        summary: 'Withdraw one side’s consent to disclosure',
        params: itemParams.extend({ side }),
        response: { 200: caseSchema, ...errors },
      },
    },
    (req) => service.withdrawConsent(who(req), req.params.code, req.params.id, req.params.side),
  );
}
