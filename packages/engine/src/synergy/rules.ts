/**
 * The compatibility knowledge base: which output (waste, by-product, heat…) can feed which input.
 * The rules are reference data (packages/reference-data/data/compatibility-rules.json); the engine
 * is given them. A taxonomy code in a rule stands for that class and all its sub-classes.
 */
import * as z from 'zod';
import type { Bilingual } from '../i18n.js';
import { expecting } from '../validation.js';

export type HazardousPolicy = 'forbidden' | 'authorised_receiver_only' | 'allowed';
export type RegulatoryStatus = 'waste' | 'by_product' | 'end_of_waste' | 'product';

export interface CompatibilityRule {
  id: string;
  family: string;
  labelFr: string;
  labelEn: string;
  output: { resources: readonly string[]; wasteCodes?: readonly string[] | null | undefined };
  input: { resources: readonly string[]; receiverNaf?: readonly string[] | null | undefined };
  conditions: {
    temperatureMarginC?: number | null | undefined;
    minTemperatureC?: number | null | undefined;
    purityGrades?: readonly string[] | null | undefined;
    hazardous: HazardousPolicy;
    treatment?: readonly string[] | null | undefined;
    regulatoryStatus: RegulatoryStatus;
  };
  maxDistanceKm: number;
  rationale: Bilingual;
  sources: readonly { title: string; url: string }[];
  estimate: boolean;
}

/** True when `code` is the class `ruleCode` or one of its sub-classes. */
export function resourceMatches(ruleCode: string, code: string): boolean {
  return code === ruleCode || code.startsWith(`${ruleCode}.`);
}

const bilingualSchema = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });
const codeList = z.array(z.string().min(1).max(100)).max(500);

/** One rule as a rules file holds it: the schema `--rules <file>` and the shipped file follow. */
export const compatibilityRuleSchema = z.object({
  id: z
    .string()
    .regex(
      expecting(
        /^[a-z0-9][a-z0-9-]{0,99}$/,
        'identifiant de règle : 1 à 100 minuscules sans accent, chiffres et tirets attendus',
        'rule ID: 1 to 100 lowercase letters, digits and hyphens expected',
      ),
    ),
  family: z.string().min(1).max(100),
  labelFr: z.string().min(1).max(300),
  labelEn: z.string().min(1).max(300),
  output: z
    .object({ resources: codeList, wasteCodes: codeList.nullish() })
    .refine((o) => o.resources.length > 0 || (o.wasteCodes ?? []).length > 0, 'an output needs a resource or a waste code'),
  input: z.object({ resources: codeList.min(1), receiverNaf: codeList.nullish() }),
  conditions: z.object({
    temperatureMarginC: z.number().finite().min(0).max(1000).nullish(),
    minTemperatureC: z.number().finite().min(-100).max(2000).nullish(),
    purityGrades: z.array(z.enum(['high', 'medium', 'low'])).nullish(),
    hazardous: z.enum(['forbidden', 'authorised_receiver_only', 'allowed']),
    treatment: z.array(z.string().min(1).max(100)).nullish(),
    regulatoryStatus: z.enum(['waste', 'by_product', 'end_of_waste', 'product']),
  }),
  maxDistanceKm: z.number().finite().positive().max(20000),
  rationale: bilingualSchema,
  sources: z.array(z.object({ title: z.string().min(1), url: z.string().url() })),
  estimate: z.boolean(),
});

/** A rules file: a version and unique rules (at most 65,535, what the candidate table can name). */
export const compatibilityRulesFileSchema = z
  .object({ id: z.string().optional(), version: z.string().min(1).max(50), rules: z.array(compatibilityRuleSchema).min(1).max(65535) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      seen.add(r.id);
    });
  });
