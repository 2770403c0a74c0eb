/**
 * What of a record may be shown beyond the facilitators and the actor itself: the public fields.
 * Each flow field carries its level (public, territory, private; defaults in the engine's model);
 * a field that is not public is withheld (null), never approximated, and so is every field derived
 * from it (the engine's `FLOW_FIELD_SOURCES`: `hazardous` from the waste code and the quality,
 * the yearly quantity from the quantity…).
 */
import {
  shownFlowFields,
  type Actor,
  type ConfidentialityLevel,
  type Flow,
  type FLOW_FIELD_SOURCES,
  type ShownFlowField,
} from '@boucles/engine';

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

/** The fields of a flow that may be withheld: those read or derived from a field whose confidentiality can be set. */
type WithheldFlowField = { [K in keyof Flow & ShownFlowField]: (typeof FLOW_FIELD_SOURCES)[K] extends readonly [] ? never : K }[keyof Flow &
  ShownFlowField];

/**
 * What each field that may be withheld becomes when it is: null, but for the label (the resource
 * code stands for it) and the quality (nothing said). A flow field given confidential sources is a
 * compile error here until what it becomes is said.
 */
const WITHHELD: { readonly [K in WithheldFlowField]: (f: Flow) => ShownFlow[K] } = {
  label: (f) => f.resourceCode,
  wasteCode: () => null,
  quantity: () => null,
  annualQuantity: () => null,
  monthsAvailable: () => null,
  quality: () => ({}),
  hazardous: () => null,
  currentFate: () => null,
  currentOrigin: () => null,
  cost: () => null,
};
const WITHHELD_FIELDS = Object.keys(WITHHELD) as WithheldFlowField[];

/** A flow with its non-public fields, and the fields derived from them, withheld. The label is replaced by the resource code when withheld. */
export function publicFlow(f: Flow): ShownFlow {
  const shown = visibleFlowFields(f, ['public']);
  const out: Record<string, unknown> = { ...f };
  for (const field of WITHHELD_FIELDS) if (!shown.has(field)) out[field] = WITHHELD[field](f);
  return out as ShownFlow;
}
