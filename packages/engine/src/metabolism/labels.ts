/** French and English names of the layers, families, origins and destinations (for tables, charts and reports). */
import type { Bilingual } from '../i18n.js';
import type { Destination, Family, Layer, Origin } from './types.js';

export const LAYER_LABELS: Readonly<Record<Layer, Bilingual>> = {
  material: { fr: 'Matières', en: 'Materials' },
  energy: { fr: 'Énergie', en: 'Energy' },
  water: { fr: 'Eau', en: 'Water' },
};

export const FAMILY_LABELS: Readonly<Record<Family, Bilingual>> = {
  agrifood: { fr: 'Produits agricoles et agroalimentaires', en: 'Agricultural and agrifood products' },
  construction_minerals: {
    fr: 'Matières premières (métaux…) et matériaux de construction',
    en: 'Raw materials (metals…) and construction materials',
  },
  energy_carriers: { fr: 'Matières et vecteurs énergétiques', en: 'Energy carriers' },
  manufactured: { fr: 'Autres biens manufacturés', en: 'Other manufactured goods' },
  wastes: { fr: 'Déchets et sous-produits', en: 'Wastes and by-products' },
};

export const ORIGIN_LABELS: Readonly<Record<Origin, Bilingual>> = {
  local: { fr: 'Local (territoire)', en: 'Local (territory)' },
  external: { fr: 'Extérieur au territoire', en: 'Outside the territory' },
  unknown: { fr: 'Origine inconnue', en: 'Unknown origin' },
};

export const DESTINATION_LABELS: Readonly<Record<Destination, Bilingual>> = {
  recovery_inside: { fr: 'Valorisé sur le territoire', en: 'Recovered inside the territory' },
  recovery_outside: { fr: 'Valorisé hors du territoire', en: 'Recovered outside the territory' },
  recovery_place_unknown: { fr: 'Valorisé, lieu inconnu', en: 'Recovered, place unknown' },
  incineration: { fr: 'Incinération sans valorisation', en: 'Incineration without recovery' },
  landfill: { fr: 'Stockage (enfouissement)', en: 'Landfill' },
  other: { fr: 'Autre devenir', en: 'Other fate' },
  unknown: { fr: 'Devenir inconnu', en: 'Unknown fate' },
};
