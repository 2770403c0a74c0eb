import type { PeriodDefinition, ResourceClass, UnitDefinition } from '@boucles/engine';

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
