/**
 * Labels from the reference data files the engine uses (packages/reference-data/data), bundled with
 * the app: the names of the compatibility rules and of the resource classes, and the sources of
 * the mutualisation parameters. An analysis run with other rules (sent with the request) may name
 * rules unknown here: their ID is shown instead.
 */
import rulesFile from '../../../../../../packages/reference-data/data/compatibility-rules.json';
import taxonomy from '../../../../../../packages/reference-data/data/resource-taxonomy.json';
import mutualisationParameters from '../../../../../../packages/reference-data/data/mutualisation-parameters.json';
import { language } from '../../../app/i18n/index.js';

const rules = new Map(rulesFile.rules.map((r) => [r.id, { fr: r.labelFr, en: r.labelEn }]));
const resources = new Map(taxonomy.entries.map((e) => [e.code, { fr: e.labelFr, en: e.labelEn }]));
const mutualisationSources = new Map(mutualisationParameters.sources.map((s) => [s.key, { title: s.title, url: s.url }]));

/** The rule's label in the current language, or its ID when the rule is not a built-in one. */
export function ruleLabel(id: string): string {
  return rules.get(id)?.[language.value] ?? id;
}

/** The resource class's label in the current language, or its code when unknown. */
export function resourceLabel(code: string): string {
  return resources.get(code)?.[language.value] ?? code;
}

/** A source of the mutualisation parameters file, by its key. */
export function mutualisationSource(key: string): { title: string; url: string } | undefined {
  return mutualisationSources.get(key);
}
