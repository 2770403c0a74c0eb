/**
 * What of a record may be shown beyond the facilitators and the actor itself: the public fields.
 * Each flow field carries its level (public, territory, private; defaults in the engine's model);
 * a field that is not public is withheld (null), never approximated, and so is every field derived
 * from it (the engine's `FLOW_FIELD_SOURCES`: `hazardous` from the waste code and the quality,
 * the yearly quantity from the quantity…).
 */
import { shownFlowFields, type Actor, type ConfidentialityLevel, type Flow, type ShownFlowField } from '@boucles/engine';

/** An actor as the public sees it: identity and activity (public in the SIRENE register), no contact. */
export function publicActor(a: Actor): Actor {
  return { ...a, contact: {} };
}

/** A flow as a principal below the facilitators may see it: `hazardous` is null when withheld. */
export type ShownFlow = Omit<Flow, 'hazardous'> & { hazardous: boolean | null };

/** The fields of a flow (derived ones included) a principal seeing these levels is shown. */
export function visibleFlowFields(f: Pick<Flow, 'confidentiality'>, levels: readonly ConfidentialityLevel[]): Set<ShownFlowField> {
  return shownFlowFields(f.confidentiality, levels);
}

/** A flow with its non-public fields, and the fields derived from them, withheld. The label is replaced by the resource code when withheld. */
export function publicFlow(f: Flow): ShownFlow {
  const shown = visibleFlowFields(f, ['public']);
  return {
    ...f,
    label: shown.has('label') ? f.label : f.resourceCode,
    wasteCode: shown.has('wasteCode') ? f.wasteCode : null,
    quantity: shown.has('quantity') ? f.quantity : null,
    annualQuantity: shown.has('annualQuantity') ? f.annualQuantity : null,
    monthsAvailable: shown.has('monthsAvailable') ? f.monthsAvailable : null,
    quality: shown.has('quality') ? f.quality : {},
    hazardous: shown.has('hazardous') ? f.hazardous : null,
    currentFate: shown.has('currentFate') ? f.currentFate : null,
    currentOrigin: shown.has('currentOrigin') ? f.currentOrigin : null,
    cost: shown.has('cost') ? f.cost : null,
  };
}
