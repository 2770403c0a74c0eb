/**
 * The life of a synergy in follow-up: its statuses in order, the transitions allowed between them,
 * the time stamp of each step, and the reasons for abandoning one. Pure rules: the server's
 * follow-up module stores cases and checks who may change them.
 */
import type { Bilingual } from '../i18n.js';

export const SYNERGY_STATUSES = ['detected', 'proposed', 'in_discussion', 'being_implemented', 'implemented', 'abandoned'] as const;
export type SynergyStatus = (typeof SYNERGY_STATUSES)[number];

export const ABANDON_REASONS = ['regulation', 'cost', 'quantity', 'quality', 'distance', 'timing', 'trust', 'other'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

/** The steps of a synergy in order; `abandoned` may follow any open one. */
export const SYNERGY_STEPS = ['detected', 'proposed', 'in_discussion', 'being_implemented', 'implemented'] as const;
export type SynergyStep = (typeof SYNERGY_STEPS)[number];

export const STEP_INDEX: Readonly<Record<SynergyStep, number>> = {
  detected: 0,
  proposed: 1,
  in_discussion: 2,
  being_implemented: 3,
  implemented: 4,
};

/** The time stamp that records when a case reached each step (none for detection). */
export const STEP_STAMP: Readonly<Record<SynergyStep, StepStamp | null>> = {
  detected: null,
  proposed: 'proposedAt',
  in_discussion: 'discussionAt',
  being_implemented: 'implementationStartedAt',
  implemented: 'implementedAt',
};
export type StepStamp = 'proposedAt' | 'discussionAt' | 'implementationStartedAt' | 'implementedAt';
export type StepStamps = Record<StepStamp, string | null>;

/** The statuses as users read them, for messages. */
export const STATUS_LABELS: Readonly<Record<SynergyStatus, Bilingual>> = {
  detected: { fr: 'détectée', en: 'detected' },
  proposed: { fr: 'proposée', en: 'proposed' },
  in_discussion: { fr: 'en discussion', en: 'in discussion' },
  being_implemented: { fr: 'en cours de mise en œuvre', en: 'being implemented' },
  implemented: { fr: 'mise en œuvre', en: 'implemented' },
  abandoned: { fr: 'abandonnée', en: 'abandoned' },
};

/** Why a case may not go from one status to another; null when it may. */
export function transitionError(from: SynergyStatus, to: SynergyStatus): Bilingual | null {
  if (from === to) return null;
  if (from === 'abandoned') {
    return to === 'proposed'
      ? null
      : {
          fr: 'une synergie abandonnée ne peut être rouverte qu’au statut « proposée »',
          en: 'an abandoned synergy can only be reopened as proposed',
        };
  }
  if (from === 'implemented')
    return { fr: 'une synergie mise en œuvre ne change plus de statut', en: 'an implemented synergy does not change status any more' };
  if (to === 'abandoned') return null;
  if (STEP_INDEX[to] > STEP_INDEX[from]) return null;
  return {
    fr: `retour en arrière impossible : de « ${STATUS_LABELS[from].fr} » à « ${STATUS_LABELS[to].fr} »`,
    en: `cannot go back from ${STATUS_LABELS[from].en} to ${STATUS_LABELS[to].en}`,
  };
}

/** Sets the time of every step after the step of index `from` up to `to` that has none yet. */
export function stampSteps(state: StepStamps, from: number, to: SynergyStep, now: string): void {
  for (const step of SYNERGY_STEPS) {
    const column = STEP_STAMP[step];
    if (column && STEP_INDEX[step] > from && STEP_INDEX[step] <= STEP_INDEX[to]) state[column] ??= now;
  }
}

/** The furthest step a case reached, from its status or, once abandoned, from its step times. */
export function furthestStep(stamps: StepStamps | undefined, status: SynergyStatus): SynergyStep {
  if (status !== 'abandoned') return status;
  if (!stamps) return 'detected';
  if (stamps.implementedAt) return 'implemented';
  if (stamps.implementationStartedAt) return 'being_implemented';
  if (stamps.discussionAt) return 'in_discussion';
  if (stamps.proposedAt) return 'proposed';
  return 'detected';
}

/** The two parties of a synergy. */
export const SIDES = ['supplier', 'receiver'] as const;
export type Side = (typeof SIDES)[number];
