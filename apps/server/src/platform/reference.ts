import type { ReferenceLookup, Territory, UnitTable } from '@boucles/engine';

/** The reference data services read: resource classes, units, and the names of official territories. */
export type Reference = ReferenceLookup & UnitTable & { territoryName(level: Territory['level'], code: string): string | undefined };
