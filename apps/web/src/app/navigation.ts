/**
 * The sections of a territory's navigation. `main.tsx` gives them once, from the modules' list,
 * before the first render; the layout reads them here (so that the layout, which every page
 * uses, does not import the pages through the modules' list).
 */
import type { Section } from './module.js';

let current: readonly Section[] = [];

export function setSections(sections: readonly Section[]): void {
  current = [...sections].sort((a, b) => a.order - b.order);
}

/** The sections in their order. */
export function sections(): readonly Section[] {
  return current;
}
