import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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
