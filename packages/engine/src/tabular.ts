/**
 * The spreadsheet layout of a territory (workbook `territoire.xlsx` or one CSV file per sheet):
 * sheets `acteurs`, `sites`, `flux`, `besoins`, French column headers, French values for the
 * enumerations. A row becomes an element of the territory document (and back, for exports), so
 * spreadsheets go through exactly the same checks as JSON documents. Pure: cells in, data out.
 */
import type * as z from 'zod';
import type { Bilingual } from './i18n.js';
import type { documentActorSchema } from './records/actor.js';
import type { rowFlowSchema } from './records/flow.js';
import type { rowNeedSchema } from './records/need.js';
import type { documentSiteSchema } from './records/site.js';
import type { ValidationIssue } from './validation.js';

export const TABULAR_FORMAT_VERSION = 1;

/** A cell as the readers hand it over: formulas already replaced by their cached result. */
export type Cell = string | number | boolean | null;

export type ColumnType = 'text' | 'number' | 'integer' | 'boolean' | 'enum' | 'months' | 'digits';

export interface EnumValue {
  code: string;
  fr: string;
}

export interface ColumnSpec<P extends string = string> {
  header: string;
  /** Where the value goes in the document element, e.g. `quantity.value`. */
  path: P;
  type: ColumnType;
  required: boolean;
  values?: readonly EnumValue[];
  help: Bilingual;
  example: Cell;
}

export type SheetName = 'acteurs' | 'sites' | 'flux' | 'besoins';
export type Collection = 'actors' | 'sites' | 'flows' | 'needs';

export interface SheetSpec {
  name: SheetName;
  collection: Collection;
  columns: readonly ColumnSpec[];
}

const e = (code: string, fr: string): EnumValue => ({ code, fr });

export const KIND_VALUES = [
  e('company', 'entreprise'),
  e('ess', 'structure_ess'),
  e('public_body', 'organisme_public'),
  e('association', 'association'),
  e('farm', 'exploitation_agricole'),
  e('other', 'autre'),
] as const;
export const DIRECTION_VALUES = [e('output', 'sortant'), e('input', 'entrant')] as const;
export const PERIOD_VALUES = [e('year', 'an'), e('month', 'mois'), e('week', 'semaine'), e('day', 'jour'), e('once', 'ponctuel')] as const;
export const FATE_VALUES = [
  e('landfill', 'enfouissement'),
  e('incineration', 'incineration'),
  e('energy_recovery', 'valorisation_energetique'),
  e('recycling', 'recyclage'),
  e('reuse', 'reemploi'),
  e('composting', 'compostage'),
  e('anaerobic_digestion', 'methanisation'),
  e('spreading', 'epandage'),
  e('other', 'autre'),
] as const;
export const PURITY_VALUES = [e('high', 'haute'), e('medium', 'moyenne'), e('low', 'basse')] as const;
export const COST_BASE_VALUES = [e('unit-of-quantity', 'par_unite'), e('period', 'par_periode')] as const;
export const COST_KIND_VALUES = [e('cost', 'cout'), e('price', 'prix')] as const;
export const CONFIDENTIALITY_VALUES = [e('public', 'public'), e('territory', 'territoire'), e('private', 'prive')] as const;
export const NEED_CATEGORY_VALUES = [
  e('waste_collection', 'collecte_dechets'),
  e('purchasing', 'achats'),
  e('equipment', 'equipement'),
  e('service', 'service'),
  e('skills', 'competences'),
  e('logistics', 'logistique'),
] as const;

const b = (fr: string, en: string): Bilingual => ({ fr, en });

/** A path into an element of type E: one of its fields, or a field inside one (`quantity.value`). */
type FieldPath<E> = Extract<keyof E, string> | `${Extract<keyof E, string>}.${string}`;
type Head<P extends string> = P extends `${infer H}.${string}` ? H : P;
/** The fields of E no column fills. */
type Uncovered<E, C extends readonly ColumnSpec[]> = Exclude<keyof E, Head<C[number]['path']>>;

/**
 * The columns of a sheet whose rows become elements of type E (a record's document element):
 * every column's path starts with a field of E, and every field of E has a column. A field added
 * to a record is a compile error here until its columns are written.
 */
function columnsFor<E>() {
  return <const C extends readonly ColumnSpec<FieldPath<E>>[]>(
    columns: C & ([Uncovered<E, C>] extends [never] ? unknown : { missingColumnsFor: Uncovered<E, C> }),
  ): C => columns;
}

const quantityColumns = (example: readonly [number, string, string]) =>
  [
    {
      header: 'quantite',
      path: 'quantity.value',
      type: 'number',
      required: false,
      help: b('Quantité, nombre positif (virgule décimale acceptée)', 'Quantity, a positive number'),
      example: example[0],
    },
    {
      header: 'unite',
      path: 'quantity.unit',
      type: 'text',
      required: false,
      help: b('Unité : t, kg, MWh, kWh, GWh, GJ, m3, L, unit, h', 'Unit: t, kg, MWh, kWh, GWh, GJ, m3, L, unit, h'),
      example: example[1],
    },
    {
      header: 'periode',
      path: 'quantity.period',
      type: 'enum',
      values: PERIOD_VALUES,
      required: false,
      help: b('Période de la quantité : an, mois, semaine, jour, ponctuel', 'Period of the quantity: year, month, week, day, once'),
      example: example[2],
    },
  ] as const satisfies readonly ColumnSpec<`quantity.${string}`>[];

export const SHEETS: readonly SheetSpec[] = [
  {
    name: 'acteurs',
    collection: 'actors',
    columns: columnsFor<z.input<typeof documentActorSchema>>()([
      {
        header: 'id_acteur',
        path: 'externalId',
        type: 'text',
        required: false,
        help: b(
          "Identifiant de l'acteur dans votre fichier ; à défaut, le SIRET sert d'identifiant",
          "Actor's ID in your file; the SIRET when absent",
        ),
        example: 'EXEMPLE-A1',
      },
      {
        header: 'siret',
        path: 'siret',
        type: 'digits',
        required: false,
        help: b('SIRET, 14 chiffres (espaces acceptés)', 'SIRET, 14 digits'),
        example: null,
      },
      {
        header: 'raison_sociale',
        path: 'name',
        type: 'text',
        required: true,
        help: b('Nom de la structure', 'Name of the organisation'),
        example: 'Scierie du Val',
      },
      {
        header: 'code_naf',
        path: 'nafCode',
        type: 'text',
        required: false,
        help: b('Code NAF rév. 2 de la sous-classe, ex. 16.10A', 'NAF rev. 2 sub-class code, e.g. 16.10A'),
        example: '16.10A',
      },
      {
        header: 'type',
        path: 'kind',
        type: 'enum',
        values: KIND_VALUES,
        required: true,
        help: b(
          'entreprise, structure_ess, organisme_public, association, exploitation_agricole, autre',
          'company, ess, public_body, association, farm, other',
        ),
        example: 'entreprise',
      },
      {
        header: 'tranche_effectif',
        path: 'headcountBand',
        type: 'digits',
        required: false,
        help: b("Tranche d'effectif INSEE : NN, 00, 01, 02, 03, 11, 12, 21, 22, 31, 32, 41, 42, 51, 52, 53", 'INSEE headcount band code'),
        example: '11',
      },
      {
        header: 'ess',
        path: 'ess',
        type: 'boolean',
        required: false,
        help: b("Structure de l'ESS : oui ou non", 'Social and solidarity economy: yes or no'),
        example: 'non',
      },
      {
        header: 'contact_nom',
        path: 'contact.name',
        type: 'text',
        required: false,
        help: b('Personne à contacter', 'Contact person'),
        example: 'Camille Martin',
      },
      {
        header: 'contact_email',
        path: 'contact.email',
        type: 'text',
        required: false,
        help: b('Courriel du contact', 'Contact e-mail'),
        example: 'contact@example.org',
      },
      {
        header: 'contact_telephone',
        path: 'contact.phone',
        type: 'text',
        required: false,
        help: b('Téléphone du contact', 'Contact phone'),
        example: '+33 3 00 00 00 00',
      },
    ]),
  },
  {
    name: 'sites',
    collection: 'sites',
    columns: columnsFor<z.input<typeof documentSiteSchema>>()([
      {
        header: 'id_site',
        path: 'externalId',
        type: 'text',
        required: true,
        help: b('Identifiant du site, unique dans le territoire', 'Site ID, unique in the territory'),
        example: 'EXEMPLE-S1',
      },
      {
        header: 'acteur',
        path: 'actorExternalId',
        type: 'text',
        required: true,
        help: b("id_acteur ou SIRET de l'acteur (feuille acteurs ou déjà connu)", "The actor's id_acteur or SIRET"),
        example: 'EXEMPLE-A1',
      },
      {
        header: 'nom',
        path: 'name',
        type: 'text',
        required: true,
        help: b('Nom du site', 'Site name'),
        example: 'Scierie — site principal',
      },
      {
        header: 'adresse',
        path: 'address',
        type: 'text',
        required: false,
        help: b('Adresse postale', 'Postal address'),
        example: '1 rue du Bois',
      },
      {
        header: 'code_commune',
        path: 'communeCode',
        type: 'digits',
        required: true,
        help: b('Code INSEE (COG) de la commune, 5 caractères, ex. 59350', 'INSEE COG commune code'),
        example: '59350',
      },
      {
        header: 'latitude',
        path: 'location.lat',
        type: 'number',
        required: false,
        help: b('Latitude WGS84 en degrés décimaux', 'WGS84 latitude'),
        example: 50.6292,
      },
      {
        header: 'longitude',
        path: 'location.lon',
        type: 'number',
        required: false,
        help: b('Longitude WGS84 en degrés décimaux', 'WGS84 longitude'),
        example: 3.0573,
      },
      {
        header: 'x_lambert93',
        path: 'lambert93.x',
        type: 'number',
        required: false,
        help: b('X Lambert-93 en mètres (au lieu de latitude/longitude)', 'Lambert-93 X in metres (instead of lat/lon)'),
        example: null,
      },
      {
        header: 'y_lambert93',
        path: 'lambert93.y',
        type: 'number',
        required: false,
        help: b('Y Lambert-93 en mètres', 'Lambert-93 Y in metres'),
        example: null,
      },
    ]),
  },
  {
    name: 'flux',
    collection: 'flows',
    columns: columnsFor<z.input<typeof rowFlowSchema>>()([
      {
        header: 'id_flux',
        path: 'externalId',
        type: 'text',
        required: false,
        help: b(
          'Identifiant du flux ; à défaut, site + sens + ressource + libellé',
          'Flow ID; site + direction + resource + label when absent',
        ),
        example: 'EXEMPLE-F1',
      },
      {
        header: 'id_site',
        path: 'siteExternalId',
        type: 'text',
        required: true,
        help: b('Identifiant du site (feuille sites ou déjà connu)', 'Site ID'),
        example: 'EXEMPLE-S1',
      },
      {
        header: 'sens',
        path: 'direction',
        type: 'enum',
        values: DIRECTION_VALUES,
        required: true,
        help: b('sortant (ce que le site rejette ou cède) ou entrant (ce dont il a besoin)', 'output or input'),
        example: 'sortant',
      },
      {
        header: 'code_ressource',
        path: 'resourceCode',
        type: 'text',
        required: true,
        help: b('Code de la taxonomie des ressources, ex. material.wood.clean', 'Resource taxonomy code'),
        example: 'material.wood.clean',
      },
      {
        header: 'code_dechet',
        path: 'wasteCode',
        type: 'digits',
        required: false,
        help: b('Code de la liste européenne des déchets, 6 chiffres (espaces et * acceptés)', 'European List of Waste code'),
        example: '030105',
      },
      {
        header: 'libelle',
        path: 'label',
        type: 'text',
        required: true,
        help: b('Description courte du flux', 'Short description'),
        example: 'Sciure et copeaux',
      },
      ...quantityColumns([120, 't', 'an']),
      {
        header: 'mois_disponibles',
        path: 'monthsAvailable',
        type: 'months',
        required: false,
        help: b('Mois : 1-12, 1;2;3, oct-mars, janv;fev ; vide = non précisé', 'Months: 1-12, 1;2;3, oct-mar'),
        example: '1-12',
      },
      {
        header: 'temperature_c',
        path: 'quality.temperatureC',
        type: 'number',
        required: false,
        help: b('Température en °C (chaleur, vapeur, eau)', 'Temperature in °C'),
        example: null,
      },
      {
        header: 'humidite_pct',
        path: 'quality.moisturePct',
        type: 'number',
        required: false,
        help: b('Humidité en %', 'Moisture in %'),
        example: 30,
      },
      {
        header: 'purete',
        path: 'quality.purityGrade',
        type: 'enum',
        values: PURITY_VALUES,
        required: false,
        help: b('haute, moyenne ou basse', 'high, medium or low'),
        example: 'haute',
      },
      {
        header: 'dangereux',
        path: 'quality.hazardous',
        type: 'boolean',
        required: false,
        help: b('oui ou non', 'yes or no'),
        example: 'non',
      },
      {
        header: 'devenir_actuel',
        path: 'currentFate.mode',
        type: 'enum',
        values: FATE_VALUES,
        required: false,
        help: b(
          'Flux sortants : enfouissement, incineration, valorisation_energetique, recyclage, reemploi, compostage, methanisation, epandage, autre',
          'Outputs: current fate',
        ),
        example: 'valorisation_energetique',
      },
      {
        header: 'code_operation',
        path: 'currentFate.operationCode',
        type: 'text',
        required: false,
        help: b('Code R ou D du traitement actuel (R0–R13, D1–D15)', 'R/D operation code'),
        example: 'R1',
      },
      {
        header: 'devenir_local',
        path: 'currentFate.local',
        type: 'boolean',
        required: false,
        help: b('Flux sortants : valorisé sur le territoire ? oui ou non', 'Outputs: recovered inside the territory?'),
        example: 'oui',
      },
      {
        header: 'devenir_partenaire',
        path: 'currentFate.partner',
        type: 'text',
        required: false,
        help: b('Flux sortants : territoire ou lieu de destination', 'Outputs: territory or place it goes to'),
        example: null,
      },
      {
        header: 'origine_recyclee',
        path: 'currentOrigin.recycled',
        type: 'boolean',
        required: false,
        help: b('Flux entrants : matière recyclée ? oui ou non', 'Inputs: recycled?'),
        example: null,
      },
      {
        header: 'origine_locale',
        path: 'currentOrigin.local',
        type: 'boolean',
        required: false,
        help: b('Flux entrants : origine locale ? oui ou non', 'Inputs: local?'),
        example: null,
      },
      {
        header: 'origine_partenaire',
        path: 'currentOrigin.partner',
        type: 'text',
        required: false,
        help: b("Flux entrants : territoire ou lieu d'origine", 'Inputs: territory or place it comes from'),
        example: null,
      },
      {
        header: 'cout_eur',
        path: 'cost.amountEur',
        type: 'number',
        required: false,
        help: b('Coût payé ou prix reçu, en euros HT', 'Cost or price in euros'),
        example: 20,
      },
      {
        header: 'cout_base',
        path: 'cost.per',
        type: 'enum',
        values: COST_BASE_VALUES,
        required: false,
        help: b('par_unite (de la quantité) ou par_periode', 'per unit of quantity or per period'),
        example: 'par_unite',
      },
      {
        header: 'cout_nature',
        path: 'cost.kind',
        type: 'enum',
        values: COST_KIND_VALUES,
        required: false,
        help: b('cout (payé) ou prix (reçu)', 'cost (paid) or price (received)'),
        example: 'cout',
      },
      {
        header: 'confidentialite_quantite',
        path: 'confidentiality.quantity',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b('public, territoire (animateurs) ou prive', 'public, territory or private'),
        example: 'territoire',
      },
      {
        header: 'confidentialite_cout',
        path: 'confidentiality.cost',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b('public, territoire (animateurs) ou prive', 'public, territory or private'),
        example: 'prive',
      },
      {
        header: 'confidentialite_libelle',
        path: 'confidentiality.label',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b(
          'Visibilité du libellé : public, territoire ou prive (vide : valeur par défaut)',
          'Visibility of the label: public, territory or private',
        ),
        example: null,
      },
      {
        header: 'confidentialite_code_dechet',
        path: 'confidentiality.wasteCode',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b(
          'Visibilité du code déchet : public, territoire ou prive (vide : valeur par défaut)',
          'Visibility of the waste code: public, territory or private',
        ),
        example: null,
      },
      {
        header: 'confidentialite_mois',
        path: 'confidentiality.monthsAvailable',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b(
          'Visibilité des mois disponibles : public, territoire ou prive (vide : valeur par défaut)',
          'Visibility of the months: public, territory or private',
        ),
        example: null,
      },
      {
        header: 'confidentialite_qualite',
        path: 'confidentiality.quality',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b(
          'Visibilité de la qualité : public, territoire ou prive (vide : valeur par défaut)',
          'Visibility of the quality: public, territory or private',
        ),
        example: null,
      },
      {
        header: 'confidentialite_devenir',
        path: 'confidentiality.currentFate',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b(
          'Visibilité du devenir actuel : public, territoire ou prive (vide : valeur par défaut)',
          'Visibility of the current fate: public, territory or private',
        ),
        example: null,
      },
      {
        header: 'confidentialite_origine',
        path: 'confidentiality.currentOrigin',
        type: 'enum',
        values: CONFIDENTIALITY_VALUES,
        required: false,
        help: b(
          "Visibilité de l'origine actuelle : public, territoire ou prive (vide : valeur par défaut)",
          'Visibility of the current origin: public, territory or private',
        ),
        example: null,
      },
    ]),
  },
  {
    name: 'besoins',
    collection: 'needs',
    columns: columnsFor<z.input<typeof rowNeedSchema>>()([
      {
        header: 'id_besoin',
        path: 'externalId',
        type: 'text',
        required: false,
        help: b('Identifiant du besoin ; à défaut, acteur + catégorie + description', 'Need ID'),
        example: 'EXEMPLE-B1',
      },
      {
        header: 'acteur',
        path: 'actorExternalId',
        type: 'text',
        required: true,
        help: b("id_acteur ou SIRET de l'acteur", "The actor's id_acteur or SIRET"),
        example: 'EXEMPLE-A1',
      },
      {
        header: 'categorie',
        path: 'category',
        type: 'enum',
        values: NEED_CATEGORY_VALUES,
        required: true,
        help: b(
          'collecte_dechets, achats, equipement, service, competences, logistique',
          'waste_collection, purchasing, equipment, service, skills, logistics',
        ),
        example: 'collecte_dechets',
      },
      {
        header: 'description',
        path: 'description',
        type: 'text',
        required: true,
        help: b('Ce qui pourrait être mutualisé', 'What could be shared'),
        example: 'Collecte mutualisée des cartons',
      },
      {
        header: 'code_ressource',
        path: 'resourceCode',
        type: 'text',
        required: false,
        help: b('Code de la taxonomie des ressources', 'Resource taxonomy code'),
        example: 'material.paper_cardboard',
      },
      ...quantityColumns([2, 't', 'mois']),
    ]),
  },
];

export function sheetSpec(name: SheetName): SheetSpec {
  const s = SHEETS.find((x) => x.name === name);
  if (!s) throw new RangeError(`unknown sheet ${name}`);
  return s;
}

/** Lower case, no accents, spaces and dashes as underscores: how headers and values are compared. */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s'’-]+/g, '_');
}

/** Month names and abbreviations, French and English, as `normaliseWord` leaves them. */
const MONTH_WORDS: Readonly<Record<string, number>> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  january: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  avril: 4,
  avr: 4,
  apr: 4,
  april: 4,
  mai: 5,
  may: 5,
  juin: 6,
  jun: 6,
  june: 6,
  juillet: 7,
  juil: 7,
  jul: 7,
  july: 7,
  aout: 8,
  aug: 8,
  august: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  september: 9,
  octobre: 10,
  oct: 10,
  october: 10,
  novembre: 11,
  nov: 11,
  november: 11,
  decembre: 12,
  dec: 12,
  december: 12,
};

function monthNumber(token: string): number | undefined {
  const t = normaliseWord(token).replace(/\.$/, '');
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  return MONTH_WORDS[t];
}

/** Reads "1-12", "1;2;3", "oct-mars" (wrapping over the new year), "janv, fév", "toute l'année". */
export function parseMonths(text: string): number[] | undefined {
  const t = normaliseWord(text);
  if (t === '') return undefined;
  if (['toute_l_annee', 'toute_annee', 'tous', 'annee', 'all'].includes(t)) return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const months = new Set<number>();
  const cleaned = text.replace(/\s+(?:à|a|to)\s+/gi, '-').replace(/\s*[-–]\s*/g, '-');
  for (const part of cleaned.split(/[;,/+\s]+/).filter((p) => p.trim() !== '')) {
    const range = part.split('-');
    if (range.length === 2) {
      const from = monthNumber(range[0] ?? '');
      const to = monthNumber(range[1] ?? '');
      if (from === undefined || to === undefined) return undefined;
      for (let m = from, guard = 0; guard < 12; m = (m % 12) + 1, guard++) {
        months.add(m);
        if (m === to) break;
      }
    } else if (range.length === 1) {
      const m = monthNumber(part);
      if (m === undefined) return undefined;
      months.add(m);
    } else return undefined;
  }
  return [...months].sort((a, b2) => a - b2);
}

/** Reads a number written the French way or the English way: "1 234,5", "1234.5", "1,5". */
export function parseNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  let t = cell.replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(t))
    t = t.replace(/\./g, '').replace(',', '.'); // 1.234,5
  else if (/^-?\d{1,3}(?:,\d{3})+\.\d+$/.test(t))
    t = t.replace(/,/g, ''); // 1,234.5
  else t = t.replace(',', '.');
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const TRUE_WORDS = new Set(['oui', 'o', 'vrai', 'true', 'yes', 'y', '1', 'x']);
const FALSE_WORDS = new Set(['non', 'n', 'faux', 'false', 'no', '0']);

export function parseBoolean(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== 'string') return undefined;
  const t = normaliseWord(cell);
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return String(cell).trim();
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] ?? path] = value;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  let node: unknown = source;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** An issue found in one cell of one row of one sheet. */
export interface CellIssue {
  sheet: SheetName;
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  code: string;
  message: Bilingual;
}

function cellIssue(sheet: SheetSpec, row: number, column: string, code: string, fr: string, en: string): CellIssue {
  return { sheet: sheet.name, row, column, code, message: { fr, en } };
}

/**
 * Turns one row into a document element. Blank cells are left out; values that cannot be read
 * (a word in a number column, an unknown enumeration value) are reported on their cell.
 */
export function rowToElement(
  sheet: SheetSpec,
  cells: ReadonlyMap<string, Cell>,
  rowNumber: number,
): { element: Record<string, unknown>; issues: CellIssue[] } {
  const element: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  for (const col of sheet.columns) {
    const cell = cells.get(col.header);
    if (isBlank(cell) || cell === undefined) continue;
    const text = cellText(cell);
    let value: unknown;
    switch (col.type) {
      case 'text':
        // Exports guard text against formula injection with a leading apostrophe: drop it on the way back in.
        value = /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
        break;
      case 'digits':
        // Identifiers typed with spaces or stars (waste codes "02 03 04*"), or read as numbers by Excel.
        value =
          col.path === 'wasteCode' ? text.replace(/[\s*]/g, '') : col.path === 'siret' ? text.replace(/[\s.\u00a0\u202f]/g, '') : text;
        if (typeof cell === 'number' && col.path === 'communeCode') value = String(cell).padStart(5, '0');
        if (typeof cell === 'number' && col.path === 'headcountBand') value = String(cell).padStart(2, '0');
        if (typeof cell === 'number' && col.path === 'wasteCode') value = String(cell).padStart(6, '0');
        break;
      case 'number':
      case 'integer': {
        const n = parseNumber(cell);
        if (n === undefined) {
          issues.push(
            cellIssue(sheet, rowNumber, col.header, 'not_a_number', `« ${text} » n'est pas un nombre`, `"${text}" is not a number`),
          );
          continue;
        }
        value = n;
        break;
      }
      case 'boolean': {
        const v = parseBoolean(cell);
        if (v === undefined) {
          issues.push(
            cellIssue(sheet, rowNumber, col.header, 'not_a_boolean', `« ${text} » : attendu oui ou non`, `"${text}": expected yes or no`),
          );
          continue;
        }
        value = v;
        break;
      }
      case 'enum': {
        const word = normaliseWord(text);
        const match = col.values?.find((v) => v.fr === word || v.code === word || normaliseWord(v.code) === word);
        if (!match) {
          const allowed = (col.values ?? []).map((v) => v.fr).join(', ');
          issues.push(
            cellIssue(
              sheet,
              rowNumber,
              col.header,
              'invalid_value',
              `« ${text} » n'est pas une valeur possible (${allowed})`,
              `"${text}" is not an allowed value (${allowed})`,
            ),
          );
          continue;
        }
        value = match.code;
        break;
      }
      case 'months': {
        const months = parseMonths(text);
        if (!months) {
          issues.push(
            cellIssue(
              sheet,
              rowNumber,
              col.header,
              'invalid_months',
              `« ${text} » : mois illisibles (ex. 1-12, 1;2;3, oct-mars)`,
              `"${text}": unreadable months (e.g. 1-12, 1;2;3, oct-mar)`,
            ),
          );
          continue;
        }
        value = months;
        break;
      }
    }
    setPath(element, col.path, value);
  }
  // A unit or a period without a quantity says nothing: the user most likely forgot the figure.
  const q = element.quantity as { value?: unknown; unit?: unknown; period?: unknown } | undefined;
  if (q && q.value === undefined) {
    const column = q.period !== undefined ? 'periode' : 'unite';
    issues.push(
      cellIssue(
        sheet,
        rowNumber,
        column,
        'period_without_quantity',
        'une unité ou une période est donnée sans quantité',
        'a unit or a period is given without a quantity',
      ),
    );
    delete element.quantity;
  }
  return { element, issues };
}

function enumText(col: ColumnSpec, value: unknown): Cell {
  return col.values?.find((v) => v.code === value)?.fr ?? (typeof value === 'string' ? value : null);
}

/** Months as people write them: runs of consecutive months as ranges, `1-3;10-12`. */
function monthsText(months: readonly number[]): string {
  const sorted = [...new Set(months)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(';'));
    i = j + 1;
  }
  return parts.join(';');
}

/** The cells of one document element, in the sheet's column order: what exports write. */
export function elementToRow(sheet: SheetSpec, element: Record<string, unknown>): Cell[] {
  return sheet.columns.map((col) => {
    const v = getPath(element, col.path);
    if (v === undefined || v === null) return null;
    switch (col.type) {
      case 'enum':
        return enumText(col, v);
      case 'boolean':
        return v === true ? 'oui' : v === false ? 'non' : null;
      case 'months':
        return Array.isArray(v) ? monthsText(v as number[]) : null;
      case 'number':
      case 'integer':
        return typeof v === 'number' ? v : null;
      default:
        return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
    }
  });
}

/** The column a document issue belongs to: `quantity.unit` → `unite`, `monthsAvailable[2]` → `mois_disponibles`. */
export function columnOfPath(sheet: SheetSpec, path: string): string {
  const bare = path.replace(/\[\d+\]/g, '');
  let best: ColumnSpec | undefined;
  for (const col of sheet.columns) {
    if (bare === col.path || bare.startsWith(`${col.path}.`) || col.path.startsWith(`${bare}.`)) {
      if (!best || col.path.length > best.path.length || (bare === col.path && best.path !== bare)) best = col;
      if (bare === col.path) return col.header;
    }
  }
  return best?.header ?? '';
}

/** Maps an issue of a document element (its path inside the element) to a sheet, row and column. */
export function issueToCell(sheet: SheetSpec, row: number, issue: ValidationIssue): CellIssue {
  return { sheet: sheet.name, row, column: columnOfPath(sheet, issue.path), code: issue.code, message: issue.message };
}

/** Checks a sheet's header row: unknown columns are reported (and ignored), required ones must be there. */
export function checkHeaders(
  sheet: SheetSpec,
  headers: readonly string[],
): { columns: Map<number, string>; issues: CellIssue[]; ignored: string[] } {
  const columns = new Map<number, string>();
  const issues: CellIssue[] = [];
  const ignored: string[] = [];
  const known = new Map(sheet.columns.map((c) => [c.header, c]));
  headers.forEach((raw, i) => {
    const h = normaliseWord(raw ?? '');
    if (h === '') return;
    if (!known.has(h)) {
      ignored.push(raw);
      return;
    }
    if ([...columns.values()].includes(h)) {
      issues.push(cellIssue(sheet, 1, h, 'duplicate_column', `colonne ${h} présente deux fois`, `column ${h} appears twice`));
      return;
    }
    columns.set(i, h);
  });
  const present = new Set(columns.values());
  for (const c of sheet.columns) {
    if (c.required && !present.has(c.header)) {
      issues.push(
        cellIssue(
          sheet,
          1,
          c.header,
          'missing_column',
          `colonne obligatoire ${c.header} absente`,
          `required column ${c.header} is missing`,
        ),
      );
    }
  }
  return { columns, issues, ignored };
}
