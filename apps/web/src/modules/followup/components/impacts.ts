/** The impacts a case compares: estimated by the analysis when the case was opened, and verified once implemented. */
import type { Estimate, VerifiedImpacts } from './types.js';

export const IMPACT_FIELDS = ['tonnesDiverted', 'co2eAvoidedT', 'supplierSavingsEur', 'receiverSavingsEur', 'jobs', 'waterM3'] as const;
export type ImpactField = (typeof IMPACT_FIELDS)[number];

export function estimatedFigure(estimated: Estimate | null | undefined, field: ImpactField): number | null {
  const i = estimated?.impacts;
  if (!i) return null;
  switch (field) {
    case 'supplierSavingsEur':
      return i.savingsEur.supplier;
    case 'receiverSavingsEur':
      return i.savingsEur.receiver;
    default:
      return i[field];
  }
}

export function verifiedFigure(verified: VerifiedImpacts | null | undefined, field: ImpactField): number | null {
  if (!verified) return null;
  const v =
    field === 'supplierSavingsEur'
      ? verified.savingsEur?.supplier
      : field === 'receiverSavingsEur'
        ? verified.savingsEur?.receiver
        : verified[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The verified impacts to send: the figures given, each in its place; the ones left empty are left out. */
export function verifiedBody(values: Partial<Record<ImpactField, number>>, comment: string): VerifiedImpacts {
  const body: VerifiedImpacts = {};
  if (values.tonnesDiverted !== undefined) body.tonnesDiverted = values.tonnesDiverted;
  if (values.co2eAvoidedT !== undefined) body.co2eAvoidedT = values.co2eAvoidedT;
  if (values.supplierSavingsEur !== undefined || values.receiverSavingsEur !== undefined) {
    body.savingsEur = {};
    if (values.supplierSavingsEur !== undefined) body.savingsEur.supplier = values.supplierSavingsEur;
    if (values.receiverSavingsEur !== undefined) body.savingsEur.receiver = values.receiverSavingsEur;
  }
  if (values.jobs !== undefined) body.jobs = values.jobs;
  if (values.waterM3 !== undefined) body.waterM3 = values.waterM3;
  if (comment.trim()) body.comment = comment.trim();
  return body;
}
