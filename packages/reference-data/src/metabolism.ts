/**
 * The families of the territorial metabolism (flow accounts): agriculture and agrifood,
 * construction materials and minerals, energy carriers, other manufactured goods, wastes. The
 * file maps every code of the resource taxonomy to one family by prefix, the most specific prefix
 * winning, and states the rule that sends an outgoing waste to the Wastes family.
 */
import { dataPath, readJson } from './files.js';
import type { Source } from './types.js';

export type MetabolismFamilyCode = 'agrifood' | 'construction_minerals' | 'energy_carriers' | 'manufactured' | 'wastes';

export interface MetabolismFamily {
  code: MetabolismFamilyCode;
  labelFr: string;
  labelEn: string;
}

export interface MetabolismPrefix {
  /** A code of the resource taxonomy: the class and its sub-classes (unless one has its own line). */
  resource: string;
  family: MetabolismFamilyCode;
  /** Why this class goes to this family, when it is not obvious. */
  note?: string;
}

export interface MetabolismFamiliesFile {
  id: 'metabolism-families';
  version: string;
  sources: Source[];
  families: MetabolismFamily[];
  prefixes: MetabolismPrefix[];
  /** How an outgoing flow's family is decided (a waste code or a current fate: Wastes). */
  rule: { fr: string; en: string };
}

let cached: MetabolismFamiliesFile | undefined;

/** The metabolism families (data/metabolism-families.json), read once on first use. */
export function loadMetabolismFamilies(): MetabolismFamiliesFile {
  cached ??= readJson(dataPath('metabolism-families.json')) as MetabolismFamiliesFile;
  return cached;
}

/**
 * The family of a resource code: the family of the longest prefix that is the code itself or one
 * of its ancestors (`material.wood.clean` → the line for `material.wood`). Undefined when no line
 * covers the code. This is the family of the resource only; the rule for outgoing wastes is the
 * caller's.
 */
export function metabolismFamilyOf(
  resourceCode: string,
  file: MetabolismFamiliesFile = loadMetabolismFamilies(),
): MetabolismFamilyCode | undefined {
  let best: MetabolismPrefix | undefined;
  for (const p of file.prefixes) {
    if ((resourceCode === p.resource || resourceCode.startsWith(`${p.resource}.`)) && (!best || p.resource.length > best.resource.length))
      best = p;
  }
  return best?.family;
}
