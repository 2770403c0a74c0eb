/**
 * Typed loaders of the reference data, and the `ReferenceCatalog` that the engine's checks use.
 * Each table is read once, on first use.
 */
import type {
  CompatibilityRule,
  LatLon,
  Period,
  PeriodDefinition,
  ReferenceLookup,
  ResourceClass,
  TerritoryLevel,
  UnitDefinition,
  WasteCodeEntry,
} from '@boucles/engine';
import { dataPath, dependencyPath, readJson } from './files.js';
import type {
  Commune,
  Departement,
  Epci,
  HeadcountBand,
  NafEntry,
  NafSection,
  Region,
  ResourceTaxonomyFile,
  Source,
  UnitsFile,
  WasteEntry,
  WasteListFile,
  WasteOperation,
} from './types.js';

function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  let loaded = false;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}

export const loadUnits = lazy(() => readJson(dataPath('units.json')) as UnitsFile);

export const loadHeadcountBands = lazy(
  () => readJson(dataPath('headcount-bands.json')) as { version: string; sources: Source[]; entries: HeadcountBand[] },
);

export const loadNafSections = lazy(
  () => readJson(dataPath('naf-sections.json')) as { version: string; sources: Source[]; sections: NafSection[] },
);

function nafLevel(code: string): NafEntry['level'] {
  if (/^\d{2}$/.test(code)) return 'division';
  if (/^\d{2}\.\d$/.test(code)) return 'group';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'class';
  return 'subclass';
}

/** NAF rév. 2: the 21 sections and the 1,707 divisions, groups, classes and sub-classes. */
export const loadNaf = lazy((): NafEntry[] => {
  const { sections } = loadNafSections();
  const sectionOf = (division: string): string => {
    const s = sections.find((x) => division >= x.divisions[0] && division <= x.divisions[1]);
    if (!s) throw new Error(`NAF division ${division} has no section`);
    return s.code;
  };
  const rows = readJson(dependencyPath('@socialgouv/codes-naf/index.json')) as { id: string; label: string }[];
  return [
    ...sections.map((s): NafEntry => ({ code: s.code, labelFr: s.labelFr, level: 'section', section: s.code })),
    ...rows.map((r): NafEntry => ({ code: r.id, labelFr: r.label, level: nafLevel(r.id), section: sectionOf(r.id.slice(0, 2)) })),
  ];
});

export const loadWasteList = lazy(() => readJson(dataPath('european-list-of-waste.json')) as WasteListFile);

export const loadWasteOperations = lazy(
  () => readJson(dataPath('waste-operations.json')) as { version: string; sources: Source[]; entries: WasteOperation[] },
);

/** A reference point per commune (COG 2026 codes), from La Poste's base of postal codes. */
export const loadCommunePositions = lazy(
  () =>
    readJson(dataPath('commune-positions.json')) as {
      version: string;
      sources: Source[];
      positions: Record<string, [number, number]>;
      missing?: string[];
    },
);

export const loadSiteDistance = lazy(
  () => readJson(dataPath('site-distance.json')) as { sources: Source[]; maxKmFromCommunePoint: number; estimate: boolean },
);

/** The compatibility rules of substitution synergies (which output can feed which input). */
export const loadCompatibilityRules = lazy(
  () => readJson(dataPath('compatibility-rules.json')) as { version: string; sources: Source[]; rules: CompatibilityRule[] },
);

export const loadResourceTaxonomy = lazy(() => readJson(dataPath('resource-taxonomy.json')) as ResourceTaxonomyFile);

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
}

/** Current communes and municipal arrondissements of the COG (34,969 + 45 in COG 2026). */
export const loadCommunes = lazy((): Commune[] =>
  (readJson(dependencyPath('@etalab/decoupage-administratif/data/communes.json')) as RawCommune[])
    .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
    .map((c) => ({
      code: c.code,
      name: c.nom,
      departement: c.departement ?? '',
      region: c.region ?? '',
      type: c.type as Commune['type'],
      postalCodes: c.codesPostaux ?? [],
      population: c.population ?? null,
    })),
);

export const loadEpci = lazy((): Epci[] =>
  (
    readJson(dependencyPath('@etalab/decoupage-administratif/data/epci.json')) as {
      code: string;
      nom: string;
      type: string;
      membres: { code: string }[];
    }[]
  ).map((e) => ({ code: e.code, name: e.nom, type: e.type, members: e.membres.map((m) => m.code) })),
);

export const loadDepartements = lazy((): Departement[] =>
  (
    readJson(dependencyPath('@etalab/decoupage-administratif/data/departements.json')) as { code: string; nom: string; region: string }[]
  ).map((d) => ({ code: d.code, name: d.nom, region: d.region })),
);

export const loadRegions = lazy((): Region[] =>
  (readJson(dependencyPath('@etalab/decoupage-administratif/data/regions.json')) as { code: string; nom: string }[]).map((r) => ({
    code: r.code,
    name: r.nom,
  })),
);

function indexBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  return new Map(rows.map((r) => [key(r), r]));
}

/** All reference tables behind the engine's `ReferenceLookup`, indexed for constant-time checks. */
export class ReferenceCatalog implements ReferenceLookup {
  private readonly units = lazy(() => indexBy(loadUnits().units, (u) => u.code));
  private readonly periods = lazy(() => indexBy(loadUnits().periods, (p) => p.code));
  private readonly naf = lazy(() => indexBy(loadNaf(), (n) => n.code));
  private readonly waste = lazy(() => indexBy(loadWasteList().entries, (w) => w.code));
  private readonly resources = lazy(() => indexBy(loadResourceTaxonomy().entries, (r) => r.code));
  private readonly operations = lazy(() => indexBy(loadWasteOperations().entries, (o) => o.code));
  private readonly bands = lazy(() => indexBy(loadHeadcountBands().entries, (b) => b.code));
  private readonly communes = lazy(() => indexBy(loadCommunes(), (c) => c.code));
  private readonly epci = lazy(() => indexBy(loadEpci(), (e) => e.code));
  private readonly communesByDepartement = lazy(() => groupCodes(loadCommunes(), (c) => c.departement));
  private readonly communesByRegion = lazy(() => groupCodes(loadCommunes(), (c) => c.region));

  unit(code: string): UnitDefinition | undefined {
    return this.units().get(code);
  }
  period(code: Period): PeriodDefinition | undefined {
    return this.periods().get(code);
  }
  nafCode(code: string): { code: string; label: string } | undefined {
    const n = this.naf().get(code);
    return n && n.level === 'subclass' ? { code: n.code, label: n.labelFr } : undefined;
  }
  nafEntry(code: string): NafEntry | undefined {
    return this.naf().get(code);
  }
  wasteCode(code: string): WasteCodeEntry | undefined {
    return this.waste().get(code);
  }
  wasteEntry(code: string): WasteEntry | undefined {
    return this.waste().get(code);
  }
  resource(code: string): ResourceClass | undefined {
    return this.resources().get(code);
  }
  wasteOperation(code: string): WasteOperation | undefined {
    return this.operations().get(code);
  }
  headcountBand(code: string): HeadcountBand | undefined {
    return this.bands().get(code);
  }
  commune(code: string): Commune | undefined {
    return this.communes().get(code);
  }
  territoryCommunes(level: TerritoryLevel, code: string): readonly string[] | undefined {
    switch (level) {
      case 'commune':
        return this.communes().has(code) ? [code] : undefined;
      case 'epci':
        return this.epci().get(code)?.members;
      case 'departement':
        return this.communesByDepartement().get(code);
      case 'region':
        return this.communesByRegion().get(code);
      case 'custom':
        return undefined;
    }
  }
  communePosition(code: string): LatLon | undefined {
    const p = loadCommunePositions().positions[code];
    return p ? { lat: p[0], lon: p[1] } : undefined;
  }
  /** Checked in metropolitan France only: overseas communes are far larger. */
  siteDistanceLimitKm(code: string): number | undefined {
    const departement = this.communes().get(code)?.departement ?? '';
    return departement.length === 2 ? loadSiteDistance().maxKmFromCommunePoint : undefined;
  }
  /** The official name of an administrative territory, when the COG knows it. */
  territoryName(level: TerritoryLevel, code: string): string | undefined {
    switch (level) {
      case 'commune':
        return this.communes().get(code)?.name;
      case 'epci':
        return this.epci().get(code)?.name;
      case 'departement':
        return loadDepartements().find((d) => d.code === code)?.name;
      case 'region':
        return loadRegions().find((r) => r.code === code)?.name;
      case 'custom':
        return undefined;
    }
  }
}

function groupCodes(rows: readonly Commune[], key: (c: Commune) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r.code);
    else out.set(k, [r.code]);
  }
  return out;
}
