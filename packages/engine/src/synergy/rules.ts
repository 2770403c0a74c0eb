/**
 * The compatibility knowledge base: which output (waste, by-product, heat…) can feed which input.
 * The rules are reference data (packages/reference-data/data/compatibility-rules.json); the engine
 * is given them. A taxonomy code in a rule stands for that class and all its sub-classes.
 */
import type { Bilingual } from '../i18n.js';

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
