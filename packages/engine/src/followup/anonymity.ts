/**
 * How the follow-up describes a party that has not consented to be named: by the kind of
 * organisation, its sector of activity at a level that does not identify it, and a rounded
 * distance, never by anything that names or locates it.
 */
import type { Bilingual } from '../i18n.js';
import type { ActorKind } from '../model.js';

/** A distance that does not pinpoint a site: the nearest km under 10 km, the nearest 5 km above. */
export function roundedDistanceKm(km: number): number {
  if (!Number.isFinite(km) || km < 0) return 0;
  if (km < 10) return Math.max(1, Math.round(km));
  return Math.max(10, Math.round(km / 5) * 5);
}

const NOUNS: Readonly<Record<ActorKind, Bilingual>> = {
  company: { fr: 'une entreprise', en: 'a company' },
  ess: { fr: "une structure de l'économie sociale et solidaire", en: 'a social-economy organisation' },
  public_body: { fr: 'un organisme public', en: 'a public body' },
  association: { fr: 'une association', en: 'an association' },
  farm: { fr: 'une exploitation agricole', en: 'a farm' },
  other: { fr: 'une organisation', en: 'an organisation' },
};

/**
 * "une entreprise du secteur « Industries alimentaires » à environ 4 km": the kind of organisation
 * (`other` when unknown), its activity (the caller gives it at NAF division or section level, or
 * none), and the rounded distance.
 */
export function anonymousDescription(kind: ActorKind | undefined, activity: Bilingual | undefined, distanceKm: number): Bilingual {
  const noun = NOUNS[kind ?? 'other'];
  const km = roundedDistanceKm(distanceKm);
  const near = distanceKm < 1;
  const fr = `${noun.fr}${activity ? ` du secteur « ${activity.fr} »` : ''} ${near ? 'à moins de 1 km' : `à environ ${km} km`}`;
  const en = `${noun.en}${activity ? ` in the “${activity.en}” sector` : ''} ${near ? 'less than 1 km away' : `about ${km} km away`}`;
  return { fr, en };
}
