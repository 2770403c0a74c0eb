/**
 * The synergy analysis of a territory: candidates (the k nearest compatible inputs of every output),
 * checks, impacts, allocation of contested supplies (HiGHS), scores and explanations, and
 * mutualisations. Pure: rules, factors, parameters and the solver are given. Deterministic: the
 * result depends neither on input order, nor on the identifiers of the records, nor on the time
 * (the caller stamps it). Every ranking, allocation and tie-break goes by content: the records
 * are renamed after their content before anything else (`canonical.ts`), and the caller's
 * identifiers are given back in the result.
 */
import type { Bilingual } from '../i18n.js';
import type { LatLon } from '../geo.js';
import type { Flow, FateMode, PurityGrade } from '../model.js';
import type { UnitTable } from '../units.js';
import { allocate, type AllocationPair, type AllocationResult, type LpSolver } from './allocation.js';
import { findCandidateTable, type CandidateFlow, type CandidateSite } from './candidates.js';
import { canonicalInput, type CanonicalInput } from './canonical.js';
import { CHECK_NAMES, failedHardChecks, runChecks, type Check, type CheckName } from './checks.js';
import { benefitPerUnit, synergyImpacts, unitImpacts, type ImpactModel, type SynergyImpacts, type UnitImpacts } from './impacts.js';
import { findMutualisations, type MutualisationGroup, type MutualisationNeedInput, type MutualisationParameters } from './mutualisation.js';
import type { CompatibilityRule } from './rules.js';

/** The engine's version, stored with every analysis (a test keeps it equal to package.json's). */
export const ENGINE_VERSION = '0.1.0';
export const ANALYSIS_SCHEMA = 'boucles-analysis/1';

/**
 * The optional fields below the ones read (SIRET, external IDs, names, descriptions) are read only
 * to tell records apart by content, and so to order them (see `canonical.ts`).
 */
export interface AnalysisActor {
  id: string;
  name: string;
  nafCode: string | null;
  siret?: string | null | undefined;
  externalId?: string | null | undefined;
}

export interface AnalysisSite {
  id: string;
  actorId: string;
  location: LatLon | null;
  name?: string | null | undefined;
  externalId?: string | null | undefined;
}

export interface AnalysisFlow {
  id: string;
  siteId: string;
  actorId: string;
  direction: 'output' | 'input';
  resourceCode: string;
  wasteCode: string | null;
  label: string;
  annualQuantity: { value: number; unit: string } | null;
  monthsAvailable: readonly number[] | null;
  quality: { temperatureC?: number | undefined; purityGrade?: PurityGrade | undefined };
  hazardous: boolean;
  currentFate: { mode: FateMode } | null;
  currentOrigin?: { recycled: boolean } | null | undefined;
  /** Declared cost (paid) or price (received) per unit of `annualQuantity`. */
  costPerUnit: { eur: number; kind: 'cost' | 'price' } | null;
  externalId?: string | null | undefined;
}

export interface AnalysisInput {
  actors: readonly AnalysisActor[];
  sites: readonly AnalysisSite[];
  flows: readonly AnalysisFlow[];
  needs: readonly MutualisationNeedInput[];
}

/** What makes a score, each in [0, 1]; see docs/synergies.md. */
export const SCORE_COMPONENTS = ['impact', 'quantity', 'proximity', 'season', 'confidence', 'regulatory'] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];
export type ScoreWeights = Record<ScoreComponent, number>;

/** The default weights: a Boucles convention, documented and configurable (they need not sum to 1). */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = {
  impact: 0.3,
  quantity: 0.2,
  proximity: 0.15,
  season: 0.1,
  confidence: 0.15,
  regulatory: 0.1,
};

/** Regulatory simplicity: a product changes hands freely; waste needs an authorised receiver. */
const REGULATORY_EASE: Record<CompatibilityRule['conditions']['regulatoryStatus'], number> = {
  product: 1,
  by_product: 0.75,
  end_of_waste: 0.75,
  waste: 0.5,
};

export interface AnalysisOptions {
  rules: readonly CompatibilityRule[];
  rulesVersion: string;
  impacts: ImpactModel;
  mutualisation: MutualisationParameters & { version?: string };
  objective: 'co2' | 'cost';
  solver: LpSolver;
  /** Nearest inputs kept per output flow and input resource (default 10). */
  k?: number;
  weights?: Partial<ScoreWeights>;
}

export interface SubstitutionSynergy {
  id: string;
  type: 'substitution';
  outputFlowId: string;
  inputFlowId: string;
  supplierActorId: string;
  receiverActorId: string;
  /** Both flows belong to one actor: an internal loop. */
  sameActor: boolean;
  ruleId: string;
  family: string;
  distanceKm: number;
  checks: Record<CheckName, Check>;
  impacts: SynergyImpacts;
  /** Quantity allocated by the linear program, when the pair could enter it. */
  allocation: { quantity: number; unit: string; benefitPerUnit: number | null } | { quantity: null; reason: Bilingual };
  score: { value: number; components: Record<ScoreComponent, number> };
  explanation: Bilingual;
}

export interface RejectedCandidate {
  id: string;
  outputFlowId: string;
  inputFlowId: string;
  ruleId: string;
  distanceKm: number;
  reasons: CheckName[];
  checks: Record<CheckName, Check>;
}

export interface AnalysisResult {
  schema: typeof ANALYSIS_SCHEMA;
  engineVersion: string;
  rulesVersion: string;
  impactFactorsVersion: string;
  mutualisationParametersVersion: string | null;
  objective: 'co2' | 'cost';
  k: number;
  weights: ScoreWeights;
  summary: {
    actors: number;
    sites: number;
    flows: number;
    notLocatedFlows: number;
    candidates: number;
    proposed: number;
    rejected: number;
    rejectedBy: Partial<Record<CheckName, number>>;
    mutualisations: number;
    /** Sums over proposed synergies of their allocated quantities' figures (null ones left out). */
    allocatedTonnes: number;
    co2eAvoidedTonnes: number;
    divertedTonnes: number;
  };
  synergies: SubstitutionSynergy[];
  rejected: RejectedCandidate[];
  mutualisations: MutualisationGroup[];
  allocation: {
    status: AllocationResult['status'];
    objectiveValue: number;
    objectiveUnit: string;
    solver: AllocationResult['solver'];
    components: AllocationResult['components'];
    pairs: number;
  };
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A flow of the model as the analysis reads it: the declared cost turned into euros per base unit. */
export function analysisFlow(flow: Flow, units: UnitTable): AnalysisFlow {
  let costPerUnit: AnalysisFlow['costPerUnit'] = null;
  if (flow.cost && flow.quantity && flow.annualQuantity && flow.annualQuantity.value > 0) {
    const unit = units.unit(flow.quantity.unit);
    const period = units.period(flow.quantity.period);
    if (unit && period?.perYear) {
      // € per declared unit → per base unit; € per period → per year, then per base unit.
      const eur =
        flow.cost.per === 'unit-of-quantity'
          ? flow.cost.amountEur / unit.toBase
          : (flow.cost.amountEur * period.perYear) / flow.annualQuantity.value;
      costPerUnit = { eur, kind: flow.cost.kind };
    }
  }
  return {
    id: flow.id,
    siteId: flow.siteId,
    actorId: flow.actorId,
    direction: flow.direction,
    resourceCode: flow.resourceCode,
    wasteCode: flow.wasteCode,
    label: flow.label,
    annualQuantity: flow.annualQuantity,
    monthsAvailable: flow.monthsAvailable,
    quality: { temperatureC: flow.quality.temperatureC, purityGrade: flow.quality.purityGrade },
    hazardous: flow.hazardous,
    currentFate: flow.currentFate,
    currentOrigin: flow.currentOrigin,
    costPerUnit,
    externalId: flow.externalId,
  };
}

interface Evaluated {
  id: string;
  supply: AnalysisFlow;
  demand: AnalysisFlow;
  rule: CompatibilityRule;
  distanceKm: number;
  sameActor: boolean;
  checks: Record<CheckName, Check>;
  failed: CheckName[];
  unit: UnitImpacts;
}

export async function analyse(given: AnalysisInput, options: AnalysisOptions): Promise<AnalysisResult> {
  const k = options.k ?? 10;
  const weights: ScoreWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  for (const [name, w] of Object.entries(weights)) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weight ${name} must be a number ≥ 0, got ${w}`);
  }
  if (Object.values(weights).every((w) => w === 0)) throw new RangeError('at least one score weight must be above 0');
  // From here on, records go by names given after their content, in the order of their content.
  const canonical = canonicalInput(given);
  const input = canonical.input;
  const actorById = new Map(input.actors.map((a) => [a.id, a]));
  const flowById = new Map(input.flows.map((f) => [f.id, f]));

  // 1. Candidates.
  const candidateSites: CandidateSite[] = input.sites.map((s) => ({ id: s.id, actorId: s.actorId, location: s.location }));
  const candidateFlows: CandidateFlow[] = input.flows.map((f) => ({
    id: f.id,
    siteId: f.siteId,
    direction: f.direction,
    resourceCode: f.resourceCode,
    wasteCode: f.wasteCode,
  }));
  const table = findCandidateTable(candidateSites, candidateFlows, options.rules, { k });

  // 2. Checks and per-unit impacts of every candidate.
  const evaluated: Evaluated[] = [];
  for (let i = 0; i < table.count; i++) {
    const supply = flowById.get((table.flows[table.output[i] as number] as CandidateFlow).id) as AnalysisFlow;
    const demand = flowById.get((table.flows[table.input[i] as number] as CandidateFlow).id) as AnalysisFlow;
    const rule = table.rules[table.rule[i] as number] as CompatibilityRule;
    const distanceKm = table.distanceKm[i] as number;
    const unit = unitImpacts(options.impacts, rule, supply, demand, distanceKm);
    const checks = runChecks({
      rule,
      supply,
      demand,
      receiverNaf: actorById.get(demand.actorId)?.nafCode ?? null,
      distanceKm,
      roadKm: unit.roadKm,
    });
    evaluated.push({
      id: `${supply.id}>${demand.id}@${rule.id}`,
      supply,
      demand,
      rule,
      distanceKm,
      sameActor: table.sameActor[i] === 1,
      checks,
      failed: failedHardChecks(checks),
      unit,
    });
  }
  evaluated.sort((a, b) => compareIds(a.id, b.id));
  const accepted = evaluated.filter((e) => e.failed.length === 0);

  // 3. Allocation of contested supplies over accepted pairs whose quantities are known in one unit.
  const pairs: AllocationPair[] = [];
  const benefit = new Map<string, number | null>();
  const knownBenefits = accepted.map((e) => benefitPerUnit(e.unit, options.objective)).filter((b): b is number => b !== null && b > 0);
  // (Reduced rather than spread: a territory may have more candidates than a call takes arguments.)
  const smallest = knownBenefits.length > 0 ? knownBenefits.reduce((a, b) => Math.min(a, b)) : 1;
  for (const e of accepted) {
    const s = e.supply.annualQuantity;
    const d = e.demand.annualQuantity;
    const b = benefitPerUnit(e.unit, options.objective);
    benefit.set(e.id, b);
    if (!s || !d || s.unit !== d.unit || s.value <= 0 || d.value <= 0) continue;
    // A pair whose benefit is unknown still gets a share, after pairs of known benefit and nearest
    // first: a thousandth of the smallest known benefit, scaled by proximity.
    const weight = b ?? 1e-3 * smallest * (1 - e.distanceKm / (e.rule.maxDistanceKm * 1.000001));
    pairs.push({ id: e.id, supplyId: e.supply.id, demandId: e.demand.id, benefitPerUnit: weight });
  }
  const supplies = new Map<string, number>();
  const demands = new Map<string, number>();
  for (const p of pairs) {
    supplies.set(p.supplyId, (flowById.get(p.supplyId) as AnalysisFlow).annualQuantity?.value ?? 0);
    demands.set(p.demandId, (flowById.get(p.demandId) as AnalysisFlow).annualQuantity?.value ?? 0);
  }
  const allocation = allocate(options.solver, {
    supplies: [...supplies].map(([id, quantity]) => ({ id, quantity })),
    demands: [...demands].map(([id, quantity]) => ({ id, quantity })),
    pairs,
  });
  const allocated = new Map(allocation.allocations.map((a) => [a.pairId, a.quantity]));

  // 4. Impacts, scores and explanations.
  const objectiveOf = (e: Evaluated, quantity: number | null): number | null => {
    const b = benefit.get(e.id) ?? null;
    return b === null || quantity === null ? null : b * quantity;
  };
  const potential = (e: Evaluated): number | null => {
    const s = e.supply.annualQuantity;
    const d = e.demand.annualQuantity;
    return s && d && s.unit === d.unit ? Math.min(s.value, d.value) : null;
  };
  // The impact a score weighs is that of the allocated quantity when the pair entered the
  // allocation (a pair whose supply went to a better use scores low), else the potential one.
  const scored = (e: Evaluated): number | null => objectiveOf(e, allocated.get(e.id) ?? potential(e));
  const maxImpact = accepted.reduce((m, e) => Math.max(m, scored(e) ?? 0), 0);
  const synergies: SubstitutionSynergy[] = accepted.map((e) => {
    const q = allocated.get(e.id);
    const basis: SynergyImpacts['basis'] =
      q !== undefined
        ? { quantity: q, unit: e.supply.annualQuantity?.unit ?? null, kind: 'allocated' }
        : { quantity: potential(e), unit: e.supply.annualQuantity?.unit ?? null, kind: 'potential' };
    const impacts = synergyImpacts(options.impacts, e.unit, e.supply, e.demand, basis);
    const quantityCheck = e.checks.quantity.values ?? {};
    const components: Record<ScoreComponent, number> = {
      impact: maxImpact > 0 ? Math.max(0, (scored(e) ?? 0) / maxImpact) : 0,
      quantity:
        e.checks.quantity.status === 'passed' ? ((quantityCheck.demandCovered as number) + (quantityCheck.supplyUsed as number)) / 2 : 0.5,
      proximity: Math.max(0, 1 - e.distanceKm / e.rule.maxDistanceKm),
      season: e.checks.months.status === 'passed' ? (e.checks.months.values?.demandMonthsCovered as number) : 0.5,
      confidence: e.checks.completeness.values?.share as number,
      regulatory: REGULATORY_EASE[e.rule.conditions.regulatoryStatus],
    };
    const totalWeight = SCORE_COMPONENTS.reduce((s, c) => s + weights[c], 0);
    const value = Math.round((1000 * SCORE_COMPONENTS.reduce((s, c) => s + weights[c] * components[c], 0)) / totalWeight) / 10;
    const unit = e.supply.annualQuantity?.unit ?? null;
    return {
      id: e.id,
      type: 'substitution',
      outputFlowId: e.supply.id,
      inputFlowId: e.demand.id,
      supplierActorId: e.supply.actorId,
      receiverActorId: e.demand.actorId,
      sameActor: e.sameActor,
      ruleId: e.rule.id,
      family: e.rule.family,
      distanceKm: e.distanceKm,
      checks: e.checks,
      impacts,
      allocation:
        q !== undefined && unit !== null
          ? { quantity: q, unit, benefitPerUnit: benefit.get(e.id) ?? null }
          : {
              quantity: null,
              reason: {
                fr: 'Quantités inconnues ou dans des unités différentes : non allouée.',
                en: 'Quantities unknown or in different units: not allocated.',
              },
            },
      score: { value, components },
      explanation: explain(e, impacts, actorById, canonical.original),
    };
  });
  synergies.sort((a, b) => b.score.value - a.score.value || compareIds(a.id, b.id));

  const rejected: RejectedCandidate[] = evaluated
    .filter((e) => e.failed.length > 0)
    .map((e) => ({
      id: e.id,
      outputFlowId: e.supply.id,
      inputFlowId: e.demand.id,
      ruleId: e.rule.id,
      distanceKm: e.distanceKm,
      reasons: e.failed,
      checks: e.checks,
    }));
  const rejectedBy: Partial<Record<CheckName, number>> = {};
  for (const r of rejected) for (const reason of r.reasons) rejectedBy[reason] = (rejectedBy[reason] ?? 0) + 1;

  // 5. Mutualisations: an actor stands at its first located site (in content order); groups are
  // named after their members' content.
  const actorLocation = new Map<string, LatLon>();
  for (const s of [...input.sites].sort((a, b) => compareIds(a.id, b.id)))
    if (s.location && !actorLocation.has(s.actorId)) actorLocation.set(s.actorId, s.location);
  const mutualisation = findMutualisations(
    {
      actors: input.actors.map((a) => ({ id: a.id, location: actorLocation.get(a.id) ?? null, key: canonical.actorKey.get(a.id) })),
      needs: input.needs,
      flows: input.flows.map((f) => ({
        id: f.id,
        actorId: f.actorId,
        direction: f.direction,
        resourceCode: f.resourceCode,
        annualQuantity: f.annualQuantity,
        currentFate: f.currentFate,
        hazardous: f.hazardous,
        annualCostEur: f.costPerUnit?.kind === 'cost' && f.annualQuantity ? f.costPerUnit.eur * f.annualQuantity.value : null,
      })),
    },
    options.mutualisation,
  );

  const sum = (name: 'co2eAvoided' | 'divertedFromDisposal'): number =>
    synergies.reduce((s, x) => s + (x.impacts.basis.kind === 'allocated' ? (x.impacts.figures[name].value ?? 0) : 0), 0);
  return {
    schema: ANALYSIS_SCHEMA,
    engineVersion: ENGINE_VERSION,
    rulesVersion: options.rulesVersion,
    impactFactorsVersion: options.impacts.version,
    mutualisationParametersVersion: options.mutualisation.version ?? null,
    objective: options.objective,
    k,
    weights,
    summary: {
      actors: input.actors.length,
      sites: input.sites.length,
      flows: input.flows.length,
      notLocatedFlows: table.notLocated,
      candidates: table.count,
      proposed: synergies.length,
      rejected: rejected.length,
      rejectedBy,
      mutualisations: mutualisation.groups.length,
      allocatedTonnes: synergies.reduce(
        (s, x) => s + (x.allocation.quantity !== null && x.allocation.unit === 't' ? x.allocation.quantity : 0),
        0,
      ),
      co2eAvoidedTonnes: sum('co2eAvoided'),
      divertedTonnes: sum('divertedFromDisposal'),
    },
    ...restoreIds(synergies, rejected, mutualisation.groups, canonical),
    allocation: {
      status: allocation.status,
      objectiveValue: allocation.objective,
      objectiveUnit: options.objective === 'co2' ? 'kg CO2e/an' : '€/an',
      solver: allocation.solver,
      components: allocation.components,
      pairs: pairs.length,
    },
  };
}

/** The lists of a result with the caller's identifiers in place of the canonical ones, in the same order. */
function restoreIds(
  synergies: readonly SubstitutionSynergy[],
  rejected: readonly RejectedCandidate[],
  mutualisations: readonly MutualisationGroup[],
  canonical: Pick<CanonicalInput<AnalysisActor, AnalysisSite, AnalysisFlow, MutualisationNeedInput>, 'original'>,
): Pick<AnalysisResult, 'synergies' | 'rejected' | 'mutualisations'> {
  const o = canonical.original;
  const pairId = (output: string, input: string, rule: string): string => `${o(output)}>${o(input)}@${rule}`;
  return {
    synergies: synergies.map((s) => ({
      ...s,
      id: pairId(s.outputFlowId, s.inputFlowId, s.ruleId),
      outputFlowId: o(s.outputFlowId),
      inputFlowId: o(s.inputFlowId),
      supplierActorId: o(s.supplierActorId),
      receiverActorId: o(s.receiverActorId),
    })),
    rejected: rejected.map((r) => ({
      ...r,
      id: pairId(r.outputFlowId, r.inputFlowId, r.ruleId),
      outputFlowId: o(r.outputFlowId),
      inputFlowId: o(r.inputFlowId),
    })),
    mutualisations: mutualisations.map((g) => ({
      ...g,
      members: g.members.map((m) => ({ ...m, actorId: o(m.actorId), needIds: m.needIds.map(o), flowIds: m.flowIds.map(o) })),
    })),
  };
}

const num = (n: number, lang: 'fr' | 'en', digits = 1): string => {
  const s = (Math.round(n * 10 ** digits) / 10 ** digits).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  return lang === 'fr' ? s.replace(/\u202f/g, ' ') : s;
};

/** A plain-language explanation: why it matches, what was checked, what is uncertain, what to ask. */
function explain(e: Evaluated, impacts: SynergyImpacts, actors: Map<string, AnalysisActor>, original: (id: string) => string): Bilingual {
  const supplier = actors.get(e.supply.actorId)?.name ?? original(e.supply.actorId);
  const receiver = actors.get(e.demand.actorId)?.name ?? original(e.demand.actorId);
  const passed = CHECK_NAMES.filter((c) => e.checks[c].status === 'passed' && c !== 'completeness');
  const unknown = CHECK_NAMES.filter((c) => e.checks[c].status === 'unknown' && c !== 'completeness');
  const questions = unknown.map((c) => e.checks[c].question).filter((q): q is Bilingual => q !== undefined);
  const co2 = impacts.figures.co2eAvoided.value;
  const q = impacts.basis.quantity;
  const build = (lang: 'fr' | 'en'): string => {
    const fr = lang === 'fr';
    const parts: string[] = [];
    parts.push(
      fr
        ? `« ${e.supply.label} » de ${supplier} peut remplacer « ${e.demand.label} » de ${receiver}, à ${num(e.distanceKm, lang)} km, selon la règle « ${e.rule.labelFr} ».`
        : `"${e.supply.label}" from ${supplier} can replace "${e.demand.label}" at ${receiver}, ${num(e.distanceKm, lang)} km away, under the rule "${e.rule.labelEn}".`,
    );
    if (e.sameActor)
      parts.push(
        fr ? 'Les deux sites appartiennent au même acteur : boucle interne.' : 'Both sites belong to the same actor: an internal loop.',
      );
    parts.push(e.rule.rationale[lang]);
    if (passed.length > 0)
      parts.push((fr ? 'Vérifié : ' : 'Checked: ') + passed.map((c) => e.checks[c].detail[lang].replace(/\.$/, '')).join(' ; ') + '.');
    if (unknown.length > 0)
      parts.push((fr ? 'Incertain : ' : 'Uncertain: ') + unknown.map((c) => e.checks[c].detail[lang].replace(/\.$/, '')).join(' ; ') + '.');
    if (q !== null && impacts.basis.unit) {
      parts.push(
        fr
          ? `Sur ${num(q, lang)} ${impacts.basis.unit}/an${impacts.basis.kind === 'allocated' ? ' (quantité allouée)' : ''} : ${co2 === null ? 'CO2e évité non chiffré' : `${num(co2, lang, 2)} t CO2e évitées (estimation)`}.`
          : `For ${num(q, lang)} ${impacts.basis.unit}/yr${impacts.basis.kind === 'allocated' ? ' (allocated quantity)' : ''}: ${co2 === null ? 'CO2e avoided not estimated' : `${num(co2, lang, 2)} t CO2e avoided (estimate)`}.`,
      );
    }
    if (questions.length > 0)
      parts.push((fr ? 'À demander aux entreprises : ' : 'To ask the companies: ') + questions.map((x) => x[lang]).join(' '));
    return parts.join(' ');
  };
  return { fr: build('fr'), en: build('en') };
}
