/**
 * The parameters of mutualisation synergies (pooling): radius per need category, minimum group
 * size, small-stream thresholds by resource class and saving figures, each with its sources or
 * marked as an estimate with a rationale. The file's shape is a superset of the engine's
 * `MutualisationParameters`: it can be passed to `findMutualisations` as it is.
 */
import { dataPath, readJson } from './files.js';
import type { Source } from './types.js';

export interface MutualisationSource extends Source {
  /** What the figures below refer to in their `sources`. */
  key: string;
}

export interface MutualisationBilingual {
  fr: string;
  en: string;
}

/** Why a figure has the value it has. */
export interface MutualisationNote {
  estimate: boolean;
  /** Keys into the file's `sources`; empty for a convention of ours (then `estimate` is true). */
  sources: string[];
  rationale: MutualisationBilingual;
}

export interface MutualisationFigureEntry extends MutualisationNote {
  /** Null when no sourced figure exists ("to be sourced"): the engine then leaves the saving null. */
  value: number | null;
}

export interface MutualisationSavingEntry {
  method: MutualisationBilingual;
  costReductionRate: MutualisationFigureEntry;
}

export interface MutualisationCategoryEntry {
  radiusKm: number;
  radiusNote: MutualisationNote;
  saving: MutualisationSavingEntry;
}

export interface SmallStreamThresholdEntry extends MutualisationNote {
  /** A code of the resource taxonomy: the class and its sub-classes (unless one has its own line). */
  resourceCode: string;
  maxAnnualQuantity: number;
  /** The base unit of the class's dimension (`t` for mass): compared with the flow's annual quantity. */
  unit: string;
  /** How the figure was worked out, when it was (e.g. a volume line turned into mass). */
  derivation?: Record<string, number>;
}

export type MutualisationCategory = 'waste_collection' | 'purchasing' | 'equipment' | 'service' | 'skills' | 'logistics';

export interface MutualisationParametersFile {
  id: 'mutualisation-parameters';
  version: string;
  sources: MutualisationSource[];
  minMembers: number;
  minMembersNote: MutualisationNote;
  categories: Record<MutualisationCategory, MutualisationCategoryEntry>;
  smallStreams: {
    radiusKm: number;
    radiusNote: MutualisationNote;
    thresholds: SmallStreamThresholdEntry[];
    /** What has no threshold yet, and why. */
    toBeSourced: MutualisationBilingual;
    saving: MutualisationSavingEntry;
  };
}

let cached: MutualisationParametersFile | undefined;

/** The mutualisation parameters (data/mutualisation-parameters.json), read once on first use. */
export function loadMutualisationParameters(): MutualisationParametersFile {
  cached ??= readJson(dataPath('mutualisation-parameters.json')) as MutualisationParametersFile;
  return cached;
}
