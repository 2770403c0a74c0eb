/**
 * The rules of statistical disclosure control ("secret statistique") for the aggregates shown to
 * readers and API keys: the minimum number of distinct actors behind a figure, and the dominance
 * share, each with its source. The file's shape is a superset of the engine's `DisclosureControl`:
 * it can be passed to `discloseMetabolism` and `discloseInterdependencies` as it is.
 */
import { checkDisclosureControl, type Bilingual, type DisclosureControl } from '@boucles/engine';
import { dataPath, readJson } from './files.js';
import type { Source } from './types.js';

export interface DisclosureSource extends Source {
  /** What the rules below refer to in their `sources`. */
  key: string;
}

/** Why a rule has the value it has. */
export interface DisclosureNote {
  estimate: boolean;
  /** Keys into the file's `sources`; empty for a convention of ours (then `estimate` is true). */
  sources: string[];
  rationale: Bilingual;
}

export interface DisclosureControlFile extends DisclosureControl {
  id: 'disclosure-control';
  version: string;
  sources: DisclosureSource[];
  minActors: number;
  minActorsNote: DisclosureNote;
  /** null: no dominance rule (none could be sourced). */
  dominance: ({ share: number } & DisclosureNote) | null;
}

let cached: DisclosureControlFile | undefined;

/** The disclosure-control rules (data/disclosure-control.json), read and checked once on first use. */
export function loadDisclosureControl(): DisclosureControlFile {
  if (!cached) {
    const file = readJson(dataPath('disclosure-control.json')) as DisclosureControlFile;
    checkDisclosureControl(file);
    cached = file;
  }
  return cached;
}
