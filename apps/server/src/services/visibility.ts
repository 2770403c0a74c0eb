/**
 * What of a record may be shown beyond the facilitators and the actor itself: the public fields.
 * Each flow field carries its level (public, territory, private; defaults in the engine's model);
 * a field that is not public is withheld (null), never approximated.
 */
import { CONFIDENTIAL_FLOW_FIELDS, effectiveConfidentiality, type Actor, type ConfidentialFlowField, type Flow } from '@boucles/engine';

/** An actor as the public sees it: identity and activity (public in the SIRENE register), no contact. */
export function publicActor(a: Actor): Actor {
  return { ...a, contact: {} };
}

/** The fields a level lets through: `public` only, or `public` and `territory` (a disclosed counterpart). */
export function visibleFlowFields(f: Pick<Flow, 'confidentiality'>, levels: readonly ('public' | 'territory')[]): Set<ConfidentialFlowField> {
  const effective = effectiveConfidentiality(f.confidentiality);
  return new Set(CONFIDENTIAL_FLOW_FIELDS.filter((field) => (levels as readonly string[]).includes(effective[field])));
}

/** A flow with its non-public fields withheld. The label is replaced by the resource code when withheld. */
export function publicFlow(f: Flow): Flow {
  const shown = visibleFlowFields(f, ['public']);
  return {
    ...f,
    label: shown.has('label') ? f.label : f.resourceCode,
    wasteCode: shown.has('wasteCode') ? f.wasteCode : null,
    quantity: shown.has('quantity') ? f.quantity : null,
    annualQuantity: shown.has('quantity') ? f.annualQuantity : null,
    monthsAvailable: shown.has('monthsAvailable') ? f.monthsAvailable : null,
    quality: shown.has('quality') ? f.quality : {},
    // Kept: whether a flow is hazardous matters to anyone handling it, and says nothing of quantities.
    currentFate: shown.has('currentFate') ? f.currentFate : null,
    currentOrigin: shown.has('currentOrigin') ? f.currentOrigin : null,
    cost: shown.has('cost') ? f.cost : null,
  };
}
