/**
 * The checks a candidate goes through beyond its label: quantities, months, temperature and other
 * quality conditions, the receiver, hazardous and regulatory status, distance and how complete the
 * data was. Each is recorded as passed, failed, unknown (the data needed is missing) or not
 * applicable, with a sentence in French and English saying why. A failed hard check rejects the
 * candidate; the others inform its score and its explanation.
 */
import type { Bilingual } from '../i18n.js';
import type { FateMode, PurityGrade } from '../model.js';
import type { CompatibilityRule } from './rules.js';

export type CheckStatus = 'passed' | 'failed' | 'unknown' | 'not_applicable';

export const CHECK_NAMES = [
  'quantity',
  'months',
  'temperature',
  'quality',
  'receiver',
  'hazardous',
  'regulatory',
  'distance',
  'completeness',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** The checks whose failure rejects a candidate: the exchange cannot work as declared. */
export const HARD_CHECKS: readonly CheckName[] = ['quantity', 'months', 'temperature', 'quality', 'receiver', 'hazardous'];

export interface Check {
  status: CheckStatus;
  detail: Bilingual;
  /** Figures the check computed (shares, temperatures, distances…). */
  values?: Record<string, number | string | null>;
  /** What to ask the companies when the check is unknown, or what to verify. */
  question?: Bilingual;
}

/** What the checks read of a flow. */
export interface CheckedFlow {
  id: string;
  label: string;
  resourceCode: string;
  wasteCode: string | null;
  annualQuantity: { value: number; unit: string } | null;
  monthsAvailable: readonly number[] | null;
  quality: { temperatureC?: number | undefined; purityGrade?: PurityGrade | undefined };
  hazardous: boolean;
  currentFate: { mode: FateMode } | null;
}

export interface CheckContext {
  rule: CompatibilityRule;
  supply: CheckedFlow;
  demand: CheckedFlow;
  receiverNaf: string | null;
  distanceKm: number;
  roadKm: number;
}

const fmt = (n: number, digits = 1): string => (Math.round(n * 10 ** digits) / 10 ** digits).toString();
const fmtFr = (n: number, digits = 1): string => fmt(n, digits).replace('.', ',');

function quantityCheck({ supply, demand }: CheckContext): Check {
  const s = supply.annualQuantity;
  const d = demand.annualQuantity;
  if (!s || !d) {
    const missing = !s && !d ? 'both' : !s ? 'supply' : 'demand';
    return {
      status: 'unknown',
      detail: {
        fr:
          missing === 'both'
            ? 'Quantités annuelles non déclarées.'
            : missing === 'supply'
              ? 'Quantité disponible non déclarée.'
              : 'Quantité recherchée non déclarée.',
        en:
          missing === 'both'
            ? 'Yearly quantities not declared.'
            : missing === 'supply'
              ? 'Available quantity not declared.'
              : 'Quantity sought not declared.',
      },
      question: {
        fr: 'Quelles quantités par an sont disponibles et recherchées ?',
        en: 'What quantities a year are available and sought?',
      },
    };
  }
  if (s.unit !== d.unit) {
    return {
      status: 'unknown',
      detail: {
        fr: `Quantités dans des unités différentes (${s.unit} et ${d.unit}) : une conversion (pouvoir calorifique, densité) est nécessaire.`,
        en: `Quantities in different units (${s.unit} and ${d.unit}): a conversion (calorific value, density) is needed.`,
      },
      values: { supply: s.value, supplyUnit: s.unit, demand: d.value, demandUnit: d.unit },
      question: {
        fr: `Quelle équivalence entre ${s.unit} disponibles et ${d.unit} recherchés ?`,
        en: `What converts the ${s.unit} available into the ${d.unit} sought?`,
      },
    };
  }
  if (s.value <= 0 || d.value <= 0) {
    return {
      status: 'failed',
      detail: { fr: 'Quantité nulle : rien à échanger.', en: 'Zero quantity: nothing to exchange.' },
      values: { supply: s.value, demand: d.value, unit: s.unit },
    };
  }
  const exchanged = Math.min(s.value, d.value);
  const demandCovered = exchanged / d.value;
  const supplyUsed = exchanged / s.value;
  return {
    status: 'passed',
    detail: {
      fr: `Couvre ${fmtFr(demandCovered * 100, 0)} % du besoin et utilise ${fmtFr(supplyUsed * 100, 0)} % du gisement (${fmtFr(exchanged)} ${s.unit}/an).`,
      en: `Covers ${fmt(demandCovered * 100, 0)}% of the demand and uses ${fmt(supplyUsed * 100, 0)}% of the supply (${fmt(exchanged)} ${s.unit}/yr).`,
    },
    values: { exchanged, unit: s.unit, demandCovered, supplyUsed },
  };
}

const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthsCheck({ supply, demand }: CheckContext): Check {
  const s = supply.monthsAvailable;
  const d = demand.monthsAvailable;
  if (!s || !d) {
    return {
      status: 'unknown',
      detail: { fr: 'Mois de disponibilité ou de besoin non déclarés.', en: 'Months of availability or need not declared.' },
      question: {
        fr: 'À quels mois le flux est-il disponible, et à quels mois est-il recherché ?',
        en: 'In which months is the flow available, and in which is it needed?',
      },
    };
  }
  const both = d.filter((m) => s.includes(m)).sort((a, b) => a - b);
  const share = d.length === 0 ? 0 : both.length / d.length;
  if (both.length === 0) {
    return {
      status: 'failed',
      detail: {
        fr: `Hors saison : disponible en ${s.map((m) => MONTHS_FR[m - 1]).join(', ')}, recherché en ${d.map((m) => MONTHS_FR[m - 1]).join(', ')}.`,
        en: `Out of season: available in ${s.map((m) => MONTHS_EN[m - 1]).join(', ')}, needed in ${d.map((m) => MONTHS_EN[m - 1]).join(', ')}.`,
      },
      values: { overlapMonths: 0, demandMonthsCovered: 0 },
    };
  }
  return {
    status: 'passed',
    detail: {
      fr: `${both.length} mois en commun sur ${d.length} mois de besoin.`,
      en: `${both.length} month(s) in common out of ${d.length} month(s) of need.`,
    },
    values: { overlapMonths: both.length, demandMonthsCovered: share },
  };
}

function temperatureCheck({ rule, supply, demand }: CheckContext): Check {
  const min = rule.conditions.minTemperatureC ?? null;
  const margin = rule.conditions.temperatureMarginC ?? null;
  if (min === null && margin === null)
    return { status: 'not_applicable', detail: { fr: 'Pas de condition de température.', en: 'No temperature condition.' } };
  const ts = supply.quality.temperatureC;
  const td = demand.quality.temperatureC;
  if (ts === undefined) {
    return {
      status: 'unknown',
      detail: { fr: 'Température du flux disponible non déclarée.', en: 'Temperature of the available flow not declared.' },
      question: { fr: 'À quelle température le flux est-il disponible ?', en: 'At what temperature is the flow available?' },
    };
  }
  if (min !== null && ts < min) {
    return {
      status: 'failed',
      detail: {
        fr: `Trop froid : ${fmtFr(ts)} °C disponibles, la règle demande au moins ${fmtFr(min)} °C.`,
        en: `Too cold: ${fmt(ts)} °C available, the rule needs at least ${fmt(min)} °C.`,
      },
      values: { supplyC: ts, minimumC: min },
    };
  }
  if (margin === null) {
    return {
      status: 'passed',
      detail: {
        fr: `${fmtFr(ts)} °C disponibles, au moins ${fmtFr(min ?? 0)} °C requis.`,
        en: `${fmt(ts)} °C available, at least ${fmt(min ?? 0)} °C needed.`,
      },
      values: { supplyC: ts, minimumC: min },
    };
  }
  if (td === undefined) {
    return {
      status: 'unknown',
      detail: {
        fr: `${fmtFr(ts)} °C disponibles ; température requise non déclarée.`,
        en: `${fmt(ts)} °C available; temperature needed not declared.`,
      },
      values: { supplyC: ts },
      question: { fr: 'À quelle température la chaleur est-elle utilisée ?', en: 'At what temperature is the heat used?' },
    };
  }
  const needed = td + margin;
  if (ts < needed) {
    return {
      status: 'failed',
      detail: {
        fr: `Trop froid : ${fmtFr(ts)} °C disponibles pour ${fmtFr(td)} °C requis plus une marge de ${fmtFr(margin)} °C.`,
        en: `Too cold: ${fmt(ts)} °C available for ${fmt(td)} °C needed plus a ${fmt(margin)} °C margin.`,
      },
      values: { supplyC: ts, demandC: td, marginC: margin },
    };
  }
  return {
    status: 'passed',
    detail: {
      fr: `${fmtFr(ts)} °C disponibles ≥ ${fmtFr(td)} °C requis + ${fmtFr(margin)} °C de marge.`,
      en: `${fmt(ts)} °C available ≥ ${fmt(td)} °C needed + ${fmt(margin)} °C margin.`,
    },
    values: { supplyC: ts, demandC: td, marginC: margin },
  };
}

function qualityCheck({ rule, supply }: CheckContext): Check {
  const grades = rule.conditions.purityGrades;
  const treatment = rule.conditions.treatment ?? [];
  const treatmentNote: Bilingual | null =
    treatment.length > 0
      ? { fr: ` Traitement nécessaire : ${treatment.join(', ')}.`, en: ` Treatment needed: ${treatment.join(', ')}.` }
      : null;
  if (!grades || grades.length === 0) {
    return {
      status: 'not_applicable',
      detail: { fr: `Pas de condition de pureté.${treatmentNote?.fr ?? ''}`, en: `No purity condition.${treatmentNote?.en ?? ''}` },
    };
  }
  const grade = supply.quality.purityGrade;
  if (!grade) {
    return {
      status: 'unknown',
      detail: {
        fr: `Pureté non déclarée ; la règle demande : ${grades.join(', ')}.${treatmentNote?.fr ?? ''}`,
        en: `Purity not declared; the rule needs: ${grades.join(', ')}.${treatmentNote?.en ?? ''}`,
      },
      question: {
        fr: 'Quelle est la pureté du flux (tri, contaminants, humidité) ?',
        en: 'How pure is the flow (sorting, contaminants, moisture)?',
      },
    };
  }
  if (!grades.includes(grade)) {
    return {
      status: 'failed',
      detail: {
        fr: `Pureté « ${grade} » insuffisante ; la règle demande : ${grades.join(', ')}.`,
        en: `Purity "${grade}" too low; the rule needs: ${grades.join(', ')}.`,
      },
      values: { purity: grade },
    };
  }
  return {
    status: 'passed',
    detail: { fr: `Pureté « ${grade} » admise.${treatmentNote?.fr ?? ''}`, en: `Purity "${grade}" accepted.${treatmentNote?.en ?? ''}` },
    values: { purity: grade },
  };
}

function nafMatches(naf: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => naf === p || naf.startsWith(p));
}

function receiverCheck({ rule, receiverNaf }: CheckContext): Check {
  const wanted = rule.input.receiverNaf;
  if (!wanted || wanted.length === 0)
    return { status: 'not_applicable', detail: { fr: 'Pas de condition sur le receveur.', en: 'No condition on the receiver.' } };
  if (!receiverNaf) {
    return {
      status: 'unknown',
      detail: {
        fr: `Activité (NAF) du receveur inconnue ; la règle vise : ${wanted.join(', ')}.`,
        en: `Receiver's activity (NAF) unknown; the rule is for: ${wanted.join(', ')}.`,
      },
      question: { fr: "Quelle est l'activité principale du receveur (code NAF) ?", en: "What is the receiver's main activity (NAF code)?" },
    };
  }
  if (!nafMatches(receiverNaf, wanted)) {
    return {
      status: 'failed',
      detail: {
        fr: `Le receveur (NAF ${receiverNaf}) n'est pas de ceux que la règle vise (${wanted.join(', ')}).`,
        en: `The receiver (NAF ${receiverNaf}) is not one the rule is for (${wanted.join(', ')}).`,
      },
      values: { receiverNaf },
    };
  }
  return {
    status: 'passed',
    detail: {
      fr: `Receveur d'activité ${receiverNaf}, visée par la règle.`,
      en: `Receiver of activity ${receiverNaf}, one the rule is for.`,
    },
    values: { receiverNaf },
  };
}

function hazardousCheck({ rule, supply, receiverNaf }: CheckContext): Check {
  if (!supply.hazardous) return { status: 'passed', detail: { fr: 'Flux non dangereux.', en: 'Non-hazardous flow.' } };
  const policy = rule.conditions.hazardous;
  if (policy === 'forbidden') {
    return {
      status: 'failed',
      detail: { fr: 'Flux dangereux : la règle exclut les déchets dangereux.', en: 'Hazardous flow: the rule excludes hazardous waste.' },
    };
  }
  if (policy === 'allowed') {
    return {
      status: 'passed',
      detail: {
        fr: 'Flux dangereux admis par la règle (traçabilité : bordereau de suivi).',
        en: 'Hazardous flow allowed by the rule (traceability: waste tracking form).',
      },
      question: { fr: 'Le bordereau de suivi des déchets dangereux est-il prévu ?', en: 'Is the hazardous-waste tracking form planned?' },
    };
  }
  const wanted = rule.input.receiverNaf ?? [];
  if (!receiverNaf) {
    return {
      status: 'unknown',
      detail: {
        fr: "Flux dangereux : seul un receveur autorisé peut le recevoir ; l'activité du receveur est inconnue.",
        en: "Hazardous flow: only an authorised receiver may take it; the receiver's activity is unknown.",
      },
      question: {
        fr: 'Le site receveur est-il autorisé (ICPE) à recevoir ce déchet dangereux ?',
        en: 'Is the receiving site authorised (ICPE) to take this hazardous waste?',
      },
    };
  }
  if (!nafMatches(receiverNaf, wanted)) {
    return {
      status: 'failed',
      detail: {
        fr: `Flux dangereux vers un receveur non autorisé (NAF ${receiverNaf}).`,
        en: `Hazardous flow to a receiver that is not authorised (NAF ${receiverNaf}).`,
      },
      values: { receiverNaf },
    };
  }
  return {
    status: 'passed',
    detail: {
      fr: `Flux dangereux vers une activité habilitée (NAF ${receiverNaf}) ; l'autorisation du site reste à vérifier.`,
      en: `Hazardous flow to an eligible activity (NAF ${receiverNaf}); the site's authorisation remains to be verified.`,
    },
    question: {
      fr: 'Le site receveur est-il autorisé (ICPE) pour ce déchet ?',
      en: 'Is the receiving site authorised (ICPE) for this waste?',
    },
  };
}

const STATUS_TEXT: Record<CompatibilityRule['conditions']['regulatoryStatus'], Bilingual> = {
  product: { fr: "Échange d'un produit : pas de statut de déchet.", en: 'Exchange of a product: no waste status.' },
  by_product: {
    fr: 'Sous-produit possible (art. L541-4-2 du code de l’environnement) si ses quatre conditions sont remplies.',
    en: 'Possible by-product (art. L541-4-2, French environment code) if its four conditions are met.',
  },
  end_of_waste: {
    fr: 'Sortie du statut de déchet possible (art. L541-4-3) selon les critères applicables.',
    en: 'End-of-waste status possible (art. L541-4-3) under the applicable criteria.',
  },
  waste: {
    fr: 'Échange sous statut de déchet : le receveur doit être autorisé et le flux tracé (registre).',
    en: 'Exchange under waste status: the receiver must be authorised and the flow recorded (register).',
  },
};

function regulatoryCheck({ rule }: CheckContext): Check {
  const status = rule.conditions.regulatoryStatus;
  if (status === 'product') return { status: 'passed', detail: STATUS_TEXT.product, values: { regulatoryStatus: status } };
  return {
    status: 'unknown',
    detail: STATUS_TEXT[status],
    values: { regulatoryStatus: status },
    question:
      status === 'waste'
        ? {
            fr: 'Le site receveur dispose-t-il de l’autorisation ou de l’enregistrement ICPE pour ce déchet ?',
            en: 'Does the receiving site hold the ICPE permit or registration for this waste?',
          }
        : {
            fr: 'Les conditions du statut (usage certain, sans transformation autre que normale, etc.) sont-elles réunies ?',
            en: 'Are the conditions of the status (certain use, no processing beyond normal practice, etc.) met?',
          },
  };
}

function distanceCheck({ rule, distanceKm, roadKm }: CheckContext): Check {
  return {
    status: distanceKm <= rule.maxDistanceKm ? 'passed' : 'failed',
    detail: {
      fr: `${fmtFr(distanceKm)} km à vol d'oiseau, environ ${fmtFr(roadKm)} km par la route ; la règle admet ${fmtFr(rule.maxDistanceKm, 0)} km.`,
      en: `${fmt(distanceKm)} km as the crow flies, about ${fmt(roadKm)} km by road; the rule allows ${fmt(rule.maxDistanceKm, 0)} km.`,
    },
    values: { distanceKm, roadKm, maxDistanceKm: rule.maxDistanceKm },
  };
}

/** The share of the data the checks needed that was declared. */
function completenessCheck(ctx: CheckContext): Check {
  const { rule, supply, demand } = ctx;
  const needed: [string, boolean][] = [
    ['supply.quantity', supply.annualQuantity !== null],
    ['demand.quantity', demand.annualQuantity !== null],
    ['supply.months', supply.monthsAvailable !== null],
    ['demand.months', demand.monthsAvailable !== null],
    ['supply.currentFate', supply.currentFate !== null],
  ];
  if (rule.conditions.minTemperatureC != null || rule.conditions.temperatureMarginC != null)
    needed.push(['supply.temperature', supply.quality.temperatureC !== undefined]);
  if (rule.conditions.temperatureMarginC != null) needed.push(['demand.temperature', demand.quality.temperatureC !== undefined]);
  if (rule.conditions.purityGrades && rule.conditions.purityGrades.length > 0)
    needed.push(['supply.purity', supply.quality.purityGrade !== undefined]);
  if ((rule.input.receiverNaf ?? []).length > 0 || (supply.hazardous && rule.conditions.hazardous === 'authorised_receiver_only'))
    needed.push(['receiver.naf', ctx.receiverNaf !== null]);
  const known = needed.filter(([, ok]) => ok).length;
  const missing = needed.filter(([, ok]) => !ok).map(([name]) => name);
  const share = known / needed.length;
  return {
    status: missing.length === 0 ? 'passed' : 'unknown',
    detail:
      missing.length === 0
        ? { fr: 'Toutes les données utiles sont déclarées.', en: 'All the data needed is declared.' }
        : {
            fr: `${known} données utiles sur ${needed.length} déclarées ; manquent : ${missing.join(', ')}.`,
            en: `${known} of ${needed.length} needed data declared; missing: ${missing.join(', ')}.`,
          },
    values: { share, known, needed: needed.length, missing: missing.join(',') },
  };
}

export function runChecks(ctx: CheckContext): Record<CheckName, Check> {
  return {
    quantity: quantityCheck(ctx),
    months: monthsCheck(ctx),
    temperature: temperatureCheck(ctx),
    quality: qualityCheck(ctx),
    receiver: receiverCheck(ctx),
    hazardous: hazardousCheck(ctx),
    regulatory: regulatoryCheck(ctx),
    distance: distanceCheck(ctx),
    completeness: completenessCheck(ctx),
  };
}

/** The hard checks that failed, in a fixed order: why a candidate is rejected. */
export function failedHardChecks(checks: Record<CheckName, Check>): CheckName[] {
  const failed = HARD_CHECKS.filter((name) => checks[name].status === 'failed');
  if (checks.distance.status === 'failed') failed.push('distance');
  return failed;
}
