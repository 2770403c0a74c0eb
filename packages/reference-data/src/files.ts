import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ImpactFactors } from './types.js';

const require = createRequire(import.meta.url);

/** Absolute path of a file of this package's `data/` folder. */
export function dataPath(name: string): string {
  return fileURLToPath(new URL(`../data/${name}`, import.meta.url));
}

/** Absolute path of a file of this package's `demo/` folder. */
export function demoPath(name: string): string {
  return fileURLToPath(new URL(`../demo/${name}`, import.meta.url));
}

/** Absolute path of a file shipped by an npm dependency. */
export function dependencyPath(specifier: string): string {
  return require.resolve(specifier);
}

export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw new Error(`cannot read reference file ${path}: ${(e as Error).message}`, { cause: e });
  }
}

let impactFactors: ImpactFactors | undefined;

/**
 * CO2e factors, transport and heat parameters, job ratios and the mode of each compatibility-rule
 * family, for the impact accounting of synergies. Read once, on first use.
 */
export function loadImpactFactors(): ImpactFactors {
  impactFactors ??= readJson(dataPath('impact-factors.json')) as ImpactFactors;
  return impactFactors;
}
