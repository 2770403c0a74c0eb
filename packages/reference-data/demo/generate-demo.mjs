#!/usr/bin/env node
// Génère territoire-demo.json : territoire fictif de démonstration « Val de Boucles ».
//
// Tout est inventé (nom de l'EPCI, acteurs, SIRET, adresses, contacts, flux, besoins, montants)
// SAUF les communes, leurs codes COG (CC des Hauts de Flandre, EPCI réel 200040954, Nord) et
// leurs points de référence (communes-positions.json, source citée dans ce fichier).
//
// Déterministe : aucun appel à Math.random ni à l'horloge. Les sites sont placés à 80–280 m du
// point de référence de leur commune selon un décalage calculé à partir de leur rang.
//
// Usage : node generate-demo.mjs   (écrit territoire-demo.json à côté de ce script)

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luhnCheckDigit } from '@boucles/engine';

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
// orig: 'rl' | 'r' | 'l' | '' (recycled / local flags for inputs); c: [amount, 'u'|'p', 'cost'|'price']
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const WINTER = [1, 2, 3, 4, 10, 11, 12];
const CAMPAIGN = [1, 9, 10, 11, 12]; // campagne betteravière (sept.–janv.)

const o = (res, label, v, unit, opts = {}) => ({ dir: 'output', res, label, v, unit, ...opts });
const i = (res, label, v, unit, opts = {}) => ({ dir: 'input', res, label, v, unit, ...opts });
const n = (cat, description, res, q) => ({ cat, description, res, q });

// ---------------------------------------------------------------------------------------------
// Actors (fictional)
// ---------------------------------------------------------------------------------------------
// conf: 'private' -> quantity and cost private ; 'cost' -> cost private ; 'territory' -> cost
// shared within the territory only ; undefined -> no confidentiality constraints declared.

const ACTORS = [
  // ===== Public bodies =======================================================================
  {
    name: 'Communauté de communes du Val de Boucles (EPCI fictif)',
    naf: '84.11Z', kind: 'public_body', hc: '21', ess: false,
    contact: ['Claire Vandenbussche', 'economie-circulaire'],
    sites: [
      ['Siège communautaire', '2 rue de l’Intercommunalité', 'Wormhout'],
      ['Déchèterie intercommunale', 'Chemin du Vieux Colme', 'Bierne'],
      ['Centre aquatique intercommunal', '15 avenue des Sports', 'Wormhout'],
      ['Centre technique intercommunal', 'Rue du Canal de la Haute-Colme', 'Hoymille'],
    ],
    flows: [
      o('material.biowaste.green_waste', 'Déchets verts apportés en déchèterie', 1800, 't', { s: 1, w: '200201', m: [3, 4, 5, 6, 7, 8, 9, 10, 11], fate: 'composting R3', c: [35, 'u', 'cost'] }),
      o('material.wood.treated', 'Bois de déchèterie (classe B, meubles et panneaux)', 650, 't', { s: 1, w: '200138', fate: 'recycling R3', c: [55, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons de déchèterie', 220, 't', { s: 1, w: '200101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('material.metals.mixed', 'Ferrailles et métaux de déchèterie', 180, 't', { s: 1, w: '200140', fate: 'recycling R4', c: [150, 'u', 'price'] }),
      o('equipment.furniture', 'Mobilier et encombrants (benne éco-mobilier)', 320, 't', { s: 1, w: '200307', fate: 'recycling R3', g: 'low' }),
      o('material.textiles', 'Textiles, linge et chaussures (borne de collecte)', 45, 't', { s: 1, w: '200110', fate: 'reuse' }),
      o('material.construction.inert', 'Gravats inertes des particuliers', 900, 't', { s: 1, w: '170107', fate: 'landfill D5', c: [16, 'u', 'cost'] }),
      o('material.gypsum', 'Plaques de plâtre', 60, 't', { s: 1, w: '170802', fate: 'recycling R5', c: [90, 'u', 'cost'] }),
      o('equipment.it', 'Équipements électriques et électroniques (DEEE)', 35, 't', { s: 1, w: '200136', fate: 'recycling R4' }),
      i('energy.fuels.biomass', 'Plaquettes forestières pour la chaufferie bois du centre aquatique (≈ 900 t)', 3100, 'MWh', { s: 2, m: ALL, h: 30, orig: '', c: [33, 'u', 'cost'] }),
      i('water.process', 'Eau potable du centre aquatique', 18000, 'm3', { s: 2, orig: 'l', c: [3.2, 'u', 'cost'] }),
      o('energy.heat.low', 'Chaleur des eaux de vidange et de lavage des filtres (28 °C)', 350, 'MWh', { s: 2, t: 28, m: ALL, fate: 'other' }),
      i('energy.fuels.liquid', 'Gazole non routier des engins du centre technique', 600, 'MWh', { s: 3, orig: '', c: [110, 'u', 'cost'] }),
    ],
    needs: [
      n('service', 'Étude de préfiguration d’un réseau de chaleur valorisant la chaleur fatale de la centrale biomasse de Watten.'),
      n('equipment', 'Broyeur de végétaux mutualisé entre l’intercommunalité et les communes pour produire du paillage.', 'material.biowaste.green_waste', [600, 't', 'year']),
      n('logistics', 'Optimiser les rotations de bennes de la déchèterie (cartons, bois) avec les collectes des entreprises voisines.'),
    ],
  },
  {
    name: 'Commune de Wormhout (mairie, données fictives)',
    naf: '84.11Z', kind: 'public_body', hc: '12', ess: false,
    contact: ['Julien Deswarte', 'services-techniques'],
    sites: [
      ['Mairie', '1 place de la Mairie', 'Wormhout'],
      ['Restaurant scolaire municipal', '8 rue des Écoles', 'Wormhout'],
    ],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets du restaurant scolaire', 28, 't', { s: 1, w: '200108', m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.biowaste.green_waste', 'Tontes et tailles des espaces verts municipaux', 300, 't', { w: '200201', m: [3, 4, 5, 6, 7, 8, 9, 10], fate: 'composting R3', c: [35, 'u', 'cost'] }),
      o('equipment.furniture', 'Mobilier scolaire et de bureau réformé', 60, 'unit', { fate: 'other', g: 'medium' }),
      o('equipment.it', 'Ordinateurs et écrans réformés', 40, 'unit', { fate: 'recycling R4' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des biodéchets des cantines et restaurants vers la méthanisation.', 'material.biowaste.food_waste', [28, 't', 'year']),
    ],
  },
  {
    name: 'Commune de Bergues (mairie, données fictives)',
    naf: '84.11Z', kind: 'public_body', hc: '12', ess: false,
    contact: ['Sophie Lemaire', 'mairie.bergues.demo'],
    sites: [
      ['Mairie', '3 place de la Mairie', 'Bergues'],
      ['Salle des sports des Remparts', '21 rue du Rempart', 'Bergues'],
    ],
    flows: [
      i('energy.fuels.gas', 'Gaz naturel de la salle des sports (chauffage)', 450, 'MWh', { s: 1, m: WINTER, orig: '', c: [75, 'u', 'cost'] }),
      o('material.biowaste.green_waste', 'Déchets verts des remparts et espaces verts', 220, 't', { w: '200201', m: [4, 5, 6, 7, 8, 9, 10], fate: 'composting R3', c: [35, 'u', 'cost'] }),
      o('material.biowaste.food_waste', 'Biodéchets de la cantine municipale', 16, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Groupement d’achat de plaquettes bois locales pour une future chaudière de la salle des sports.', 'energy.fuels.biomass', [420, 'MWh', 'year']),
    ],
  },
  {
    name: 'Commune de Hondschoote (mairie, données fictives)',
    naf: '84.11Z', kind: 'public_body', hc: '12', ess: false,
    contact: ['Marc Dewaele', 'mairie.hondschoote.demo'],
    sites: [['Groupe scolaire et chaufferie bois', '5 rue des Moulins', 'Hondschoote']],
    flows: [
      i('energy.fuels.biomass', 'Plaquettes bois pour la chaufferie du groupe scolaire (≈ 180 t)', 630, 'MWh', { m: WINTER, h: 30, orig: 'l', c: [35, 'u', 'cost'] }),
      o('material.biowaste.food_waste', 'Biodéchets de la cantine scolaire', 14, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.biowaste.green_waste', 'Déchets verts communaux', 160, 't', { w: '200201', m: [4, 5, 6, 7, 8, 9, 10], fate: 'composting R3' }),
    ],
    needs: [],
  },
  {
    name: 'Commune d’Esquelbecq (mairie, données fictives)',
    naf: '84.11Z', kind: 'public_body', hc: '03', ess: false,
    sites: [['Mairie et ateliers municipaux', '1 place Alphonse Bergerot', 'Esquelbecq']],
    flows: [
      o('material.biowaste.green_waste', 'Déchets verts communaux', 90, 't', { w: '200201', m: [4, 5, 6, 7, 8, 9, 10], fate: 'composting R3' }),
      o('material.biowaste.food_waste', 'Biodéchets de la cantine', 7, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
    ],
    needs: [
      n('equipment', 'Accès à un broyeur de branches partagé quelques jours par an.'),
    ],
  },
  {
    name: 'Commune de Watten (mairie, données fictives)',
    naf: '84.11Z', kind: 'public_body', hc: '11', ess: false,
    contact: ['Nathalie Ryckebusch', 'mairie.watten.demo'],
    sites: [['École et salle polyvalente', '12 rue de l’Aa', 'Watten']],
    flows: [
      i('energy.heat.medium', 'Besoin de chaleur de l’école et de la salle polyvalente (actuellement gaz)', 380, 'MWh', { m: [1, 2, 3, 4, 5, 10, 11, 12], t: 70, orig: '' }),
      i('energy.fuels.gas', 'Gaz naturel (chaudières actuelles)', 420, 'MWh', { m: WINTER, orig: '', c: [75, 'u', 'cost'] }),
    ],
    needs: [
      n('service', 'Raccordement des bâtiments communaux à la chaleur de la centrale biomasse voisine.', 'energy.heat.medium', [380, 'MWh', 'year']),
    ],
  },
  {
    name: 'Commune de Hoymille (mairie, données fictives)',
    naf: '84.11Z', kind: 'public_body', hc: '11', ess: false,
    sites: [['Services techniques municipaux', '4 rue de la Haute-Colme', 'Hoymille']],
    flows: [
      o('material.biowaste.green_waste', 'Déchets verts communaux et tailles de haies', 140, 't', { w: '200201', m: [3, 4, 5, 6, 7, 8, 9, 10, 11], fate: 'composting R3', c: [35, 'u', 'cost'] }),
    ],
    needs: [
      n('equipment', 'Broyeur de végétaux partagé pour transformer les tailles en paillage.'),
    ],
  },
  {
    name: 'Lycée professionnel des Métiers du Vivant (établissement fictif)',
    naf: '85.32Z', kind: 'public_body', hc: '21', ess: false,
    contact: ['Hélène Verstraete', 'intendance.lycee'],
    sites: [['Lycée, internat et exploitation pédagogique', '40 route de Bergues', 'Hondschoote']],
    flows: [
      i('energy.fuels.biomass', 'Plaquettes bois pour la chaufferie du lycée et de l’internat (≈ 420 t)', 1470, 'MWh', { m: [1, 2, 3, 4, 5, 9, 10, 11, 12], h: 30, orig: 'l', c: [34, 'u', 'cost'] }),
      o('material.biowaste.food_waste', 'Biodéchets du service de restauration', 35, 't', { w: '200108', m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], fate: 'composting R3', c: [80, 'u', 'cost'] }),
      o('material.agrifood_byproducts.manure', 'Fumier de l’exploitation pédagogique', 250, 't', { w: '020106', fate: 'spreading R10' }),
    ],
    needs: [
      n('skills', 'Accueillir des stagiaires en maintenance et en agroéquipement chez les entreprises du territoire.'),
    ],
  },
  {
    name: 'Collège des Trois Moulins (établissement fictif)',
    naf: '85.31Z', kind: 'public_body', hc: '21', ess: false,
    sites: [['Collège et demi-pension', '7 rue du Collège', 'Bergues']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets de la demi-pension', 18, 't', { w: '200108', m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Papiers de bureau et cartons', 6, 't', { w: '200101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte séparée des biodéchets de la demi-pension (obligation de tri à la source).', 'material.biowaste.food_waste', [18, 't', 'year']),
    ],
  },
  {
    name: 'EHPAD public Résidence Les Tilleuls (établissement fictif)',
    naf: '87.10A', kind: 'public_body', hc: '21', ess: false,
    contact: ['Bruno Coussement', 'direction.ehpad'],
    sites: [['Résidence', '18 rue du Moulin Nord', 'Hondschoote']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets de la cuisine et des offices', 20, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.textiles', 'Linge et textiles réformés', 3, 't', { w: '200111', fate: 'incineration D10' }),
      o('equipment.furniture', 'Lits, fauteuils et mobilier réformés (renouvellement)', 40, 'unit', { p: 'once', fate: 'other', g: 'medium' }),
    ],
    needs: [
      n('waste_collection', 'Collecte des biodéchets mutualisée avec les cantines voisines.', 'material.biowaste.food_waste', [20, 't', 'year']),
    ],
  },
  {
    name: 'Régie d’assainissement du Val de Boucles (fictive)',
    naf: '37.00Z', kind: 'public_body', hc: '11', ess: false,
    contact: ['Thomas Baert', 'assainissement'],
    sites: [
      ['Station d’épuration de Bierne', 'Chemin des Wateringues', 'Bierne'],
      ['Station d’épuration de Wormhout', 'Chemin de l’Yser', 'Wormhout'],
    ],
    flows: [
      o('material.sludges.wastewater', 'Boues d’épuration chaulées (20 % de matière sèche)', 2400, 't', { s: 0, w: '190805', fate: 'spreading R10', c: [25, 'u', 'cost'] }),
      o('material.sludges.wastewater', 'Boues d’épuration déshydratées', 1300, 't', { s: 1, w: '190805', fate: 'spreading R10', c: [25, 'u', 'cost'] }),
      o('water.treated_wastewater', 'Eaux usées traitées (rejet au milieu naturel)', 1200000, 'm3', { s: 0, m: ALL, fate: 'other' }),
      o('water.treated_wastewater', 'Eaux usées traitées (rejet à l’Yser)', 650000, 'm3', { s: 1, m: ALL, fate: 'other' }),
      o('material.construction.mixed', 'Refus de dégrillage', 40, 't', { s: 0, w: '190801', fate: 'incineration D10', c: [140, 'u', 'cost'] }),
      i('energy.electricity', 'Électricité des stations', 1400, 'MWh', { orig: '', c: [160, 'u', 'cost'] }),
    ],
    needs: [
      n('service', 'Identifier des usages de réutilisation des eaux usées traitées (arrosage, lavage, process industriel).', 'water.treated_wastewater'),
    ],
  },

  // ===== ESS and associations ================================================================
  {
    name: 'La Ressourcerie du Houtland',
    naf: '47.79Z', kind: 'ess', hc: '12', ess: true,
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
      o('equipment.furniture', 'Mobilier non réemployable', 35, 't', { s: 0, w: '200307', fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('material.metals.mixed', 'Métaux issus du démantèlement', 8, 't', { s: 0, w: '200140', fate: 'recycling R4', c: [150, 'u', 'price'] }),
    ],
    needs: [
      n('logistics', 'Camion avec hayon partagé pour les collectes de meubles chez les entreprises et les particuliers.'),
      n('skills', 'Encadrant technique en menuiserie pour l’atelier de remise en état (poste partagé possible).'),
      n('service', 'Local de stockage de 300 m² à proximité de la boutique.', 'service.storage', [300, 'unit', 'once']),
    ],
  },
  {
    name: 'Lav’Verre des Flandres (SCIC de réemploi des bouteilles)',
    naf: '82.92Z', kind: 'ess', hc: '03', ess: true,
    contact: ['Pierre-Yves Gheysens', 'lavverre'],
    sites: [['Unité de lavage de bouteilles', '14 rue de la Verrerie', 'Wormhout']],
    flows: [
      i('packaging.glass_bottles', 'Bouteilles de vin et de bière vides collectées', 450000, 'unit', { m: ALL, orig: 'rl', c: [0.04, 'u', 'cost'] }),
      o('packaging.glass_bottles', 'Bouteilles lavées, contrôlées et prêtes au remplissage', 400000, 'unit', { m: ALL, fate: 'reuse', c: [0.22, 'u', 'price'], g: 'high' }),
      o('material.glass.cullet', 'Bouteilles cassées ou non conformes', 18, 't', { w: '191205', fate: 'recycling R5' }),
      i('water.process', 'Eau de lavage', 900, 'm3', { orig: 'l', c: [3.1, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz pour la production d’eau chaude de lavage (80 °C)', 250, 'MWh', { m: ALL, orig: '', c: [70, 'u', 'cost'] }),
    ],
    needs: [
      n('logistics', 'Tournée de collecte mutualisée des bouteilles vides chez les cavistes, restaurants et brasseries.', 'packaging.glass_bottles', [450000, 'unit', 'year']),
      n('purchasing', 'Achat groupé de casiers réutilisables avec les brasseries et producteurs de jus.', 'packaging.crates_containers', [3000, 'unit', 'once']),
      n('equipment', 'Seconde laveuse de bouteilles pour absorber les pics de saison.'),
    ],
  },
  {
    name: 'SCIC Bocage Énergie des Flandres',
    naf: '02.20Z', kind: 'ess', hc: '02', ess: true,
    contact: ['Vincent Hennebelle', 'bocage-energie'],
    sites: [['Plateforme de séchage et de stockage de plaquettes', 'Route de Wormhout', 'Herzeele']],
    flows: [
      i('material.wood.clean', 'Bois d’entretien des haies bocagères et d’élagage', 1500, 't', { w: '020107', m: [1, 2, 3, 11, 12], h: 45, orig: 'l' }),
      o('energy.fuels.biomass', 'Plaquettes bocagères sèches (P31, 25 % d’humidité, ≈ 1 300 t)', 4600, 'MWh', { m: ALL, h: 25, g: 'high', c: [34, 'u', 'price'] }),
    ],
    needs: [
      n('service', 'Hangar de séchage supplémentaire (400 m²) pour stocker les plaquettes.', 'service.storage', [400, 'unit', 'once']),
      n('equipment', 'Déchiqueteuse partagée avec la CUMA et les services espaces verts.'),
    ],
  },
  {
    name: 'Les Jardins du Blootland (chantier d’insertion)',
    naf: '01.13Z', kind: 'association', hc: '11', ess: true,
    contact: ['Fatima Boulanger', 'jardins-blootland'],
    sites: [['Jardin maraîcher d’insertion', 'Chemin du Blootland', 'Warhem']],
    flows: [
      i('material.biowaste.green_waste', 'Broyat de branches pour le paillage', 80, 't', { m: [2, 3, 4, 10, 11], orig: 'rl' }),
      i('packaging.crates_containers', 'Caisses de récolte réutilisables', 500, 'unit', { p: 'once', orig: '' }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture et légumes déclassés', 30, 't', { w: '020103', m: [6, 7, 8, 9, 10], fate: 'composting R3' }),
    ],
    needs: [
      n('equipment', 'Chambre froide partagée pour conserver les légumes avant livraison.'),
      n('logistics', 'Mutualiser les livraisons de paniers avec d’autres producteurs locaux.'),
    ],
  },
  {
    name: 'Flandre Insertion Espaces Verts',
    naf: '81.30Z', kind: 'ess', hc: '12', ess: true,
    sites: [['Dépôt', '33 rue de Dunkerque', 'Hoymille']],
    flows: [
      o('material.biowaste.green_waste', 'Tontes et feuilles des chantiers d’entretien', 650, 't', { w: '200201', m: [3, 4, 5, 6, 7, 8, 9, 10, 11], fate: 'composting R3', c: [38, 'u', 'cost'] }),
      o('material.wood.clean', 'Branches et bois d’élagage', 200, 't', { w: '200201', m: [1, 2, 3, 10, 11, 12], h: 45, fate: 'composting R3', c: [38, 'u', 'cost'] }),
    ],
    needs: [
      n('equipment', 'Broyeur de branches mutualisé pour valoriser le bois d’élagage en plaquettes.', 'material.wood.clean', [200, 't', 'year']),
    ],
  },
  {
    name: 'ESAT Les Ateliers de la Colme',
    naf: '88.10C', kind: 'ess', hc: '21', ess: true,
    contact: ['Karine Vanhoutte', 'esat-colme'],
    sites: [['Ateliers de conditionnement et de sous-traitance', '10 rue des Ateliers', 'Hoymille']],
    flows: [
      i('packaging.other', 'Cartons et emballages pour le conditionnement', 60, 't', { orig: '', c: [900, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons d’emballage usagés', 40, 't', { w: '150101', fate: 'recycling R3', c: [20, 'u', 'cost'] }),
      o('material.plastics.pe', 'Films plastiques d’emballage', 15, 't', { w: '150102', fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('service.logistics', 'Capacité de conditionnement et de préparation de commandes disponible', 2000, 'unit', { p: 'year', fate: 'other' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des cartons avec les entreprises de la zone de Hoymille.', 'material.paper_cardboard', [40, 't', 'year']),
      n('purchasing', 'Achat groupé d’emballages carton.', 'packaging.other', [60, 't', 'year']),
    ],
  },
  {
    name: 'Repair Café du Val de Boucles',
    naf: '94.99Z', kind: 'association', hc: '00', ess: true,
    sites: [['Salle associative', '6 rue de la Gare', 'Esquelbecq']],
    flows: [
      i('equipment.machinery', 'Petits appareils apportés en réparation', 300, 'unit', { orig: 'rl' }),
    ],
    needs: [
      n('skills', 'Bénévoles compétents en électronique et en couture.'),
    ],
  },
  {
    name: 'Groupement d’employeurs Industrie Flandres',
    naf: '78.30Z', kind: 'association', hc: '03', ess: true,
    contact: ['Olivier Dequidt', 'ge-industrie'],
    sites: [['Bureaux', '1 rue de l’Entreprise', 'Bierne']],
    flows: [
      o('service.skills', 'Heures de technicien de maintenance industrielle mutualisé', 1600, 'unit', { fate: 'other' }),
    ],
    needs: [
      n('skills', 'Recruter deux techniciens de maintenance à temps partagé entre plusieurs industriels adhérents.', 'service.skills', [3200, 'unit', 'year']),
    ],
  },
  {
    name: 'Atelier couture solidaire Fil d’Yser',
    naf: '14.13Z', kind: 'association', hc: '02', ess: true,
    sites: [['Atelier', '4 rue de l’Yser', 'Wormhout']],
    flows: [
      i('material.textiles', 'Chutes de tissu et linge réformé pour la confection', 6, 't', { orig: 'rl' }),
    ],
    needs: [
      n('skills', 'Formatrice couture pour accompagner les salariées en insertion.'),
    ],
  },
  {
    name: 'CUMA des Moëres',
    naf: '01.61Z', kind: 'ess', hc: '01', ess: true,
    sites: [['Hangar de la CUMA', 'Route des Moëres', 'Uxem']],
    flows: [
      o('material.chemicals.other', 'Huiles usagées des tracteurs et engins', 1.2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('service.logistics', 'Jours de matériel disponibles à la location (épandeur, déchiqueteuse)', 60, 'unit', { fate: 'other' }),
    ],
    needs: [
      n('equipment', 'Déchiqueteuse à bois à partager avec la SCIC bois et les services espaces verts.'),
    ],
  },
  {
    name: 'Association des commerçants de Bergues',
    naf: '94.11Z', kind: 'association', hc: '00', ess: true,
    contact: ['Laurent Vermeersch', 'commercants-bergues'],
    sites: [['Siège associatif', '2 place de la République', 'Bergues']],
    flows: [],
    needs: [
      n('waste_collection', 'Collecte collective des cartons d’une quarantaine de commerces du centre-ville.', 'material.paper_cardboard', [60, 't', 'year']),
      n('purchasing', 'Achat groupé de sacs et emballages réutilisables pour les commerces.', 'packaging.other'),
    ],
  },
  {
    name: 'Club d’entreprises du Val de Boucles',
    naf: '94.11Z', kind: 'association', hc: '01', ess: true,
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
    naf: '88.99B', kind: 'association', hc: '01', ess: true,
    sites: [['Épicerie solidaire', '11 rue de Bergues', 'Hondschoote']],
    flows: [
      i('material.biowaste.food_waste', 'Invendus alimentaires consommables (dons)', 40, 't', { m: ALL, orig: 'rl' }),
    ],
    needs: [
      n('logistics', 'Véhicule frigorifique partagé pour la ramasse des invendus en supermarché.'),
    ],
  },

  // ===== Energy and organic-waste treatment ==================================================
  {
    name: 'Cogébois de l’Aa (centrale de cogénération biomasse)',
    naf: '35.11Z', kind: 'company', hc: '12', ess: false,
    contact: ['Arnaud Lefebvre', 'cogebois'],
    conf: 'cost',
    sites: [['Centrale de cogénération bois', 'Route du Canal de la Colme', 'Watten']],
    flows: [
      o('energy.heat.medium', 'Chaleur fatale : eau chaude à 65 °C en sortie de condenseur (actuellement dissipée)', 42000, 'MWh', { m: ALL, t: 65, fate: 'other' }),
      o('energy.electricity', 'Électricité injectée sur le réseau', 80000, 'MWh', { m: ALL, fate: 'other' }),
      o('material.ashes_slags', 'Cendres sous foyer de biomasse', 2100, 't', { w: '100101', fate: 'spreading R10', c: [20, 'u', 'cost'] }),
      o('material.ashes_slags', 'Cendres volantes de bois non traité', 350, 't', { w: '100103', fate: 'landfill D5', c: [95, 'u', 'cost'] }),
      i('energy.fuels.biomass', 'Plaquettes forestières et connexes de scierie (≈ 60 000 t)', 168000, 'MWh', { m: ALL, h: 40, orig: '', c: [34, 'u', 'cost'] }),
      i('material.wood.clean', 'Bois de classe A (palettes broyées, chutes non traitées)', 8000, 't', { w: '030105', m: ALL, h: 20, orig: 'r', c: [40, 'u', 'cost'] }),
      i('water.cooling', 'Eau de refroidissement prélevée', 150000, 'm3', { m: ALL, orig: 'l' }),
    ],
    needs: [
      n('service', 'Contractualiser la vente de chaleur à 65 °C aux serristes et aux bâtiments publics voisins.', 'energy.heat.medium', [20000, 'MWh', 'year']),
      n('purchasing', 'Sécuriser un approvisionnement local en connexes de scierie et bois d’élagage.', 'material.wood.clean', [10000, 't', 'year']),
    ],
  },
  {
    name: 'Méthanisation des Moëres (unité agricole)',
    naf: '35.21Z', kind: 'company', hc: '02', ess: false,
    contact: ['François Bollengier', 'methamoeres'],
    conf: 'private',
    sites: [['Unité de méthanisation', 'Chemin de la Grande Moëre', 'Uxem']],
    flows: [
      i('material.agrifood_byproducts.manure', 'Fumiers et lisiers des élevages associés', 12000, 't', { w: '020106', m: ALL, orig: 'l' }),
      i('material.agrifood_byproducts.vegetable', 'Épluchures de pommes de terre et déchets végétaux', 6000, 't', { w: '020304', m: ALL, orig: 'l', c: [10, 'u', 'price'] }),
      i('material.biowaste.food_waste', 'Biodéchets déconditionnés', 1500, 't', { w: '200108', m: ALL, orig: 'r', c: [45, 'u', 'price'] }),
      i('material.biowaste.green_waste', 'Tontes de gazon', 500, 't', { w: '200201', m: [4, 5, 6, 7, 8, 9], orig: 'l', c: [20, 'u', 'price'] }),
      o('energy.biogas', 'Biométhane injecté dans le réseau de gaz', 14000, 'MWh', { m: ALL, fate: 'other' }),
      o('material.sludges.industrial', 'Digestat brut', 18000, 't', { w: '190606', m: [2, 3, 4, 8, 9], fate: 'spreading R10' }),
      o('energy.heat.low', 'Chaleur excédentaire de la chaudière de digesteur (45 °C)', 900, 'MWh', { m: [4, 5, 6, 7, 8, 9], t: 45, fate: 'other' }),
    ],
    needs: [
      n('purchasing', 'Nouveaux gisements de biodéchets et coproduits agroalimentaires (contrats pluriannuels).', 'material.biowaste.food_waste', [2000, 't', 'year']),
    ],
  },
  {
    name: 'Compostière du Houtland',
    naf: '38.21Z', kind: 'company', hc: '03', ess: false,
    conf: 'cost',
    contact: ['Sébastien Delporte', 'compostiere'],
    sites: [['Plateforme de compostage', 'Chemin des Prés', 'Warhem']],
    flows: [
      i('material.biowaste.green_waste', 'Déchets verts des collectivités et paysagistes', 6000, 't', { w: '200201', orig: 'l', c: [32, 'u', 'price'] }),
      i('material.biowaste.food_waste', 'Biodéchets de restauration collective', 300, 't', { w: '200108', orig: 'l', c: [50, 'u', 'price'] }),
      o('energy.fuels.biomass', 'Refus de criblage ligneux utilisable en chaufferie (≈ 900 t)', 2500, 'MWh', { w: '191212', h: 40, g: 'low', fate: 'energy_recovery R1', c: [7, 'u', 'price'] }),
    ],
    needs: [
      n('equipment', 'Crible mobile partagé avec une autre plateforme.'),
      n('logistics', 'Retour à vide des camions : transporter du compost vers les exploitations au retour.'),
    ],
  },

  // ===== Greenhouses and horticulture near the CHP plant =====================================
  {
    name: 'SCEA Serres de la Colme',
    naf: '01.13Z', kind: 'farm', hc: '12', ess: false,
    contact: ['Bart Vanneste', 'serres-colme'],
    conf: 'private',
    sites: [['Serres de tomates (3 ha)', 'Route de Saint-Momelin', 'Watten']],
    flows: [
      i('energy.heat.medium', 'Chauffage des serres de tomates (eau chaude 60–70 °C)', 9000, 'MWh', { m: WINTER, t: 60, orig: '' }),
      i('energy.fuels.gas', 'Gaz naturel des chaudières de serre', 9500, 'MWh', { m: WINTER, orig: '', c: [55, 'u', 'cost'] }),
      i('gas.co2', 'CO2 pour l’enrichissement de l’atmosphère des serres', 600, 't', { m: [3, 4, 5, 6, 7, 8, 9], orig: '', c: [120, 'u', 'cost'] }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture en fin de saison (tiges, feuilles)', 350, 't', { w: '020103', m: [11, 12], fate: 'composting R3', c: [25, 'u', 'cost'] }),
      o('material.plastics.pe', 'Films et gaines plastiques usagés', 4, 't', { w: '020104', fate: 'recycling R3' }),
    ],
    needs: [
      n('logistics', 'Mutualiser les livraisons vers les plateformes de distribution régionales.'),
    ],
  },
  {
    name: 'EARL Les Serres de Holque',
    naf: '01.13Z', kind: 'farm', hc: '03', ess: false,
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
    naf: '01.13Z', kind: 'farm', hc: '11', ess: false,
    contact: ['Jérôme Ducrocq', 'serres-saint-momelin'],
    conf: 'private',
    sites: [['Serres de fraises et tomates (2 ha)', 'Chemin de l’Aa', 'Saint-Momelin']],
    flows: [
      i('energy.heat.medium', 'Chauffage des serres (eau chaude 60–65 °C)', 6200, 'MWh', { m: [1, 2, 3, 4, 5, 9, 10, 11, 12], t: 62, orig: '' }),
      i('water.rainwater', 'Eau de pluie récupérée pour l’irrigation', 8000, 'm3', { m: [4, 5, 6, 7, 8, 9], orig: 'l' }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture et fruits déclassés', 220, 't', { w: '020103', m: [10, 11, 12], fate: 'composting R3' }),
    ],
    needs: [
      n('logistics', 'Tournée commune de livraison avec les autres serristes de la vallée de l’Aa.'),
    ],
  },
  {
    name: 'Pépinière et horticulture de l’Aa',
    naf: '01.30Z', kind: 'farm', hc: '03', ess: false,
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
    naf: '03.22Z', kind: 'company', hc: '02', ess: false,
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
    naf: '10.81Z', kind: 'company', hc: '22', ess: false,
    contact: ['Philippe Dewitte', 'sucrerie-moeres'],
    conf: 'private',
    sites: [
      ['Sucrerie', 'Route de Killem', 'Hondschoote'],
      ['Bassins de décantation', 'Chemin des Bassins', 'Killem'],
    ],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pulpes de betteraves surpressées', 95000, 't', { s: 0, m: CAMPAIGN, h: 75, fate: 'other', c: [25, 'u', 'price'] }),
      o('material.construction.excavated_soil', 'Terres de lavage des betteraves', 45000, 't', { s: 1, w: '020401', m: CAMPAIGN, fate: 'other' }),
      o('material.minerals_aggregates', 'Écumes de sucrerie (amendement calcique)', 28000, 't', { s: 0, w: '020402', m: CAMPAIGN, fate: 'spreading R10', c: [5, 'u', 'price'] }),
      o('material.sludges.industrial', 'Boues de traitement des effluents', 3000, 't', { s: 1, w: '020403', fate: 'spreading R10', c: [15, 'u', 'cost'] }),
      o('water.process', 'Eaux de condensation excédentaires', 350000, 'm3', { s: 0, m: CAMPAIGN, fate: 'other' }),
      o('energy.heat.low', 'Chaleur basse température des condenseurs (45 °C)', 25000, 'MWh', { s: 0, m: CAMPAIGN, t: 45, fate: 'other' }),
      i('energy.fuels.gas', 'Gaz naturel de la chaufferie', 190000, 'MWh', { s: 0, m: CAMPAIGN, orig: '', c: [52, 'u', 'cost'] }),
      i('material.minerals_aggregates', 'Pierre à chaux pour l’épuration des jus', 40000, 't', { s: 0, m: [8, 9, 10, 11, 12], orig: '' }),
      i('packaging.pallets', 'Palettes pour le sucre conditionné', 8000, 'unit', { s: 0, orig: '', c: [9, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Ferrailles de maintenance (intercampagne)', 60, 't', { s: 0, w: '170405', m: [2, 3, 4, 5, 6, 7], fate: 'recycling R4', c: [180, 'u', 'price'] }),
    ],
    needs: [
      n('skills', 'Techniciens de maintenance pour l’intercampagne (février–août), partage possible avec d’autres industriels.', 'service.skills'),
    ],
  },
  {
    name: 'Flandres Frites et Spécialités',
    naf: '10.31Z', kind: 'company', hc: '32', ess: false,
    contact: ['Caroline Vandaele', 'flandres-frites'],
    conf: 'private',
    sites: [['Usine de transformation de pommes de terre', 'Zone d’activités du Pont de l’Yser', 'Bierne']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Épluchures et écarts de tri de pommes de terre', 18000, 't', { w: '020304', m: ALL, h: 85, fate: 'anaerobic_digestion R3', c: [10, 'u', 'price'] }),
      o('material.agrifood_byproducts.vegetable', 'Amidon récupéré des eaux de coupe', 2500, 't', { m: ALL, fate: 'other', c: [80, 'u', 'price'] }),
      o('material.sludges.industrial', 'Boues de la station de prétraitement', 4000, 't', { w: '020305', fate: 'spreading R10', c: [18, 'u', 'cost'] }),
      o('energy.heat.low', 'Chaleur des buées de friteuses et des compresseurs (45 °C)', 9000, 'MWh', { m: ALL, t: 45, fate: 'other' }),
      o('material.paper_cardboard', 'Cartons d’emballage', 180, 't', { w: '150101', fate: 'recycling R3', c: [70, 'u', 'price'] }),
      o('material.plastics.pe', 'Films plastiques d’emballage', 45, 't', { w: '150102', fate: 'recycling R3' }),
      i('energy.fuels.gas', 'Gaz naturel (friteuses, blanchiment)', 70000, 'MWh', { m: ALL, orig: '', c: [52, 'u', 'cost'] }),
      i('water.process', 'Eau de process', 650000, 'm3', { m: ALL, orig: 'l', c: [1.8, 'u', 'cost'] }),
      i('packaging.pallets', 'Palettes neuves', 25000, 'unit', { orig: '', c: [9, 'u', 'cost'] }),
      i('packaging.other', 'Cartons d’expédition', 1800, 't', { orig: '', c: [850, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Achat groupé de palettes reconditionnées avec les industriels de la zone.', 'packaging.pallets', [25000, 'unit', 'year']),
      n('skills', 'Technicien de maintenance en froid et en automatismes (poste partagé).', 'service.skills'),
    ],
  },
  {
    name: 'Laiterie coopérative de l’Yser',
    naf: '10.51A', kind: 'company', hc: '21', ess: true,
    contact: ['Dominique Decool', 'laiterie-yser'],
    conf: 'private',
    sites: [['Laiterie', 'Rue de la Laiterie', 'Bambecque']],
    flows: [
      o('material.agrifood_byproducts.animal', 'Lactosérum (petit-lait)', 22000, 't', { m: ALL, fate: 'other', c: [5, 'u', 'price'] }),
      o('material.sludges.industrial', 'Boues de la station d’épuration interne', 1800, 't', { w: '020502', fate: 'spreading R10', c: [15, 'u', 'cost'] }),
      o('material.agrifood_byproducts.animal', 'Produits laitiers non conformes', 150, 't', { w: '020501', fate: 'anaerobic_digestion R3', c: [30, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons', 60, 't', { w: '150101', fate: 'recycling R3' }),
      o('material.plastics.mixed', 'Emballages plastiques mélangés', 25, 't', { w: '150102', fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('energy.heat.low', 'Chaleur des condenseurs frigorifiques (30 °C)', 2500, 'MWh', { m: ALL, t: 30, fate: 'other' }),
      i('water.process', 'Eau de process et de nettoyage', 120000, 'm3', { m: ALL, orig: 'l', c: [2.1, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz naturel (pasteurisation, nettoyage en place)', 14000, 'MWh', { m: ALL, orig: '', c: [55, 'u', 'cost'] }),
      i('packaging.crates_containers', 'Caisses et bacs plastiques réutilisables', 3000, 'unit', { p: 'once', orig: '' }),
    ],
    needs: [
      n('skills', 'Technicien de maintenance industrielle à temps partagé.', 'service.skills'),
    ],
  },
  {
    name: 'Brasserie de la Haute-Colme',
    naf: '11.05Z', kind: 'company', hc: '11', ess: false,
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
      i('packaging.glass_bottles', 'Bouteilles neuves 33 cl', 150000, 'unit', { m: ALL, orig: '', c: [0.38, 'u', 'cost'] }),
      i('material.agrifood_byproducts.vegetable', 'Pain invendu pour une bière au pain', 2, 't', { orig: 'rl' }),
      i('water.process', 'Eau de brassage et de nettoyage', 4500, 'm3', { orig: 'l', c: [3.1, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Achat groupé de capsules, étiquettes et casiers avec les autres producteurs de boissons.', 'packaging.other'),
    ],
  },
  {
    name: 'Microbrasserie du Blootland',
    naf: '11.05Z', kind: 'company', hc: '01', ess: false,
    sites: [['Microbrasserie et estaminet', '3 route de Hondschoote', 'Warhem']],
    flows: [
      o('material.agrifood_byproducts.brewing_distilling', 'Drêches de brasserie', 35, 't', { h: 78, fate: 'other' }),
      o('packaging.glass_bottles', 'Bouteilles vides de l’estaminet', 6000, 'unit', { fate: 'recycling R5' }),
      i('packaging.glass_bottles', 'Bouteilles lavées 75 cl', 30000, 'unit', { orig: 'rl', c: [0.26, 'u', 'cost'] }),
    ],
    needs: [
      n('equipment', 'Soutireuse-étiqueteuse mobile partagée entre petites brasseries.'),
    ],
  },
  {
    name: 'Distillerie du Houtland (genièvre)',
    naf: '11.01Z', kind: 'company', hc: '03', ess: false,
    conf: 'private',
    sites: [['Distillerie', '17 rue de la Distillerie', 'Wormhout']],
    flows: [
      o('material.agrifood_byproducts.brewing_distilling', 'Vinasses de distillation', 900, 't', { w: '020702', m: ALL, fate: 'spreading R10', c: [12, 'u', 'cost'] }),
      o('material.agrifood_byproducts.brewing_distilling', 'Drêches de distillerie', 150, 't', { fate: 'other' }),
      o('energy.heat.low', 'Eau de refroidissement des alambics (35 °C)', 150, 'MWh', { t: 35, fate: 'other' }),
      i('packaging.glass_bottles', 'Bouteilles lavées', 20000, 'unit', { orig: 'rl', c: [0.3, 'u', 'cost'] }),
      i('packaging.glass_bottles', 'Bouteilles neuves', 40000, 'unit', { orig: '', c: [0.55, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz pour les alambics', 400, 'MWh', { orig: '', c: [70, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Achat groupé de bouteilles de réemploi standardisées.', 'packaging.glass_bottles', [60000, 'unit', 'year']),
    ],
  },
  {
    name: 'Vergers et Jus de l’Yser',
    naf: '10.32Z', kind: 'company', hc: '02', ess: false,
    contact: ['Élodie Van Moere', 'vergers-yser'],
    sites: [['Pressoir', '8 chemin des Vergers', 'Bambecque']],
    flows: [
      i('packaging.glass_bottles', 'Bouteilles lavées pour jus et cidre', 80000, 'unit', { m: [9, 10, 11, 12], orig: 'rl', c: [0.24, 'u', 'cost'] }),
      o('material.agrifood_byproducts.vegetable', 'Marc de pommes', 60, 't', { w: '020304', m: [9, 10, 11], h: 75, fate: 'anaerobic_digestion R3' }),
    ],
    needs: [
      n('logistics', 'Retour des bouteilles vides depuis les points de vente vers le laveur.', 'packaging.glass_bottles', [60000, 'unit', 'year']),
    ],
  },
  {
    name: 'Conserverie des Moëres',
    naf: '10.39A', kind: 'company', hc: '21', ess: false,
    contact: ['Guillaume Tanghe', 'conserverie'],
    conf: 'private',
    sites: [['Conserverie de légumes', 'Rue de la Conserverie', 'Rexpoëde']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Parures et déchets de légumes', 3500, 't', { w: '020304', m: [6, 7, 8, 9, 10], fate: 'anaerobic_digestion R3', c: [8, 'u', 'cost'] }),
      o('material.sludges.industrial', 'Boues de prétraitement', 500, 't', { w: '020305', fate: 'spreading R10', c: [15, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Chutes de boîtes métalliques', 20, 't', { w: '150104', fate: 'recycling R4', c: [120, 'u', 'price'] }),
      o('material.paper_cardboard', 'Cartons', 90, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('energy.heat.low', 'Chaleur des autoclaves et des eaux de refroidissement (50 °C)', 3000, 'MWh', { m: [6, 7, 8, 9, 10], t: 50, fate: 'other' }),
      i('water.process', 'Eau de lavage des légumes', 90000, 'm3', { m: [6, 7, 8, 9, 10], orig: 'l', c: [2, 'u', 'cost'] }),
      i('energy.fuels.gas', 'Gaz naturel (stérilisation)', 12000, 'MWh', { m: [6, 7, 8, 9, 10], orig: '', c: [55, 'u', 'cost'] }),
    ],
    needs: [
      n('skills', 'Mutualiser les saisonniers avec la sucrerie (campagnes décalées : été / automne).'),
    ],
  },
  {
    name: 'Au Pain des Flandres (boulangerie industrielle)',
    naf: '10.71A', kind: 'company', hc: '21', ess: false,
    conf: 'private',
    sites: [['Boulangerie industrielle', '5 rue du Fournil', 'Hoymille']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pains et viennoiseries invendus ou non conformes', 120, 't', { w: '020601', m: ALL, fate: 'other' }),
      o('energy.heat.very_high', 'Fumées des fours (200 °C)', 600, 'MWh', { m: ALL, t: 200, fate: 'other' }),
      o('material.paper_cardboard', 'Cartons et sacs de farine', 35, 't', { w: '150101', fate: 'recycling R3' }),
      i('energy.fuels.gas', 'Gaz des fours', 3500, 'MWh', { m: ALL, orig: '', c: [60, 'u', 'cost'] }),
      i('packaging.crates_containers', 'Bacs de livraison réutilisables', 4000, 'unit', { p: 'once', orig: '' }),
    ],
    needs: [
      n('logistics', 'Mutualiser les tournées de livraison du matin avec d’autres fournisseurs des cantines.'),
    ],
  },
  {
    name: 'Boulangerie du Beffroi',
    naf: '10.71C', kind: 'company', hc: '02', ess: false,
    sites: [['Boulangerie-pâtisserie', '9 rue Nationale', 'Bergues']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pain invendu', 3, 't', { w: '020601', fate: 'incineration D10' }),
      o('material.paper_cardboard', 'Cartons et sacs', 2, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte des cartons mutualisée avec les commerces du centre-ville.', 'material.paper_cardboard', [2, 't', 'year']),
    ],
  },
  {
    name: 'Salaisons du Westhoek',
    naf: '10.13A', kind: 'company', hc: '12', ess: false,
    contact: ['Francis Dewaele', 'salaisons-westhoek'],
    conf: 'cost',
    sites: [['Atelier de charcuterie (potjevleesch)', 'Rue des Charcutiers', 'Bergues']],
    flows: [
      o('material.agrifood_byproducts.animal', 'Sous-produits animaux de catégorie 3', 180, 't', { w: '020202', fate: 'other', c: [90, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons', 20, 't', { w: '150101', fate: 'recycling R3' }),
      o('material.plastics.mixed', 'Films et barquettes plastiques', 12, 't', { w: '150102', fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('energy.heat.low', 'Chaleur des groupes frigorifiques (30 °C)', 600, 'MWh', { m: ALL, t: 30, fate: 'other' }),
      i('energy.heat.medium', 'Chaleur de cuisson (eau chaude 85 °C, actuellement gaz)', 900, 'MWh', { m: ALL, t: 85, orig: '' }),
    ],
    needs: [],
  },
  {
    name: 'Teillage de lin du Houtland',
    naf: '13.10Z', kind: 'company', hc: '12', ess: false,
    conf: 'cost',
    contact: ['Benoît Dehondt', 'teillage-lin'],
    sites: [['Usine de teillage', 'Route de Bergues', 'Socx']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Anas de lin (paillettes)', 2800, 't', { m: [1, 2, 3, 4, 9, 10, 11, 12], h: 12, fate: 'other', c: [60, 'u', 'price'] }),
      o('material.agrifood_byproducts.vegetable', 'Poussières et courtes fibres de lin', 300, 't', { w: '020103', m: [1, 2, 3, 4, 9, 10, 11, 12], fate: 'incineration D10', c: [90, 'u', 'cost'] }),
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
    naf: '10.83Z', kind: 'company', hc: '12', ess: false,
    conf: 'private',
    sites: [['Usine de torréfaction de chicorée', 'Route de Téteghem', 'Uxem']],
    flows: [
      o('energy.heat.high', 'Fumées de torréfaction récupérables (130 °C)', 4000, 'MWh', { m: [1, 2, 3, 9, 10, 11, 12], t: 130, fate: 'other' }),
      o('material.agrifood_byproducts.vegetable', 'Poussières et résidus de chicorée', 250, 't', { w: '020304', fate: 'anaerobic_digestion R3' }),
      i('energy.fuels.gas', 'Gaz des torréfacteurs', 9000, 'MWh', { m: [1, 2, 3, 9, 10, 11, 12], orig: '', c: [55, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Coopérative agricole des Flandres Maritimes',
    naf: '46.21Z', kind: 'company', hc: '21', ess: true,
    conf: 'cost',
    contact: ['Hervé Ghesquière', 'coop-flandres'],
    sites: [['Silo et séchoir', 'Avenue de la Gare', 'Wormhout']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Issues de céréales et grains cassés', 600, 't', { w: '020304', m: [7, 8, 9], fate: 'other', c: [40, 'u', 'price'] }),
      o('material.plastics.pp', 'Big-bags usagés en polypropylène', 12, 't', { w: '150102', fate: 'energy_recovery R1', c: [90, 'u', 'cost'] }),
      i('energy.heat.medium', 'Chaleur pour le séchage du maïs (80 °C)', 3000, 'MWh', { m: [9, 10, 11], t: 80, orig: '' }),
      i('energy.fuels.gas', 'Gaz des séchoirs', 5000, 'MWh', { m: [7, 8, 9, 10, 11], orig: '', c: [60, 'u', 'cost'] }),
    ],
    needs: [
      n('equipment', 'Presse à balles partagée pour les films et big-bags agricoles.'),
    ],
  },

  // ===== Wood ================================================================================
  {
    name: 'Scierie de l’Houtland',
    naf: '16.10A', kind: 'company', hc: '11', ess: false,
    conf: 'cost',
    contact: ['Jean-Marc Lobbedez', 'scierie-houtland'],
    sites: [['Scierie', 'Route de Winnezeele', 'Herzeele']],
    flows: [
      o('material.wood.clean', 'Écorces', 1400, 't', { w: '030101', h: 50, fate: 'energy_recovery R1', c: [25, 'u', 'price'] }),
      o('material.wood.clean', 'Sciures et copeaux de bois non traité', 2200, 't', { w: '030105', h: 45, g: 'high', fate: 'energy_recovery R1', c: [35, 'u', 'price'] }),
      o('material.wood.clean', 'Dosses, délignures et chutes de sciage', 1100, 't', { w: '030105', h: 40, g: 'high', fate: 'energy_recovery R1', c: [30, 'u', 'price'] }),
      i('energy.heat.medium', 'Chaleur pour le séchoir à bois (75 °C)', 1500, 'MWh', { m: ALL, t: 75, orig: 'l' }),
      i('energy.electricity', 'Électricité', 900, 'MWh', { orig: '', c: [160, 'u', 'cost'] }),
    ],
    needs: [
      n('logistics', 'Transport groupé des connexes vers les chaufferies et la centrale de Watten.', 'material.wood.clean', [4700, 't', 'year']),
    ],
  },
  {
    name: 'Palettes Services des Flandres',
    naf: '16.24Z', kind: 'company', hc: '12', ess: false,
    contact: ['Stéphane Maerten', 'palettes-flandres'],
    conf: 'cost',
    sites: [['Atelier de fabrication et de reconditionnement', 'Rue des Palettiers', 'Bierne']],
    flows: [
      i('packaging.pallets', 'Palettes usagées à trier et réparer', 60000, 'unit', { orig: 'rl', c: [1.5, 'u', 'cost'] }),
      i('material.wood.clean', 'Bois scié pour palettes neuves', 1200, 't', { orig: '', c: [260, 'u', 'cost'] }),
      o('packaging.pallets', 'Palettes reconditionnées', 52000, 'unit', { fate: 'reuse', c: [6.5, 'u', 'price'] }),
      o('material.wood.clean', 'Palettes cassées et bois de palettes non réparable', 700, 't', { w: '150103', h: 18, fate: 'energy_recovery R1', c: [20, 'u', 'cost'] }),
      o('material.wood.clean', 'Sciures de fabrication', 180, 't', { w: '030105', h: 15, fate: 'energy_recovery R1' }),
      o('material.metals.ferrous', 'Pointes et feuillards métalliques', 25, 't', { w: '191202', fate: 'recycling R4', c: [150, 'u', 'price'] }),
    ],
    needs: [
      n('equipment', 'Chariot élévateur partagé pour les pics d’activité.'),
    ],
  },
  {
    name: 'Menuiserie Bois et Alu de la Colme',
    naf: '16.23Z', kind: 'company', hc: '11', ess: false,
    sites: [['Atelier de menuiserie', '12 rue de l’Artisanat', 'Rexpoëde']],
    flows: [
      o('material.wood.clean', 'Chutes de bois massif et de panneaux non traités', 140, 't', { w: '030105', h: 12, fate: 'energy_recovery R1', c: [30, 'u', 'cost'] }),
      o('material.wood.hazardous', 'Chutes et sciures de bois traité ou vernis', 35, 't', { w: '030104', hz: true, fate: 'incineration D10', c: [160, 'u', 'cost'] }),
      o('material.metals.aluminium', 'Chutes de profilés aluminium', 8, 't', { w: '120103', fate: 'recycling R4', c: [900, 'u', 'price'] }),
      o('material.chemicals.solvents', 'Solvants et diluants usagés', 1.5, 't', { w: '140603', hz: true, fate: 'energy_recovery R1', c: [700, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux des artisans (solvants, bois traité).', 'material.chemicals.solvents', [1.5, 't', 'year']),
    ],
  },
  {
    name: 'Charpentes et Ossatures du Westhoek',
    naf: '16.23Z', kind: 'company', hc: '12', ess: false,
    sites: [['Atelier de charpente', 'Rue de la Charpenterie', 'Wormhout']],
    flows: [
      o('material.wood.clean', 'Chutes de charpente non traitées', 260, 't', { w: '030105', h: 18, fate: 'energy_recovery R1', c: [25, 'u', 'cost'] }),
      o('material.wood.clean', 'Sciures et copeaux', 80, 't', { w: '030105', h: 15, fate: 'energy_recovery R1' }),
      i('material.wood.clean', 'Bois de charpente (sapin, douglas)', 1800, 't', { orig: '', c: [420, 'u', 'cost'] }),
    ],
    needs: [
      n('skills', 'Charpentier qualifié (recrutement difficile).'),
    ],
  },
  {
    name: 'Atelier d’ébénisterie du Mont',
    naf: '31.09B', kind: 'company', hc: '01', ess: false,
    sites: [['Atelier', '2 chemin du Mont', 'Esquelbecq']],
    flows: [
      i('material.wood.clean', 'Bois de réemploi (poutres, planchers anciens)', 8, 't', { orig: 'rl' }),
      o('material.wood.clean', 'Sciures et copeaux', 6, 't', { w: '030105', fate: 'energy_recovery R1' }),
    ],
    needs: [
      n('equipment', 'Aspiration et dégauchisseuse partagées dans un atelier collectif.'),
    ],
  },
  {
    name: 'Briqueterie du Houtland',
    naf: '23.32Z', kind: 'company', hc: '21', ess: false,
    contact: ['Laurence Cappoen', 'briqueterie'],
    conf: 'private',
    sites: [['Briqueterie', 'Route de Rexpoëde', 'Killem']],
    flows: [
      i('material.construction.excavated_soil', 'Argiles et limons de terrassement', 30000, 't', { w: '170504', orig: 'rl', c: [4, 'u', 'price'] }),
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
    naf: '41.20B', kind: 'company', hc: '21', ess: false,
    contact: ['Christophe Wallyn', 'flandres-batiment'],
    conf: 'cost',
    sites: [['Dépôt et base chantier', 'Rue du Bâtiment', 'Hoymille']],
    flows: [
      o('material.construction.inert', 'Gravats inertes de chantier', 3500, 't', { w: '170107', fate: 'landfill D5', c: [18, 'u', 'cost'] }),
      o('material.construction.mixed', 'Déchets de chantier en mélange', 600, 't', { w: '170904', fate: 'other', c: [140, 'u', 'cost'] }),
      o('material.wood.treated', 'Bois de chantier (coffrages, menuiseries déposées)', 120, 't', { w: '170201', fate: 'energy_recovery R1', c: [70, 'u', 'cost'] }),
      o('material.gypsum', 'Chutes de plaques de plâtre', 45, 't', { w: '170802', fate: 'landfill D5', c: [95, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Ferrailles et aciers de chantier', 40, 't', { w: '170405', fate: 'recycling R4', c: [120, 'u', 'price'] }),
      i('material.minerals_aggregates', 'Granulats pour fondations et dallages', 5000, 't', { orig: 'l', c: [18, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Bennes de tri partagées sur les chantiers voisins (plâtre, bois, inertes).', 'material.construction.mixed', [600, 't', 'year']),
      n('purchasing', 'Acheter des granulats recyclés certifiés localement.', 'material.minerals_aggregates', [2000, 't', 'year']),
    ],
  },
  {
    name: 'Maisons du Houtland',
    naf: '41.20A', kind: 'company', hc: '12', ess: false,
    sites: [['Dépôt', 'Rue de Wormhout', 'Esquelbecq']],
    flows: [
      o('material.construction.inert', 'Gravats inertes', 900, 't', { w: '170107', fate: 'landfill D5', c: [18, 'u', 'cost'] }),
      o('material.construction.mixed', 'Déchets de chantier en mélange', 200, 't', { w: '170904', fate: 'other', c: [140, 'u', 'cost'] }),
      o('material.gypsum', 'Chutes de plâtre', 25, 't', { w: '170802', fate: 'landfill D5', c: [95, 'u', 'cost'] }),
      o('material.wood.treated', 'Bois de chantier', 40, 't', { w: '170201', fate: 'energy_recovery R1', c: [70, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des chutes de plâtre vers une filière de recyclage.', 'material.gypsum', [25, 't', 'year']),
    ],
  },
  {
    name: 'Démolition et Désamiantage de l’Aa',
    naf: '43.11Z', kind: 'company', hc: '12', ess: false,
    contact: ['Romain Vanpeene', 'demolition-aa'],
    conf: 'cost',
    sites: [['Plateforme de tri et de stockage', 'Zone artisanale du Canal', 'Watten']],
    flows: [
      o('material.construction.inert', 'Bétons de démolition', 12000, 't', { w: '170101', fate: 'recycling R5', c: [8, 'u', 'cost'] }),
      o('material.construction.inert', 'Briques anciennes de démolition (réemployables en partie)', 3000, 't', { w: '170102', fate: 'landfill D5', c: [12, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Ferrailles de démolition', 900, 't', { w: '170405', fate: 'recycling R4', c: [180, 'u', 'price'] }),
      o('material.wood.treated', 'Bois de démolition', 500, 't', { w: '170201', fate: 'energy_recovery R1', c: [60, 'u', 'cost'] }),
      o('material.construction.mixed', 'Déchets de démolition en mélange', 700, 't', { w: '170904', fate: 'other', c: [130, 'u', 'cost'] }),
      o('material.construction.excavated_soil', 'Terres et pierres d’excavation', 4000, 't', { w: '170504', fate: 'landfill D5', c: [12, 'u', 'cost'] }),
      o('material.metals.copper', 'Câbles électriques de curage', 12, 't', { w: '170411', fate: 'recycling R4', c: [2500, 'u', 'price'] }),
    ],
    needs: [
      n('service', 'Plateforme de stockage des matériaux de réemploi (briques, tuiles, portes) ouverte aux artisans.', 'service.storage', [1500, 'unit', 'once']),
      n('service', 'Diagnostic produits-équipements-matériaux-déchets (PEMD) mutualisé pour les chantiers publics.'),
    ],
  },
  {
    name: 'Béton Prêt de l’Aa',
    naf: '23.63Z', kind: 'company', hc: '11', ess: false,
    conf: 'private',
    sites: [['Centrale à béton', 'Quai de l’Aa', 'Watten']],
    flows: [
      i('material.minerals_aggregates', 'Sables et graviers', 45000, 't', { orig: '', c: [22, 'u', 'cost'] }),
      i('water.process', 'Eau de gâchage et de lavage', 9000, 'm3', { orig: 'l', c: [2.5, 'u', 'cost'] }),
      o('material.construction.inert', 'Bétons de retour et boues de lavage', 1200, 't', { w: '101314', fate: 'recycling R5', c: [10, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Granulats recyclés de béton pour une partie des formulations.', 'material.minerals_aggregates', [8000, 't', 'year']),
    ],
  },
  {
    name: 'Sablière et plateforme de recyclage du Mont de Watten',
    naf: '08.12Z', kind: 'company', hc: '11', ess: false,
    contact: ['Patrick Delannoy', 'sabliere'],
    conf: 'cost',
    sites: [['Sablière et plateforme de recyclage', 'Chemin de la Sablière', 'Watten']],
    flows: [
      o('material.minerals_aggregates', 'Sables extraits', 120000, 't', { fate: 'other', c: [14, 'u', 'price'] }),
      o('material.minerals_aggregates', 'Granulats recyclés de béton (0/31,5)', 14000, 't', { fate: 'other', c: [9, 'u', 'price'] }),
      i('material.construction.excavated_soil', 'Terres inertes pour le remblaiement de la sablière', 60000, 't', { w: '170504', orig: 'rl', c: [6, 'u', 'price'] }),
      i('material.construction.inert', 'Bétons de démolition à concasser', 15000, 't', { w: '170101', orig: 'rl', c: [5, 'u', 'price'] }),
    ],
    needs: [
      n('logistics', 'Double fret : charger des granulats au retour des camions qui livrent des terres.'),
    ],
  },
  {
    name: 'Travaux Publics des Moëres',
    naf: '42.11Z', kind: 'company', hc: '21', ess: false,
    conf: 'cost',
    sites: [['Dépôt travaux publics', 'Rue des Travaux', 'Bierne']],
    flows: [
      o('material.construction.inert', 'Fraisats d’enrobés bitumineux', 4000, 't', { w: '170302', fate: 'recycling R5', c: [6, 'u', 'cost'] }),
      o('material.construction.excavated_soil', 'Terres de terrassement', 25000, 't', { w: '170504', fate: 'landfill D5', c: [10, 'u', 'cost'] }),
      i('material.minerals_aggregates', 'Granulats routiers', 30000, 't', { orig: '', c: [20, 'u', 'cost'] }),
    ],
    needs: [
      n('service', 'Plateforme de transit et de caractérisation des terres excavées.', 'service.storage', [5000, 'unit', 'once']),
    ],
  },
  {
    name: 'Plâtrerie Isolation Flandres',
    naf: '43.31Z', kind: 'company', hc: '03', ess: false,
    sites: [['Dépôt', '4 rue des Artisans', 'Bergues']],
    flows: [
      o('material.gypsum', 'Chutes de plaques de plâtre', 18, 't', { w: '170802', fate: 'landfill D5', c: [100, 'u', 'cost'] }),
      o('material.construction.mixed', 'Laines minérales de dépose', 6, 't', { w: '170604', fate: 'landfill D5', c: [160, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Collecte partagée des déchets de plâtre vers un recycleur.', 'material.gypsum', [18, 't', 'year']),
    ],
  },
  {
    name: 'Électricité Générale du Houtland',
    naf: '43.21A', kind: 'company', hc: '11', ess: false,
    sites: [['Atelier et dépôt', 'Rue Ampère', 'Wormhout']],
    flows: [
      o('material.metals.copper', 'Chutes de câbles électriques', 3, 't', { w: '170411', fate: 'recycling R4', c: [3000, 'u', 'price'] }),
      o('equipment.machinery', 'Luminaires et appareillages déposés', 4, 't', { w: '160214', fate: 'recycling R4' }),
      o('material.paper_cardboard', 'Cartons d’emballage', 8, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des cartons avec les artisans de la zone Ampère.', 'material.paper_cardboard', [8, 't', 'year']),
    ],
  },
  {
    name: 'Couverture Zinguerie de Bergues',
    naf: '43.91B', kind: 'company', hc: '02', ess: false,
    sites: [['Atelier', '6 rue des Couvreurs', 'Bergues']],
    flows: [
      o('material.metals.mixed', 'Chutes de zinc et de plomb', 4, 't', { w: '170407', fate: 'recycling R4', c: [800, 'u', 'price'] }),
      o('material.construction.inert', 'Tuiles flamandes anciennes déposées (réemployables)', 40, 't', { w: '170103', fate: 'landfill D5', c: [18, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Plomberie Chauffage des Flandres',
    naf: '43.22A', kind: 'company', hc: '11', ess: false,
    sites: [['Atelier', '15 rue de Warhem', 'Hondschoote']],
    flows: [
      o('material.metals.copper', 'Tubes et chutes de cuivre', 2, 't', { w: '170401', fate: 'recycling R4', c: [4500, 'u', 'price'] }),
      o('equipment.machinery', 'Chaudières et ballons déposés', 6, 't', { w: '170405', fate: 'recycling R4' }),
    ],
    needs: [
      n('skills', 'Chauffagiste formé aux chaudières biomasse et pompes à chaleur.'),
    ],
  },
  {
    name: 'Peinture et Décoration de l’Yser',
    naf: '43.34Z', kind: 'company', hc: '03', ess: false,
    sites: [['Dépôt', '3 rue des Peintres', 'Wormhout']],
    flows: [
      o('material.chemicals.other', 'Restes de peintures et vernis solvantés', 1.2, 't', { w: '080111', hz: true, fate: 'incineration D10', c: [900, 'u', 'cost'] }),
      o('packaging.other', 'Pots et emballages souillés', 0.8, 't', { w: '150110', hz: true, fate: 'incineration D10', c: [800, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux des artisans du bâtiment.', 'material.chemicals.other', [2, 't', 'year']),
    ],
  },

  // ===== Manufacturing, logistics, services ==================================================
  {
    name: 'Chaudronnerie Flandres Métal',
    naf: '25.11Z', kind: 'company', hc: '21', ess: false,
    contact: ['Yannick Deschodt', 'flandres-metal'],
    conf: 'private',
    sites: [['Atelier de chaudronnerie', 'Rue de la Métallurgie', 'Bierne']],
    flows: [
      o('material.metals.ferrous', 'Chutes de tôles et profilés acier', 650, 't', { w: '120101', fate: 'recycling R4', c: [230, 'u', 'price'] }),
      o('material.metals.ferrous', 'Poussières et particules de meulage', 20, 't', { w: '120102', fate: 'recycling R4', c: [40, 'u', 'price'] }),
      o('material.chemicals.other', 'Émulsions d’usinage usagées', 35, 't', { w: '120109', hz: true, fate: 'other', c: [180, 'u', 'cost'] }),
      o('material.wood.clean', 'Emballages bois (caisses, palettes perdues)', 30, 't', { w: '150103', fate: 'energy_recovery R1', c: [30, 'u', 'cost'] }),
      i('energy.electricity', 'Électricité', 2500, 'MWh', { orig: '', c: [150, 'u', 'cost'] }),
      i('packaging.pallets', 'Palettes', 2000, 'unit', { orig: '', c: [10, 'u', 'cost'] }),
    ],
    needs: [
      n('skills', 'Technicien de maintenance industrielle partagé avec d’autres PME (2 jours par semaine).', 'service.skills', [700, 'unit', 'year']),
      n('equipment', 'Chariot élévateur 5 t partagé pour les pièces lourdes.'),
      n('waste_collection', 'Regrouper les ferrailles de plusieurs entreprises pour obtenir un meilleur prix de reprise.', 'material.metals.ferrous', [650, 't', 'year']),
      n('purchasing', 'Achat groupé de palettes reconditionnées.', 'packaging.pallets', [2000, 'unit', 'year']),
    ],
  },
  {
    name: 'Mécanique de Précision de Hondschoote',
    naf: '25.62B', kind: 'company', hc: '12', ess: false,
    conf: 'private',
    sites: [['Atelier d’usinage', 'Rue des Tourneurs', 'Hondschoote']],
    flows: [
      o('material.metals.ferrous', 'Copeaux et tournures d’acier', 90, 't', { w: '120101', fate: 'recycling R4', c: [200, 'u', 'price'] }),
      o('material.metals.aluminium', 'Copeaux d’aluminium', 25, 't', { w: '120103', fate: 'recycling R4', c: [900, 'u', 'price'] }),
      o('material.chemicals.other', 'Émulsions d’usinage usagées', 12, 't', { w: '120109', hz: true, fate: 'other', c: [190, 'u', 'cost'] }),
      o('material.chemicals.other', 'Huiles de machines usagées', 2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
    ],
    needs: [
      n('skills', 'Technicien de maintenance partagé.', 'service.skills', [400, 'unit', 'year']),
      n('equipment', 'Chariot élévateur partagé.'),
    ],
  },
  {
    name: 'Plasturgie de l’Yser',
    naf: '22.29A', kind: 'company', hc: '22', ess: false,
    contact: ['Virginie Buyck', 'plasturgie-yser'],
    conf: 'private',
    sites: [['Usine d’injection plastique', 'Zone d’activités de la Kruysstraete', 'Wormhout']],
    flows: [
      o('material.plastics.pp', 'Carottes et pièces rebutées en polypropylène', 140, 't', { w: '070213', g: 'high', fate: 'recycling R3', c: [250, 'u', 'price'] }),
      o('material.plastics.pe', 'Films d’emballage en polyéthylène', 25, 't', { w: '150102', fate: 'recycling R3' }),
      o('material.paper_cardboard', 'Cartons', 70, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('energy.heat.low', 'Chaleur des circuits de refroidissement des presses (35 °C)', 2000, 'MWh', { m: ALL, t: 35, fate: 'other' }),
      i('material.plastics.pp', 'Granulés de polypropylène vierge', 1600, 't', { orig: '', c: [1350, 'u', 'cost'] }),
      i('energy.electricity', 'Électricité des presses', 6000, 'MWh', { orig: '', c: [150, 'u', 'cost'] }),
      i('water.cooling', 'Appoint d’eau de refroidissement', 8000, 'm3', { orig: 'l', c: [2.5, 'u', 'cost'] }),
      i('packaging.pallets', 'Palettes', 6000, 'unit', { orig: '', c: [9, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Polypropylène recyclé local (big-bags, pare-chocs broyés) pour 15 % des pièces.', 'material.plastics.pp', [240, 't', 'year']),
      n('purchasing', 'Achat groupé de palettes reconditionnées.', 'packaging.pallets', [6000, 'unit', 'year']),
      n('skills', 'Technicien de maintenance partagé (moules et presses).', 'service.skills'),
    ],
  },
  {
    name: 'Emballages Plastiques du Nord (entreprise fictive)',
    naf: '22.22Z', kind: 'company', hc: '21', ess: false,
    conf: 'private',
    sites: [['Usine d’extrusion de films', 'Rue de l’Extrusion', 'Bierne']],
    flows: [
      o('material.plastics.pe', 'Chutes de films polyéthylène', 90, 't', { w: '070213', g: 'high', fate: 'recycling R3', c: [200, 'u', 'price'] }),
      i('material.plastics.pe', 'Polyéthylène (vierge et recyclé)', 2500, 't', { orig: '', c: [1400, 'u', 'cost'] }),
      i('material.plastics.pp', 'Polypropylène recyclé accepté', 300, 't', { orig: 'r', c: [900, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Films de polyéthylène usagés propres (logistique, agriculture) à régénérer.', 'material.plastics.pe', [300, 't', 'year']),
    ],
  },
  {
    name: 'Atelier de confection Flandres Textiles',
    naf: '14.13Z', kind: 'company', hc: '12', ess: false,
    sites: [['Atelier de confection', 'Rue des Tisserands', 'Hondschoote']],
    flows: [
      o('material.textiles', 'Chutes de coupe de tissus', 18, 't', { w: '040222', fate: 'energy_recovery R1', c: [120, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons et tubes', 10, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [
      n('skills', 'Couturières qualifiées (formation partagée avec l’atelier d’insertion).'),
    ],
  },
  {
    name: 'Imprimerie du Beffroi',
    naf: '18.12Z', kind: 'company', hc: '11', ess: false,
    sites: [['Imprimerie', '8 rue de l’Imprimerie', 'Bergues']],
    flows: [
      o('material.paper_cardboard', 'Rognures et gâches de papier', 45, 't', { w: '200101', fate: 'recycling R3', c: [80, 'u', 'price'] }),
      o('material.chemicals.other', 'Encres usagées', 0.8, 't', { w: '080312', hz: true, fate: 'incineration D10', c: [950, 'u', 'cost'] }),
      o('material.chemicals.solvents', 'Solvants de nettoyage', 1.2, 't', { w: '140603', hz: true, fate: 'energy_recovery R1', c: [700, 'u', 'cost'] }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux en petites quantités.', 'material.chemicals.solvents', [2, 't', 'year']),
    ],
  },
  {
    name: 'Transports Frigorifiques des Flandres',
    naf: '49.41A', kind: 'company', hc: '22', ess: false,
    contact: ['David Goudaert', 'tff'],
    conf: 'cost',
    sites: [['Base de transport', 'Rue du Transport', 'Bierne']],
    flows: [
      o('material.chemicals.other', 'Huiles moteur usagées', 6, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('service.logistics', 'Capacités de fret retour disponibles (trajets à vide)', 300, 'unit', { fate: 'other', c: [180, 'u', 'price'] }),
      i('energy.fuels.liquid', 'Gazole', 9000, 'MWh', { orig: '', c: [120, 'u', 'cost'] }),
    ],
    needs: [
      n('logistics', 'Remplir les retours à vide avec des flux locaux (palettes, bouteilles, coproduits).'),
    ],
  },
  {
    name: 'Entrepôt Logistique de la Haute-Colme',
    naf: '52.10B', kind: 'company', hc: '22', ess: false,
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
      n('equipment', 'Presse à balles pour cartons et films, partagée avec les entreprises de la zone.', 'material.paper_cardboard', [420, 't', 'year']),
      n('waste_collection', 'Collecte mutualisée des cartons de la zone de Bierne.', 'material.paper_cardboard', [420, 't', 'year']),
    ],
  },
  {
    name: 'Frigo Flandres (entreposage frigorifique)',
    naf: '52.10A', kind: 'company', hc: '12', ess: false,
    sites: [['Entrepôt frigorifique', 'Rue du Froid', 'Bierne']],
    flows: [
      o('energy.heat.low', 'Chaleur des condenseurs frigorifiques (32 °C)', 3500, 'MWh', { m: ALL, t: 32, fate: 'other' }),
      o('material.paper_cardboard', 'Cartons', 60, 't', { w: '150101', fate: 'recycling R3' }),
      i('energy.electricity', 'Électricité', 5500, 'MWh', { orig: '', c: [150, 'u', 'cost'] }),
    ],
    needs: [
      n('skills', 'Frigoriste de maintenance partagé.', 'service.skills'),
    ],
  },
  {
    name: 'Garage du Beffroi',
    naf: '45.20A', kind: 'company', hc: '03', ess: false,
    sites: [['Garage', '24 route de Dunkerque', 'Bergues']],
    flows: [
      o('material.chemicals.other', 'Huiles moteur usagées', 3.2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('material.chemicals.other', 'Filtres à huile usagés', 0.4, 't', { w: '160107', hz: true, fate: 'recycling R4', c: [600, 'u', 'cost'] }),
      o('material.metals.mixed', 'Batteries au plomb', 0.9, 't', { w: '160601', hz: true, fate: 'recycling R4', c: [500, 'u', 'price'] }),
      o('material.metals.ferrous', 'Pièces mécaniques usagées', 4, 't', { w: '160117', fate: 'recycling R4', c: [150, 'u', 'price'] }),
    ],
    needs: [
      n('waste_collection', 'Tournée de collecte groupée des déchets dangereux des garages.', 'material.chemicals.other', [3.6, 't', 'year']),
    ],
  },
  {
    name: 'Garage agricole des Moëres',
    naf: '33.12Z', kind: 'company', hc: '12', ess: false,
    conf: 'cost',
    sites: [['Atelier de réparation de machines agricoles', 'Route de Bergues', 'Rexpoëde']],
    flows: [
      o('material.chemicals.other', 'Huiles usagées', 9, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
      o('material.chemicals.other', 'Filtres à huile', 1, 't', { w: '160107', hz: true, fate: 'recycling R4', c: [600, 'u', 'cost'] }),
      o('material.metals.ferrous', 'Pièces et ferrailles de réparation', 25, 't', { w: '160117', fate: 'recycling R4', c: [150, 'u', 'price'] }),
    ],
    needs: [
      n('waste_collection', 'Collecte groupée des déchets dangereux avec les autres garages.', 'material.chemicals.other', [10, 't', 'year']),
    ],
  },
  {
    name: 'Carrosserie Poids Lourds du Westhoek',
    naf: '45.20B', kind: 'company', hc: '03', ess: false,
    sites: [['Atelier de carrosserie', 'Rue de la Carrosserie', 'Wormhout']],
    flows: [
      o('material.chemicals.other', 'Boues de peinture solvantée', 0.8, 't', { w: '080113', hz: true, fate: 'incineration D10', c: [950, 'u', 'cost'] }),
      o('material.chemicals.solvents', 'Solvants usagés', 1, 't', { w: '140603', hz: true, fate: 'energy_recovery R1', c: [700, 'u', 'cost'] }),
      o('material.plastics.pp', 'Pare-chocs et pièces plastiques déposés', 3, 't', { w: '160119', fate: 'landfill D5', c: [120, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Nettoyage Industriel des Flandres',
    naf: '81.22Z', kind: 'company', hc: '21', ess: false,
    sites: [['Dépôt', 'Rue de la Propreté', 'Hoymille']],
    flows: [
      o('material.chemicals.other', 'Absorbants et chiffons souillés', 2, 't', { w: '150202', hz: true, fate: 'incineration D10', c: [850, 'u', 'cost'] }),
    ],
    needs: [
      n('purchasing', 'Achat groupé de produits d’entretien écolabellisés.'),
    ],
  },
  {
    name: 'Blanchisserie industrielle de l’Houtland',
    naf: '96.01A', kind: 'company', hc: '21', ess: false,
    contact: ['Agnès Lecointe', 'blanchisserie'],
    conf: 'private',
    sites: [['Blanchisserie', 'Rue du Lavoir', 'Wormhout']],
    flows: [
      i('energy.heat.medium', 'Eau chaude de lavage (70 °C)', 3200, 'MWh', { m: ALL, t: 70, orig: '' }),
      i('energy.fuels.gas', 'Gaz des chaudières et des séchoirs', 4000, 'MWh', { m: ALL, orig: '', c: [58, 'u', 'cost'] }),
      i('water.process', 'Eau de lavage', 45000, 'm3', { m: ALL, orig: 'l', c: [3, 'u', 'cost'] }),
      o('energy.heat.low', 'Chaleur des eaux de lavage évacuées (35 °C)', 1400, 'MWh', { m: ALL, t: 35, fate: 'other' }),
      o('material.textiles', 'Linge hôtelier et hospitalier réformé', 12, 't', { w: '200111', fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Informatique et Bureautique Flandres',
    naf: '62.02A', kind: 'company', hc: '11', ess: false,
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
    naf: '69.20Z', kind: 'company', hc: '12', ess: false,
    sites: [['Bureaux', '5 rue Carnot', 'Bergues']],
    flows: [
      o('equipment.it', 'Ordinateurs portables et fixes renouvelés', 60, 'unit', { p: 'once', fate: 'recycling R4', g: 'high' }),
      o('equipment.furniture', 'Mobilier de bureau (déménagement)', 30, 'unit', { p: 'once', fate: 'other', g: 'high' }),
      o('material.paper_cardboard', 'Papiers de bureau', 4, 't', { w: '200101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des papiers et cartons des bureaux du centre-ville.', 'material.paper_cardboard', [4, 't', 'year']),
    ],
  },
  {
    name: 'Bureau d’études Thermique et Énergie des Flandres',
    naf: '71.12B', kind: 'company', hc: '03', ess: false,
    sites: [['Bureaux', '9 rue Watt', 'Wormhout']],
    flows: [
      o('service.skills', 'Jours d’études de faisabilité (réseaux de chaleur, récupération de chaleur fatale)', 40, 'unit', { fate: 'other', c: [750, 'u', 'price'] }),
    ],
    needs: [],
  },

  // ===== Retail, hospitality, food service ===================================================
  {
    name: 'Supermarché Flandre Marché de Wormhout',
    naf: '47.11D', kind: 'company', hc: '21', ess: false,
    contact: ['Mickaël Vanbelle', 'supermarche-wormhout'],
    conf: 'private',
    sites: [['Supermarché', 'Avenue de Dunkerque', 'Wormhout']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets (fruits, légumes, produits frais périmés)', 90, 't', { w: '200108', m: ALL, fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('material.biowaste.food_waste', 'Invendus consommables donnés', 35, 't', { m: ALL, fate: 'reuse' }),
      o('material.paper_cardboard', 'Cartons', 140, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('material.plastics.pe', 'Films plastiques', 22, 't', { w: '150102', fate: 'recycling R3' }),
      o('packaging.pallets', 'Palettes de livraison', 6000, 'unit', { fate: 'reuse' }),
      o('packaging.glass_bottles', 'Bouteilles consignées rapportées par les clients', 30000, 'unit', { fate: 'recycling R5' }),
    ],
    needs: [
      n('waste_collection', 'Collecte des biodéchets vers le méthaniseur local.', 'material.biowaste.food_waste', [90, 't', 'year']),
    ],
  },
  {
    name: 'Supermarché des Moëres',
    naf: '47.11D', kind: 'company', hc: '12', ess: false,
    conf: 'private',
    sites: [['Supermarché', 'Route de Bergues', 'Hondschoote']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets', 60, 't', { w: '200108', m: ALL, fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons', 90, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
      o('material.plastics.pe', 'Films plastiques', 12, 't', { w: '150102', fate: 'energy_recovery R1', c: [110, 'u', 'cost'] }),
      o('packaging.pallets', 'Palettes', 3500, 'unit', { fate: 'reuse' }),
    ],
    needs: [
      n('equipment', 'Presse à balles partagée pour les films plastiques.', 'material.plastics.pe', [12, 't', 'year']),
      n('waste_collection', 'Collecte des biodéchets vers la méthanisation.', 'material.biowaste.food_waste', [60, 't', 'year']),
    ],
  },
  {
    name: 'Supérette de Watten',
    naf: '47.11C', kind: 'company', hc: '02', ess: false,
    sites: [['Supérette', '2 place de Watten', 'Watten']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets', 8, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.paper_cardboard', 'Cartons', 15, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des cartons des petits commerces.', 'material.paper_cardboard', [15, 't', 'year']),
    ],
  },
  {
    name: 'Primeurs en gros des Flandres',
    naf: '46.31Z', kind: 'company', hc: '12', ess: false,
    sites: [['Entrepôt de fruits et légumes', 'Rue du Marché de Gros', 'Bierne']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Fruits et légumes invendables', 400, 't', { w: '020304', m: ALL, fate: 'composting R3', c: [45, 'u', 'cost'] }),
      o('packaging.crates_containers', 'Cagettes en bois', 20000, 'unit', { fate: 'energy_recovery R1' }),
      o('material.paper_cardboard', 'Cartons', 80, 't', { w: '150101', fate: 'recycling R3', c: [60, 'u', 'price'] }),
    ],
    needs: [
      n('logistics', 'Livraison mutualisée des cantines avec les producteurs locaux.'),
    ],
  },
  {
    name: 'Cuisine centrale du Val de Boucles',
    naf: '56.29A', kind: 'company', hc: '21', ess: false,
    conf: 'cost',
    contact: ['Aurélie Brunet', 'cuisine-centrale'],
    sites: [['Cuisine centrale', 'Rue de la Restauration', 'Hoymille']],
    flows: [
      o('material.biowaste.food_waste', 'Épluchures et retours d’assiettes', 45, 't', { w: '200108', m: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], fate: 'energy_recovery R1', c: [120, 'u', 'cost'] }),
      o('material.agrifood_byproducts.vegetable', 'Huiles de friture usagées', 2, 't', { w: '200125', fate: 'recycling R3' }),
      o('material.paper_cardboard', 'Cartons', 25, 't', { w: '150101', fate: 'recycling R3' }),
      i('packaging.crates_containers', 'Bacs gastronormes réutilisables', 1500, 'unit', { p: 'once', orig: '' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des biodéchets avec les cantines scolaires.', 'material.biowaste.food_waste', [45, 't', 'year']),
      n('purchasing', 'Approvisionnement en légumes de serre locaux pour la restauration scolaire.'),
    ],
  },
  {
    name: 'Hôtel du Canal de la Colme',
    naf: '55.10Z', kind: 'company', hc: '11', ess: false,
    sites: [['Hôtel-restaurant', '1 quai du Canal', 'Bergues']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides', 9000, 'unit', { fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 8, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.textiles', 'Linge de lit et serviettes réformés', 1.5, 't', { w: '200111', fate: 'energy_recovery R1' }),
      o('equipment.furniture', 'Mobilier de chambres (rénovation)', 40, 'unit', { p: 'once', fate: 'other', g: 'medium' }),
    ],
    needs: [],
  },
  {
    name: 'Camping du Houtland',
    naf: '55.30Z', kind: 'company', hc: '02', ess: false,
    sites: [['Camping', 'Chemin du Camping', 'Esquelbecq']],
    flows: [
      o('material.biowaste.food_waste', 'Biodéchets du snack', 3, 't', { w: '200108', m: [5, 6, 7, 8, 9], fate: 'energy_recovery R1' }),
      o('packaging.glass_bottles', 'Bouteilles vides', 4000, 'unit', { m: [5, 6, 7, 8, 9], fate: 'recycling R5' }),
    ],
    needs: [],
  },
  {
    name: 'Estaminet de la Grand-Place',
    naf: '56.10A', kind: 'company', hc: '03', ess: false,
    sites: [['Estaminet', '4 place Henri Billiaert', 'Bergues']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin et de bière vides', 12000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 9, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.agrifood_byproducts.vegetable', 'Huiles de friture usagées', 1, 't', { w: '200125', fate: 'recycling R3' }),
    ],
    needs: [
      n('waste_collection', 'Collecte mutualisée des biodéchets des restaurants du centre.', 'material.biowaste.food_waste', [9, 't', 'year']),
    ],
  },
  {
    name: 'Auberge du Moulin de l’Yser',
    naf: '56.10A', kind: 'company', hc: '11', ess: false,
    sites: [['Restaurant', '20 route de Wormhout', 'Esquelbecq']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides', 15000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 14, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
      o('material.agrifood_byproducts.vegetable', 'Huiles de friture usagées', 1.2, 't', { w: '200125', fate: 'recycling R3' }),
      o('material.paper_cardboard', 'Cartons', 4, 't', { w: '150101', fate: 'recycling R3' }),
    ],
    needs: [],
  },
  {
    name: 'Restaurant Le Vieux Canal',
    naf: '56.10A', kind: 'company', hc: '11', ess: false,
    sites: [['Restaurant', '2 quai de la Haute-Colme', 'Hoymille']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides', 8000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets de cuisine', 10, 't', { w: '200108', fate: 'energy_recovery R1', c: [130, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Estaminet ’t Moeren',
    naf: '56.30Z', kind: 'company', hc: '02', ess: false,
    sites: [['Estaminet', '6 place de Hondschoote', 'Hondschoote']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de bière 33 cl vides', 20000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.biowaste.food_waste', 'Biodéchets', 3, 't', { w: '200108', fate: 'energy_recovery R1' }),
    ],
    needs: [],
  },
  {
    name: 'La Cave des Remparts',
    naf: '47.25Z', kind: 'company', hc: '02', ess: false,
    contact: ['Jean-Baptiste Ketels', 'cave-remparts'],
    sites: [['Cave et bar à vins', '11 rue Nationale', 'Bergues']],
    flows: [
      o('packaging.glass_bottles', 'Bouteilles de vin vides (dégustations, consigne clients)', 6000, 'unit', { m: ALL, fate: 'recycling R5' }),
      o('material.paper_cardboard', 'Cartons de vin', 6, 't', { w: '150101', fate: 'recycling R3' }),
      o('packaging.crates_containers', 'Caisses de vin en bois', 400, 'unit', { fate: 'reuse' }),
    ],
    needs: [
      n('logistics', 'Enlèvement régulier des bouteilles consignées par le laveur local.', 'packaging.glass_bottles', [6000, 'unit', 'year']),
      n('waste_collection', 'Collecte des cartons avec les commerces du centre.', 'material.paper_cardboard', [6, 't', 'year']),
    ],
  },
  {
    name: 'Le Cellier du Houtland',
    naf: '47.25Z', kind: 'company', hc: '01', ess: false,
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
    naf: '01.41Z', kind: 'farm', hc: '02', ess: false,
    contact: ['Michel Dewulf', 'gaec-blootland'],
    sites: [['Exploitation laitière', 'Ferme du Blootland', 'Warhem']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier de bovins', 3500, 't', { w: '020106', m: ALL, fate: 'spreading R10' }),
      i('material.agrifood_byproducts.brewing_distilling', 'Drêches de brasserie pour l’alimentation des vaches', 400, 't', { m: ALL, orig: 'rl', c: [15, 'u', 'cost'] }),
      i('material.agrifood_byproducts.vegetable', 'Pulpes de betteraves surpressées', 1200, 't', { m: CAMPAIGN, orig: 'rl', c: [30, 'u', 'cost'] }),
      o('material.plastics.pe', 'Films d’enrubannage et bâches d’ensilage', 3, 't', { w: '020104', fate: 'recycling R3' }),
    ],
    needs: [],
  },
  {
    name: 'EARL de la Ferme des Moëres',
    naf: '01.11Z', kind: 'farm', hc: '01', ess: false,
    sites: [['Exploitation de grandes cultures', 'Chemin de la Moëre', 'Uxem']],
    flows: [
      i('material.minerals_aggregates', 'Écumes de sucrerie (amendement calcique)', 400, 't', { m: [8, 9, 10], orig: 'rl', c: [5, 'u', 'cost'] }),
      i('material.sludges.industrial', 'Digestat de méthanisation', 2500, 't', { w: '190606', m: [2, 3, 4, 8, 9], orig: 'rl' }),
      o('material.agrifood_byproducts.vegetable', 'Pailles de blé', 600, 't', { m: [7, 8], h: 15, fate: 'other', c: [50, 'u', 'price'] }),
    ],
    needs: [],
  },
  {
    name: 'Élevage porcin du Kouter',
    naf: '01.46Z', kind: 'farm', hc: '02', ess: false,
    conf: 'private',
    sites: [['Élevage', 'Kouterstraete', 'Herzeele']],
    flows: [
      i('material.agrifood_byproducts.animal', 'Lactosérum pour l’alimentation des porcs', 4000, 't', { m: ALL, orig: 'rl', c: [8, 'u', 'cost'] }),
      i('material.agrifood_byproducts.vegetable', 'Coproduits végétaux (pain, issues de céréales)', 300, 't', { m: ALL, orig: 'rl', c: [60, 'u', 'cost'] }),
      o('material.agrifood_byproducts.manure', 'Lisier de porcs', 6500, 't', { w: '020106', m: ALL, fate: 'spreading R10' }),
    ],
    needs: [],
  },
  {
    name: 'Élevage avicole des Trois Moulins',
    naf: '01.47Z', kind: 'farm', hc: '01', ess: false,
    sites: [['Poulaillers', 'Route de Wormhout', 'Ledringhem']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fientes de volailles', 900, 't', { w: '020106', fate: 'spreading R10' }),
      i('energy.heat.low', 'Chauffage des poussinières (40 °C)', 350, 'MWh', { m: [1, 2, 3, 4, 10, 11, 12], t: 40, orig: '' }),
      i('energy.fuels.gas', 'Propane', 400, 'MWh', { m: WINTER, orig: '', c: [95, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Ferme maraîchère biologique de Quaëdypre',
    naf: '01.13Z', kind: 'farm', hc: '01', ess: false,
    sites: [['Ferme maraîchère', 'Chemin du Zuydhoek', 'Quaëdypre']],
    flows: [
      i('material.biowaste.green_waste', 'Bois raméal fragmenté et broyat pour le paillage', 150, 't', { m: [2, 3, 10, 11], orig: 'rl' }),
      o('material.agrifood_byproducts.vegetable', 'Résidus de culture', 40, 't', { w: '020103', fate: 'composting R3' }),
    ],
    needs: [
      n('logistics', 'Point de vente et livraison mutualisés avec d’autres fermes.'),
    ],
  },
  {
    name: 'Centre équestre des Wateringues',
    naf: '93.19Z', kind: 'company', hc: '02', ess: false,
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
    naf: '01.41Z', kind: 'farm', hc: '02', ess: false,
    sites: [['Ferme et fromagerie', 'Ferme du Kerkhove', 'Zegerscappel']],
    flows: [
      o('material.agrifood_byproducts.animal', 'Lactosérum de fromagerie', 700, 't', { m: ALL, fate: 'spreading R10' }),
      o('material.agrifood_byproducts.manure', 'Fumier de bovins', 1800, 't', { w: '020106', fate: 'spreading R10' }),
    ],
    needs: [],
  },
  {
    name: 'EARL Pommes de terre du Houtland',
    naf: '01.13Z', kind: 'farm', hc: '01', ess: false,
    sites: [['Exploitation et bâtiment de stockage', 'Chemin de Killem', 'Killem']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pommes de terre abîmées et écarts de tri', 300, 't', { w: '020103', m: [9, 10, 11, 12, 1, 2, 3], fate: 'spreading R10' }),
      i('energy.electricity', 'Électricité de ventilation des stockages', 180, 'MWh', { m: [9, 10, 11, 12, 1, 2, 3, 4, 5], orig: '', c: [170, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'SCEA Lin et Céréales de Socx',
    naf: '01.16Z', kind: 'farm', hc: '01', ess: false,
    sites: [['Exploitation', 'Route de Bissezeele', 'Socx']],
    flows: [
      o('material.agrifood_byproducts.vegetable', 'Pailles de céréales disponibles', 300, 't', { m: [7, 8], fate: 'other', c: [50, 'u', 'price'] }),
    ],
    needs: [],
  },
  {
    name: 'Entreprise de travaux agricoles du Blootland',
    naf: '01.61Z', kind: 'company', hc: '11', ess: false,
    sites: [['Hangar', 'Route de Socx', 'Bissezeele']],
    flows: [
      o('service.logistics', 'Prestations de transport agricole et d’épandage (jours)', 400, 'unit', { fate: 'other', c: [650, 'u', 'price'] }),
      o('material.chemicals.other', 'Huiles usagées', 2, 't', { w: '130205', hz: true, fate: 'recycling R9' }),
    ],
    needs: [
      n('skills', 'Chauffeurs d’engins agricoles saisonniers (partage avec la CUMA).'),
    ],
  },
  {
    name: 'Élevage ovin des Wateringues',
    naf: '01.45Z', kind: 'farm', hc: '00', ess: false,
    sites: [['Bergerie', 'Chemin des Wateringues', 'Looberghe']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier d’ovins', 200, 't', { w: '020106', fate: 'spreading R10' }),
      o('material.textiles', 'Laine brute non valorisée', 2, 't', { w: '020102', fate: 'incineration D10' }),
    ],
    needs: [
      n('service', 'Débouché local pour la laine (isolation, paillage, artisanat).', 'material.textiles', [2, 't', 'year']),
    ],
  },
  {
    name: 'Exploitation de polyculture-élevage de Crochte',
    naf: '01.50Z', kind: 'farm', hc: '01', ess: false,
    sites: [['Ferme', 'Route de Crochte', 'Crochte']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier de bovins', 1200, 't', { w: '020106', fate: 'spreading R10' }),
      i('material.agrifood_byproducts.vegetable', 'Pulpes de betteraves', 500, 't', { m: CAMPAIGN, orig: 'rl', c: [30, 'u', 'cost'] }),
    ],
    needs: [],
  },
  {
    name: 'Ferme pédagogique de Lederzeele',
    naf: '01.50Z', kind: 'farm', hc: '01', ess: false,
    sites: [['Ferme pédagogique', 'Rue de Broxeele', 'Lederzeele']],
    flows: [
      o('material.agrifood_byproducts.manure', 'Fumier', 120, 't', { w: '020106', fate: 'spreading R10' }),
    ],
    needs: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

const pad = (k, w = 3) => String(k).padStart(w, '0');
const slug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

const actors = [];
const sites = [];
const flows = [];
const needs = [];
const perCommuneCount = new Map();

function placeSite(communeName) {
  const c = byName.get(communeName);
  if (!c) throw new Error(`Commune inconnue : ${communeName}`);
  const k = (perCommuneCount.get(c.code) ?? 0) + 1;
  perCommuneCount.set(c.code, k);
  const codeNum = Number(c.code);
  const angleDeg = (k * 137.508 + (codeNum % 360)) % 360;
  const radiusM = 80 + ((k * 53 + codeNum) % 200); // 80–279 m
  const a = (angleDeg * Math.PI) / 180;
  const dLat = (radiusM * Math.cos(a)) / 111_320;
  const dLon = (radiusM * Math.sin(a)) / (111_320 * Math.cos((c.lat * Math.PI) / 180));
  return {
    code: c.code,
    location: { lat: Number((c.lat + dLat).toFixed(6)), lon: Number((c.lon + dLon).toFixed(6)) },
  };
}

function fateOf(spec) {
  const [mode, operationCode] = spec.split(' ');
  return operationCode ? { mode, operationCode } : { mode };
}

function quantity(v, unit, period) {
  return { value: v, unit, period };
}

let flowSeq = 0;
let needSeq = 0;
let phoneSeq = 0;
ACTORS.forEach((def, idx) => {
  const actorId = `A${pad(idx + 1)}`;
  const actor = {
    externalId: actorId,
    siret: fictionalSiret(idx + 1),
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
    const siteId = `S${pad(sites.length + 1)}`;
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
      externalId: `F${pad(flowSeq)}`,
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
    if (f.dir === 'output' && f.fate) flow.currentFate = fateOf(f.fate);
    if (f.dir === 'input' && f.orig !== undefined) {
      flow.currentOrigin = { recycled: f.orig.includes('r'), local: f.orig.includes('l') };
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
      externalId: `N${pad(needSeq)}`,
      actorExternalId: actorId,
      category: nd.cat,
      description: nd.description,
    };
    if (nd.res) need.resourceCode = nd.res;
    if (nd.q) need.quantity = quantity(nd.q[0], nd.q[1], nd.q[2]);
    needs.push(need);
  }
});

const territory = {
  format: 'boucles-territory',
  formatVersion: 1,
  fictional: true,
  notice:
    'Territoire fictif de démonstration : communes réelles (COG 2026), acteurs, flux et besoins inventés.',
  territory: {
    code: 'DEMO-VALBOUCLES',
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
      'mesurées.',
  },
  actors,
  sites,
  flows,
  needs,
};

writeFileSync(join(here, 'territoire-demo.json'), JSON.stringify(territory, null, 2) + '\n');
console.log(
  `territoire-demo.json : ${actors.length} acteurs, ${sites.length} sites, ${flows.length} flux, ${needs.length} besoins`,
);
