/**
 * Scenario "if these synergies are implemented": for each substitution synergy (an output of one
 * actor feeding an input of another), the quantity exchanged moves, on the supplier's side, from the
 * output's current destination to recovery inside the territory, and on the receiver's side, from
 * the input's current origin to local (recycled). The accounts and indicators of the new input,
 * compared with the current ones (`compareScenario`), show what the synergies would change.
 */
import type { Bilingual } from '../i18n.js';
import type { FateMode } from '../model.js';
import type { AnalysisResult } from '../synergy/analysis.js';
import { layerOfUnit } from './amount.js';
import { indicatorKey, type Indicator, type IndicatorId } from './indicators.js';
import { RECOVERY_MODES, type Family, type Layer, type MetabolismFlow, type MetabolismInput } from './types.js';

/** A synergy as the scenario needs it: the flows it links and the yearly quantity exchanged. */
export interface ScenarioSynergy {
  outputFlowId: string;
  inputFlowId: string;
  quantity: number;
  unit: string;
}

export interface AppliedSynergy {
  outputFlowId: string;
  inputFlowId: string;
  layer: Layer;
  unit: string;
  requested: number;
  /** The quantity moved: the one requested, clamped to what is left of both flows. */
  applied: number;
  clamped: boolean;
}

export type SkipReason =
  | 'flow_not_found'
  | 'not_an_output'
  | 'not_an_input'
  | 'no_quantity'
  | 'unit_not_in_a_layer'
  | 'unit_mismatch'
  | 'invalid_quantity'
  | 'nothing_left';

export interface SkippedSynergy {
  outputFlowId: string;
  inputFlowId: string;
  reason: SkipReason;
  message: Bilingual;
}

export interface ScenarioResult {
  /** The input as it would be: flows split where a synergy takes part of them; aggregates unchanged. */
  input: MetabolismInput;
  applied: AppliedSynergy[];
  skipped: SkippedSynergy[];
}

const SKIP_MESSAGES: Record<SkipReason, Bilingual> = {
  flow_not_found: { fr: 'Flux introuvable dans les données du territoire.', en: 'Flow not found in the territory data.' },
  not_an_output: { fr: "Le flux fournisseur n'est pas une sortie.", en: 'The supplying flow is not an output.' },
  not_an_input: { fr: "Le flux receveur n'est pas un intrant.", en: 'The receiving flow is not an input.' },
  no_quantity: { fr: "Un des deux flux n'a pas de quantité annuelle.", en: 'One of the two flows has no yearly quantity.' },
  unit_not_in_a_layer: {
    fr: "Un des deux flux est dans une unité hors des couches (t, MWh, m3) : il n'est pas dans les comptes.",
    en: 'One of the two flows is in a unit of no layer (t, MWh, m3): it is not in the accounts.',
  },
  unit_mismatch: {
    fr: "Les unités du fournisseur, du receveur et de la synergie diffèrent : rien n'est converti.",
    en: 'The units of the supplier, the receiver and the synergy differ: nothing is converted.',
  },
  invalid_quantity: {
    fr: 'Quantité de la synergie non valide (elle doit être positive).',
    en: 'Invalid synergy quantity (it must be positive).',
  },
  nothing_left: {
    fr: "Les synergies précédentes ont déjà pris toute la quantité d'un des deux flux.",
    en: 'Earlier synergies already took the whole quantity of one of the two flows.',
  },
};

/** The synergies of an analysis that have an allocated quantity (> 0), in the analysis's order. */
export function synergiesFromAnalysis(result: Pick<AnalysisResult, 'synergies'>): ScenarioSynergy[] {
  const out: ScenarioSynergy[] = [];
  for (const s of result.synergies) {
    if (s.allocation.quantity !== null && s.allocation.quantity > 0) {
      out.push({ outputFlowId: s.outputFlowId, inputFlowId: s.inputFlowId, quantity: s.allocation.quantity, unit: s.allocation.unit });
    }
  }
  return out;
}

/** The fate of the part of an output a synergy recovers: its current recovery mode, else energy recovery (energy layer) or reuse. */
function recoveryMode(flow: MetabolismFlow, layer: Layer): FateMode {
  const mode = flow.currentFate?.mode;
  if (mode !== undefined && RECOVERY_MODES.includes(mode)) return mode;
  return layer === 'energy' ? 'energy_recovery' : 'reuse';
}

/**
 * Applies the synergies, in the order given, to a copy of the input (the input is not changed).
 * Each moves `min(quantity, what is left of the output, what is left of the input)`: the part of
 * the output goes to recovery inside the territory (`currentFate.local = true`), the part of the
 * input becomes local and recycled. A flow split this way keeps its ID for what remains and the
 * parts get `<id>#synergy-<n>` (when nothing remains, the first part keeps the ID). Synergies whose
 * flows are missing, without a yearly quantity, in a unit of no layer, or in units that differ, are
 * skipped and reported: nothing is converted.
 */
export function applySynergies(input: MetabolismInput, synergies: readonly ScenarioSynergy[]): ScenarioResult {
  const byId = new Map<string, MetabolismFlow>();
  for (const f of input.flows) if (!byId.has(f.id)) byId.set(f.id, f);
  const left = new Map<string, number>();
  const parts = new Map<string, { quantity: number; layer: Layer }[]>();
  const applied: AppliedSynergy[] = [];
  const skipped: SkippedSynergy[] = [];
  const skip = (s: ScenarioSynergy, reason: SkipReason): void => {
    skipped.push({ outputFlowId: s.outputFlowId, inputFlowId: s.inputFlowId, reason, message: SKIP_MESSAGES[reason] });
  };
  const remaining = (f: MetabolismFlow): number => left.get(f.id) ?? (f.annualQuantity as { value: number }).value;

  for (const s of synergies) {
    const out = byId.get(s.outputFlowId);
    const inp = byId.get(s.inputFlowId);
    if (!out || !inp) {
      skip(s, 'flow_not_found');
      continue;
    }
    if (out.direction !== 'output') {
      skip(s, 'not_an_output');
      continue;
    }
    if (inp.direction !== 'input') {
      skip(s, 'not_an_input');
      continue;
    }
    const qo = out.annualQuantity;
    const qi = inp.annualQuantity;
    if (!qo || !qi) {
      skip(s, 'no_quantity');
      continue;
    }
    const layer = layerOfUnit(qo.unit);
    if (layer === null || layerOfUnit(qi.unit) === null) {
      skip(s, 'unit_not_in_a_layer');
      continue;
    }
    if (qi.unit !== qo.unit || s.unit !== qo.unit) {
      skip(s, 'unit_mismatch');
      continue;
    }
    if (!Number.isFinite(s.quantity) || s.quantity <= 0 || !(qo.value >= 0) || !(qi.value >= 0)) {
      skip(s, 'invalid_quantity');
      continue;
    }
    const q = Math.min(s.quantity, remaining(out), remaining(inp));
    if (!(q > 0)) {
      skip(s, 'nothing_left');
      continue;
    }
    for (const f of [out, inp]) {
      left.set(f.id, remaining(f) - q);
      let list = parts.get(f.id);
      if (!list) parts.set(f.id, (list = []));
      list.push({ quantity: q, layer });
    }
    applied.push({
      outputFlowId: out.id,
      inputFlowId: inp.id,
      layer,
      unit: qo.unit,
      requested: s.quantity,
      applied: q,
      clamped: q < s.quantity,
    });
  }

  const flows: MetabolismFlow[] = [];
  for (const f of input.flows) {
    const list = byId.get(f.id) === f ? parts.get(f.id) : undefined;
    if (!list) {
      flows.push(f);
      continue;
    }
    const unit = (f.annualQuantity as { unit: string }).unit;
    const rest = left.get(f.id) as number;
    if (rest > 0) flows.push({ ...f, annualQuantity: { value: rest, unit } });
    list.forEach((p, i) => {
      const id = rest > 0 ? `${f.id}#synergy-${i + 1}` : i === 0 ? f.id : `${f.id}#synergy-${i}`;
      if (f.direction === 'output')
        flows.push({ ...f, id, annualQuantity: { value: p.quantity, unit }, currentFate: { mode: recoveryMode(f, p.layer), local: true } });
      else flows.push({ ...f, id, annualQuantity: { value: p.quantity, unit }, currentOrigin: { recycled: true, local: true } });
    });
  }
  return { input: { flows, aggregates: input.aggregates }, applied, skipped };
}

export interface IndicatorChange {
  key: string;
  id: IndicatorId;
  layer: Layer;
  family?: Family;
  name: Bilingual;
  unit: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either is null. */
  delta: number | null;
}

/** Each indicator before and after (matched by id, layer and family), with the change. */
export function compareScenario(before: readonly Indicator[], after: readonly Indicator[]): IndicatorChange[] {
  const afterByKey = new Map(after.map((i) => [indicatorKey(i), i]));
  const seen = new Set<string>();
  const rows: IndicatorChange[] = [];
  const row = (b: Indicator | undefined, a: Indicator | undefined): IndicatorChange => {
    const ref = (b ?? a) as Indicator;
    const bv = b?.value ?? null;
    const av = a?.value ?? null;
    return {
      key: indicatorKey(ref),
      id: ref.id,
      layer: ref.layer,
      ...(ref.family ? { family: ref.family } : {}),
      name: ref.name,
      unit: ref.unit,
      before: bv,
      after: av,
      delta: bv === null || av === null ? null : av - bv,
    };
  };
  for (const b of before) {
    const key = indicatorKey(b);
    seen.add(key);
    rows.push(row(b, afterByKey.get(key)));
  }
  for (const a of after) if (!seen.has(indicatorKey(a))) rows.push(row(undefined, a));
  return rows;
}
