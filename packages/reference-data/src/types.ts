import type { Bilingual, FateMode, PeriodDefinition, ResourceClass, UnitDefinition } from '@boucles/engine';

export interface Source {
  what: string;
  title: string;
  url: string;
  licence: string;
}

export interface Labelled {
  code: string;
  labelFr: string;
  labelEn: string;
}

export interface UnitsFile {
  id: 'units';
  version: string;
  sources: Source[];
  units: UnitDefinition[];
  periods: (PeriodDefinition & { labelFr: string; labelEn: string })[];
}

export interface HeadcountBand extends Labelled {
  min: number | null;
  max: number | null;
}

export interface NafSection extends Labelled {
  divisions: [string, string];
}

export interface NafEntry {
  code: string;
  labelFr: string;
  level: 'section' | 'division' | 'group' | 'class' | 'subclass';
  section: string;
}

export interface WasteChapter extends Labelled {
  labelFr: string;
}

export interface WasteEntry {
  code: string;
  chapter: string;
  subChapter: string;
  labelFr: string | null;
  labelEn: string;
  hazardous: boolean;
  entryType?: 'absolute-hazardous' | 'mirror-hazardous' | 'mirror-non-hazardous' | 'absolute-non-hazardous';
}

export interface WasteListFile {
  id: 'european-list-of-waste';
  version: string;
  sources: Source[];
  chapters: { code: string; labelFr: string | null; labelEn: string }[];
  subChapters: { code: string; chapter: string; labelFr: string | null; labelEn: string }[];
  entries: WasteEntry[];
}

export interface WasteOperation {
  code: string;
  kind: 'recovery' | 'disposal';
  labelFr: string;
  /** Null for R0 (reuse), a French convention with no English legal label. */
  labelEn: string | null;
  hierarchy: string;
}

export interface ResourceTaxonomyFile {
  id: 'resource-taxonomy';
  version: string;
  sources: Source[];
  entries: (ResourceClass & { note?: string })[];
}

export interface Commune {
  code: string;
  name: string;
  departement: string;
  region: string;
  type: 'commune-actuelle' | 'arrondissement-municipal';
  postalCodes: string[];
  population: number | null;
}

export interface Epci {
  code: string;
  name: string;
  type: string;
  members: string[];
}

export interface Departement {
  code: string;
  name: string;
  region: string;
}

export interface Region {
  code: string;
  name: string;
}

/** A source of `impact-factors.json`, named by the key its figures cite. */
export interface ImpactSource extends Source {
  key: string;
}

/**
 * How a figure of `impact-factors.json` was obtained: read from a source, computed from sourced
 * figures, set by Boucles as a convention (always an estimate with a rationale), or still missing
 * (its value is then null).
 */
export type ImpactStatus = 'sourced' | 'derived' | 'convention' | 'to_be_sourced';

/** A component figure of a CO2e factor, with its Base Carbone element ID when it has one. */
export interface ImpactComponent {
  label: string;
  baseCarboneId: string | null;
  value: number;
  unit: string;
}

/**
 * CO2e avoided per base unit of the resource given (t, MWh, m3 or unit), for a synergy that
 * performs `mode`. Matched by `mode` and by the most specific taxonomy prefix of the output
 * resource.
 */
export interface Co2Factor {
  resource: string;
  mode: FateMode;
  kgCo2ePerUnit: number | null;
  unit: 't' | 'MWh' | 'm3' | 'unit';
  method: Bilingual;
  factors: ImpactComponent[];
  /** A key of `sources`; null when the factor is still to be sourced. */
  source: string | null;
  estimate: boolean;
  status: ImpactStatus;
  rationale?: Bilingual;
  /** Computed as the balance of the baseline end-of-life line minus that of the scenario line. */
  derivedFrom?: { baseline: { resource: string; mode: FateMode }; scenario: { resource: string; mode: FateMode } };
  /** `heat`: (1000 / boilerEfficiency) × gas − pumping × electricity, from the `heat` parameters. */
  formula?: 'heat';
}

/** A Base Carbone end-of-life line, in kgCO2e per tonne of waste; avoided emissions are negative. */
export interface EndOfLifeLine {
  resource: string;
  mode: FateMode;
  label: Bilingual;
  impacts: number;
  avoided: number | null;
  baseCarboneIds: { impacts: string | null; avoided: string | null } | null;
  source: string;
}

/** A single figure with its provenance. */
export interface ImpactParameter {
  value: number | null;
  unit: string;
  source: string | null;
  estimate: boolean;
  status: ImpactStatus;
  baseCarboneId?: string;
  note?: Bilingual;
  rationale?: Bilingual;
  components?: Record<string, ImpactParameter>;
}

/** Direct jobs per 1,000 t handled a year by a treatment mode. */
export interface JobRatio {
  mode: FateMode;
  perKiloTonne: number | null;
  scope: 'direct';
  source: string | null;
  estimate: boolean;
  status: ImpactStatus;
  note: Bilingual;
  alternatives?: { value: number; source: string; label: Bilingual }[];
}

export interface ImpactFactors {
  id: 'impact-factors';
  version: string;
  note: string;
  sources: ImpactSource[];
  co2: Co2Factor[];
  endOfLife: EndOfLifeLine[];
  endOfLifeNote: Bilingual;
  transport: {
    kgCo2ePerTonneKm: ImpactParameter;
    eurPerTonneKm: ImpactParameter;
    /** Road distance over great-circle distance. */
    detourFactor: ImpactParameter;
  };
  heat: {
    boilerEfficiency: ImpactParameter;
    gasKgCo2ePerKWh: ImpactParameter;
    electricityKgCo2ePerKWh: ImpactParameter;
    pumpingKWhPerMWh: ImpactParameter;
  };
  jobs: JobRatio[];
  jobsNote: Bilingual;
  /** The treatment mode a synergy of each compatibility-rule family performs. */
  familyModes: Record<string, FateMode>;
  /** Rules whose mode differs from their family's. */
  ruleModes: Record<string, { mode: FateMode; rationale: Bilingual }>;
  familyModesNote: Bilingual;
}
