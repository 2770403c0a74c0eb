#!/usr/bin/env node
// Génère les deux territoires fictifs de démonstration :
//   - territoire-demo.json   : « Val de Boucles » (DEMO-VALBOUCLES), 40 communes de la CC des Hauts de Flandre ;
//   - territoire-voisin.json : « Dunes de Flandre » (DEMO-DUNKERQUE), 17 communes de la CU de Dunkerque,
//     territoire voisin portuaire et industriel, pour les interdépendances entre territoires.
//
// Tout est inventé (noms des EPCI, acteurs, SIRET, adresses, contacts, flux, besoins, montants,
// agrégats) SAUF les communes et leurs codes COG (@etalab/decoupage-administratif) et leurs points
// de référence (La Poste, ODbL : communes-positions.json pour le Val de Boucles,
// ../data/commune-positions.json pour les Dunes de Flandre). Les agrégats (chiffres saisis par la
// collectivité) sont tous marqués "estimate": true et leur source dit « Valeur fictive de
// démonstration » ; quand un ordre de grandeur a été tiré d'une source réelle, elle est citée.
//
// Déterministe : aucun appel à Math.random ni à l'horloge. Les sites sont placés près du point de
// référence de leur commune selon un décalage calculé à partir de leur rang (80–280 m pour le Val de
// Boucles, 150–850 m pour les Dunes de Flandre).
//
// Usage : node generate-demo.mjs   (écrit territoire-demo.json et territoire-voisin.json à côté de ce script)

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luhnCheckDigit } from '@boucles/engine';

const require = createRequire(import.meta.url);

const here = dirname(fileURLToPath(import.meta.url));
const positions = JSON.parse(readFileSync(join(here, 'communes-positions.json'), 'utf8'));
const byName = new Map(positions.communes.map((c) => [c.name, c]));

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function withCheckDigit(prefix) {
  return prefix + luhnCheckDigit(prefix);
}
/** Fictional SIRET: SIREN starting with 9 (Luhn-valid) + NIC 0001x (whole 14 digits Luhn-valid). */
function fictionalSiret(index) {
  const body = String((index * 7_654_321 + 3_141_592) % 10_000_000).padStart(7, '0');
  const siren = withCheckDigit('9' + body);
  return withCheckDigit(siren + '0001');
}

// Flow option shorthands ----------------------------------------------------------------------
// s: site index in the actor's sites; w: LoW code; p: period; m: months; t: temperature °C;
// h: moisture %; g: purity grade; hz: hazardous; fate: 'mode CODE' or 'mode';
// orig: 'rl' | 'r' | 'l' | '' (recycled / local flags for inputs); c: [amount, 'u'|'p', 'cost'|'price'];
// op: where an input comes from (currentOrigin.partner: a territory code or a place);
// fl / fp: for an output whose fate is a recovery, whether it is recovered inside the territory
// (currentFate.local) and where it goes (currentFate.partner; null: none). Without them, each
// territory's default rule applies (fateDefaultsValBoucles, fateDefaultsDunes).
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const WINTER = [1, 2, 3, 4, 10, 11, 12];
const CAMPAIGN = [1, 9, 10, 11, 12]; // campagne betteravière (sept.–janv.)

const o = (res, label, v, unit, opts = {}) => ({ dir: 'output', res, label, v, unit, ...opts });
const i = (res, label, v, unit, opts = {}) => ({ dir: 'input', res, label, v, unit, ...opts });
const n = (cat, description, res, q) => ({ cat, description, res, q });

// The two fictional territories' codes, used as partners of cross-boundary flows.
const VALBOUCLES = 'DEMO-VALBOUCLES';
const DUNKERQUE = 'DEMO-DUNKERQUE';

// ---------------------------------------------------------------------------------------------
// Actors (fictional)
// ---------------------------------------------------------------------------------------------
// conf: 'private' -> quantity and cost private ; 'cost' -> cost private ; 'territory' -> cost
// shared within the territory only ; undefined -> no confidentiality constraints declared.

const ACTORS = [
  // ===== Public bodies =======================================================================
  {
    name: 'Communauté de communes du Val de Boucles (EPCI fictif)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '21',
    ess: false,
    contact: ['Claire Vandenbussche', 'economie-circulaire'],
    sites: [
      ['Siège communautaire', '2 rue de l’Intercommunalité', 'Wormhout'],
      ['Déchèterie intercommunale', 'Chemin du Vieux Colme', 'Bierne'],
      ['Centre aquatique intercommunal', '15 avenue des Sports', 'Wormhout'],
      ['Centre technique intercommunal', 'Rue du Canal de la Haute-Colme', 'Hoymille'],
    ],
    flows: [
      o('material.biowaste.green_waste', 'Déchets verts apportés en déchèterie', 1800, 't', {
        s: 1,
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10, 11],
        fate: 'composting R3',
        c: [35, 'u', 'cost'],
      }),
      o('material.wood.treated', 'Bois de déchèterie (classe B, meubles et panneaux)', 650, 't', {
        s: 1,
        w: '200138',
        fate: 'recycling R3',
        c: [55, 'u', 'cost'],
        fp: 'Belgique',
      }),
      o('material.paper_cardboard', 'Cartons de déchèterie', 220, 't', {
        s: 1,
        w: '200101',
        fate: 'recycling R3',
        c: [60, 'u', 'price'],
        fp: DUNKERQUE,
      }),
      o('material.metals.mixed', 'Ferrailles et métaux de déchèterie', 180, 't', {
        s: 1,
        w: '200140',
        fate: 'recycling R4',
        c: [150, 'u', 'price'],
      }),
      o('equipment.furniture', 'Mobilier et encombrants (benne éco-mobilier)', 320, 't', {
        s: 1,
        w: '200307',
        fate: 'recycling R3',
        g: 'low',
      }),
      o('material.textiles', 'Textiles, linge et chaussures (borne de collecte)', 45, 't', { s: 1, w: '200110', fate: 'reuse' }),
      o('material.construction.inert', 'Gravats inertes des particuliers', 900, 't', {
        s: 1,
        w: '170107',
        fate: 'landfill D5',
        c: [16, 'u', 'cost'],
      }),
      o('material.gypsum', 'Plaques de plâtre', 60, 't', { s: 1, w: '170802', fate: 'recycling R5', c: [90, 'u', 'cost'] }),
      o('equipment.it', 'Équipements électriques et électroniques (DEEE)', 35, 't', {
        s: 1,
        w: '200136',
        fate: 'recycling R4',
        fp: 'Métropole européenne de Lille',
      }),
      i('energy.fuels.biomass', 'Plaquettes forestières pour la chaufferie bois du centre aquatique (≈ 900 t)', 3100, 'MWh', {
        s: 2,
        m: ALL,
        h: 30,
        orig: '',
        c: [33, 'u', 'cost'],
      }),
      i('water.process', 'Eau potable du centre aquatique', 18000, 'm3', { s: 2, orig: 'l', c: [3.2, 'u', 'cost'] }),
      o('energy.heat.low', 'Chaleur des eaux de vidange et de lavage des filtres (28 °C)', 350, 'MWh', {
        s: 2,
        t: 28,
        m: ALL,
        fate: 'other',
      }),
      i('energy.fuels.liquid', 'Gazole non routier des engins du centre technique', 600, 'MWh', {
        s: 3,
        orig: '',
        c: [110, 'u', 'cost'],
        op: DUNKERQUE,
      }),
    ],
    needs: [
      n('service', 'Étude de préfiguration d’un réseau de chaleur valorisant la chaleur fatale de la centrale biomasse de Watten.'),
      n(
        'equipment',
        'Broyeur de végétaux mutualisé entre l’intercommunalité et les communes pour produire du paillage.',
        'material.biowaste.green_waste',
        [600, 't', 'year'],
      ),
      n('logistics', 'Optimiser les rotations de bennes de la déchèterie (cartons, bois) avec les collectes des entreprises voisines.'),
    ],
  },
  {
    name: 'Commune de Wormhout (mairie, données fictives)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '12',
    ess: false,
    contact: ['Julien Deswarte', 'services-techniques'],
    sites: [
      ['Mairie', '1 place de la Mairie', 'Wormhout'],
      ['Restaurant scolaire municipal', '8 rue des Écoles', 'Wormhout'],
    ],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets du restaurant scolaire', 28, 't', {
        s: 1,
        w: '200108',
        m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
      o('material.biowaste.green_waste', 'Tontes et tailles des espaces verts municipaux', 300, 't', {
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10],
        fate: 'composting R3',
        c: [35, 'u', 'cost'],
      }),
      o('equipment.furniture', 'Mobilier scolaire et de bureau réformé', 60, 'unit', { fate: 'other', g: 'medium' }),
      o('equipment.it', 'Ordinateurs et écrans réformés', 40, 'unit', { fate: 'recycling R4' }),
    ],
    needs: [
      n(
        'waste_collection',
        'Collecte mutualisée des biodéchets des cantines et restaurants vers la méthanisation.',
        'material.biowaste.food_waste',
        [28, 't', 'year'],
      ),
    ],
  },
  {
    name: 'Commune de Bergues (mairie, données fictives)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '12',
    ess: false,
    contact: ['Sophie Lemaire', 'mairie.bergues.demo'],
    sites: [
      ['Mairie', '3 place de la Mairie', 'Bergues'],
      ['Salle des sports des Remparts', '21 rue du Rempart', 'Bergues'],
    ],
    flows: [
      i('energy.fuels.gas', 'Gaz naturel de la salle des sports (chauffage)', 450, 'MWh', {
        s: 1,
        m: WINTER,
        orig: '',
        c: [75, 'u', 'cost'],
      }),
      o('material.biowaste.green_waste', 'Déchets verts des remparts et espaces verts', 220, 't', {
        w: '200201',
        m: [4, 5, 6, 7, 8, 9, 10],
        fate: 'composting R3',
        c: [35, 'u', 'cost'],
      }),
      o('material.biowaste.food_waste', 'Biodéchets de la cantine municipale', 16, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
    ],
    needs: [
      n(
        'purchasing',
        'Groupement d’achat de plaquettes bois locales pour une future chaudière de la salle des sports.',
        'energy.fuels.biomass',
        [420, 'MWh', 'year'],
      ),
    ],
  },
  {
    name: 'Commune de Hondschoote (mairie, données fictives)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '12',
    ess: false,
    contact: ['Marc Dewaele', 'mairie.hondschoote.demo'],
    sites: [['Groupe scolaire et chaufferie bois', '5 rue des Moulins', 'Hondschoote']],
    flows: [
      i('energy.fuels.biomass', 'Plaquettes bois pour la chaufferie du groupe scolaire (≈ 180 t)', 630, 'MWh', {
        m: WINTER,
        h: 30,
        orig: 'l',
        c: [35, 'u', 'cost'],
      }),
      o('material.biowaste.food_waste', 'Biodéchets de la cantine scolaire', 14, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
      o('material.biowaste.green_waste', 'Déchets verts communaux', 160, 't', {
        w: '200201',
        m: [4, 5, 6, 7, 8, 9, 10],
        fate: 'composting R3',
      }),
    ],
    needs: [],
  },
  {
    name: 'Commune d’Esquelbecq (mairie, données fictives)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '03',
    ess: false,
    sites: [['Mairie et ateliers municipaux', '1 place Alphonse Bergerot', 'Esquelbecq']],
    flows: [
      o('material.biowaste.green_waste', 'Déchets verts communaux', 90, 't', {
        w: '200201',
        m: [4, 5, 6, 7, 8, 9, 10],
        fate: 'composting R3',
      }),
      o('material.biowaste.food_waste', 'Biodéchets de la cantine', 7, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
    ],
    needs: [n('equipment', 'Accès à un broyeur de branches partagé quelques jours par an.')],
  },
  {
    name: 'Commune de Watten (mairie, données fictives)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '11',
    ess: false,
    contact: ['Nathalie Ryckebusch', 'mairie.watten.demo'],
    sites: [['École et salle polyvalente', '12 rue de l’Aa', 'Watten']],
    flows: [
      i('energy.heat.medium', 'Besoin de chaleur de l’école et de la salle polyvalente (actuellement gaz)', 380, 'MWh', {
        m: [1, 2, 3, 4, 5, 10, 11, 12],
        t: 70,
        orig: '',
      }),
      i('energy.fuels.gas', 'Gaz naturel (chaudières actuelles)', 420, 'MWh', { m: WINTER, orig: '', c: [75, 'u', 'cost'] }),
    ],
    needs: [
      n('service', 'Raccordement des bâtiments communaux à la chaleur de la centrale biomasse voisine.', 'energy.heat.medium', [
        380,
        'MWh',
        'year',
      ]),
    ],
  },
  {
    name: 'Commune de Hoymille (mairie, données fictives)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '11',
    ess: false,
    sites: [['Services techniques municipaux', '4 rue de la Haute-Colme', 'Hoymille']],
    flows: [
      o('material.biowaste.green_waste', 'Déchets verts communaux et tailles de haies', 140, 't', {
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10, 11],
        fate: 'composting R3',
        c: [35, 'u', 'cost'],
      }),
    ],
    needs: [n('equipment', 'Broyeur de végétaux partagé pour transformer les tailles en paillage.')],
  },
  {
    name: 'Lycée professionnel des Métiers du Vivant (établissement fictif)',
    naf: '85.32Z',
    kind: 'public_body',
    hc: '21',
    ess: false,
    contact: ['Hélène Verstraete', 'intendance.lycee'],
    sites: [['Lycée, internat et exploitation pédagogique', '40 route de Bergues', 'Hondschoote']],
    flows: [
      i('energy.fuels.biomass', 'Plaquettes bois pour la chaufferie du lycée et de l’internat (≈ 420 t)', 1470, 'MWh', {
        m: [1, 2, 3, 4, 5, 9, 10, 11, 12],
        h: 30,
        orig: 'l',
        c: [34, 'u', 'cost'],
      }),
      o('material.biowaste.food_waste', 'Biodéchets du service de restauration', 35, 't', {
        w: '200108',
        m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
        fate: 'composting R3',
        c: [80, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.manure', 'Fumier de l’exploitation pédagogique', 250, 't', { w: '020106', fate: 'spreading R10' }),
    ],
    needs: [n('skills', 'Accueillir des stagiaires en maintenance et en agroéquipement chez les entreprises du territoire.')],
  },
  {
    name: 'Collège des Trois Moulins (établissement fictif)',
    naf: '85.31Z',
    kind: 'public_body',
    hc: '21',
    ess: false,
    sites: [['Collège et demi-pension', '7 rue du Collège', 'Bergues']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets de la demi-pension', 18, 't', {
        w: '200108',
        m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
      o('material.paper_cardboard', 'Papiers de bureau et cartons', 6, 't', { w: '200101', fate: 'recycling R3' }),
    ],
    needs: [
      n(
        'waste_collection',
        'Collecte séparée des biodéchets de la demi-pension (obligation de tri à la source).',
        'material.biowaste.food_waste',
        [18, 't', 'year'],
      ),
    ],
  },
  {
    name: 'EHPAD public Résidence Les Tilleuls (établissement fictif)',
    naf: '87.10A',
    kind: 'public_body',
    hc: '21',
    ess: false,
    contact: ['Bruno Coussement', 'direction.ehpad'],
    sites: [['Résidence', '18 rue du Moulin Nord', 'Hondschoote']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets de la cuisine et des offices', 20, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
      o('material.textiles', 'Linge et textiles réformés', 3, 't', { w: '200111', fate: 'incineration D10' }),
      o('equipment.furniture', 'Lits, fauteuils et mobilier réformés (renouvellement)', 40, 'unit', {
        p: 'once',
        fate: 'other',
        g: 'medium',
      }),
    ],
    needs: [
      n('waste_collection', 'Collecte des biodéchets mutualisée avec les cantines voisines.', 'material.biowaste.food_waste', [
        20,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Régie d’assainissement du Val de Boucles (fictive)',
    naf: '37.00Z',
    kind: 'public_body',
    hc: '11',
    ess: false,
    contact: ['Thomas Baert', 'assainissement'],
    sites: [
      ['Station d’épuration de Bierne', 'Chemin des Wateringues', 'Bierne'],
      ['Station d’épuration de Wormhout', 'Chemin de l’Yser', 'Wormhout'],
    ],
    flows: [
      o('material.sludges.wastewater', 'Boues d’épuration chaulées (20 % de matière sèche)', 2400, 't', {
        s: 0,
        w: '190805',
        fate: 'spreading R10',
        c: [25, 'u', 'cost'],
      }),
      o('material.sludges.wastewater', 'Boues d’épuration déshydratées', 1300, 't', {
        s: 1,
        w: '190805',
        fate: 'spreading R10',
        c: [25, 'u', 'cost'],
      }),
      o('water.treated_wastewater', 'Eaux usées traitées (rejet au milieu naturel)', 1200000, 'm3', { s: 0, m: ALL, fate: 'other' }),
      o('water.treated_wastewater', 'Eaux usées traitées (rejet à l’Yser)', 650000, 'm3', { s: 1, m: ALL, fate: 'other' }),
      o('material.construction.mixed', 'Refus de dégrillage', 40, 't', {
        s: 0,
        w: '190801',
        fate: 'incineration D10',
        c: [140, 'u', 'cost'],
      }),
      i('energy.electricity', 'Électricité des stations', 1400, 'MWh', { orig: '', c: [160, 'u', 'cost'] }),
    ],
    needs: [
      n(
        'service',
        'Identifier des usages de réutilisation des eaux usées traitées (arrosage, lavage, process industriel).',
        'water.treated_wastewater',
      ),
    ],
  },

  // ===== ESS and associations ================================================================
  {
    name: 'La Ressourcerie du Houtland',
    naf: '47.79Z',
    kind: 'ess',
    hc: '12',
    ess: true,
    contact: ['Amandine Dujardin', 'ressourcerie'],
    sites: [
      ['Atelier et boutique solidaire', '27 rue de l’Industrie', 'Wormhout'],
      ['Point de collecte', '9 rue de Killem', 'Hondschoote'],
    ],
    flows: [
      i('equipment.furniture', 'Meubles et objets collectés pour le réemploi', 4000, 'unit', { s: 0, orig: 'rl' }),
      i('material.textiles', 'Textiles collectés pour le réemploi', 60, 't', { s: 1, orig: 'rl' }),
      i('equipment.it', 'Matériel informatique à reconditionner', 800, 'unit', { s: 0, orig: 'rl' }),
      i('equipment.machinery', 'Petit électroménager et outillage à réparer', 25, 't', { s: 0, orig: 'rl' }),
      o('material.textiles', 'Textiles non réemployables', 20, 't', { s: 0, w: '200111', fate: 'recycling R3' }),
      o('equipment.furniture', 'Mobilier non réemployable', 35, 't', {
        s: 0,
        w: '200307',
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
      o('material.metals.mixed', 'Métaux issus du démantèlement', 8, 't', {
        s: 0,
        w: '200140',
        fate: 'recycling R4',
        c: [150, 'u', 'price'],
      }),
    ],
    needs: [
      n('logistics', 'Camion avec hayon partagé pour les collectes de meubles chez les entreprises et les particuliers.'),
      n('skills', 'Encadrant technique en menuiserie pour l’atelier de remise en état (poste partagé possible).'),
      n('service', 'Local de stockage de 300 m² à proximité de la boutique.', 'service.storage', [300, 'unit', 'once']),
    ],
  },
  {
    name: 'Lav’Verre des Flandres (SCIC de réemploi des bouteilles)',
    naf: '82.92Z',
    kind: 'ess',
    hc: '03',
    ess: true,
    contact: ['Pierre-Yves Gheysens', 'lavverre'],
    sites: [['Unité de lavage de bouteilles', '14 rue de la Verrerie', 'Wormhout']],
    flows: [
      i('packaging.glass_bottles', 'Bouteilles de vin et de bière vides collectées', 450000, 'unit', {
        m: ALL,
        orig: 'rl',
        c: [0.04, 'u', 'cost'],
      }),
      o('packaging.glass_bottles', 'Bouteilles lavées, contrôlées et prêtes au remplissage', 400000, 'unit', {
        m: ALL,
        fate: 'reuse',
        c: [0.22, 'u', 'price'],
        g: 'high',
      }),
      o('material.glass.cullet', 'Bouteilles cassées ou non conformes', 18, 't', { w: '191205', fate: 'recycling R5' }),
      i('water.process', 'Eau de lavage', 900, 'm3', { orig: 'l', c: [3.1, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz pour la production d’eau chaude de lavage (80 °C)', 250, 'MWh', {
        m: ALL,
        orig: '',
        c: [70, 'u', 'cost'],
      }),
    ],
    needs: [
      n(
        'logistics',
        'Tournée de collecte mutualisée des bouteilles vides chez les cavistes, restaurants et brasseries.',
        'packaging.glass_bottles',
        [450000, 'unit', 'year'],
      ),
      n('purchasing', 'Achat groupé de casiers réutilisables avec les brasseries et producteurs de jus.', 'packaging.crates_containers', [
        3000,
        'unit',
        'once',
      ]),
      n('equipment', 'Seconde laveuse de bouteilles pour absorber les pics de saison.'),
    ],
  },
  {
    name: 'SCIC Bocage Énergie des Flandres',
    naf: '02.20Z',
    kind: 'ess',
    hc: '02',
    ess: true,
    contact: ['Vincent Hennebelle', 'bocage-energie'],
    sites: [['Plateforme de séchage et de stockage de plaquettes', 'Route de Wormhout', 'Herzeele']],
    flows: [
      i('material.wood.clean', 'Bois d’entretien des haies bocagères et d’élagage', 1500, 't', {
        w: '020107',
        m: [1, 2, 3, 11, 12],
        h: 45,
        orig: 'l',
      }),
      o('energy.fuels.biomass', 'Plaquettes bocagères sèches (P31, 25 % d’humidité, ≈ 1 300 t)', 4600, 'MWh', {
        m: ALL,
        h: 25,
        g: 'high',
        c: [34, 'u', 'price'],
      }),
    ],
    needs: [
      n('service', 'Hangar de séchage supplémentaire (400 m²) pour stocker les plaquettes.', 'service.storage', [400, 'unit', 'once']),
      n('equipment', 'Déchiqueteuse partagée avec la CUMA et les services espaces verts.'),
    ],
  },
  {
    name: 'Les Jardins du Blootland (chantier d’insertion)',
    naf: '01.13Z',
    kind: 'association',
    hc: '11',
    ess: true,
    contact: ['Fatima Boulanger', 'jardins-blootland'],
    sites: [['Jardin maraîcher d’insertion', 'Chemin du Blootland', 'Warhem']],
    flows: [
      i('material.biowaste.green_waste', 'Broyat de branches pour le paillage', 80, 't', { m: [2, 3, 4, 10, 11], orig: 'rl' }),
      i('packaging.crates_containers', 'Caisses de récolte réutilisables', 500, 'unit', { p: 'once', orig: '' }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture et légumes déclassés', 30, 't', {
        w: '020103',
        m: [6, 7, 8, 9, 10],
        fate: 'composting R3',
      }),
    ],
    needs: [
      n('equipment', 'Chambre froide partagée pour conserver les légumes avant livraison.'),
      n('logistics', 'Mutualiser les livraisons de paniers avec d’autres producteurs locaux.'),
    ],
  },
  {
    name: 'Flandre Insertion Espaces Verts',
    naf: '81.30Z',
    kind: 'ess',
    hc: '12',
    ess: true,
    sites: [['Dépôt', '33 rue de Dunkerque', 'Hoymille']],
    flows: [
      o('material.biowaste.green_waste', 'Tontes et feuilles des chantiers d’entretien', 650, 't', {
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10, 11],
        fate: 'composting R3',
        c: [38, 'u', 'cost'],
      }),
      o('material.wood.clean', 'Branches et bois d’élagage', 200, 't', {
        w: '200201',
        m: [1, 2, 3, 10, 11, 12],
        h: 45,
        fate: 'composting R3',
        c: [38, 'u', 'cost'],
      }),
    ],
    needs: [
      n('equipment', 'Broyeur de branches mutualisé pour valoriser le bois d’élagage en plaquettes.', 'material.wood.clean', [
        200,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'ESAT Les Ateliers de la Colme',
    naf: '88.10C',
    kind: 'ess',
    hc: '21',
    ess: true,
    contact: ['Karine Vanhoutte', 'esat-colme'],
    sites: [['Ateliers de conditionnement et de sous-traitance', '10 rue des Ateliers', 'Hoymille']],
    flows: [
      i('packaging.other', 'Cartons et emballages pour le conditionnement', 60, 't', { orig: '', c: [900, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons d’emballage usagés', 40, 't', { w: '150101', fate: 'recycling R3', c: [20, 'u', 'cost'] }),
      o('material.plastics.pe', 'Films plastiques d’emballage', 15, 't', {
        w: '150102',
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
      o('service.logistics', 'Capacité de conditionnement et de préparation de commandes disponible', 2000, 'unit', {
        p: 'year',
        fate: 'other',
      }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des cartons avec les entreprises de la zone de Hoymille.', 'material.paper_cardboard', [
        40,
        't',
        'year',
      ]),
      n('purchasing', 'Achat groupé d’emballages carton.', 'packaging.other', [60, 't', 'year']),
    ],
  },
  {
    name: 'Repair Café du Val de Boucles',
    naf: '94.99Z',
    kind: 'association',
    hc: '00',
    ess: true,
    sites: [['Salle associative', '6 rue de la Gare', 'Esquelbecq']],
    flows: [i('equipment.machinery', 'Petits appareils apportés en réparation', 300, 'unit', { orig: 'rl' })],
    needs: [n('skills', 'Bénévoles compétents en électronique et en couture.')],
  },
  {
    name: 'Groupement d’employeurs Industrie Flandres',
    naf: '78.30Z',
    kind: 'association',
    hc: '03',
    ess: true,
    contact: ['Olivier Dequidt', 'ge-industrie'],
    sites: [['Bureaux', '1 rue de l’Entreprise', 'Bierne']],
    flows: [o('service.skills', 'Heures de technicien de maintenance industrielle mutualisé', 1600, 'unit', { fate: 'other' })],
    needs: [
      n('skills', 'Recruter deux techniciens de maintenance à temps partagé entre plusieurs industriels adhérents.', 'service.skills', [
        3200,
        'unit',
        'year',
      ]),
    ],
  },
  {
    name: 'Atelier couture solidaire Fil d’Yser',
    naf: '14.13Z',
    kind: 'association',
    hc: '02',
    ess: true,
    sites: [['Atelier', '4 rue de l’Yser', 'Wormhout']],
    flows: [i('material.textiles', 'Chutes de tissu et linge réformé pour la confection', 6, 't', { orig: 'rl' })],
    needs: [n('skills', 'Formatrice couture pour accompagner les salariées en insertion.')],
  },
  {
    name: 'CUMA des Moëres',
    naf: '01.61Z',
    kind: 'ess',
    hc: '01',
    ess: true,
    sites: [['Hangar de la CUMA', 'Route des Moëres', 'Uxem']],
    flows: [
      o('material.chemicals.other', 'Huiles usagées des tracteurs et engins', 1.2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('service.logistics', 'Jours de matériel disponibles à la location (épandeur, déchiqueteuse)', 60, 'unit', { fate: 'other' }),
    ],
    needs: [n('equipment', 'Déchiqueteuse à bois à partager avec la SCIC bois et les services espaces verts.')],
  },
  {
    name: 'Association des commerçants de Bergues',
    naf: '94.11Z',
    kind: 'association',
    hc: '00',
    ess: true,
    contact: ['Laurent Vermeersch', 'commercants-bergues'],
    sites: [['Siège associatif', '2 place de la République', 'Bergues']],
    flows: [],
    needs: [
      n('waste_collection', 'Collecte collective des cartons d’une quarantaine de commerces du centre-ville.', 'material.paper_cardboard', [
        60,
        't',
        'year',
      ]),
      n('purchasing', 'Achat groupé de sacs et emballages réutilisables pour les commerces.', 'packaging.other'),
    ],
  },
  {
    name: 'Club d’entreprises du Val de Boucles',
    naf: '94.11Z',
    kind: 'association',
    hc: '01',
    ess: true,
    contact: ['Céline Debaecker', 'club-entreprises'],
    sites: [['Maison des entreprises', '2 rue de l’Intercommunalité', 'Wormhout']],
    flows: [],
    needs: [
      n('service', 'Animation d’ateliers d’écologie industrielle et territoriale entre adhérents (rencontres flux).'),
      n('skills', 'Formation des dirigeants à l’économie de la fonctionnalité et de la coopération.'),
    ],
  },
  {
    name: 'Épicerie solidaire du Houtland',
    naf: '88.99B',
    kind: 'association',
    hc: '01',
    ess: true,
    sites: [['Épicerie solidaire', '11 rue de Bergues', 'Hondschoote']],
    flows: [i('material.biowaste.food_waste', 'Invendus alimentaires consommables (dons)', 40, 't', { m: ALL, orig: 'rl' })],
    needs: [n('logistics', 'Véhicule frigorifique partagé pour la ramasse des invendus en supermarché.')],
  },

  // ===== Energy and organic-waste treatment ==================================================
  {
    name: 'Cogébois de l’Aa (centrale de cogénération biomasse)',
    naf: '35.11Z',
    kind: 'company',
    hc: '12',
    ess: false,
    contact: ['Arnaud Lefebvre', 'cogebois'],
    conf: 'cost',
    sites: [['Centrale de cogénération bois', 'Route du Canal de la Colme', 'Watten']],
    flows: [
      o('energy.heat.medium', 'Chaleur fatale : eau chaude à 65 °C en sortie de condenseur (actuellement dissipée)', 42000, 'MWh', {
        m: ALL,
        t: 65,
        fate: 'other',
      }),
      o('energy.electricity', 'Électricité injectée sur le réseau', 80000, 'MWh', { m: ALL, fate: 'other' }),
      o('material.ashes_slags', 'Cendres sous foyer de biomasse', 2100, 't', { w: '100101', fate: 'spreading R10', c: [20, 'u', 'cost'] }),
      o('material.ashes_slags', 'Cendres volantes de bois non traité', 350, 't', {
        w: '100103',
        fate: 'landfill D5',
        c: [95, 'u', 'cost'],
      }),
      i('energy.fuels.biomass', 'Plaquettes forestières et connexes de scierie (≈ 60 000 t)', 168000, 'MWh', {
        m: ALL,
        h: 40,
        orig: '',
        c: [34, 'u', 'cost'],
        op: 'Avesnois et Thiérache',
      }),
      i('material.wood.clean', 'Bois de classe A (palettes broyées, chutes non traitées)', 8000, 't', {
        w: '030105',
        m: ALL,
        h: 20,
        orig: 'r',
        c: [40, 'u', 'cost'],
        op: DUNKERQUE,
      }),
      i('water.cooling', 'Eau de refroidissement prélevée', 150000, 'm3', { m: ALL, orig: 'l' }),
    ],
    needs: [
      n('service', 'Contractualiser la vente de chaleur à 65 °C aux serristes et aux bâtiments publics voisins.', 'energy.heat.medium', [
        20000,
        'MWh',
        'year',
      ]),
      n('purchasing', 'Sécuriser un approvisionnement local en connexes de scierie et bois d’élagage.', 'material.wood.clean', [
        10000,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Méthanisation des Moëres (unité agricole)',
    naf: '35.21Z',
    kind: 'company',
    hc: '02',
    ess: false,
    contact: ['François Bollengier', 'methamoeres'],
    conf: 'private',
    sites: [['Unité de méthanisation', 'Chemin de la Grande Moëre', 'Uxem']],
    flows: [
      i('material.agrifood_byproducts.manure', 'Fumiers et lisiers des élevages associés', 12000, 't', { w: '020106', m: ALL, orig: 'l' }),
      i('material.agrifood_byproducts.vegetable', 'Épluchures de pommes de terre et déchets végétaux', 6000, 't', {
        w: '020304',
        m: ALL,
        orig: 'l',
        c: [10, 'u', 'price'],
      }),
      i('material.biowaste.food_waste', 'Biodéchets déconditionnés', 1500, 't', {
        w: '200108',
        m: ALL,
        orig: 'r',
        c: [45, 'u', 'price'],
        op: 'Métropole européenne de Lille',
      }),
      i('material.biowaste.green_waste', 'Tontes de gazon', 500, 't', {
        w: '200201',
        m: [4, 5, 6, 7, 8, 9],
        orig: 'l',
        c: [20, 'u', 'price'],
      }),
      o('energy.biogas', 'Biométhane injecté dans le réseau de gaz', 14000, 'MWh', { m: ALL, fate: 'other' }),
      o('material.sludges.industrial', 'Digestat brut', 18000, 't', { w: '190606', m: [2, 3, 4, 8, 9], fate: 'spreading R10' }),
      o('energy.heat.low', 'Chaleur excédentaire de la chaudière de digesteur (45 °C)', 900, 'MWh', {
        m: [4, 5, 6, 7, 8, 9],
        t: 45,
        fate: 'other',
      }),
    ],
    needs: [
      n(
        'purchasing',
        'Nouveaux gisements de biodéchets et coproduits agroalimentaires (contrats pluriannuels).',
        'material.biowaste.food_waste',
        [2000, 't', 'year'],
      ),
    ],
  },
  {
    name: 'Compostière du Houtland',
    naf: '38.21Z',
    kind: 'company',
    hc: '03',
    ess: false,
    conf: 'cost',
    contact: ['Sébastien Delporte', 'compostiere'],
    sites: [['Plateforme de compostage', 'Chemin des Prés', 'Warhem']],
    flows: [
      i('material.biowaste.green_waste', 'Déchets verts des collectivités et paysagistes', 6000, 't', {
        w: '200201',
        orig: 'l',
        c: [32, 'u', 'price'],
      }),
      i('material.biowaste.food_waste', 'Biodéchets de restauration collective', 300, 't', {
        w: '200108',
        orig: 'l',
        c: [50, 'u', 'price'],
      }),
      o('energy.fuels.biomass', 'Refus de criblage ligneux utilisable en chaufferie (≈ 900 t)', 2500, 'MWh', {
        w: '191212',
        h: 40,
        g: 'low',
        fate: 'energy_recovery R1',
        c: [7, 'u', 'price'],
      }),
    ],
    needs: [
      n('equipment', 'Crible mobile partagé avec une autre plateforme.'),
      n('logistics', 'Retour à vide des camions : transporter du compost vers les exploitations au retour.'),
    ],
  },

  // ===== Greenhouses and horticulture near the CHP plant =====================================
  {
    name: 'SCEA Serres de la Colme',
    naf: '01.13Z',
    kind: 'farm',
    hc: '12',
    ess: false,
    contact: ['Bart Vanneste', 'serres-colme'],
    conf: 'private',
    sites: [['Serres de tomates (3 ha)', 'Route de Saint-Momelin', 'Watten']],
    flows: [
      i('energy.heat.medium', 'Chauffage des serres de tomates (eau chaude 60–70 °C)', 9000, 'MWh', { m: WINTER, t: 60, orig: '' }),
      i('energy.fuels.gas', 'Gaz naturel des chaudières de serre', 9500, 'MWh', { m: WINTER, orig: '', c: [55, 'u', 'cost'] }),
      i('gas.co2', 'CO2 pour l’enrichissement de l’atmosphère des serres', 600, 't', {
        m: [3, 4, 5, 6, 7, 8, 9],
        orig: '',
        c: [120, 'u', 'cost'],
        op: DUNKERQUE,
      }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture en fin de saison (tiges, feuilles)', 350, 't', {
        w: '020103',
        m: [11, 12],
        fate: 'composting R3',
        c: [25, 'u', 'cost'],
      }),
      o('material.plastics.pe', 'Films et gaines plastiques usagés', 4, 't', { w: '020104', fate: 'recycling R3' }),
    ],
    needs: [n('logistics', 'Mutualiser les livraisons vers les plateformes de distribution régionales.')],
  },
  {
    name: 'EARL Les Serres de Holque',
    naf: '01.13Z',
    kind: 'farm',
    hc: '03',
    ess: false,
    contact: ['Isabelle Coppin', 'serres-holque'],
    sites: [['Serres maraîchères (1,2 ha)', 'Rue du Marais', 'Holque']],
    flows: [
      i('energy.heat.medium', 'Chauffage des serres de concombres et poivrons', 3600, 'MWh', { m: WINTER, t: 65, orig: '' }),
      i('energy.fuels.gas', 'Gaz naturel', 3800, 'MWh', { m: WINTER, orig: '', c: [58, 'u', 'cost'] }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture', 140, 't', { w: '020103', m: [11, 12], fate: 'composting R3' }),
    ],
    needs: [],
  },
  {
    name: 'GAEC des Serres maraîchères de Saint-Momelin',
    naf: '01.13Z',
    kind: 'farm',
    hc: '11',
    ess: false,
    contact: ['Jérôme Ducrocq', 'serres-saint-momelin'],
    conf: 'private',
    sites: [['Serres de fraises et tomates (2 ha)', 'Chemin de l’Aa', 'Saint-Momelin']],
    flows: [
      i('energy.heat.medium', 'Chauffage des serres (eau chaude 60–65 °C)', 6200, 'MWh', {
        m: [1, 2, 3, 4, 5, 9, 10, 11, 12],
        t: 62,
        orig: '',
      }),
      i('water.rainwater', 'Eau de pluie récupérée pour l’irrigation', 8000, 'm3', { m: [4, 5, 6, 7, 8, 9], orig: 'l' }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture et fruits déclassés', 220, 't', {
        w: '020103',
        m: [10, 11, 12],
        fate: 'composting R3',
      }),
    ],
    needs: [n('logistics', 'Tournée commune de livraison avec les autres serristes de la vallée de l’Aa.')],
  },
  {
    name: 'Pépinière et horticulture de l’Aa',
    naf: '01.30Z',
    kind: 'farm',
    hc: '03',
    ess: false,
    sites: [['Serres horticoles', 'Rue de la Pépinière', 'Millam']],
    flows: [
      i('energy.heat.low', 'Chauffage hors gel des serres de plants (40 °C)', 900, 'MWh', { m: WINTER, t: 40, orig: '' }),
      o('material.agrifood_byproducts.vegetable', 'Déchets végétaux de production', 35, 't', { w: '020103', fate: 'composting R3' }),
      o('packaging.other', 'Pots et plaques de culture en plastique usagés', 2, 't', { w: '020104', fate: 'energy_recovery R1' }),
    ],
    needs: [],
  },
  {
    name: 'Pisciculture des Wateringues',
    naf: '03.22Z',
    kind: 'company',
    hc: '02',
    ess: false,
    sites: [['Bassins d’élevage en circuit recirculé', 'Route de Watten', 'Wulverdinghe']],
    flows: [
      i('energy.heat.low', 'Maintien des bassins à 26–28 °C', 700, 'MWh', { m: ALL, t: 30, orig: '' }),
      o('material.agrifood_byproducts.animal', 'Boues piscicoles (fertilisant)', 40, 't', { w: '020106', fate: 'spreading R10' }),
    ],
    needs: [],
  },

  // ===== Agri-food industry ==================================================================
  {
    name: 'Sucrerie des Moëres',
    naf: '10.81Z',
    kind: 'company',
    hc: '22',
    ess: false,
    contact: ['Philippe Dewitte', 'sucrerie-moeres'],
    conf: 'private',
    sites: [
      ['Sucrerie', 'Route de Killem', 'Hondschoote'],
      ['Bassins de décantation', 'Chemin des Bassins', 'Killem'],
    ],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pulpes de betteraves surpressées', 95000, 't', {
        s: 0,
        m: CAMPAIGN,
        h: 75,
        fate: 'other',
        c: [25, 'u', 'price'],
      }),
      o('material.construction.excavated_soil', 'Terres de lavage des betteraves', 45000, 't', {
        s: 1,
        w: '020401',
        m: CAMPAIGN,
        fate: 'other',
      }),
      o('material.minerals_aggregates', 'Écumes de sucrerie (amendement calcique)', 28000, 't', {
        s: 0,
        w: '020402',
        m: CAMPAIGN,
        fate: 'spreading R10',
        c: [5, 'u', 'price'],
      }),
      o('material.sludges.industrial', 'Boues de traitement des effluents', 3000, 't', {
        s: 1,
        w: '020403',
        fate: 'spreading R10',
        c: [15, 'u', 'cost'],
      }),
      o('water.process', 'Eaux de condensation excédentaires', 350000, 'm3', { s: 0, m: CAMPAIGN, fate: 'other' }),
      o('energy.heat.low', 'Chaleur basse température des condenseurs (45 °C)', 25000, 'MWh', { s: 0, m: CAMPAIGN, t: 45, fate: 'other' }),
      i('energy.fuels.gas', 'Gaz naturel de la chaufferie', 190000, 'MWh', { s: 0, m: CAMPAIGN, orig: '', c: [52, 'u', 'cost'] }),
      i('material.minerals_aggregates', 'Pierre à chaux pour l’épuration des jus', 40000, 't', {
        s: 0,
        m: [8, 9, 10, 11, 12],
        orig: '',
        op: 'Boulonnais (Pas-de-Calais)',
      }),
      i('packaging.pallets', 'Palettes pour le sucre conditionné', 8000, 'unit', { s: 0, orig: '', c: [9, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Ferrailles de maintenance (intercampagne)', 60, 't', {
        s: 0,
        w: '170405',
        m: [2, 3, 4, 5, 6, 7],
        fate: 'recycling R4',
        c: [180, 'u', 'price'],
      }),
    ],
    needs: [
      n(
        'skills',
        'Techniciens de maintenance pour l’intercampagne (février–août), partage possible avec d’autres industriels.',
        'service.skills',
      ),
    ],
  },
  {
    name: 'Flandres Frites et Spécialités',
    naf: '10.31Z',
    kind: 'company',
    hc: '32',
    ess: false,
    contact: ['Caroline Vandaele', 'flandres-frites'],
    conf: 'private',
    sites: [['Usine de transformation de pommes de terre', 'Zone d’activités du Pont de l’Yser', 'Bierne']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Épluchures et écarts de tri de pommes de terre', 18000, 't', {
        w: '020304',
        m: ALL,
        h: 85,
        fate: 'anaerobic_digestion R3',
        c: [10, 'u', 'price'],
        fl: false,
        fp: 'Belgique',
      }),
      o('material.agrifood_byproducts.vegetable', 'Amidon récupéré des eaux de coupe', 2500, 't', {
        m: ALL,
        fate: 'other',
        c: [80, 'u', 'price'],
      }),
      o('material.sludges.industrial', 'Boues de la station de prétraitement', 4000, 't', {
        w: '020305',
        fate: 'spreading R10',
        c: [18, 'u', 'cost'],
      }),
      o('energy.heat.low', 'Chaleur des buées de friteuses et des compresseurs (45 °C)', 9000, 'MWh', { m: ALL, t: 45, fate: 'other' }),
      o('material.paper_cardboard', 'Cartons d’emballage', 180, 't', { w: '150101', fate: 'recycling R3', c: [70, 'u', 'price'] }),
      o('material.plastics.pe', 'Films plastiques d’emballage', 45, 't', { w: '150102', fate: 'recycling R3' }),
      i('energy.fuels.gas', 'Gaz naturel (friteuses, blanchiment)', 70000, 'MWh', { m: ALL, orig: '', c: [52, 'u', 'cost'] }),
      i('water.process', 'Eau de process', 650000, 'm3', { m: ALL, orig: 'l', c: [1.8, 'u', 'cost'] }),
      i('packaging.pallets', 'Palettes neuves', 25000, 'unit', { orig: '', c: [9, 'u', 'cost'] }),
      i('packaging.other', 'Cartons d’expédition', 1800, 't', { orig: '', c: [850, 'u', 'cost'], op: 'Métropole européenne de Lille' }),
    ],
    needs: [
      n('purchasing', 'Achat groupé de palettes reconditionnées avec les industriels de la zone.', 'packaging.pallets', [
        25000,
        'unit',
        'year',
      ]),
      n('skills', 'Technicien de maintenance en froid et en automatismes (poste partagé).', 'service.skills'),
    ],
  },
  {
    name: 'Laiterie coopérative de l’Yser',
    naf: '10.51A',
    kind: 'company',
    hc: '21',
    ess: true,
    contact: ['Dominique Decool', 'laiterie-yser'],
    conf: 'private',
    sites: [['Laiterie', 'Rue de la Laiterie', 'Bambecque']],
    flows: [
      o('material.agrifood_byproducts.animal', 'Lactosérum (petit-lait)', 22000, 't', { m: ALL, fate: 'other', c: [5, 'u', 'price'] }),
      o('material.sludges.industrial', 'Boues de la station d’épuration interne', 1800, 't', {
        w: '020502',
        fate: 'spreading R10',
        c: [15, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.animal', 'Produits laitiers non conformes', 150, 't', {
        w: '020501',
        fate: 'anaerobic_digestion R3',
        c: [30, 'u', 'cost'],
      }),
      o('material.paper_cardboard', 'Cartons', 60, 't', { w: '150101', fate: 'recycling R3' }),
      o('material.plastics.mixed', 'Emballages plastiques mélangés', 25, 't', {
        w: '150102',
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
      o('energy.heat.low', 'Chaleur des condenseurs frigorifiques (30 °C)', 2500, 'MWh', { m: ALL, t: 30, fate: 'other' }),
      i('water.process', 'Eau de process et de nettoyage', 120000, 'm3', { m: ALL, orig: 'l', c: [2.1, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz naturel (pasteurisation, nettoyage en place)', 14000, 'MWh', { m: ALL, orig: '', c: [55, 'u', 'cost'] }),
      i('packaging.crates_containers', 'Caisses et bacs plastiques réutilisables', 3000, 'unit', { p: 'once', orig: '' }),
    ],
    needs: [n('skills', 'Technicien de maintenance industrielle à temps partagé.', 'service.skills')],
  },
  {
    name: 'Brasserie de la Haute-Colme',
    naf: '11.05Z',
    kind: 'company',
    hc: '11',
    ess: false,
    conf: 'cost',
    contact: ['Maxime Verhaeghe', 'brasserie-haute-colme'],
    sites: [['Brasserie et boutique', '22 quai de la Haute-Colme', 'Hoymille']],
    flows: [
      o('material.agrifood_byproducts.brewing_distilling', 'Drêches de brasserie humides', 480, 't', { m: ALL, h: 78, fate: 'other' }),
      o('material.agrifood_byproducts.brewing_distilling', 'Levures de bière usagées', 25, 't', { m: ALL, fate: 'anaerobic_digestion R3' }),
      o('gas.co2', 'CO2 de fermentation (non capté)', 40, 't', { m: ALL, fate: 'other' }),
      o('packaging.glass_bottles', 'Bouteilles consignées rapportées à la boutique', 40000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.glass.cullet', 'Bouteilles cassées sur la ligne d’embouteillage', 6, 't', { w: '150107', fate: 'recycling R5' }),
      o('material.paper_cardboard', 'Cartons', 15, 't', { w: '150101', fate: 'recycling R3' }),
      i('packaging.glass_bottles', 'Bouteilles lavées (réemploi)', 250000, 'unit', { m: ALL, orig: 'rl', c: [0.24, 'u', 'cost'] }),
      i('packaging.glass_bottles', 'Bouteilles neuves 33 cl', 150000, 'unit', {
        m: ALL,
        orig: '',
        c: [0.38, 'u', 'cost'],
        op: 'Pas-de-Calais',
      }),
      i('material.agrifood_byproducts.vegetable', 'Pain invendu pour une bière au pain', 2, 't', { orig: 'rl' }),
      i('water.process', 'Eau de brassage et de nettoyage', 4500, 'm3', { orig: 'l', c: [3.1, 'u', 'cost'] }),
    ],
    needs: [n('purchasing', 'Achat groupé de capsules, étiquettes et casiers avec les autres producteurs de boissons.', 'packaging.other')],
  },
  {
    name: 'Microbrasserie du Blootland',
    naf: '11.05Z',
    kind: 'company',
    hc: '01',
    ess: false,
    sites: [['Microbrasserie et estaminet', '3 route de Hondschoote', 'Warhem']],
    flows: [
      o('material.agrifood_byproducts.brewing_distilling', 'Drêches de brasserie', 35, 't', { h: 78, fate: 'other' }),
      o('packaging.glass_bottles', 'Bouteilles vides de l’estaminet', 6000, 'unit', { fate: 'recycling R5' }),
      i('packaging.glass_bottles', 'Bouteilles lavées 75 cl', 30000, 'unit', { orig: 'rl', c: [0.26, 'u', 'cost'] }),
    ],
    needs: [n('equipment', 'Soutireuse-étiqueteuse mobile partagée entre petites brasseries.')],
  },
  {
    name: 'Distillerie du Houtland (genièvre)',
    naf: '11.01Z',
    kind: 'company',
    hc: '03',
    ess: false,
    conf: 'private',
    sites: [['Distillerie', '17 rue de la Distillerie', 'Wormhout']],
    flows: [
      o('material.agrifood_byproducts.brewing_distilling', 'Vinasses de distillation', 900, 't', {
        w: '020702',
        m: ALL,
        fate: 'spreading R10',
        c: [12, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.brewing_distilling', 'Drêches de distillerie', 150, 't', { fate: 'other' }),
      o('energy.heat.low', 'Eau de refroidissement des alambics (35 °C)', 150, 'MWh', { t: 35, fate: 'other' }),
      i('packaging.glass_bottles', 'Bouteilles lavées', 20000, 'unit', { orig: 'rl', c: [0.3, 'u', 'cost'] }),
      i('packaging.glass_bottles', 'Bouteilles neuves', 40000, 'unit', { orig: '', c: [0.55, 'u', 'cost'], op: 'Pas-de-Calais' }),
      i('energy.fuels.gas', 'Gaz pour les alambics', 400, 'MWh', { orig: '', c: [70, 'u', 'cost'] }),
    ],
    needs: [n('purchasing', 'Achat groupé de bouteilles de réemploi standardisées.', 'packaging.glass_bottles', [60000, 'unit', 'year'])],
  },
  {
    name: 'Vergers et Jus de l’Yser',
    naf: '10.32Z',
    kind: 'company',
    hc: '02',
    ess: false,
    contact: ['Élodie Van Moere', 'vergers-yser'],
    sites: [['Pressoir', '8 chemin des Vergers', 'Bambecque']],
    flows: [
      i('packaging.glass_bottles', 'Bouteilles lavées pour jus et cidre', 80000, 'unit', {
        m: [9, 10, 11, 12],
        orig: 'rl',
        c: [0.24, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.vegetable', 'Marc de pommes', 60, 't', {
        w: '020304',
        m: [9, 10, 11],
        h: 75,
        fate: 'anaerobic_digestion R3',
      }),
    ],
    needs: [
      n('logistics', 'Retour des bouteilles vides depuis les points de vente vers le laveur.', 'packaging.glass_bottles', [
        60000,
        'unit',
        'year',
      ]),
    ],
  },
  {
    name: 'Conserverie des Moëres',
    naf: '10.39A',
    kind: 'company',
    hc: '21',
    ess: false,
    contact: ['Guillaume Tanghe', 'conserverie'],
    conf: 'private',
    sites: [['Conserverie de légumes', 'Rue de la Conserverie', 'Rexpoëde']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Parures et déchets de légumes', 3500, 't', {
        w: '020304',
        m: [6, 7, 8, 9, 10],
        fate: 'anaerobic_digestion R3',
        c: [8, 'u', 'cost'],
      }),
      o('material.sludges.industrial', 'Boues de prétraitement', 500, 't', { w: '020305', fate: 'spreading R10', c: [15, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Chutes de boîtes métalliques', 20, 't', { w: '150104', fate: 'recycling R4', c: [120, 'u', 'price'] }),
      o('material.paper_cardboard', 'Cartons', 90, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('energy.heat.low', 'Chaleur des autoclaves et des eaux de refroidissement (50 °C)', 3000, 'MWh', {
        m: [6, 7, 8, 9, 10],
        t: 50,
        fate: 'other',
      }),
      i('water.process', 'Eau de lavage des légumes', 90000, 'm3', { m: [6, 7, 8, 9, 10], orig: 'l', c: [2, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz naturel (stérilisation)', 12000, 'MWh', { m: [6, 7, 8, 9, 10], orig: '', c: [55, 'u', 'cost'] }),
    ],
    needs: [n('skills', 'Mutualiser les saisonniers avec la sucrerie (campagnes décalées : été / automne).')],
  },
  {
    name: 'Au Pain des Flandres (boulangerie industrielle)',
    naf: '10.71A',
    kind: 'company',
    hc: '21',
    ess: false,
    conf: 'private',
    sites: [['Boulangerie industrielle', '5 rue du Fournil', 'Hoymille']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pains et viennoiseries invendus ou non conformes', 120, 't', {
        w: '020601',
        m: ALL,
        fate: 'other',
      }),
      o('energy.heat.very_high', 'Fumées des fours (200 °C)', 600, 'MWh', { m: ALL, t: 200, fate: 'other' }),
      o('material.paper_cardboard', 'Cartons et sacs de farine', 35, 't', { w: '150101', fate: 'recycling R3' }),
      i('energy.fuels.gas', 'Gaz des fours', 3500, 'MWh', { m: ALL, orig: '', c: [60, 'u', 'cost'] }),
      i('packaging.crates_containers', 'Bacs de livraison réutilisables', 4000, 'unit', { p: 'once', orig: '' }),
    ],
    needs: [n('logistics', 'Mutualiser les tournées de livraison du matin avec d’autres fournisseurs des cantines.')],
  },
  {
    name: 'Boulangerie du Beffroi',
    naf: '10.71C',
    kind: 'company',
    hc: '02',
    ess: false,
    sites: [['Boulangerie-pâtisserie', '9 rue Nationale', 'Bergues']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pain invendu', 3, 't', { w: '020601', fate: 'incineration D10' }),
      o('material.paper_cardboard', 'Cartons et sacs', 2, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte des cartons mutualisée avec les commerces du centre-ville.', 'material.paper_cardboard', [
        2,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Salaisons du Westhoek',
    naf: '10.13A',
    kind: 'company',
    hc: '12',
    ess: false,
    contact: ['Francis Dewaele', 'salaisons-westhoek'],
    conf: 'cost',
    sites: [['Atelier de charcuterie (potjevleesch)', 'Rue des Charcutiers', 'Bergues']],
    flows: [
      o('material.agrifood_byproducts.animal', 'Sous-produits animaux de catégorie 3', 180, 't', {
        w: '020202',
        fate: 'other',
        c: [90, 'u', 'cost'],
      }),
      o('material.paper_cardboard', 'Cartons', 20, 't', { w: '150101', fate: 'recycling R3' }),
      o('material.plastics.mixed', 'Films et barquettes plastiques', 12, 't', {
        w: '150102',
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
      o('energy.heat.low', 'Chaleur des groupes frigorifiques (30 °C)', 600, 'MWh', { m: ALL, t: 30, fate: 'other' }),
      i('energy.heat.medium', 'Chaleur de cuisson (eau chaude 85 °C, actuellement gaz)', 900, 'MWh', { m: ALL, t: 85, orig: '' }),
    ],
    needs: [],
  },
  {
    name: 'Teillage de lin du Houtland',
    naf: '13.10Z',
    kind: 'company',
    hc: '12',
    ess: false,
    conf: 'cost',
    contact: ['Benoît Dehondt', 'teillage-lin'],
    sites: [['Usine de teillage', 'Route de Bergues', 'Socx']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Anas de lin (paillettes)', 2800, 't', {
        m: [1, 2, 3, 4, 9, 10, 11, 12],
        h: 12,
        fate: 'other',
        c: [60, 'u', 'price'],
      }),
      o('material.agrifood_byproducts.vegetable', 'Poussières et courtes fibres de lin', 300, 't', {
        w: '020103',
        m: [1, 2, 3, 4, 9, 10, 11, 12],
        fate: 'incineration D10',
        c: [90, 'u', 'cost'],
      }),
      i('energy.electricity', 'Électricité des lignes de teillage', 1800, 'MWh', { orig: '', c: [160, 'u', 'cost'] }),
      i('packaging.pallets', 'Palettes pour les balles de fibres', 1200, 'unit', { orig: '', c: [9, 'u', 'cost'] }),
    ],
    needs: [
      n('service', 'Hangar de stockage tampon pour les anas de lin.', 'service.storage', [800, 'unit', 'once']),
      n('skills', 'Maintenance mécanique mutualisée avec les industriels voisins.', 'service.skills'),
    ],
  },
  {
    name: 'Chicorée des Flandres Maritimes',
    naf: '10.83Z',
    kind: 'company',
    hc: '12',
    ess: false,
    conf: 'private',
    sites: [['Usine de torréfaction de chicorée', 'Route de Téteghem', 'Uxem']],
    flows: [
      o('energy.heat.high', 'Fumées de torréfaction récupérables (130 °C)', 4000, 'MWh', {
        m: [1, 2, 3, 9, 10, 11, 12],
        t: 130,
        fate: 'other',
      }),
      o('material.agrifood_byproducts.vegetable', 'Poussières et résidus de chicorée', 250, 't', {
        w: '020304',
        fate: 'anaerobic_digestion R3',
      }),
      i('energy.fuels.gas', 'Gaz des torréfacteurs', 9000, 'MWh', { m: [1, 2, 3, 9, 10, 11, 12], orig: '', c: [55, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Coopérative agricole des Flandres Maritimes',
    naf: '46.21Z',
    kind: 'company',
    hc: '21',
    ess: true,
    conf: 'cost',
    contact: ['Hervé Ghesquière', 'coop-flandres'],
    sites: [['Silo et séchoir', 'Avenue de la Gare', 'Wormhout']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Issues de céréales et grains cassés', 600, 't', {
        w: '020304',
        m: [7, 8, 9],
        fate: 'other',
        c: [40, 'u', 'price'],
      }),
      o('material.plastics.pp', 'Big-bags usagés en polypropylène', 12, 't', {
        w: '150102',
        fate: 'energy_recovery R1',
        c: [90, 'u', 'cost'],
      }),
      i('energy.heat.medium', 'Chaleur pour le séchage du maïs (80 °C)', 3000, 'MWh', { m: [9, 10, 11], t: 80, orig: '' }),
      i('energy.fuels.gas', 'Gaz des séchoirs', 5000, 'MWh', { m: [7, 8, 9, 10, 11], orig: '', c: [60, 'u', 'cost'] }),
    ],
    needs: [n('equipment', 'Presse à balles partagée pour les films et big-bags agricoles.')],
  },

  // ===== Wood ================================================================================
  {
    name: 'Scierie de l’Houtland',
    naf: '16.10A',
    kind: 'company',
    hc: '11',
    ess: false,
    conf: 'cost',
    contact: ['Jean-Marc Lobbedez', 'scierie-houtland'],
    sites: [['Scierie', 'Route de Winnezeele', 'Herzeele']],
    flows: [
      o('material.wood.clean', 'Écorces', 1400, 't', { w: '030101', h: 50, fate: 'energy_recovery R1', c: [25, 'u', 'price'] }),
      o('material.wood.clean', 'Sciures et copeaux de bois non traité', 2200, 't', {
        w: '030105',
        h: 45,
        g: 'high',
        fate: 'energy_recovery R1',
        c: [35, 'u', 'price'],
      }),
      o('material.wood.clean', 'Dosses, délignures et chutes de sciage', 1100, 't', {
        w: '030105',
        h: 40,
        g: 'high',
        fate: 'energy_recovery R1',
        c: [30, 'u', 'price'],
      }),
      i('energy.heat.medium', 'Chaleur pour le séchoir à bois (75 °C)', 1500, 'MWh', { m: ALL, t: 75, orig: 'l' }),
      i('energy.electricity', 'Électricité', 900, 'MWh', { orig: '', c: [160, 'u', 'cost'] }),
    ],
    needs: [
      n('logistics', 'Transport groupé des connexes vers les chaufferies et la centrale de Watten.', 'material.wood.clean', [
        4700,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Palettes Services des Flandres',
    naf: '16.24Z',
    kind: 'company',
    hc: '12',
    ess: false,
    contact: ['Stéphane Maerten', 'palettes-flandres'],
    conf: 'cost',
    sites: [['Atelier de fabrication et de reconditionnement', 'Rue des Palettiers', 'Bierne']],
    flows: [
      i('packaging.pallets', 'Palettes usagées à trier et réparer', 60000, 'unit', { orig: 'rl', c: [1.5, 'u', 'cost'] }),
      i('material.wood.clean', 'Bois scié pour palettes neuves', 1200, 't', { orig: '', c: [260, 'u', 'cost'], op: 'Belgique' }),
      o('packaging.pallets', 'Palettes reconditionnées', 52000, 'unit', { fate: 'reuse', c: [6.5, 'u', 'price'] }),
      o('material.wood.clean', 'Palettes cassées et bois de palettes non réparable', 700, 't', {
        w: '150103',
        h: 18,
        fate: 'energy_recovery R1',
        c: [20, 'u', 'cost'],
      }),
      o('material.wood.clean', 'Sciures de fabrication', 180, 't', { w: '030105', h: 15, fate: 'energy_recovery R1' }),
      o('material.metals.ferrous', 'Pointes et feuillards métalliques', 25, 't', {
        w: '191202',
        fate: 'recycling R4',
        c: [150, 'u', 'price'],
      }),
    ],
    needs: [n('equipment', 'Chariot élévateur partagé pour les pics d’activité.')],
  },
  {
    name: 'Menuiserie Bois et Alu de la Colme',
    naf: '16.23Z',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Atelier de menuiserie', '12 rue de l’Artisanat', 'Rexpoëde']],
    flows: [
      o('material.wood.clean', 'Chutes de bois massif et de panneaux non traités', 140, 't', {
        w: '030105',
        h: 12,
        fate: 'energy_recovery R1',
        c: [30, 'u', 'cost'],
      }),
      o('material.wood.hazardous', 'Chutes et sciures de bois traité ou vernis', 35, 't', {
        w: '030104',
        hz: true,
        fate: 'incineration D10',
        c: [160, 'u', 'cost'],
      }),
      o('material.metals.aluminium', 'Chutes de profilés aluminium', 8, 't', { w: '120103', fate: 'recycling R4', c: [900, 'u', 'price'] }),
      o('material.chemicals.solvents', 'Solvants et diluants usagés', 1.5, 't', {
        w: '140603',
        hz: true,
        fate: 'energy_recovery R1',
        c: [700, 'u', 'cost'],
      }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux des artisans (solvants, bois traité).', 'material.chemicals.solvents', [
        1.5,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Charpentes et Ossatures du Westhoek',
    naf: '16.23Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Atelier de charpente', 'Rue de la Charpenterie', 'Wormhout']],
    flows: [
      o('material.wood.clean', 'Chutes de charpente non traitées', 260, 't', {
        w: '030105',
        h: 18,
        fate: 'energy_recovery R1',
        c: [25, 'u', 'cost'],
      }),
      o('material.wood.clean', 'Sciures et copeaux', 80, 't', { w: '030105', h: 15, fate: 'energy_recovery R1' }),
      i('material.wood.clean', 'Bois de charpente (sapin, douglas)', 1800, 't', { orig: '', c: [420, 'u', 'cost'], op: 'Vosges' }),
    ],
    needs: [n('skills', 'Charpentier qualifié (recrutement difficile).')],
  },
  {
    name: 'Atelier d’ébénisterie du Mont',
    naf: '31.09B',
    kind: 'company',
    hc: '01',
    ess: false,
    sites: [['Atelier', '2 chemin du Mont', 'Esquelbecq']],
    flows: [
      i('material.wood.clean', 'Bois de réemploi (poutres, planchers anciens)', 8, 't', { orig: 'rl' }),
      o('material.wood.clean', 'Sciures et copeaux', 6, 't', { w: '030105', fate: 'energy_recovery R1' }),
    ],
    needs: [n('equipment', 'Aspiration et dégauchisseuse partagées dans un atelier collectif.')],
  },
  {
    name: 'Briqueterie du Houtland',
    naf: '23.32Z',
    kind: 'company',
    hc: '21',
    ess: false,
    contact: ['Laurence Cappoen', 'briqueterie'],
    conf: 'private',
    sites: [['Briqueterie', 'Route de Rexpoëde', 'Killem']],
    flows: [
      i('material.construction.excavated_soil', 'Argiles et limons de terrassement', 30000, 't', {
        w: '170504',
        orig: 'rl',
        c: [4, 'u', 'price'],
      }),
      i('material.wood.clean', 'Sciure de bois (agent porogène)', 1500, 't', { w: '030105', h: 30, orig: 'rl', c: [30, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz du four tunnel', 35000, 'MWh', { m: ALL, orig: '', c: [52, 'u', 'cost'] }),
      o('energy.heat.high', 'Air chaud de refroidissement du four (120 °C)', 6000, 'MWh', { m: ALL, t: 120, fate: 'other' }),
      o('material.construction.inert', 'Briques cassées et déclassées', 1200, 't', { w: '101208', fate: 'recycling R5' }),
    ],
    needs: [],
  },

  // ===== Construction, demolition, materials =================================================
  {
    name: 'Flandres Bâtiment',
    naf: '41.20B',
    kind: 'company',
    hc: '21',
    ess: false,
    contact: ['Christophe Wallyn', 'flandres-batiment'],
    conf: 'cost',
    sites: [['Dépôt et base chantier', 'Rue du Bâtiment', 'Hoymille']],
    flows: [
      o('material.construction.inert', 'Gravats inertes de chantier', 3500, 't', {
        w: '170107',
        fate: 'landfill D5',
        c: [18, 'u', 'cost'],
      }),
      o('material.construction.mixed', 'Déchets de chantier en mélange', 600, 't', { w: '170904', fate: 'other', c: [140, 'u', 'cost'] }),
      o('material.wood.treated', 'Bois de chantier (coffrages, menuiseries déposées)', 120, 't', {
        w: '170201',
        fate: 'energy_recovery R1',
        c: [70, 'u', 'cost'],
      }),
      o('material.gypsum', 'Chutes de plaques de plâtre', 45, 't', { w: '170802', fate: 'landfill D5', c: [95, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Ferrailles et aciers de chantier', 40, 't', {
        w: '170405',
        fate: 'recycling R4',
        c: [120, 'u', 'price'],
      }),
      i('material.minerals_aggregates', 'Granulats pour fondations et dallages', 5000, 't', { orig: 'l', c: [18, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Bennes de tri partagées sur les chantiers voisins (plâtre, bois, inertes).', 'material.construction.mixed', [
        600,
        't',
        'year',
      ]),
      n('purchasing', 'Acheter des granulats recyclés certifiés localement.', 'material.minerals_aggregates', [2000, 't', 'year']),
    ],
  },
  {
    name: 'Maisons du Houtland',
    naf: '41.20A',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Dépôt', 'Rue de Wormhout', 'Esquelbecq']],
    flows: [
      o('material.construction.inert', 'Gravats inertes', 900, 't', { w: '170107', fate: 'landfill D5', c: [18, 'u', 'cost'] }),
      o('material.construction.mixed', 'Déchets de chantier en mélange', 200, 't', { w: '170904', fate: 'other', c: [140, 'u', 'cost'] }),
      o('material.gypsum', 'Chutes de plâtre', 25, 't', { w: '170802', fate: 'landfill D5', c: [95, 'u', 'cost'] }),
      o('material.wood.treated', 'Bois de chantier', 40, 't', { w: '170201', fate: 'energy_recovery R1', c: [70, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des chutes de plâtre vers une filière de recyclage.', 'material.gypsum', [
        25,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Démolition et Désamiantage de l’Aa',
    naf: '43.11Z',
    kind: 'company',
    hc: '12',
    ess: false,
    contact: ['Romain Vanpeene', 'demolition-aa'],
    conf: 'cost',
    sites: [['Plateforme de tri et de stockage', 'Zone artisanale du Canal', 'Watten']],
    flows: [
      o('material.construction.inert', 'Bétons de démolition', 12000, 't', { w: '170101', fate: 'recycling R5', c: [8, 'u', 'cost'] }),
      o('material.construction.inert', 'Briques anciennes de démolition (réemployables en partie)', 3000, 't', {
        w: '170102',
        fate: 'landfill D5',
        c: [12, 'u', 'cost'],
      }),
      o('material.metals.ferrous', 'Ferrailles de démolition', 900, 't', { w: '170405', fate: 'recycling R4', c: [180, 'u', 'price'] }),
      o('material.wood.treated', 'Bois de démolition', 500, 't', { w: '170201', fate: 'energy_recovery R1', c: [60, 'u', 'cost'] }),
      o('material.construction.mixed', 'Déchets de démolition en mélange', 700, 't', { w: '170904', fate: 'other', c: [130, 'u', 'cost'] }),
      o('material.construction.excavated_soil', 'Terres et pierres d’excavation', 4000, 't', {
        w: '170504',
        fate: 'landfill D5',
        c: [12, 'u', 'cost'],
      }),
      o('material.metals.copper', 'Câbles électriques de curage', 12, 't', { w: '170411', fate: 'recycling R4', c: [2500, 'u', 'price'] }),
    ],
    needs: [
      n('service', 'Plateforme de stockage des matériaux de réemploi (briques, tuiles, portes) ouverte aux artisans.', 'service.storage', [
        1500,
        'unit',
        'once',
      ]),
      n('service', 'Diagnostic produits-équipements-matériaux-déchets (PEMD) mutualisé pour les chantiers publics.'),
    ],
  },
  {
    name: 'Béton Prêt de l’Aa',
    naf: '23.63Z',
    kind: 'company',
    hc: '11',
    ess: false,
    conf: 'private',
    sites: [['Centrale à béton', 'Quai de l’Aa', 'Watten']],
    flows: [
      i('material.minerals_aggregates', 'Sables et graviers', 45000, 't', { orig: '', c: [22, 'u', 'cost'], op: DUNKERQUE }),
      i('water.process', 'Eau de gâchage et de lavage', 9000, 'm3', { orig: 'l', c: [2.5, 'u', 'cost'] }),
      o('material.construction.inert', 'Bétons de retour et boues de lavage', 1200, 't', {
        w: '101314',
        fate: 'recycling R5',
        c: [10, 'u', 'cost'],
      }),
    ],
    needs: [
      n('purchasing', 'Granulats recyclés de béton pour une partie des formulations.', 'material.minerals_aggregates', [8000, 't', 'year']),
    ],
  },
  {
    name: 'Sablière et plateforme de recyclage du Mont de Watten',
    naf: '08.12Z',
    kind: 'company',
    hc: '11',
    ess: false,
    contact: ['Patrick Delannoy', 'sabliere'],
    conf: 'cost',
    sites: [['Sablière et plateforme de recyclage', 'Chemin de la Sablière', 'Watten']],
    flows: [
      o('material.minerals_aggregates', 'Sables extraits', 120000, 't', { fate: 'other', c: [14, 'u', 'price'] }),
      o('material.minerals_aggregates', 'Granulats recyclés de béton (0/31,5)', 14000, 't', { fate: 'other', c: [9, 'u', 'price'] }),
      i('material.construction.excavated_soil', 'Terres inertes pour le remblaiement de la sablière', 60000, 't', {
        w: '170504',
        orig: 'rl',
        c: [6, 'u', 'price'],
      }),
      i('material.construction.inert', 'Bétons de démolition à concasser', 15000, 't', { w: '170101', orig: 'rl', c: [5, 'u', 'price'] }),
    ],
    needs: [n('logistics', 'Double fret : charger des granulats au retour des camions qui livrent des terres.')],
  },
  {
    name: 'Travaux Publics des Moëres',
    naf: '42.11Z',
    kind: 'company',
    hc: '21',
    ess: false,
    conf: 'cost',
    sites: [['Dépôt travaux publics', 'Rue des Travaux', 'Bierne']],
    flows: [
      o('material.construction.inert', 'Fraisats d’enrobés bitumineux', 4000, 't', {
        w: '170302',
        fate: 'recycling R5',
        c: [6, 'u', 'cost'],
      }),
      o('material.construction.excavated_soil', 'Terres de terrassement', 25000, 't', {
        w: '170504',
        fate: 'landfill D5',
        c: [10, 'u', 'cost'],
      }),
      i('material.minerals_aggregates', 'Granulats routiers', 30000, 't', { orig: '', c: [20, 'u', 'cost'], op: 'Belgique' }),
    ],
    needs: [n('service', 'Plateforme de transit et de caractérisation des terres excavées.', 'service.storage', [5000, 'unit', 'once'])],
  },
  {
    name: 'Plâtrerie Isolation Flandres',
    naf: '43.31Z',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Dépôt', '4 rue des Artisans', 'Bergues']],
    flows: [
      o('material.gypsum', 'Chutes de plaques de plâtre', 18, 't', { w: '170802', fate: 'landfill D5', c: [100, 'u', 'cost'] }),
      o('material.construction.mixed', 'Laines minérales de dépose', 6, 't', { w: '170604', fate: 'landfill D5', c: [160, 'u', 'cost'] }),
    ],
    needs: [n('waste_collection', 'Collecte partagée des déchets de plâtre vers un recycleur.', 'material.gypsum', [18, 't', 'year'])],
  },
  {
    name: 'Électricité Générale du Houtland',
    naf: '43.21A',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Atelier et dépôt', 'Rue Ampère', 'Wormhout']],
    flows: [
      o('material.metals.copper', 'Chutes de câbles électriques', 3, 't', { w: '170411', fate: 'recycling R4', c: [3000, 'u', 'price'] }),
      o('equipment.machinery', 'Luminaires et appareillages déposés', 4, 't', { w: '160214', fate: 'recycling R4' }),
      o('material.paper_cardboard', 'Cartons d’emballage', 8, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des cartons avec les artisans de la zone Ampère.', 'material.paper_cardboard', [
        8,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Couverture Zinguerie de Bergues',
    naf: '43.91B',
    kind: 'company',
    hc: '02',
    ess: false,
    sites: [['Atelier', '6 rue des Couvreurs', 'Bergues']],
    flows: [
      o('material.metals.mixed', 'Chutes de zinc et de plomb', 4, 't', {
        w: '170407',
        fate: 'recycling R4',
        c: [800, 'u', 'price'],
        fp: null,
      }),
      o('material.construction.inert', 'Tuiles flamandes anciennes déposées (réemployables)', 40, 't', {
        w: '170103',
        fate: 'landfill D5',
        c: [18, 'u', 'cost'],
      }),
    ],
    needs: [],
  },
  {
    name: 'Plomberie Chauffage des Flandres',
    naf: '43.22A',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Atelier', '15 rue de Warhem', 'Hondschoote']],
    flows: [
      o('material.metals.copper', 'Tubes et chutes de cuivre', 2, 't', { w: '170401', fate: 'recycling R4', c: [4500, 'u', 'price'] }),
      o('equipment.machinery', 'Chaudières et ballons déposés', 6, 't', { w: '170405', fate: 'recycling R4' }),
    ],
    needs: [n('skills', 'Chauffagiste formé aux chaudières biomasse et pompes à chaleur.')],
  },
  {
    name: 'Peinture et Décoration de l’Yser',
    naf: '43.34Z',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Dépôt', '3 rue des Peintres', 'Wormhout']],
    flows: [
      o('material.chemicals.other', 'Restes de peintures et vernis solvantés', 1.2, 't', {
        w: '080111',
        hz: true,
        fate: 'incineration D10',
        c: [900, 'u', 'cost'],
      }),
      o('packaging.other', 'Pots et emballages souillés', 0.8, 't', {
        w: '150110',
        hz: true,
        fate: 'incineration D10',
        c: [800, 'u', 'cost'],
      }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux des artisans du bâtiment.', 'material.chemicals.other', [
        2,
        't',
        'year',
      ]),
    ],
  },

  // ===== Manufacturing, logistics, services ==================================================
  {
    name: 'Chaudronnerie Flandres Métal',
    naf: '25.11Z',
    kind: 'company',
    hc: '21',
    ess: false,
    contact: ['Yannick Deschodt', 'flandres-metal'],
    conf: 'private',
    sites: [['Atelier de chaudronnerie', 'Rue de la Métallurgie', 'Bierne']],
    flows: [
      o('material.metals.ferrous', 'Chutes de tôles et profilés acier', 650, 't', {
        w: '120101',
        fate: 'recycling R4',
        c: [230, 'u', 'price'],
      }),
      o('material.metals.ferrous', 'Poussières et particules de meulage', 20, 't', {
        w: '120102',
        fate: 'recycling R4',
        c: [40, 'u', 'price'],
      }),
      o('material.chemicals.other', 'Émulsions d’usinage usagées', 35, 't', {
        w: '120109',
        hz: true,
        fate: 'other',
        c: [180, 'u', 'cost'],
      }),
      o('material.wood.clean', 'Emballages bois (caisses, palettes perdues)', 30, 't', {
        w: '150103',
        fate: 'energy_recovery R1',
        c: [30, 'u', 'cost'],
      }),
      i('energy.electricity', 'Électricité', 2500, 'MWh', { orig: '', c: [150, 'u', 'cost'] }),
      i('packaging.pallets', 'Palettes', 2000, 'unit', { orig: '', c: [10, 'u', 'cost'] }),
    ],
    needs: [
      n('skills', 'Technicien de maintenance industrielle partagé avec d’autres PME (2 jours par semaine).', 'service.skills', [
        700,
        'unit',
        'year',
      ]),
      n('equipment', 'Chariot élévateur 5 t partagé pour les pièces lourdes.'),
      n(
        'waste_collection',
        'Regrouper les ferrailles de plusieurs entreprises pour obtenir un meilleur prix de reprise.',
        'material.metals.ferrous',
        [650, 't', 'year'],
      ),
      n('purchasing', 'Achat groupé de palettes reconditionnées.', 'packaging.pallets', [2000, 'unit', 'year']),
    ],
  },
  {
    name: 'Mécanique de Précision de Hondschoote',
    naf: '25.62B',
    kind: 'company',
    hc: '12',
    ess: false,
    conf: 'private',
    sites: [['Atelier d’usinage', 'Rue des Tourneurs', 'Hondschoote']],
    flows: [
      o('material.metals.ferrous', 'Copeaux et tournures d’acier', 90, 't', { w: '120101', fate: 'recycling R4', c: [200, 'u', 'price'] }),
      o('material.metals.aluminium', 'Copeaux d’aluminium', 25, 't', { w: '120103', fate: 'recycling R4', c: [900, 'u', 'price'] }),
      o('material.chemicals.other', 'Émulsions d’usinage usagées', 12, 't', {
        w: '120109',
        hz: true,
        fate: 'other',
        c: [190, 'u', 'cost'],
      }),
      o('material.chemicals.other', 'Huiles de machines usagées', 2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
    ],
    needs: [
      n('skills', 'Technicien de maintenance partagé.', 'service.skills', [400, 'unit', 'year']),
      n('equipment', 'Chariot élévateur partagé.'),
    ],
  },
  {
    name: 'Plasturgie de l’Yser',
    naf: '22.29A',
    kind: 'company',
    hc: '22',
    ess: false,
    contact: ['Virginie Buyck', 'plasturgie-yser'],
    conf: 'private',
    sites: [['Usine d’injection plastique', 'Zone d’activités de la Kruysstraete', 'Wormhout']],
    flows: [
      o('material.plastics.pp', 'Carottes et pièces rebutées en polypropylène', 140, 't', {
        w: '070213',
        g: 'high',
        fate: 'recycling R3',
        c: [250, 'u', 'price'],
        fp: 'Belgique',
      }),
      o('material.plastics.pe', 'Films d’emballage en polyéthylène', 25, 't', { w: '150102', fate: 'recycling R3' }),
      o('material.paper_cardboard', 'Cartons', 70, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('energy.heat.low', 'Chaleur des circuits de refroidissement des presses (35 °C)', 2000, 'MWh', { m: ALL, t: 35, fate: 'other' }),
      i('material.plastics.pp', 'Granulés de polypropylène vierge', 1600, 't', { orig: '', c: [1350, 'u', 'cost'], op: 'Belgique' }),
      i('energy.electricity', 'Électricité des presses', 6000, 'MWh', { orig: '', c: [150, 'u', 'cost'] }),
      i('water.cooling', 'Appoint d’eau de refroidissement', 8000, 'm3', { orig: 'l', c: [2.5, 'u', 'cost'] }),
      i('packaging.pallets', 'Palettes', 6000, 'unit', { orig: '', c: [9, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Polypropylène recyclé local (big-bags, pare-chocs broyés) pour 15 % des pièces.', 'material.plastics.pp', [
        240,
        't',
        'year',
      ]),
      n('purchasing', 'Achat groupé de palettes reconditionnées.', 'packaging.pallets', [6000, 'unit', 'year']),
      n('skills', 'Technicien de maintenance partagé (moules et presses).', 'service.skills'),
    ],
  },
  {
    name: 'Emballages Plastiques du Nord (entreprise fictive)',
    naf: '22.22Z',
    kind: 'company',
    hc: '21',
    ess: false,
    conf: 'private',
    sites: [['Usine d’extrusion de films', 'Rue de l’Extrusion', 'Bierne']],
    flows: [
      o('material.plastics.pe', 'Chutes de films polyéthylène', 90, 't', {
        w: '070213',
        g: 'high',
        fate: 'recycling R3',
        c: [200, 'u', 'price'],
        fp: 'Belgique',
      }),
      i('material.plastics.pe', 'Polyéthylène (vierge et recyclé)', 2500, 't', { orig: '', c: [1400, 'u', 'cost'], op: 'Belgique' }),
      i('material.plastics.pp', 'Polypropylène recyclé accepté', 300, 't', {
        orig: 'r',
        c: [900, 'u', 'cost'],
        op: 'Métropole européenne de Lille',
      }),
    ],
    needs: [
      n('purchasing', 'Films de polyéthylène usagés propres (logistique, agriculture) à régénérer.', 'material.plastics.pe', [
        300,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Atelier de confection Flandres Textiles',
    naf: '14.13Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Atelier de confection', 'Rue des Tisserands', 'Hondschoote']],
    flows: [
      o('material.textiles', 'Chutes de coupe de tissus', 18, 't', { w: '040222', fate: 'energy_recovery R1', c: [120, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons et tubes', 10, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [n('skills', 'Couturières qualifiées (formation partagée avec l’atelier d’insertion).')],
  },
  {
    name: 'Imprimerie du Beffroi',
    naf: '18.12Z',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Imprimerie', '8 rue de l’Imprimerie', 'Bergues']],
    flows: [
      o('material.paper_cardboard', 'Rognures et gâches de papier', 45, 't', { w: '200101', fate: 'recycling R3', c: [80, 'u', 'price'] }),
      o('material.chemicals.other', 'Encres usagées', 0.8, 't', { w: '080312', hz: true, fate: 'incineration D10', c: [950, 'u', 'cost'] }),
      o('material.chemicals.solvents', 'Solvants de nettoyage', 1.2, 't', {
        w: '140603',
        hz: true,
        fate: 'energy_recovery R1',
        c: [700, 'u', 'cost'],
      }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux en petites quantités.', 'material.chemicals.solvents', [
        2,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Transports Frigorifiques des Flandres',
    naf: '49.41A',
    kind: 'company',
    hc: '22',
    ess: false,
    contact: ['David Goudaert', 'tff'],
    conf: 'cost',
    sites: [['Base de transport', 'Rue du Transport', 'Bierne']],
    flows: [
      o('material.chemicals.other', 'Huiles moteur usagées', 6, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('service.logistics', 'Capacités de fret retour disponibles (trajets à vide)', 300, 'unit', {
        fate: 'other',
        c: [180, 'u', 'price'],
      }),
      i('energy.fuels.liquid', 'Gazole', 9000, 'MWh', { orig: '', c: [120, 'u', 'cost'], op: DUNKERQUE }),
    ],
    needs: [n('logistics', 'Remplir les retours à vide avec des flux locaux (palettes, bouteilles, coproduits).')],
  },
  {
    name: 'Entrepôt Logistique de la Haute-Colme',
    naf: '52.10B',
    kind: 'company',
    hc: '22',
    ess: false,
    contact: ['Sandrine Debuyser', 'entrepot-colme'],
    conf: 'private',
    sites: [['Entrepôt logistique (40 000 m²)', 'Zone logistique de la Haute-Colme', 'Bierne']],
    flows: [
      o('material.paper_cardboard', 'Cartons d’emballage', 420, 't', { w: '150101', fate: 'recycling R3', c: [70, 'u', 'price'] }),
      o('material.plastics.pe', 'Films étirables et housses', 110, 't', { w: '150102', fate: 'recycling R3', c: [80, 'u', 'price'] }),
      o('material.wood.clean', 'Palettes cassées', 160, 't', { w: '150103', h: 18, fate: 'energy_recovery R1', c: [25, 'u', 'cost'] }),
      o('packaging.pallets', 'Palettes réutilisables en surplus', 18000, 'unit', { fate: 'reuse', c: [3, 'u', 'price'] }),
      o('service.storage', 'Surfaces de stockage disponibles (m²)', 2000, 'unit', { fate: 'other' }),
      i('packaging.pallets', 'Palettes neuves', 12000, 'unit', { orig: '', c: [9, 'u', 'cost'] }),
      i('packaging.other', 'Film étirable', 60, 't', { orig: '', c: [1800, 'u', 'cost'] }),
    ],
    needs: [
      n('equipment', 'Presse à balles pour cartons et films, partagée avec les entreprises de la zone.', 'material.paper_cardboard', [
        420,
        't',
        'year',
      ]),
      n('waste_collection', 'Collecte mutualisée des cartons de la zone de Bierne.', 'material.paper_cardboard', [420, 't', 'year']),
    ],
  },
  {
    name: 'Frigo Flandres (entreposage frigorifique)',
    naf: '52.10A',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Entrepôt frigorifique', 'Rue du Froid', 'Bierne']],
    flows: [
      o('energy.heat.low', 'Chaleur des condenseurs frigorifiques (32 °C)', 3500, 'MWh', { m: ALL, t: 32, fate: 'other' }),
      o('material.paper_cardboard', 'Cartons', 60, 't', { w: '150101', fate: 'recycling R3' }),
      i('energy.electricity', 'Électricité', 5500, 'MWh', { orig: '', c: [150, 'u', 'cost'] }),
    ],
    needs: [n('skills', 'Frigoriste de maintenance partagé.', 'service.skills')],
  },
  {
    name: 'Garage du Beffroi',
    naf: '45.20A',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Garage', '24 route de Dunkerque', 'Bergues']],
    flows: [
      o('material.chemicals.other', 'Huiles moteur usagées', 3.2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('material.chemicals.other', 'Filtres à huile usagés', 0.4, 't', {
        w: '160107',
        hz: true,
        fate: 'recycling R4',
        c: [600, 'u', 'cost'],
      }),
      o('material.metals.mixed', 'Batteries au plomb', 0.9, 't', {
        w: '160601',
        hz: true,
        fate: 'recycling R4',
        c: [500, 'u', 'price'],
        fp: null,
      }),
      o('material.metals.ferrous', 'Pièces mécaniques usagées', 4, 't', { w: '160117', fate: 'recycling R4', c: [150, 'u', 'price'] }),
    ],
    needs: [
      n('waste_collection', 'Tournée de collecte groupée des déchets dangereux des garages.', 'material.chemicals.other', [
        3.6,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Garage agricole des Moëres',
    naf: '33.12Z',
    kind: 'company',
    hc: '12',
    ess: false,
    conf: 'cost',
    sites: [['Atelier de réparation de machines agricoles', 'Route de Bergues', 'Rexpoëde']],
    flows: [
      o('material.chemicals.other', 'Huiles usagées', 9, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('material.chemicals.other', 'Filtres à huile', 1, 't', { w: '160107', hz: true, fate: 'recycling R4', c: [600, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Pièces et ferrailles de réparation', 25, 't', {
        w: '160117',
        fate: 'recycling R4',
        c: [150, 'u', 'price'],
      }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux avec les autres garages.', 'material.chemicals.other', [
        10,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Carrosserie Poids Lourds du Westhoek',
    naf: '45.20B',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Atelier de carrosserie', 'Rue de la Carrosserie', 'Wormhout']],
    flows: [
      o('material.chemicals.other', 'Boues de peinture solvantée', 0.8, 't', {
        w: '080113',
        hz: true,
        fate: 'incineration D10',
        c: [950, 'u', 'cost'],
      }),
      o('material.chemicals.solvents', 'Solvants usagés', 1, 't', {
        w: '140603',
        hz: true,
        fate: 'energy_recovery R1',
        c: [700, 'u', 'cost'],
      }),
      o('material.plastics.pp', 'Pare-chocs et pièces plastiques déposés', 3, 't', {
        w: '160119',
        fate: 'landfill D5',
        c: [120, 'u', 'cost'],
      }),
    ],
    needs: [],
  },
  {
    name: 'Nettoyage Industriel des Flandres',
    naf: '81.22Z',
    kind: 'company',
    hc: '21',
    ess: false,
    sites: [['Dépôt', 'Rue de la Propreté', 'Hoymille']],
    flows: [
      o('material.chemicals.other', 'Absorbants et chiffons souillés', 2, 't', {
        w: '150202',
        hz: true,
        fate: 'incineration D10',
        c: [850, 'u', 'cost'],
      }),
    ],
    needs: [n('purchasing', 'Achat groupé de produits d’entretien écolabellisés.')],
  },
  {
    name: 'Blanchisserie industrielle de l’Houtland',
    naf: '96.01A',
    kind: 'company',
    hc: '21',
    ess: false,
    contact: ['Agnès Lecointe', 'blanchisserie'],
    conf: 'private',
    sites: [['Blanchisserie', 'Rue du Lavoir', 'Wormhout']],
    flows: [
      i('energy.heat.medium', 'Eau chaude de lavage (70 °C)', 3200, 'MWh', { m: ALL, t: 70, orig: '' }),
      i('energy.fuels.gas', 'Gaz des chaudières et des séchoirs', 4000, 'MWh', { m: ALL, orig: '', c: [58, 'u', 'cost'] }),
      i('water.process', 'Eau de lavage', 45000, 'm3', { m: ALL, orig: 'l', c: [3, 'u', 'cost'] }),
      o('energy.heat.low', 'Chaleur des eaux de lavage évacuées (35 °C)', 1400, 'MWh', { m: ALL, t: 35, fate: 'other' }),
      o('material.textiles', 'Linge hôtelier et hospitalier réformé', 12, 't', {
        w: '200111',
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
    ],
    needs: [],
  },
  {
    name: 'Informatique et Bureautique Flandres',
    naf: '62.02A',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Bureaux et atelier', '10 rue du Numérique', 'Wormhout']],
    flows: [
      o('equipment.it', 'Postes informatiques et écrans repris chez les clients', 350, 'unit', { fate: 'recycling R4', g: 'medium' }),
      o('material.chemicals.other', 'Cartouches de toner usagées', 0.3, 't', { w: '080318', fate: 'recycling R3' }),
    ],
    needs: [
      n('service', 'Partenaire de reconditionnement des postes informatiques (réemploi solidaire).', 'equipment.it', [350, 'unit', 'year']),
    ],
  },
  {
    name: 'Cabinet d’expertise comptable du Houtland',
    naf: '69.20Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Bureaux', '5 rue Carnot', 'Bergues']],
    flows: [
      o('equipment.it', 'Ordinateurs portables et fixes renouvelés', 60, 'unit', { p: 'once', fate: 'recycling R4', g: 'high' }),
      o('equipment.furniture', 'Mobilier de bureau (déménagement)', 30, 'unit', { p: 'once', fate: 'other', g: 'high' }),
      o('material.paper_cardboard', 'Papiers de bureau', 4, 't', { w: '200101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des papiers et cartons des bureaux du centre-ville.', 'material.paper_cardboard', [
        4,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Bureau d’études Thermique et Énergie des Flandres',
    naf: '71.12B',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Bureaux', '9 rue Watt', 'Wormhout']],
    flows: [
      o('service.skills', 'Jours d’études de faisabilité (réseaux de chaleur, récupération de chaleur fatale)', 40, 'unit', {
        fate: 'other',
        c: [750, 'u', 'price'],
      }),
    ],
    needs: [],
  },

  // ===== Retail, hospitality, food service ===================================================
  {
    name: 'Supermarché Flandre Marché de Wormhout',
    naf: '47.11D',
    kind: 'company',
    hc: '21',
    ess: false,
    contact: ['Mickaël Vanbelle', 'supermarche-wormhout'],
    conf: 'private',
    sites: [['Supermarché', 'Avenue de Dunkerque', 'Wormhout']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets (fruits, légumes, produits frais périmés)', 90, 't', {
        w: '200108',
        m: ALL,
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
      o('material.biowaste.food_waste', 'Invendus consommables donnés', 35, 't', { m: ALL, fate: 'reuse' }),
      o('material.paper_cardboard', 'Cartons', 140, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('material.plastics.pe', 'Films plastiques', 22, 't', { w: '150102', fate: 'recycling R3' }),
      o('packaging.pallets', 'Palettes de livraison', 6000, 'unit', { fate: 'reuse', fl: false, fp: 'Métropole européenne de Lille' }),
      o('packaging.glass_bottles', 'Bouteilles consignées rapportées par les clients', 30000, 'unit', { fate: 'recycling R5' }),
    ],
    needs: [n('waste_collection', 'Collecte des biodéchets vers le méthaniseur local.', 'material.biowaste.food_waste', [90, 't', 'year'])],
  },
  {
    name: 'Supermarché des Moëres',
    naf: '47.11D',
    kind: 'company',
    hc: '12',
    ess: false,
    conf: 'private',
    sites: [['Supermarché', 'Route de Bergues', 'Hondschoote']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets', 60, 't', { w: '200108', m: ALL, fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons', 90, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('material.plastics.pe', 'Films plastiques', 12, 't', { w: '150102', fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('packaging.pallets', 'Palettes', 3500, 'unit', { fate: 'reuse', fl: false, fp: 'Métropole européenne de Lille' }),
    ],
    needs: [
      n('equipment', 'Presse à balles partagée pour les films plastiques.', 'material.plastics.pe', [12, 't', 'year']),
      n('waste_collection', 'Collecte des biodéchets vers la méthanisation.', 'material.biowaste.food_waste', [60, 't', 'year']),
    ],
  },
  {
    name: 'Supérette de Watten',
    naf: '47.11C',
    kind: 'company',
    hc: '02',
    ess: false,
    sites: [['Supérette', '2 place de Watten', 'Watten']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets', 8, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons', 15, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [n('waste_collection', 'Collecte mutualisée des cartons des petits commerces.', 'material.paper_cardboard', [15, 't', 'year'])],
  },
  {
    name: 'Primeurs en gros des Flandres',
    naf: '46.31Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Entrepôt de fruits et légumes', 'Rue du Marché de Gros', 'Bierne']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Fruits et légumes invendables', 400, 't', {
        w: '020304',
        m: ALL,
        fate: 'composting R3',
        c: [45, 'u', 'cost'],
      }),
      o('packaging.crates_containers', 'Cagettes en bois', 20000, 'unit', { fate: 'energy_recovery R1' }),
      o('material.paper_cardboard', 'Cartons', 80, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
    ],
    needs: [n('logistics', 'Livraison mutualisée des cantines avec les producteurs locaux.')],
  },
  {
    name: 'Cuisine centrale du Val de Boucles',
    naf: '56.29A',
    kind: 'company',
    hc: '21',
    ess: false,
    conf: 'cost',
    contact: ['Aurélie Brunet', 'cuisine-centrale'],
    sites: [['Cuisine centrale', 'Rue de la Restauration', 'Hoymille']],
    flows: [
      o('material.biowaste.food_waste', 'Épluchures et retours d’assiettes', 45, 't', {
        w: '200108',
        m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
        fate: 'energy_recovery R1',
        c: [120, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.vegetable', 'Huiles de friture usagées', 2, 't', { w: '200125', fate: 'recycling R3' }),
      o('material.paper_cardboard', 'Cartons', 25, 't', { w: '150101', fate: 'recycling R3' }),
      i('packaging.crates_containers', 'Bacs gastronormes réutilisables', 1500, 'unit', { p: 'once', orig: '' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des biodéchets avec les cantines scolaires.', 'material.biowaste.food_waste', [
        45,
        't',
        'year',
      ]),
      n('purchasing', 'Approvisionnement en légumes de serre locaux pour la restauration scolaire.'),
    ],
  },
  {
    name: 'Hôtel du Canal de la Colme',
    naf: '55.10Z',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Hôtel-restaurant', '1 quai du Canal', 'Bergues']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides', 9000, 'unit', { fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 8, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
      o('material.textiles', 'Linge de lit et serviettes réformés', 1.5, 't', { w: '200111', fate: 'energy_recovery R1' }),
      o('equipment.furniture', 'Mobilier de chambres (rénovation)', 40, 'unit', { p: 'once', fate: 'other', g: 'medium' }),
    ],
    needs: [],
  },
  {
    name: 'Camping du Houtland',
    naf: '55.30Z',
    kind: 'company',
    hc: '02',
    ess: false,
    sites: [['Camping', 'Chemin du Camping', 'Esquelbecq']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets du snack', 3, 't', { w: '200108', m: [5, 6, 7, 8, 9], fate: 'energy_recovery R1' }),
      o('packaging.glass_bottles', 'Bouteilles vides', 4000, 'unit', { m: [5, 6, 7, 8, 9], fate: 'recycling R5' }),
    ],
    needs: [],
  },
  {
    name: 'Estaminet de la Grand-Place',
    naf: '56.10A',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Estaminet', '4 place Henri Billiaert', 'Bergues']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin et de bière vides', 12000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 9, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.vegetable', 'Huiles de friture usagées', 1, 't', { w: '200125', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des biodéchets des restaurants du centre.', 'material.biowaste.food_waste', [
        9,
        't',
        'year',
      ]),
    ],
  },
  {
    name: 'Auberge du Moulin de l’Yser',
    naf: '56.10A',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Restaurant', '20 route de Wormhout', 'Esquelbecq']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides', 15000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 14, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.vegetable', 'Huiles de friture usagées', 1.2, 't', { w: '200125', fate: 'recycling R3' }),
      o('material.paper_cardboard', 'Cartons', 4, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [],
  },
  {
    name: 'Restaurant Le Vieux Canal',
    naf: '56.10A',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Restaurant', '2 quai de la Haute-Colme', 'Hoymille']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides', 8000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 10, 't', {
        w: '200108',
        fate: 'energy_recovery R1',
        c: [130, 'u', 'cost'],
      }),
    ],
    needs: [],
  },
  {
    name: 'Estaminet ’t Moeren',
    naf: '56.30Z',
    kind: 'company',
    hc: '02',
    ess: false,
    sites: [['Estaminet', '6 place de Hondschoote', 'Hondschoote']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de bière 33 cl vides', 20000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets', 3, 't', { w: '200108', fate: 'energy_recovery R1' }),
    ],
    needs: [],
  },
  {
    name: 'La Cave des Remparts',
    naf: '47.25Z',
    kind: 'company',
    hc: '02',
    ess: false,
    contact: ['Jean-Baptiste Ketels', 'cave-remparts'],
    sites: [['Cave et bar à vins', '11 rue Nationale', 'Bergues']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides (dégustations, consigne clients)', 6000, 'unit', {
        m: ALL,
        fate: 'recycling R5',
      }),
      o('material.paper_cardboard', 'Cartons de vin', 6, 't', { w: '150101', fate: 'recycling R3' }),
      o('packaging.crates_containers', 'Caisses de vin en bois', 400, 'unit', { fate: 'reuse' }),
    ],
    needs: [
      n('logistics', 'Enlèvement régulier des bouteilles consignées par le laveur local.', 'packaging.glass_bottles', [
        6000,
        'unit',
        'year',
      ]),
      n('waste_collection', 'Collecte des cartons avec les commerces du centre.', 'material.paper_cardboard', [6, 't', 'year']),
    ],
  },
  {
    name: 'Le Cellier du Houtland',
    naf: '47.25Z',
    kind: 'company',
    hc: '01',
    ess: false,
    sites: [['Cave', '3 rue de Cassel', 'Wormhout']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides rapportées par les clients', 4500, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.paper_cardboard', 'Cartons', 3, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [],
  },

  // ===== Farms ===============================================================================
  {
    name: 'GAEC du Blootland',
    naf: '01.41Z',
    kind: 'farm',
    hc: '02',
    ess: false,
    contact: ['Michel Dewulf', 'gaec-blootland'],
    sites: [['Exploitation laitière', 'Ferme du Blootland', 'Warhem']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier de bovins', 3500, 't', { w: '020106', m: ALL, fate: 'spreading R10' }),
      i('material.agrifood_byproducts.brewing_distilling', 'Drêches de brasserie pour l’alimentation des vaches', 400, 't', {
        m: ALL,
        orig: 'rl',
        c: [15, 'u', 'cost'],
      }),
      i('material.agrifood_byproducts.vegetable', 'Pulpes de betteraves surpressées', 1200, 't', {
        m: CAMPAIGN,
        orig: 'rl',
        c: [30, 'u', 'cost'],
      }),
      o('material.plastics.pe', 'Films d’enrubannage et bâches d’ensilage', 3, 't', { w: '020104', fate: 'recycling R3' }),
    ],
    needs: [],
  },
  {
    name: 'EARL de la Ferme des Moëres',
    naf: '01.11Z',
    kind: 'farm',
    hc: '01',
    ess: false,
    sites: [['Exploitation de grandes cultures', 'Chemin de la Moëre', 'Uxem']],
    flows: [
      i('material.minerals_aggregates', 'Écumes de sucrerie (amendement calcique)', 400, 't', {
        m: [8, 9, 10],
        orig: 'rl',
        c: [5, 'u', 'cost'],
      }),
      i('material.sludges.industrial', 'Digestat de méthanisation', 2500, 't', { w: '190606', m: [2, 3, 4, 8, 9], orig: 'rl' }),
      o('material.agrifood_byproducts.vegetable', 'Pailles de blé', 600, 't', { m: [7, 8], h: 15, fate: 'other', c: [50, 'u', 'price'] }),
    ],
    needs: [],
  },
  {
    name: 'Élevage porcin du Kouter',
    naf: '01.46Z',
    kind: 'farm',
    hc: '02',
    ess: false,
    conf: 'private',
    sites: [['Élevage', 'Kouterstraete', 'Herzeele']],
    flows: [
      i('material.agrifood_byproducts.animal', 'Lactosérum pour l’alimentation des porcs', 4000, 't', {
        m: ALL,
        orig: 'rl',
        c: [8, 'u', 'cost'],
      }),
      i('material.agrifood_byproducts.vegetable', 'Coproduits végétaux (pain, issues de céréales)', 300, 't', {
        m: ALL,
        orig: 'rl',
        c: [60, 'u', 'cost'],
      }),
      o('material.agrifood_byproducts.manure', 'Lisier de porcs', 6500, 't', { w: '020106', m: ALL, fate: 'spreading R10' }),
    ],
    needs: [],
  },
  {
    name: 'Élevage avicole des Trois Moulins',
    naf: '01.47Z',
    kind: 'farm',
    hc: '01',
    ess: false,
    sites: [['Poulaillers', 'Route de Wormhout', 'Ledringhem']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fientes de volailles', 900, 't', { w: '020106', fate: 'spreading R10' }),
      i('energy.heat.low', 'Chauffage des poussinières (40 °C)', 350, 'MWh', { m: [1, 2, 3, 4, 10, 11, 12], t: 40, orig: '' }),
      i('energy.fuels.gas', 'Propane', 400, 'MWh', { m: WINTER, orig: '', c: [95, 'u', 'cost'], op: DUNKERQUE }),
    ],
    needs: [],
  },
  {
    name: 'Ferme maraîchère biologique de Quaëdypre',
    naf: '01.13Z',
    kind: 'farm',
    hc: '01',
    ess: false,
    sites: [['Ferme maraîchère', 'Chemin du Zuydhoek', 'Quaëdypre']],
    flows: [
      i('material.biowaste.green_waste', 'Bois raméal fragmenté et broyat pour le paillage', 150, 't', { m: [2, 3, 10, 11], orig: 'rl' }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture', 40, 't', { w: '020103', fate: 'composting R3' }),
    ],
    needs: [n('logistics', 'Point de vente et livraison mutualisés avec d’autres fermes.')],
  },
  {
    name: 'Centre équestre des Wateringues',
    naf: '93.19Z',
    kind: 'company',
    hc: '02',
    ess: false,
    sites: [['Centre équestre', 'Rue des Écuries', 'Pitgam']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier de chevaux', 450, 't', { w: '020106', fate: 'spreading R10', c: [15, 'u', 'cost'] }),
      i('material.wood.clean', 'Copeaux de bois pour la litière', 60, 't', { orig: '', c: [180, 'u', 'cost'] }),
      i('material.agrifood_byproducts.vegetable', 'Paille', 80, 't', { orig: 'l', c: [60, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'GAEC de la Fromagerie fermière de Zegerscappel',
    naf: '01.41Z',
    kind: 'farm',
    hc: '02',
    ess: false,
    sites: [['Ferme et fromagerie', 'Ferme du Kerkhove', 'Zegerscappel']],
    flows: [
      o('material.agrifood_byproducts.animal', 'Lactosérum de fromagerie', 700, 't', { m: ALL, fate: 'spreading R10' }),
      o('material.agrifood_byproducts.manure', 'Fumier de bovins', 1800, 't', { w: '020106', fate: 'spreading R10' }),
    ],
    needs: [],
  },
  {
    name: 'EARL Pommes de terre du Houtland',
    naf: '01.13Z',
    kind: 'farm',
    hc: '01',
    ess: false,
    sites: [['Exploitation et bâtiment de stockage', 'Chemin de Killem', 'Killem']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pommes de terre abîmées et écarts de tri', 300, 't', {
        w: '020103',
        m: [9, 10, 11, 12, 1, 2, 3],
        fate: 'spreading R10',
      }),
      i('energy.electricity', 'Électricité de ventilation des stockages', 180, 'MWh', {
        m: [9, 10, 11, 12, 1, 2, 3, 4, 5],
        orig: '',
        c: [170, 'u', 'cost'],
      }),
    ],
    needs: [],
  },
  {
    name: 'SCEA Lin et Céréales de Socx',
    naf: '01.16Z',
    kind: 'farm',
    hc: '01',
    ess: false,
    sites: [['Exploitation', 'Route de Bissezeele', 'Socx']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pailles de céréales disponibles', 300, 't', {
        m: [7, 8],
        fate: 'other',
        c: [50, 'u', 'price'],
      }),
    ],
    needs: [],
  },
  {
    name: 'Entreprise de travaux agricoles du Blootland',
    naf: '01.61Z',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Hangar', 'Route de Socx', 'Bissezeele']],
    flows: [
      o('service.logistics', 'Prestations de transport agricole et d’épandage (jours)', 400, 'unit', {
        fate: 'other',
        c: [650, 'u', 'price'],
      }),
      o('material.chemicals.other', 'Huiles usagées', 2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
    ],
    needs: [n('skills', 'Chauffeurs d’engins agricoles saisonniers (partage avec la CUMA).')],
  },
  {
    name: 'Élevage ovin des Wateringues',
    naf: '01.45Z',
    kind: 'farm',
    hc: '00',
    ess: false,
    sites: [['Bergerie', 'Chemin des Wateringues', 'Looberghe']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier d’ovins', 200, 't', { w: '020106', fate: 'spreading R10' }),
      o('material.textiles', 'Laine brute non valorisée', 2, 't', { w: '020102', fate: 'incineration D10' }),
    ],
    needs: [n('service', 'Débouché local pour la laine (isolation, paillage, artisanat).', 'material.textiles', [2, 't', 'year'])],
  },
  {
    name: 'Exploitation de polyculture-élevage de Crochte',
    naf: '01.50Z',
    kind: 'farm',
    hc: '01',
    ess: false,
    sites: [['Ferme', 'Route de Crochte', 'Crochte']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier de bovins', 1200, 't', { w: '020106', fate: 'spreading R10' }),
      i('material.agrifood_byproducts.vegetable', 'Pulpes de betteraves', 500, 't', { m: CAMPAIGN, orig: 'rl', c: [30, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Ferme pédagogique de Lederzeele',
    naf: '01.50Z',
    kind: 'farm',
    hc: '01',
    ess: false,
    sites: [['Ferme pédagogique', 'Rue de Broxeele', 'Lederzeele']],
    flows: [o('material.agrifood_byproducts.manure', 'Fumier', 120, 't', { w: '020106', fate: 'spreading R10' })],
    needs: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Where Val de Boucles' recovered outputs go, unless a flow says otherwise (fl / fp)
// ---------------------------------------------------------------------------------------------

const RECOVERY_MODES = new Set(['recycling', 'reuse', 'composting', 'anaerobic_digestion', 'spreading', 'energy_recovery']);

/**
 * Val de Boucles has a compost platform, an agricultural digester, a biomass power plant, wood
 * boilers, a ressourcerie and a recycling platform for inert waste; it has no incinerator, no
 * steelworks and no sorting centre, which its port-industrial neighbour DEMO-DUNKERQUE has.
 */
function fateDefaultsValBoucles(res, mode) {
  if (mode === 'spreading' || mode === 'composting' || mode === 'anaerobic_digestion' || mode === 'reuse') return { local: true };
  if (mode === 'energy_recovery') {
    // Clean wood, chips and wooden crates: the biomass power plant and the wood boilers of the territory.
    if (res.startsWith('material.wood.clean') || res === 'energy.fuels.biomass' || res === 'packaging.crates_containers')
      return { local: true };
    // Solvents: a cement kiln outside the territory.
    if (res.startsWith('material.chemicals')) return { local: false };
    // Class B wood: the neighbour's boiler; the rest: the neighbour's energy-from-waste plant.
    return { local: false, partner: DUNKERQUE };
  }
  // Recycling. Steel, mixed metals and aluminium: the neighbour's steelworks, scrap dealer and foundry.
  if (res === 'material.metals.ferrous' || res === 'material.metals.mixed' || res === 'material.metals.aluminium')
    return { local: false, partner: DUNKERQUE };
  // Inert waste and aggregates: the territory's recycling platform.
  if (res.startsWith('material.construction') || res === 'material.minerals_aggregates') return { local: true };
  // Used cooking oils (declared as vegetable by-products): the neighbour's biodiesel unit.
  if (res === 'material.agrifood_byproducts.vegetable') return { local: false, partner: DUNKERQUE };
  return { local: false };
}

// ---------------------------------------------------------------------------------------------
// Aggregates of Val de Boucles: figures the local authority enters for what actors do not declare
// ---------------------------------------------------------------------------------------------
// All fictional (estimate: true). Population of the 40 communes: 53 437 inhabitants (INSEE
// legal population of each commune, as carried by @etalab/decoupage-administratif 6.0.0).

const FICTIONAL = 'Valeur fictive de démonstration';
const SRC_NONE = { title: `${FICTIONAL}, ordre de grandeur choisi pour l’exemple (sans source)` };
const srcDma = (pop) => ({
  title:
    `${FICTIONAL}, ordre de grandeur d’après SDES, « La collecte des déchets » (2021 : 611 kg de déchets ménagers et ` +
    `assimilés collectés par habitant, dont 40 % d’ordures ménagères résiduelles et 20 % de collectes séparées), ` +
    `rapporté à ${pop} habitants (somme des populations légales INSEE des communes, via @etalab/decoupage-administratif 6.0.0)`,
  url: 'https://www.notre-environnement.gouv.fr/themes/economie/les-dechets-ressources/article/la-collecte-des-dechets',
});
const srcEnergy = (pop, adjust) => ({
  title:
    `${FICTIONAL}, ordre de grandeur d’après SDES, Bilan énergétique de la France pour 2021, § 5.3 Résidentiel ` +
    `(491 TWh, dont 35 % d’électricité et 28 % de gaz naturel, soit ≈ 7,3 MWh par habitant), rapporté à ${pop} habitants` +
    (adjust ? ` ; ${adjust}` : ''),
  url: 'https://www.statistiques.developpement-durable.gouv.fr/edition-numerique/bilan-energetique-2021/27-53-residentiel--baisse-de',
});
const srcWater = (pop) => ({
  title:
    `${FICTIONAL}, ordre de grandeur d’après l’observatoire des services publics d’eau et d’assainissement ` +
    `(rapport Onema 2014 : 148 L par personne et par jour pour les usages domestiques, rendement moyen des réseaux de ` +
    `80 %), tel que résumé par le CIEau, rapporté à ${pop} habitants`,
  url: 'https://cieau.com/?p=9763',
});

/** An aggregate of year 2024; `where` holds origin (inputs), destination (outputs) and partner. */
const agg = (externalId, label, kind, family, resourceCode, [value, unit], where, source) => ({
  externalId,
  label,
  kind,
  family,
  ...(resourceCode ? { resourceCode } : {}),
  quantity: { value, unit, period: 'year' },
  ...where,
  year: 2024,
  source,
  estimate: true,
});

const VB_POP = '53 437';
const AGGREGATES_VALBOUCLES = [
  // Household waste: 230 kg/hab of residual waste (a little under the national 244 for a rural area), 55 kg of
  // packaging and paper, 33 kg of glass, 30 kg of bulky waste landfilled, 10 kg of separately collected biowaste.
  agg(
    'AGG-VB-01',
    'Ordures ménagères résiduelles collectées (incinérées à l’unité de valorisation énergétique du territoire voisin)',
    'output',
    'wastes',
    'material.mixed_waste',
    [12300, 't'],
    { destination: 'incineration', partner: DUNKERQUE },
    srcDma(VB_POP),
  ),
  agg(
    'AGG-VB-02',
    'Emballages et papiers de la collecte séparée (centre de tri du territoire voisin)',
    'output',
    'wastes',
    'material.paper_cardboard',
    [2940, 't'],
    { destination: 'recovery_outside', partner: DUNKERQUE },
    srcDma(VB_POP),
  ),
  agg(
    'AGG-VB-03',
    'Verre collecté en points d’apport volontaire',
    'output',
    'wastes',
    'material.glass.cullet',
    [1760, 't'],
    { destination: 'recovery_outside' },
    srcDma(VB_POP),
  ),
  agg(
    'AGG-VB-04',
    'Encombrants et tout-venant de déchèterie enfouis',
    'output',
    'wastes',
    'material.mixed_waste',
    [1600, 't'],
    { destination: 'landfill', partner: 'Pas-de-Calais' },
    srcDma(VB_POP),
  ),
  agg(
    'AGG-VB-05',
    'Biodéchets des ménages collectés séparément (méthanisation et compostage du territoire)',
    'output',
    'wastes',
    'material.biowaste.food_waste',
    [530, 't'],
    { destination: 'recovery_inside' },
    srcDma(VB_POP),
  ),
  // Household energy: ≈ 388 GWh; electricity 35 %; the rest adjusted for a rural area with little gas network.
  agg(
    'AGG-VB-06',
    'Électricité consommée par les ménages',
    'input',
    'energy_carriers',
    'energy.electricity',
    [136, 'GWh'],
    { origin: 'external' },
    srcEnergy(VB_POP),
  ),
  agg(
    'AGG-VB-07',
    'Gaz naturel consommé par les ménages',
    'input',
    'energy_carriers',
    'energy.fuels.gas',
    [85, 'GWh'],
    { origin: 'external' },
    srcEnergy(VB_POP, 'part du gaz abaissée (fictif) pour un territoire rural peu desservi par le réseau'),
  ),
  agg(
    'AGG-VB-08',
    'Fioul domestique livré aux ménages depuis les dépôts pétroliers du territoire voisin',
    'input',
    'energy_carriers',
    'energy.fuels.liquid',
    [55, 'GWh'],
    { origin: 'external', partner: DUNKERQUE },
    srcEnergy(VB_POP, 'part du fioul relevée (fictif) pour un territoire rural'),
  ),
  agg(
    'AGG-VB-09',
    'Bois de chauffage des ménages (bûches et plaquettes du bocage)',
    'input',
    'energy_carriers',
    'energy.fuels.biomass',
    [60, 'GWh'],
    { origin: 'local' },
    srcEnergy(VB_POP, 'part du bois fixée (fictif) pour un territoire rural'),
  ),
  // Water: 148 L/day × 53 437 × 365 ≈ 2.89 Mm3 consumed, ÷ 0.8 for network losses.
  agg(
    'AGG-VB-10',
    'Prélèvements d’eau pour l’eau potable (forages du territoire)',
    'extraction',
    'construction_minerals',
    'water',
    [3_600_000, 'm3'],
    {},
    srcWater(VB_POP),
  ),
  agg(
    'AGG-VB-11',
    'Sables et graviers extraits par les carrières non inscrites sur la plateforme',
    'extraction',
    'construction_minerals',
    'material.minerals_aggregates',
    [35000, 't'],
    {},
    SRC_NONE,
  ),
  agg(
    'AGG-VB-12',
    'Récoltes agricoles (céréales, betteraves, pommes de terre, lin)',
    'extraction',
    'agrifood',
    null,
    [430000, 't'],
    {},
    SRC_NONE,
  ),
  agg(
    'AGG-VB-13',
    'Céréales expédiées par le port du territoire voisin',
    'output',
    'agrifood',
    null,
    [60000, 't'],
    { destination: 'other', partner: DUNKERQUE },
    SRC_NONE,
  ),
  agg(
    'AGG-VB-14',
    'Acier (tôles, profilés, ronds à béton) reçu de l’aciérie du territoire voisin',
    'input',
    'construction_minerals',
    'material.metals.ferrous',
    [3500, 't'],
    { origin: 'external', partner: DUNKERQUE },
    SRC_NONE,
  ),
  agg(
    'AGG-VB-15',
    'Matériaux incorporés aux bâtiments et aux routes (addition nette au stock)',
    'stock_change',
    'construction_minerals',
    null,
    [40000, 't'],
    {},
    SRC_NONE,
  ),
];

// =============================================================================================
// « Dunes de Flandre » (DEMO-DUNKERQUE): the fictional port-industrial neighbour
// =============================================================================================
// Real: the 17 communes of the Communauté urbaine de Dunkerque (SIREN 245900428) and their
// reference points (data/commune-positions.json, La Poste, ODbL). Everything else is invented.
// Flows with partner VALBOUCLES answer Val de Boucles' declarations in the other direction, with
// deliberate small gaps between the two sides' figures (see demo/README.md).

const DUNES_EPCI = '245900428';

/** Recovered outputs of the neighbour stay in the territory unless a flow says otherwise (fl / fp). */
function fateDefaultsDunes() {
  return { local: true };
}

const ACTORS_DUNES = [
  // ===== Public bodies and public services =====================================================
  {
    name: 'Communauté urbaine des Dunes de Flandre (EPCI fictif)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '41',
    ess: false,
    contact: ['Mathilde Vanhove', 'metabolisme.dunes'],
    sites: [
      ['Hôtel communautaire', '1 place du Pertuis de la Marine', 'Dunkerque'],
      ['Déchèterie de Grande-Synthe', 'Rue du Comte Jean', 'Grande-Synthe'],
      ['Déchèterie de Gravelines', 'Chemin des Huttes', 'Gravelines'],
    ],
    flows: [
      o('material.biowaste.green_waste', 'Déchets verts des déchèteries', 9000, 't', {
        s: 1,
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10, 11],
        fate: 'composting R3',
        c: [32, 'u', 'cost'],
      }),
      o('material.wood.treated', 'Bois de déchèterie (classe B)', 3200, 't', {
        s: 1,
        w: '200138',
        fate: 'energy_recovery R1',
        c: [45, 'u', 'cost'],
      }),
      o('material.metals.mixed', 'Ferrailles et métaux de déchèterie', 650, 't', {
        s: 2,
        w: '200140',
        fate: 'recycling R4',
        c: [160, 'u', 'price'],
      }),
      o('material.construction.inert', 'Gravats inertes des particuliers', 5000, 't', {
        s: 2,
        w: '170107',
        fate: 'recycling R5',
        c: [12, 'u', 'cost'],
      }),
      o('equipment.furniture', 'Mobilier et encombrants (benne éco-mobilier)', 900, 't', {
        s: 1,
        w: '200307',
        fate: 'recycling R3',
        fl: false,
      }),
      o('equipment.it', 'Équipements électriques et électroniques (DEEE)', 400, 't', {
        s: 2,
        w: '200136',
        fate: 'recycling R4',
        fl: false,
        fp: 'Métropole européenne de Lille',
      }),
    ],
    needs: [
      n(
        'service',
        'Objectiver les échanges de matières avec le Val de Boucles voisin (ordures ménagères, ferrailles, bois, sables) et rapprocher les chiffres des deux territoires avant la révision de la convention de traitement.',
      ),
      n(
        'logistics',
        'Mutualiser le transport des ordures ménagères du Val de Boucles avec les retours à vide des camions de sable et de carburant.',
      ),
    ],
  },
  {
    name: 'Commune de Grande-Synthe (mairie, données fictives)',
    naf: '84.11Z',
    kind: 'public_body',
    hc: '31',
    ess: false,
    sites: [['Cuisine centrale et groupes scolaires', '12 avenue de l’Ouest', 'Grande-Synthe']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets des restaurants scolaires', 60, 't', {
        w: '200108',
        m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
      o('material.biowaste.green_waste', 'Tontes et tailles des espaces verts', 400, 't', {
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10],
        fate: 'composting R3',
      }),
      i('energy.heat.high', 'Chaleur du réseau de chaleur urbain (eau à 110 °C)', 6000, 'MWh', {
        t: 110,
        m: [1, 2, 3, 4, 5, 10, 11, 12],
        orig: 'rl',
        c: [62, 'u', 'cost'],
      }),
    ],
    needs: [
      n(
        'waste_collection',
        'Collecte séparée des biodéchets des cantines vers une méthanisation plutôt que l’incinération.',
        'material.biowaste.food_waste',
        [60, 't', 'year'],
      ),
    ],
  },
  {
    name: 'Unité de valorisation énergétique du Littoral (établissement fictif)',
    naf: '38.21Z',
    kind: 'company',
    hc: '21',
    ess: false,
    contact: ['Karim Benali', 'uve.littoral'],
    sites: [['Unité de valorisation énergétique', 'Route du Quai Freycinet', 'Dunkerque']],
    flows: [
      i('material.mixed_waste', 'Ordures ménagères résiduelles de la communauté urbaine', 47200, 't', {
        w: '200301',
        m: ALL,
        orig: 'l',
        c: [95, 'u', 'price'],
      }),
      i('material.mixed_waste', 'Ordures ménagères résiduelles du Val de Boucles (convention de traitement)', 11850, 't', {
        w: '200301',
        m: ALL,
        orig: '',
        op: VALBOUCLES,
        c: [98, 'u', 'price'],
      }),
      i(
        'material.mixed_waste',
        'Déchets d’activités économiques du Val de Boucles (biodéchets, plastiques, textiles, mobilier)',
        540,
        't',
        { w: '200301', m: ALL, orig: '', op: VALBOUCLES, c: [110, 'u', 'price'] },
      ),
      i('material.mixed_waste', 'Déchets d’activités économiques des entreprises du territoire', 18000, 't', {
        w: '200301',
        m: ALL,
        orig: 'l',
        c: [110, 'u', 'price'],
      }),
      i('material.mixed_waste', 'Refus du centre de tri', 2400, 't', { w: '191212', m: ALL, orig: 'l' }),
      o('energy.electricity', 'Électricité produite et injectée sur le réseau', 42000, 'MWh', { m: ALL }),
      o('energy.heat.high', 'Chaleur livrée au réseau de chaleur urbain (eau à 110 °C)', 90000, 'MWh', { t: 110, m: ALL }),
      o('material.ashes_slags', 'Mâchefers d’incinération', 15500, 't', {
        w: '190112',
        m: ALL,
        fate: 'recycling R5',
        c: [15, 'u', 'cost'],
      }),
      o('material.ashes_slags', 'Résidus d’épuration des fumées (REFIOM)', 2300, 't', {
        w: '190107',
        hz: true,
        fate: 'landfill D5',
        fp: 'Hors région (stockage de déchets dangereux)',
        c: [180, 'u', 'cost'],
      }),
    ],
    needs: [
      n(
        'service',
        'Trouver de nouveaux débouchés à la chaleur produite l’été, quand le réseau de chaleur en prend peu.',
        'energy.heat.high',
        [20000, 'MWh', 'year'],
      ),
    ],
  },
  {
    name: 'Centre de tri des collectes sélectives du Littoral (établissement fictif)',
    naf: '38.32Z',
    kind: 'company',
    hc: '21',
    ess: false,
    sites: [['Centre de tri', 'Rue de la Chaussée des Darses', 'Grande-Synthe']],
    flows: [
      i('material.paper_cardboard', 'Emballages et papiers de la collecte séparée de la communauté urbaine', 9400, 't', {
        w: '150106',
        m: ALL,
        orig: 'l',
      }),
      i('material.paper_cardboard', 'Emballages et papiers de la collecte séparée du Val de Boucles', 3050, 't', {
        w: '150106',
        m: ALL,
        orig: '',
        op: VALBOUCLES,
        c: [135, 'u', 'price'],
      }),
      i('material.paper_cardboard', 'Cartons de déchèterie du Val de Boucles', 200, 't', {
        w: '200101',
        orig: '',
        op: VALBOUCLES,
        c: [55, 'u', 'cost'],
      }),
      o('material.paper_cardboard', 'Papiers et cartons triés en balles', 8300, 't', {
        w: '191201',
        fate: 'recycling R3',
        fl: false,
        fp: 'Belgique',
        c: [90, 'u', 'price'],
      }),
      o('material.plastics.pet', 'Bouteilles en PET clair et foncé', 900, 't', {
        w: '191204',
        fate: 'recycling R3',
        fl: false,
        c: [250, 'u', 'price'],
      }),
      o('material.plastics.pe', 'Flacons en PEHD et films', 700, 't', {
        w: '191204',
        fate: 'recycling R3',
        fl: false,
        c: [180, 'u', 'price'],
      }),
      o('material.metals.ferrous', 'Emballages en acier', 600, 't', { w: '191202', fate: 'recycling R4', c: [120, 'u', 'price'] }),
      o('material.metals.aluminium', 'Emballages en aluminium', 120, 't', { w: '191203', fate: 'recycling R4', c: [600, 'u', 'price'] }),
      o('material.mixed_waste', 'Refus de tri', 2400, 't', { w: '191212', fate: 'energy_recovery R1', c: [95, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Régie d’assainissement des Dunes (service fictif)',
    naf: '37.00Z',
    kind: 'public_body',
    hc: '22',
    ess: false,
    sites: [['Station d’épuration du Littoral', 'Route de la Digue du Braek', 'Dunkerque']],
    flows: [
      o('material.sludges.wastewater', 'Boues chaulées épandues sur des terres agricoles du Val de Boucles', 3000, 't', {
        w: '190805',
        m: [3, 4, 8, 9],
        fate: 'spreading R10',
        fl: false,
        fp: VALBOUCLES,
        c: [28, 'u', 'cost'],
      }),
      o('material.sludges.wastewater', 'Boues séchées incinérées à l’unité de valorisation énergétique', 4500, 't', {
        w: '190805',
        fate: 'energy_recovery R1',
        c: [70, 'u', 'cost'],
      }),
      o('water.treated_wastewater', 'Eaux usées traitées (rejet en mer)', 14_000_000, 'm3', { fate: 'other' }),
      i('energy.electricity', 'Électricité des stations', 12000, 'MWh', { orig: '', c: [140, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Centre hospitalier du Littoral (établissement fictif)',
    naf: '86.10Z',
    kind: 'public_body',
    hc: '42',
    ess: false,
    sites: [['Hôpital', '130 avenue Louis Herbeaux', 'Dunkerque']],
    flows: [
      o('material.chemicals.other', 'Déchets d’activités de soins à risques infectieux (DASRI)', 300, 't', {
        w: '180103',
        hz: true,
        m: ALL,
        fate: 'incineration D10',
        c: [650, 'u', 'cost'],
      }),
      o('material.biowaste.food_waste', 'Biodéchets de la restauration', 180, 't', {
        w: '200108',
        m: ALL,
        fate: 'energy_recovery R1',
        c: [110, 'u', 'cost'],
      }),
      o('material.paper_cardboard', 'Cartons et papiers', 150, 't', { w: '200101', fate: 'recycling R3' }),
      i('energy.heat.high', 'Chaleur du réseau de chaleur urbain (eau à 110 °C)', 14000, 'MWh', {
        t: 110,
        m: ALL,
        orig: 'rl',
        c: [62, 'u', 'cost'],
      }),
      i('energy.electricity', 'Électricité', 9000, 'MWh', { orig: '', c: [150, 'u', 'cost'] }),
    ],
    needs: [],
  },
  // ===== Heavy industry and energy ==============================================================
  {
    name: 'Aciérie du Littoral (entreprise fictive)',
    naf: '24.10Z',
    kind: 'company',
    hc: '52',
    ess: false,
    conf: 'cost',
    contact: ['Thomas Lefebvre', 'environnement.acierie'],
    sites: [
      ['Usine sidérurgique', 'Route de l’Écluse Charles de Gaulle', 'Grande-Synthe'],
      ['Parc à ferrailles et à laitiers', 'Chemin du Clipon', 'Loon-Plage'],
    ],
    flows: [
      i('material.metals.ferrous', 'Ferrailles du ferrailleur du territoire', 39000, 't', {
        s: 1,
        w: '191202',
        m: ALL,
        orig: 'rl',
        c: [330, 'u', 'cost'],
      }),
      i('material.metals.ferrous', 'Ferrailles importées par voie maritime', 300000, 't', {
        s: 1,
        w: '170405',
        m: ALL,
        orig: 'r',
        op: 'Benelux et Royaume-Uni',
        c: [350, 'u', 'cost'],
      }),
      i('material.minerals_aggregates', 'Castine (calcaire) pour l’agglomération et les hauts fourneaux', 900000, 't', {
        m: ALL,
        orig: '',
        op: 'Boulonnais (Pas-de-Calais)',
      }),
      i('energy.fuels.gas', 'Gaz naturel', 1_800_000, 'MWh', { m: ALL, orig: '' }),
      i('energy.electricity', 'Électricité', 2_500_000, 'MWh', { m: ALL, orig: '' }),
      i('water.process', 'Eau industrielle prélevée dans le canal', 25_000_000, 'm3', { m: ALL, orig: 'l' }),
      o('material.ashes_slags', 'Laitier de haut fourneau granulé', 1_000_000, 't', {
        s: 1,
        w: '100202',
        m: ALL,
        fate: 'recycling R5',
        c: [25, 'u', 'price'],
      }),
      o('material.ashes_slags', 'Laitier d’aciérie', 400000, 't', {
        s: 1,
        w: '100202',
        m: ALL,
        fate: 'recycling R5',
        c: [3, 'u', 'price'],
      }),
      o('energy.fuels.gas', 'Gaz de haut fourneau et d’aciérie livrés à la centrale électrique voisine', 4_000_000, 'MWh', { m: ALL }),
      o('energy.heat.high', 'Chaleur fatale récupérée pour le réseau de chaleur urbain (eau à 110 °C)', 250000, 'MWh', { t: 110, m: ALL }),
      o('energy.heat.very_high', 'Fumées de l’agglomération non récupérées (250 °C)', 600000, 'MWh', { t: 250, m: ALL, fate: 'other' }),
      o('material.sludges.industrial', 'Boues d’épuration des gaz de haut fourneau', 30000, 't', {
        w: '100214',
        fate: 'landfill D5',
        c: [40, 'u', 'cost'],
      }),
      o('material.construction.inert', 'Briques réfractaires usagées', 5000, 't', { w: '161104', fate: 'recycling R5' }),
      o('material.chemicals.waste_oils', 'Huiles usagées', 300, 't', { w: '130205', hz: true, fate: 'recycling R9', fl: false }),
    ],
    needs: [
      n(
        'service',
        'Étendre le réseau de chaleur pour valoriser davantage les fumées de l’agglomération (600 GWh non récupérés).',
        'energy.heat.very_high',
        [600000, 'MWh', 'year'],
      ),
    ],
  },
  {
    name: 'Ciments de Laitier du Port (entreprise fictive)',
    naf: '23.51Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Station de broyage de laitier', 'Quai de la Batellerie', 'Dunkerque']],
    flows: [
      i('material.ashes_slags', 'Laitier granulé de l’aciérie', 950000, 't', { w: '100202', m: ALL, orig: 'rl', c: [25, 'u', 'cost'] }),
      i('energy.electricity', 'Électricité des broyeurs', 60000, 'MWh', { m: ALL, orig: '' }),
      o('material.minerals_aggregates', 'Ciment de laitier expédié', 930000, 't', { m: ALL }),
    ],
    needs: [],
  },
  {
    name: 'Fonderie d’Aluminium des Dunes (entreprise fictive)',
    naf: '24.53Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Fonderie', 'Rue des Fondeurs', 'Loon-Plage']],
    flows: [
      i('material.metals.aluminium', 'Chutes et copeaux d’aluminium du Val de Boucles', 30, 't', {
        orig: 'r',
        op: VALBOUCLES,
        c: [1100, 'u', 'cost'],
      }),
      i('material.metals.aluminium', 'Emballages en aluminium du centre de tri', 120, 't', { orig: 'rl', c: [600, 'u', 'cost'] }),
      i('material.metals.aluminium', 'Lingots d’aluminium', 8000, 't', { orig: '', op: 'Import maritime', c: [2300, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz des fours de fusion', 12000, 'MWh', { m: ALL, orig: '' }),
      o('material.ashes_slags', 'Écumes d’aluminium', 300, 't', { w: '100316', fate: 'recycling R4', fl: false, fp: 'Belgique' }),
      o('energy.heat.very_high', 'Fumées des fours de fusion (300 °C)', 2500, 'MWh', { t: 300, m: ALL, fate: 'other' }),
    ],
    needs: [],
  },
  {
    name: 'Centrale Électrique du Port (entreprise fictive)',
    naf: '35.11Z',
    kind: 'company',
    hc: '21',
    ess: false,
    sites: [['Centrale à cycle combiné', 'Route du Port Ouest', 'Dunkerque']],
    flows: [
      i('energy.fuels.gas', 'Gaz de haut fourneau et d’aciérie', 4_000_000, 'MWh', { m: ALL, orig: 'rl' }),
      i('energy.fuels.gas', 'Gaz naturel d’appoint', 1_200_000, 'MWh', { m: ALL, orig: '' }),
      i('water.cooling', 'Eau de refroidissement prélevée dans le canal', 30_000_000, 'm3', { m: ALL, orig: 'l' }),
      o('energy.electricity', 'Électricité injectée sur le réseau', 2_000_000, 'MWh', { m: ALL }),
      o('energy.heat.low', 'Chaleur des condenseurs (30 °C)', 1_500_000, 'MWh', { t: 30, m: ALL, fate: 'other' }),
    ],
    needs: [],
  },
  {
    name: 'Réseau de chaleur urbain du Littoral (régie fictive)',
    naf: '35.30Z',
    kind: 'public_body',
    hc: '11',
    ess: false,
    sites: [['Chaufferie centrale et échangeurs', 'Rue du Réseau de Chaleur', 'Dunkerque']],
    flows: [
      i('energy.heat.high', 'Chaleur fatale de l’aciérie', 250000, 'MWh', { t: 110, m: ALL, orig: 'rl', c: [12, 'u', 'cost'] }),
      i('energy.heat.high', 'Chaleur de l’unité de valorisation énergétique', 90000, 'MWh', {
        t: 110,
        m: ALL,
        orig: 'rl',
        c: [15, 'u', 'cost'],
      }),
      i('energy.heat.high', 'Chaleur de la chaufferie bois et CSR', 38000, 'MWh', { t: 110, m: WINTER, orig: 'rl', c: [30, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Chaufferie Bois et CSR du Port (entreprise fictive)',
    naf: '35.30Z',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Chaufferie', 'Rue de l’Énergie', 'Leffrinckoucke']],
    flows: [
      i('material.wood.treated', 'Bois de classe B du Val de Boucles (chantiers et démolition)', 600, 't', {
        w: '170201',
        orig: 'r',
        op: VALBOUCLES,
        c: [20, 'u', 'price'],
      }),
      i('material.wood.treated', 'Bois de classe B des déchèteries et des entreprises du territoire', 9000, 't', {
        w: '200138',
        orig: 'rl',
        c: [20, 'u', 'price'],
      }),
      i('energy.fuels.solid_recovered', 'Combustibles solides de récupération (CSR)', 6000, 't', {
        orig: 'r',
        op: 'Métropole européenne de Lille',
        c: [10, 'u', 'price'],
      }),
      o('energy.heat.high', 'Chaleur livrée au réseau de chaleur urbain (eau à 110 °C)', 38000, 'MWh', { t: 110, m: WINTER }),
      o('material.ashes_slags', 'Cendres sous foyer', 450, 't', { w: '100101', fate: 'landfill D5', c: [60, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Dépôt Pétrolier du Port Ouest (entreprise fictive)',
    naf: '52.10B',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Dépôt d’hydrocarbures', 'Route des Bacs', 'Loon-Plage']],
    flows: [
      i('energy.electricity', 'Électricité des pompes et du réchauffage', 8000, 'MWh', { orig: '' }),
      o('material.chemicals.other', 'Boues de fond de bacs d’hydrocarbures', 250, 't', {
        w: '050103',
        hz: true,
        fate: 'incineration D10',
        fp: 'Hors région (incinération de déchets dangereux)',
        c: [400, 'u', 'cost'],
      }),
    ],
    needs: [],
  },
  {
    name: 'Gaz Industriels du Littoral (entreprise fictive)',
    naf: '20.11Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Unité de séparation de l’air et de liquéfaction de CO2', 'Chemin des Gaziers', 'Grande-Synthe']],
    flows: [
      i('energy.electricity', 'Électricité', 400000, 'MWh', { m: ALL, orig: '' }),
      o('gas.co2', 'CO2 liquéfié livré aux serres du Val de Boucles', 550, 't', {
        m: [3, 4, 5, 6, 7, 8, 9],
        fate: 'reuse',
        fl: false,
        fp: VALBOUCLES,
        c: [120, 'u', 'price'],
      }),
      o('gas.co2', 'CO2 liquéfié livré à l’agroalimentaire du territoire', 2000, 't', { m: ALL, fate: 'reuse', c: [110, 'u', 'price'] }),
      o('gas.co2', 'CO2 capté non valorisé (rejeté)', 18000, 't', { m: ALL, fate: 'other' }),
    ],
    needs: [n('service', 'Trouver d’autres serres ou industriels preneurs de CO2 capté.', 'gas.co2', [18000, 't', 'year'])],
  },
  {
    name: 'Biocarburants du Littoral (entreprise fictive)',
    naf: '20.59Z',
    kind: 'company',
    hc: '21',
    ess: false,
    sites: [['Unité de production de biodiesel', 'Avenue de l’Industrie', 'Grande-Synthe']],
    flows: [
      i('material.biowaste.cooking_oils', 'Huiles alimentaires usagées collectées dans le Val de Boucles', 5, 't', {
        w: '200125',
        orig: 'r',
        op: VALBOUCLES,
        c: [450, 'u', 'cost'],
      }),
      i('material.biowaste.cooking_oils', 'Huiles alimentaires usagées collectées dans le territoire', 1800, 't', {
        w: '200125',
        orig: 'rl',
        c: [450, 'u', 'cost'],
      }),
      i('material.biowaste.cooking_oils', 'Huiles alimentaires usagées importées', 60000, 't', {
        w: '200125',
        orig: 'r',
        op: 'Benelux et Royaume-Uni',
        c: [600, 'u', 'cost'],
      }),
      i('material.chemicals.other', 'Méthanol', 7000, 't', { orig: '', c: [400, 'u', 'cost'] }),
      o('energy.fuels.liquid', 'Biodiesel (esters méthyliques d’huiles usagées)', 55000, 't', { m: ALL }),
      o('material.chemicals.other', 'Glycérine brute', 6500, 't', { m: ALL }),
      o('material.sludges.industrial', 'Boues de traitement des effluents', 600, 't', {
        w: '070112',
        fate: 'anaerobic_digestion R3',
        fl: false,
        fp: 'Belgique',
      }),
    ],
    needs: [],
  },
  // ===== Agrifood ==================================================================================
  {
    name: 'Malterie du Port (entreprise fictive)',
    naf: '11.06Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Malterie', 'Quai des Céréales', 'Dunkerque']],
    flows: [
      i('energy.fuels.gas', 'Gaz des tourailles', 90000, 'MWh', { m: ALL, orig: '' }),
      i('water.process', 'Eau de trempe', 600000, 'm3', { m: ALL, orig: 'l' }),
      o('material.agrifood_byproducts.vegetable', 'Radicelles et poussières de malt (aliment du bétail)', 6000, 't', { m: ALL }),
      o('energy.heat.low', 'Air chaud humide des tourailles (40 °C)', 18000, 'MWh', { t: 40, m: ALL, fate: 'other' }),
    ],
    needs: [],
  },
  {
    name: 'Surgelés de la Côte d’Opale (entreprise fictive)',
    naf: '10.39A',
    kind: 'company',
    hc: '31',
    ess: false,
    sites: [['Usine de légumes surgelés', 'Zone des Huttes', 'Gravelines']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Épluchures et écarts de légumes', 9000, 't', {
        w: '020304',
        m: [6, 7, 8, 9, 10, 11],
        fate: 'anaerobic_digestion R3',
        fl: false,
        fp: 'Belgique',
        c: [5, 'u', 'cost'],
      }),
      o('energy.heat.low', 'Chaleur des condenseurs frigorifiques (30 °C)', 12000, 'MWh', { t: 30, m: ALL, fate: 'other' }),
      o('material.paper_cardboard', 'Cartons', 300, 't', { w: '150101', fate: 'recycling R3', fl: false }),
      i('energy.electricity', 'Électricité (froid)', 45000, 'MWh', { m: ALL, orig: '' }),
      i('water.process', 'Eau de lavage et de blanchiment', 400000, 'm3', { m: ALL, orig: 'l' }),
    ],
    needs: [],
  },
  {
    name: 'Conserverie de Poissons du Port (entreprise fictive)',
    naf: '10.20Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Conserverie', 'Quai des Pêcheurs', 'Grand-Fort-Philippe']],
    flows: [
      o('material.agrifood_byproducts.animal', 'Têtes, arêtes et viscères de poissons', 2400, 't', {
        w: '020202',
        m: ALL,
        fate: 'other',
        fp: 'Boulogne-sur-Mer (farines de poisson)',
      }),
      i('water.process', 'Eau de process', 120000, 'm3', { m: ALL, orig: 'l' }),
      i('energy.fuels.gas', 'Gaz des autoclaves', 8000, 'MWh', { m: ALL, orig: '' }),
    ],
    needs: [],
  },
  {
    name: 'Torréfaction du Littoral (entreprise fictive)',
    naf: '10.83Z',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Torréfaction de café', 'Rue des Docks', 'Dunkerque']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pellicules de café (parches)', 400, 't', { w: '020304', fate: 'composting R3' }),
      o('energy.heat.high', 'Fumées des torréfacteurs (140 °C)', 5000, 'MWh', { t: 140, m: ALL, fate: 'other' }),
      o('material.textiles', 'Sacs de jute vides', 150, 't', { w: '150109', fate: 'reuse' }),
      i('energy.fuels.gas', 'Gaz des torréfacteurs', 9000, 'MWh', { m: ALL, orig: '' }),
    ],
    needs: [],
  },
  {
    name: 'Huilerie de Colza des Dunes (entreprise fictive)',
    naf: '10.41A',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Huilerie', 'Route du Terminal des Flandres', 'Loon-Plage']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Tourteaux de colza (aliment du bétail)', 60000, 't', { m: ALL }),
      i('energy.fuels.gas', 'Gaz de l’extraction et du séchage', 60000, 'MWh', { m: ALL, orig: '' }),
      i('energy.electricity', 'Électricité des presses', 30000, 'MWh', { m: ALL, orig: '' }),
    ],
    needs: [],
  },
  // ===== Logistics and port ========================================================================
  {
    name: 'Plateforme Logistique du Port Ouest (entreprise fictive)',
    naf: '52.10B',
    kind: 'company',
    hc: '22',
    ess: false,
    contact: ['Julie Caron', 'logistique.portouest'],
    sites: [['Entrepôts et plateforme bois', 'Avenue du Port Ouest', 'Loon-Plage']],
    flows: [
      o('material.wood.clean', 'Palettes et bois de calage broyés (classe A) livrés à la centrale biomasse du Val de Boucles', 7200, 't', {
        w: '150103',
        m: ALL,
        h: 20,
        fate: 'energy_recovery R1',
        fl: false,
        fp: VALBOUCLES,
        c: [40, 'u', 'price'],
      }),
      o('material.paper_cardboard', 'Cartons d’emballage', 1400, 't', {
        w: '150101',
        fate: 'recycling R3',
        fl: false,
        fp: 'Belgique',
        c: [60, 'u', 'price'],
      }),
      o('material.plastics.pe', 'Films étirables et housses', 380, 't', { w: '150102', fate: 'recycling R3', fl: false }),
      o('packaging.pallets', 'Palettes réutilisables en surplus', 40000, 'unit', { fate: 'reuse' }),
      i('packaging.pallets', 'Palettes', 60000, 'unit', { orig: '' }),
      i('energy.electricity', 'Électricité', 6000, 'MWh', { orig: '' }),
    ],
    needs: [n('logistics', 'Remplir les retours à vide des camions de bois broyé vers le Val de Boucles.')],
  },
  {
    name: 'Manutention Portuaire du Littoral (entreprise fictive)',
    naf: '52.24A',
    kind: 'company',
    hc: '31',
    ess: false,
    sites: [['Terminal vracs et conventionnel', 'Quai de Flandre', 'Dunkerque']],
    flows: [
      o('material.wood.clean', 'Bois de calage et de fardage', 900, 't', { w: '150103', fate: 'energy_recovery R1' }),
      o('material.metals.ferrous', 'Feuillards et ferrailles de quai', 300, 't', {
        w: '170405',
        fate: 'recycling R4',
        c: [150, 'u', 'price'],
      }),
      o('material.chemicals.waste_oils', 'Huiles hydrauliques usagées', 40, 't', {
        w: '130110',
        hz: true,
        fate: 'recycling R9',
        fl: false,
      }),
      i('energy.fuels.liquid', 'Gazole non routier des engins', 25000, 'MWh', { m: ALL, orig: 'l' }),
    ],
    needs: [],
  },
  {
    name: 'Transports et Messagerie des Dunes (entreprise fictive)',
    naf: '49.41A',
    kind: 'company',
    hc: '22',
    ess: false,
    sites: [['Dépôt et atelier', 'Rue du Fret', 'Craywick']],
    flows: [
      o('material.chemicals.waste_oils', 'Huiles moteur usagées', 25, 't', { w: '130205', hz: true, fate: 'recycling R9', fl: false }),
      o('material.rubber', 'Pneus usagés', 90, 't', { w: '160103', fate: 'recycling R3', fl: false, fp: 'Belgique' }),
      o('service.logistics', 'Capacités de fret retour vers l’intérieur des terres (trajets à vide)', 500, 'unit', { fate: 'other' }),
      i('energy.fuels.liquid', 'Gazole', 48000, 'MWh', { m: ALL, orig: 'l' }),
    ],
    needs: [],
  },
  {
    name: 'Réparation Navale du Littoral (entreprise fictive)',
    naf: '33.15Z',
    kind: 'company',
    hc: '21',
    ess: false,
    sites: [['Forme de radoub et ateliers', 'Quai de la Réparation Navale', 'Dunkerque']],
    flows: [
      o('material.metals.ferrous', 'Tôles et ferrailles de réparation', 1200, 't', {
        w: '170405',
        fate: 'recycling R4',
        c: [170, 'u', 'price'],
      }),
      o('material.chemicals.other', 'Résidus de sablage et de peintures', 150, 't', {
        w: '120116',
        hz: true,
        fate: 'landfill D5',
        fp: 'Hors région (stockage de déchets dangereux)',
        c: [220, 'u', 'cost'],
      }),
      o('material.chemicals.solvents', 'Solvants usagés', 8, 't', { w: '140603', hz: true, fate: 'energy_recovery R1', fl: false }),
    ],
    needs: [],
  },
  {
    name: 'Établissement portuaire des Dunes (établissement fictif)',
    naf: '52.22Z',
    kind: 'public_body',
    hc: '41',
    ess: false,
    sites: [['Capitainerie et services techniques', 'Rue de l’Écluse Trystram', 'Dunkerque']],
    flows: [
      o('material.construction.excavated_soil', 'Sédiments de dragage des bassins', 200000, 't', { w: '170506', fate: 'other' }),
      i('energy.electricity', 'Électricité des écluses et des quais', 15000, 'MWh', { orig: '' }),
    ],
    needs: [
      n(
        'service',
        'Valoriser à terre une partie des sédiments de dragage (remblais, sous-couches routières).',
        'material.construction.excavated_soil',
        [50000, 't', 'year'],
      ),
    ],
  },
  // ===== Waste recovery and the social economy ======================================================
  {
    name: 'Recyclage Métaux du Littoral (entreprise fictive)',
    naf: '46.77Z',
    kind: 'company',
    hc: '12',
    ess: false,
    sites: [['Chantier de ferrailles', 'Rue de la Ferraille', 'Cappelle-la-Grande']],
    flows: [
      i('material.metals.ferrous', 'Ferrailles des entreprises et de la déchèterie du Val de Boucles', 1750, 't', {
        w: '170405',
        orig: 'r',
        op: VALBOUCLES,
        c: [150, 'u', 'price'],
      }),
      i('material.metals.ferrous', 'Ferrailles des entreprises, des déchèteries et des particuliers du territoire', 38000, 't', {
        w: '170405',
        orig: 'rl',
        c: [160, 'u', 'price'],
      }),
      o('material.metals.ferrous', 'Ferrailles cisaillées et broyées pour l’aciérie', 39000, 't', {
        w: '191202',
        fate: 'recycling R4',
        c: [330, 'u', 'price'],
      }),
      o('material.metals.non_ferrous_other', 'Métaux non ferreux triés (cuivre, laiton, zinc)', 600, 't', {
        w: '191203',
        fate: 'recycling R4',
        fl: false,
        fp: 'Belgique',
        c: [2500, 'u', 'price'],
      }),
      o('material.mixed_waste', 'Résidus de broyage', 1100, 't', { w: '191212', fate: 'landfill D5', c: [90, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Plateforme de Valorisation des Mâchefers (entreprise fictive)',
    naf: '38.32Z',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Plateforme de maturation', 'Chemin du Mardyck', 'Spycker']],
    flows: [
      i('material.ashes_slags', 'Mâchefers de l’unité de valorisation énergétique', 15500, 't', {
        w: '190112',
        orig: 'rl',
        c: [15, 'u', 'price'],
      }),
      o('material.ashes_slags', 'Graves de mâchefers pour sous-couches routières', 13600, 't', {
        w: '190112',
        fate: 'recycling R5',
        c: [4, 'u', 'price'],
      }),
      o('material.metals.ferrous', 'Ferrailles extraites des mâchefers', 1200, 't', { w: '191202', fate: 'recycling R4' }),
      o('material.metals.non_ferrous_other', 'Métaux non ferreux extraits des mâchefers', 180, 't', {
        w: '191203',
        fate: 'recycling R4',
        fl: false,
        fp: 'Belgique',
      }),
    ],
    needs: [],
  },
  {
    name: 'Ressourcerie des Dunes',
    naf: '47.79Z',
    kind: 'ess',
    hc: '12',
    ess: true,
    contact: ['Samia Haddad', 'ressourcerie.dunes'],
    sites: [['Ressourcerie et boutique solidaire', '8 rue de la Solidarité', 'Coudekerque-Branche']],
    flows: [
      i('equipment.furniture', 'Meubles et objets donnés pour le réemploi', 6000, 'unit', { orig: 'rl' }),
      i('material.textiles', 'Textiles donnés et sacs de jute', 270, 't', { orig: 'rl' }),
      o('equipment.furniture', 'Mobilier non réemployable', 60, 't', { w: '200307', fate: 'energy_recovery R1' }),
      o('material.textiles', 'Textiles non réemployables', 40, 't', { w: '200110', fate: 'recycling R3', fl: false }),
    ],
    needs: [n('logistics', 'Partager un camion de collecte avec la ressourcerie du Val de Boucles.')],
  },
  {
    name: 'Plateforme de Compostage du Littoral (entreprise fictive)',
    naf: '38.21Z',
    kind: 'company',
    hc: '03',
    ess: false,
    sites: [['Plateforme de compostage', 'Route de Looberghe', 'Bourbourg']],
    flows: [
      i('material.biowaste.green_waste', 'Déchets verts des déchèteries, des communes et des paysagistes', 14000, 't', {
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10, 11],
        orig: 'rl',
        c: [32, 'u', 'price'],
      }),
      i('material.agrifood_byproducts.vegetable', 'Pellicules de café', 400, 't', { w: '020304', orig: 'rl' }),
      o('material.biowaste.digestate_compost', 'Compost de déchets verts normé', 6500, 't', { m: [2, 3, 4, 9, 10] }),
      o('energy.fuels.biomass', 'Refus ligneux de criblage pour chaufferie', 2000, 't', { w: '191212', fate: 'energy_recovery R1' }),
    ],
    needs: [],
  },
  {
    name: 'Chantier d’insertion Dunes Solidaires',
    naf: '81.30Z',
    kind: 'ess',
    hc: '11',
    ess: true,
    sites: [['Base des équipes espaces verts', 'Rue des Dunes', 'Bray-Dunes']],
    flows: [
      o('material.biowaste.green_waste', 'Tontes et branchages des chantiers d’entretien des dunes', 350, 't', {
        w: '200201',
        m: [3, 4, 5, 6, 7, 8, 9, 10],
        fate: 'composting R3',
      }),
    ],
    needs: [],
  },
  // ===== Construction ===========================================================================
  {
    name: 'Plateforme de Recyclage BTP des Dunes (entreprise fictive)',
    naf: '38.32Z',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Plateforme de concassage', 'Chemin du Canal de Bourbourg', 'Armbouts-Cappel']],
    flows: [
      i('material.construction.inert', 'Bétons et gravats de chantiers', 60000, 't', { w: '170107', orig: 'rl', c: [8, 'u', 'price'] }),
      o('material.minerals_aggregates', 'Granulats recyclés', 55000, 't', { m: ALL }),
      o('material.construction.mixed', 'Refus de tri', 2000, 't', { w: '170904', fate: 'landfill D5', c: [85, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Sablière Maritime du Port (entreprise fictive)',
    naf: '08.12Z',
    kind: 'company',
    hc: '11',
    ess: false,
    sites: [['Quai de déchargement des sables marins', 'Quai des Sables', 'Dunkerque']],
    flows: [
      o('material.minerals_aggregates', 'Sables marins débarqués et lavés', 420000, 't', { m: ALL }),
      i('water.process', 'Eau de lavage des sables', 200000, 'm3', { m: ALL, orig: 'l' }),
      i('energy.fuels.liquid', 'Carburant des dragues et des engins', 40000, 'MWh', { m: ALL, orig: 'l' }),
    ],
    needs: [],
  },
  {
    name: 'Travaux Publics du Littoral (entreprise fictive)',
    naf: '42.11Z',
    kind: 'company',
    hc: '22',
    ess: false,
    sites: [['Dépôt et centrale d’enrobés', 'Route de Bray-Dunes', 'Téteghem-Coudekerque-Village']],
    flows: [
      i('material.ashes_slags', 'Graves de mâchefers', 13000, 't', { w: '190112', orig: 'rl', c: [4, 'u', 'cost'] }),
      i('material.ashes_slags', 'Laitier d’aciérie concassé', 120000, 't', { w: '100202', orig: 'rl', c: [5, 'u', 'cost'] }),
      o('material.construction.inert', 'Fraisats d’enrobés', 9000, 't', { w: '170302', fate: 'recycling R5' }),
      o('material.construction.excavated_soil', 'Terres de terrassement', 40000, 't', {
        w: '170504',
        fate: 'landfill D5',
        c: [10, 'u', 'cost'],
      }),
    ],
    needs: [
      n(
        'service',
        'Bourse aux terres avec les chantiers du Val de Boucles pour réemployer les terres de terrassement.',
        'material.construction.excavated_soil',
        [20000, 't', 'year'],
      ),
    ],
  },
  {
    name: 'Dunes Construction (entreprise fictive)',
    naf: '41.20B',
    kind: 'company',
    hc: '21',
    ess: false,
    sites: [['Siège et dépôt', 'Rue des Bâtisseurs', 'Ghyvelde']],
    flows: [
      o('material.construction.inert', 'Gravats inertes de chantier', 4500, 't', {
        w: '170107',
        fate: 'recycling R5',
        c: [10, 'u', 'cost'],
      }),
      o('material.construction.mixed', 'Déchets de chantier en mélange', 900, 't', {
        w: '170904',
        fate: 'landfill D5',
        c: [120, 'u', 'cost'],
      }),
      o('material.gypsum', 'Chutes de plaques de plâtre', 80, 't', { w: '170802', fate: 'recycling R5', fl: false, fp: 'Belgique' }),
      o('material.metals.ferrous', 'Ferrailles de chantier', 60, 't', { w: '170405', fate: 'recycling R4' }),
      i('material.minerals_aggregates', 'Granulats et sables', 8000, 't', { orig: 'l', c: [18, 'u', 'cost'] }),
    ],
    needs: [],
  },
  // ===== Retail ====================================================================================
  {
    name: 'Hypermarché des Dunes (entreprise fictive)',
    naf: '47.11F',
    kind: 'company',
    hc: '31',
    ess: false,
    sites: [['Hypermarché', 'Centre commercial du Puythouck', 'Grande-Synthe']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets (fruits, légumes, produits frais périmés)', 220, 't', {
        w: '200108',
        m: ALL,
        fate: 'anaerobic_digestion R3',
        fl: false,
        fp: 'Métropole européenne de Lille',
        c: [90, 'u', 'cost'],
      }),
      o('material.paper_cardboard', 'Cartons', 600, 't', { w: '150101', fate: 'recycling R3', fl: false, c: [70, 'u', 'price'] }),
      o('material.plastics.pe', 'Films plastiques', 60, 't', { w: '150102', fate: 'recycling R3', fl: false }),
      o('packaging.pallets', 'Palettes de livraison', 15000, 'unit', { fate: 'reuse', fl: false, fp: 'Métropole européenne de Lille' }),
    ],
    needs: [],
  },
];

// Aggregates of the Dunes de Flandre. Population of the 17 communes: 191 478 inhabitants (INSEE
// legal population of each commune, as carried by @etalab/decoupage-administratif 6.0.0).
const DF_POP = '191 478';
const AGGREGATES_DUNES = [
  // 250 kg/hab of residual waste, 50 kg of packaging and paper.
  agg(
    'AGG-DF-01',
    'Ordures ménagères résiduelles collectées (unité de valorisation énergétique du territoire)',
    'output',
    'wastes',
    'material.mixed_waste',
    [47900, 't'],
    { destination: 'incineration' },
    srcDma(DF_POP),
  ),
  agg(
    'AGG-DF-02',
    'Emballages et papiers de la collecte séparée (centre de tri du territoire)',
    'output',
    'wastes',
    'material.paper_cardboard',
    [9600, 't'],
    { destination: 'recovery_inside' },
    srcDma(DF_POP),
  ),
  // ≈ 7.3 MWh/hab in housing, 35 % of it electricity.
  agg(
    'AGG-DF-03',
    'Électricité consommée par les ménages',
    'input',
    'energy_carriers',
    'energy.electricity',
    [486, 'GWh'],
    { origin: 'external' },
    srcEnergy(DF_POP),
  ),
  // 148 L/day × 191 478 × 365 ÷ 0.8 ≈ 12.9 Mm3, brought from outside the territory.
  agg(
    'AGG-DF-04',
    'Eau potable importée (captages hors du territoire)',
    'input',
    'construction_minerals',
    'water',
    [12_900_000, 'm3'],
    { origin: 'external', partner: 'Audomarois (Pas-de-Calais)' },
    srcWater(DF_POP),
  ),
  agg(
    'AGG-DF-05',
    'Minerai de fer importé par voie maritime',
    'input',
    'construction_minerals',
    null,
    [4_800_000, 't'],
    { origin: 'external', partner: 'Import maritime (hors Union européenne)' },
    SRC_NONE,
  ),
  agg(
    'AGG-DF-06',
    'Charbon à coke importé par voie maritime',
    'input',
    'energy_carriers',
    null,
    [2_300_000, 't'],
    { origin: 'external', partner: 'Import maritime (hors Union européenne)' },
    SRC_NONE,
  ),
  // The other side of Val de Boucles' declarations, with deliberate gaps.
  agg(
    'AGG-DF-07',
    'Sables marins livrés aux centrales à béton du Val de Boucles',
    'output',
    'construction_minerals',
    'material.minerals_aggregates',
    [42000, 't'],
    { destination: 'other', partner: VALBOUCLES },
    SRC_NONE,
  ),
  agg(
    'AGG-DF-08',
    'Gazole, fioul et propane livrés au Val de Boucles par les dépôts pétroliers',
    'output',
    'energy_carriers',
    'energy.fuels.liquid',
    [61, 'GWh'],
    { destination: 'other', partner: VALBOUCLES },
    SRC_NONE,
  ),
  agg(
    'AGG-DF-09',
    'Produits sidérurgiques (tôles, profilés, ronds à béton) livrés au Val de Boucles',
    'output',
    'construction_minerals',
    'material.metals.ferrous',
    [3200, 't'],
    { destination: 'other', partner: VALBOUCLES },
    SRC_NONE,
  ),
  agg(
    'AGG-DF-10',
    'Céréales du Val de Boucles reçues au silo portuaire pour l’export',
    'input',
    'agrifood',
    null,
    [64000, 't'],
    { origin: 'external', partner: VALBOUCLES },
    SRC_NONE,
  ),
];

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

const pad = (k, w = 3) => String(k).padStart(w, '0');
const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');

function fateOf(spec) {
  const [mode, operationCode] = spec.split(' ');
  return operationCode ? { mode, operationCode } : { mode };
}

function quantity(v, unit, period) {
  return { value: v, unit, period };
}

/**
 * Builds the actors, sites, flows and needs of one territory.
 * - communeOf(name) gives { code, lat, lon } for a commune name of the territory;
 * - radius: sites are placed at min + ((rank × 53 + code) mod span) metres from their commune's point;
 * - idPrefix prefixes every external ID; sirenOffset and phoneOffset keep the fictional SIRET
 *   numbers and phone numbers of the two territories apart.
 */
function buildElements({ defs, communeOf, radius, idPrefix = '', sirenOffset = 0, phoneOffset = 0, fateDefaults }) {
  const actors = [];
  const sites = [];
  const flows = [];
  const needs = [];
  const perCommuneCount = new Map();

  function placeSite(communeName) {
    const c = communeOf(communeName);
    if (!c) throw new Error(`Commune inconnue : ${communeName}`);
    const k = (perCommuneCount.get(c.code) ?? 0) + 1;
    perCommuneCount.set(c.code, k);
    const codeNum = Number(c.code);
    const angleDeg = (k * 137.508 + (codeNum % 360)) % 360;
    const radiusM = radius.min + ((k * 53 + codeNum) % radius.span);
    const a = (angleDeg * Math.PI) / 180;
    const dLat = (radiusM * Math.cos(a)) / 111_320;
    const dLon = (radiusM * Math.sin(a)) / (111_320 * Math.cos((c.lat * Math.PI) / 180));
    return {
      code: c.code,
      location: { lat: Number((c.lat + dLat).toFixed(6)), lon: Number((c.lon + dLon).toFixed(6)) },
    };
  }

  let flowSeq = 0;
  let needSeq = 0;
  let phoneSeq = phoneOffset;
  defs.forEach((def, idx) => {
    const actorId = `${idPrefix}A${pad(idx + 1)}`;
    const actor = {
      externalId: actorId,
      siret: fictionalSiret(sirenOffset + idx + 1),
      name: def.name,
      nafCode: def.naf,
      kind: def.kind,
      headcountBand: def.hc,
      ess: def.ess,
    };
    if (def.contact) {
      const [person, mailbox] = def.contact;
      phoneSeq += 1;
      const domain = phoneSeq % 2 === 0 ? 'example.fr' : 'example.org';
      const xx = pad((phoneSeq * 37) % 100, 2);
      const yy = pad((phoneSeq * 61 + 13) % 100, 2);
      actor.contact = {
        name: person,
        email: `${slug(mailbox)}@${domain}`,
        // ARCEP range reserved for fiction (03 53 48 xx xx).
        phone: `+33 3 53 48 ${xx} ${yy}`,
      };
    }
    actors.push(actor);

    const siteIds = def.sites.map(([siteName, address, communeName]) => {
      const siteId = `${idPrefix}S${pad(sites.length + 1)}`;
      const placed = placeSite(communeName);
      sites.push({
        externalId: siteId,
        actorExternalId: actorId,
        name: siteName,
        address,
        communeCode: placed.code,
        location: placed.location,
      });
      return siteId;
    });

    for (const f of def.flows) {
      flowSeq += 1;
      const flow = {
        externalId: `${idPrefix}F${pad(flowSeq)}`,
        siteExternalId: siteIds[f.s ?? 0],
        direction: f.dir,
        resourceCode: f.res,
      };
      if (f.w) flow.wasteCode = f.w;
      flow.label = f.label;
      flow.quantity = quantity(f.v, f.unit, f.p ?? 'year');
      if (f.m) flow.monthsAvailable = [...f.m].sort((a, b) => a - b);
      const quality = {};
      if (f.t !== undefined) quality.temperatureC = f.t;
      if (f.h !== undefined) quality.moisturePct = f.h;
      if (f.g) quality.purityGrade = f.g;
      if (f.w) quality.hazardous = Boolean(f.hz);
      if (Object.keys(quality).length) flow.quality = quality;
      if (f.dir === 'output' && f.fate) {
        const fate = fateOf(f.fate);
        const recovery = RECOVERY_MODES.has(fate.mode);
        const defaults = recovery ? fateDefaults(f.res, fate.mode) : {};
        const local = 'fl' in f ? f.fl : defaults.local;
        const partner = 'fp' in f ? f.fp : defaults.partner;
        if (recovery && local !== undefined) fate.local = local;
        if (partner) fate.partner = partner;
        flow.currentFate = fate;
      }
      if (f.dir === 'input' && f.orig !== undefined) {
        flow.currentOrigin = { recycled: f.orig.includes('r'), local: f.orig.includes('l') };
        if (f.op) flow.currentOrigin.partner = f.op;
      }
      if (f.c) {
        const [amountEur, per, kind] = f.c;
        flow.cost = { amountEur, per: per === 'u' ? 'unit-of-quantity' : 'period', kind };
      }
      if (def.conf) {
        const conf = {};
        if (def.conf === 'private') {
          conf.quantity = 'private';
          if (flow.cost) conf.cost = 'private';
          if (flow.currentFate) conf.currentFate = 'territory';
          if (flow.currentOrigin) conf.currentOrigin = 'territory';
        } else if (def.conf === 'cost') {
          if (flow.cost) conf.cost = 'private';
          conf.quantity = 'territory';
        } else if (def.conf === 'territory') {
          if (flow.cost) conf.cost = 'territory';
        }
        if (Object.keys(conf).length) flow.confidentiality = conf;
      }
      flows.push(flow);
    }

    for (const nd of def.needs) {
      needSeq += 1;
      const need = {
        externalId: `${idPrefix}N${pad(needSeq)}`,
        actorExternalId: actorId,
        category: nd.cat,
        description: nd.description,
      };
      if (nd.res) need.resourceCode = nd.res;
      if (nd.q) need.quantity = quantity(nd.q[0], nd.q[1], nd.q[2]);
      needs.push(need);
    }
  });
  return { actors, sites, flows, needs };
}

function writeDocument(file, doc) {
  writeFileSync(join(here, file), JSON.stringify(doc, null, 2) + '\n');
  const count = (pred) => doc.flows.filter(pred).length;
  const cross = count((f) => f.currentOrigin?.partner || f.currentFate?.partner);
  console.log(
    `${file} : ${doc.actors.length} acteurs, ${doc.sites.length} sites, ${doc.flows.length} flux ` +
      `(${cross} avec un partenaire), ${doc.needs.length} besoins, ${doc.aggregates.length} agrégats`,
  );
}

// Val de Boucles ------------------------------------------------------------------------------

const valBoucles = buildElements({
  defs: ACTORS,
  communeOf: (name) => byName.get(name),
  radius: { min: 80, span: 200 }, // 80–279 m
  fateDefaults: fateDefaultsValBoucles,
});

writeDocument('territoire-demo.json', {
  format: 'boucles-territory',
  formatVersion: 1,
  fictional: true,
  notice: 'Territoire fictif de démonstration : communes réelles (COG 2026), acteurs, flux, besoins et agrégats inventés.',
  territory: {
    code: VALBOUCLES,
    level: 'custom',
    name: 'Communauté de communes du Val de Boucles (territoire fictif de démonstration)',
    communes: positions.communes.map((c) => c.code),
    description:
      'Territoire fictif de démonstration. Seules les 40 communes et leurs codes COG 2026 sont réels ' +
      '(communes membres de la CC des Hauts de Flandre, Nord, EPCI 200040954, d’après ' +
      '@etalab/decoupage-administratif 6.0.0) ; les positions de référence des communes viennent de la ' +
      'base officielle des codes postaux de La Poste (voir communes-positions.json). Le nom « Val de ' +
      'Boucles », l’EPCI, les acteurs, leurs SIRET (numéros commençant par 9, valides au sens de Luhn ' +
      'mais fictifs), adresses (noms de rues inventés), contacts (courriels example.org / example.fr, ' +
      'numéros 03 53 48 réservés à la fiction par l’ARCEP), flux, quantités, coûts et besoins sont ' +
      'inventés à des fins de démonstration ; toute ressemblance avec des organisations existantes ' +
      'serait fortuite. Les quantités et prix sont des ordres de grandeur plausibles, non des données ' +
      'mesurées. Les agrégats (déchets des ménages, énergie, eau, extraction, échanges avec le territoire ' +
      'voisin fictif DEMO-DUNKERQUE) sont des valeurs fictives, marquées comme estimations, dont la ' +
      'source dit d’où vient leur ordre de grandeur.',
  },
  ...valBoucles,
  aggregates: AGGREGATES_VALBOUCLES,
});

// Dunes de Flandre ----------------------------------------------------------------------------

const cogEpci = require('@etalab/decoupage-administratif/data/epci.json').find((e) => e.code === DUNES_EPCI);
if (!cogEpci) throw new Error(`EPCI ${DUNES_EPCI} absent du COG`);
const dunesCodes = cogEpci.membres.map((m) => m.code).sort();
const cogCommunes = new Map(
  require('@etalab/decoupage-administratif/data/communes.json')
    .filter((c) => c.type === 'commune-actuelle' && dunesCodes.includes(c.code))
    .map((c) => [c.nom, c.code]),
);
const dunesPositions = JSON.parse(readFileSync(join(here, '../data/commune-positions.json'), 'utf8')).positions;

const dunes = buildElements({
  defs: ACTORS_DUNES,
  communeOf: (name) => {
    const code = cogCommunes.get(name);
    const point = code && dunesPositions[code];
    return point ? { code, lat: point[0], lon: point[1] } : undefined;
  },
  // 150–849 m: under half the 2.2 km between the two closest reference points of the territory.
  radius: { min: 150, span: 700 },
  idPrefix: 'D',
  sirenOffset: 1000,
  phoneOffset: 80, // the phone pattern repeats every 100 contacts: Val de Boucles uses the first ones
  fateDefaults: fateDefaultsDunes,
});

writeDocument('territoire-voisin.json', {
  format: 'boucles-territory',
  formatVersion: 1,
  fictional: true,
  notice: 'Territoire voisin fictif de démonstration : communes réelles (COG 2026), acteurs, flux, besoins et agrégats inventés.',
  territory: {
    code: DUNKERQUE,
    level: 'custom',
    name: 'Dunes de Flandre (territoire voisin fictif de démonstration)',
    communes: dunesCodes,
    description:
      'Territoire voisin fictif de démonstration, portuaire et industriel, pour étudier les interdépendances ' +
      'avec le Val de Boucles (DEMO-VALBOUCLES). Seules les 17 communes et leurs codes COG 2026 sont réels ' +
      `(communes membres de la Communauté urbaine de Dunkerque, Nord, EPCI ${DUNES_EPCI}, d’après ` +
      '@etalab/decoupage-administratif 6.0.0) ; les positions de référence des communes viennent de la base ' +
      'officielle des codes postaux de La Poste (ODbL, packages/reference-data/data/commune-positions.json). ' +
      'Le nom « Dunes de Flandre », les acteurs (aciérie, centrale, unité de valorisation énergétique, centre ' +
      'de tri, logistique, agroalimentaire…), leurs SIRET (fictifs, valides au sens de Luhn), adresses, ' +
      'contacts, flux, quantités, coûts, besoins et agrégats sont inventés ; toute ressemblance avec des ' +
      'organisations existantes serait fortuite. Les flux échangés avec le Val de Boucles ne concordent pas ' +
      'exactement avec ceux que déclare le Val de Boucles : les écarts sont voulus, pour la démonstration.',
  },
  ...dunes,
  aggregates: AGGREGATES_DUNES,
});
