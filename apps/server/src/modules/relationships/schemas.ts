/**
 * The shapes of the relationship log: what a facilitator writes (input, partial update), the
 * filters of the list, and what the API answers. Validation at the boundary runs these schemas
 * through the engine's `parseBilingual` (the app's validator compiler), so every faulty field is
 * named by its path with a message in French and in English; the service runs them again on the
 * merged record of a partial update.
 */
import { addIssue, noNul } from '@boucles/engine';
import * as z from 'zod';
import { pageQuery } from '../../platform/http/schemas.js';

/**
 * How the facilitator met the company: « visite, rencontre, atelier en entreprise, club » (the
 * seeds: ../shared/seeds/000_e8aab74fef9bda69.txt, lines 510, 593–597).
 */
export const INTERACTION_KINDS = ['visit', 'meeting', 'company_workshop', 'club'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** A calendar day, `YYYY-MM-DD`, in years PostgreSQL and people both read plainly. */
const day = z.iso.date().superRefine((value, ctx) => {
  if (value < '1900-01-01' || value > '2999-12-31')
    addIssue(ctx, [], { code: 'date_out_of_range', fr: 'date entre 1900 et 2999 attendue', en: 'a date between 1900 and 2999 expected' });
});
const text = (max: number) => noNul(z.string().trim().max(max));

const fields = {
  actorId: z.uuid().meta({ description: 'The company (or other actor) met: an actor of the same territory' }),
  occurredOn: day.meta({ description: 'The day of the exchange (YYYY-MM-DD)' }),
  kind: z
    .enum(INTERACTION_KINDS)
    .meta({ description: 'visit (visite), meeting (rencontre), company_workshop (atelier en entreprise), club' }),
  participants: text(2000).nullish().meta({ description: 'Who took part, for the company and for the authority' }),
  topics: text(4000).nullish().meta({ description: 'What was talked about' }),
  weakSignal: z
    .boolean()
    .optional()
    .meta({ description: 'A weak signal was noticed (« signal faible »): a difficulty or an opportunity to anticipate' }),
  weakSignalText: text(2000).nullish().meta({ description: 'What the weak signal is; required with weakSignal, refused without it' }),
  serviceOffered: text(2000)
    .nullish()
    .meta({ description: 'The service offered, e.g. « réponse à des appels d’offres, soutien au développement de l’éco-conception »' }),
  followUpOn: day.nullish().meta({ description: 'When to come back to the company (YYYY-MM-DD), on or after the exchange' }),
};

/** The rules between fields, checked on a whole record (a creation, or a partial update merged with the stored one). */
function rules(
  v: {
    occurredOn: string;
    weakSignal?: boolean | undefined;
    weakSignalText?: string | null | undefined;
    followUpOn?: string | null | undefined;
  },
  ctx: z.core.$RefinementCtx,
): void {
  const said = (v.weakSignalText ?? '').trim() !== '';
  if (v.weakSignal && !said) {
    addIssue(ctx, ['weakSignalText'], {
      code: 'weak_signal_text_required',
      fr: 'dire quel est le signal faible repéré',
      en: 'say what the weak signal noticed is',
    });
  }
  if (!v.weakSignal && said) {
    addIssue(ctx, ['weakSignalText'], {
      code: 'weak_signal_not_flagged',
      fr: 'un texte de signal faible va avec la case « signal faible » cochée',
      en: 'a weak signal text goes with weakSignal set',
    });
  }
  if (v.followUpOn && v.followUpOn < v.occurredOn) {
    addIssue(ctx, ['followUpOn'], {
      code: 'follow_up_before_exchange',
      fr: 'la relance ne peut précéder l’échange',
      en: 'the follow-up cannot come before the exchange',
    });
  }
}

export const interactionInputSchema = z.strictObject(fields).superRefine(rules);
export type InteractionInput = z.output<typeof interactionInputSchema>;

/** A partial update: absent fields are kept, null clears an optional one; the merged record is checked again. */
export const interactionPatchSchema = z.strictObject(fields).partial();
export type InteractionPatch = z.output<typeof interactionPatchSchema>;

export const interactionQuery = z.strictObject({
  ...pageQuery,
  actorId: z.uuid().optional().meta({ description: 'Only the exchanges with this actor' }),
  weakSignal: z.enum(['true']).optional().meta({ description: 'true: only the exchanges where a weak signal was noticed' }),
  from: day.optional().meta({ description: 'From this day (included)' }),
  to: day.optional().meta({ description: 'Up to this day (included)' }),
});

export const interactionSchema = z
  .object({
    id: z.uuid(),
    territoryId: z.uuid(),
    actorId: z.uuid(),
    actorName: z.string(),
    occurredOn: z.string(),
    kind: z.enum(INTERACTION_KINDS),
    participants: z.string().nullable(),
    topics: z.string().nullable(),
    weakSignal: z.boolean(),
    weakSignalText: z.string().nullable(),
    serviceOffered: z.string().nullable(),
    followUpOn: z.string().nullable(),
    createdBy: z
      .object({ id: z.string(), displayName: z.string() })
      .nullable()
      .meta({ description: 'Who wrote it down; null once that account is deleted' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Interaction' });
