#!/usr/bin/env node
// Vérifie territoire-demo.json et communes-positions.json (territoire fictif « Val de Boucles »).
// Aucune dépendance : lit seulement les JSON de @etalab/decoupage-administratif et @socialgouv/codes-naf.
//
// Usage : node check-demo.mjs            (code de sortie 1 si une règle est violée)

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

const demo = readJson(join(here, 'territoire-demo.json'));
const positions = readJson(join(here, 'communes-positions.json'));
const communesCog = require('@etalab/decoupage-administratif/data/communes.json');
const epciCog = require('@etalab/decoupage-administratif/data/epci.json');
const nafList = require('@socialgouv/codes-naf/index.json');

const errors = [];
const warnings = [];
const err = (msg) => errors.push(msg);

// ---------------------------------------------------------------------------------------------
// Reference lists
// ---------------------------------------------------------------------------------------------

const RESOURCE_CODES = new Set(`material.metals.ferrous material.metals.aluminium material.metals.copper
material.metals.mixed material.glass.cullet material.plastics.pe material.plastics.pp material.plastics.pet
material.plastics.pvc material.plastics.ps material.plastics.mixed material.paper_cardboard material.wood.clean
material.wood.treated material.wood.hazardous material.textiles material.construction.inert
material.construction.mixed material.construction.excavated_soil material.minerals_aggregates
material.ashes_slags material.gypsum material.chemicals.solvents material.chemicals.other
material.biowaste.food_waste material.biowaste.green_waste material.agrifood_byproducts.vegetable
material.agrifood_byproducts.animal material.agrifood_byproducts.brewing_distilling
material.agrifood_byproducts.manure material.sludges.wastewater material.sludges.industrial energy.heat.low
energy.heat.medium energy.heat.high energy.heat.very_high energy.steam energy.biogas energy.fuels.biomass
energy.fuels.solid_recovered energy.fuels.liquid energy.fuels.gas energy.electricity water.process
water.cooling water.treated_wastewater water.rainwater gas.co2 packaging.pallets packaging.glass_bottles
packaging.crates_containers packaging.other equipment.machinery equipment.furniture equipment.it
service.logistics service.storage service.maintenance service.skills`.split(/\s+/));

// European List of Waste codes used by the demo (Decision 2000/532/EC as amended by 2014/955/EU;
// French transcription: annex II to art. R541-8 of the Code de l'environnement). `true` = hazardous (*).
const LOW = {
  '020102': ['animal-tissue waste', false],
  '020103': ['plant-tissue waste', false],
  '020104': ['waste plastics (except packaging)', false],
  '020106': ['animal faeces, urine and manure (including spoiled straw), effluent, collected separately and treated off-site', false],
  '020107': ['wastes from forestry', false],
  '020202': ['animal-tissue waste (meat preparation)', false],
  '020304': ['materials unsuitable for consumption or processing (fruit, vegetables, cereals…)', false],
  '020305': ['sludges from on-site effluent treatment (fruit, vegetables, cereals…)', false],
  '020401': ['soil from cleaning and washing beet', false],
  '020402': ['off-specification calcium carbonate', false],
  '020403': ['sludges from on-site effluent treatment (sugar processing)', false],
  '020501': ['materials unsuitable for consumption or processing (dairy)', false],
  '020502': ['sludges from on-site effluent treatment (dairy)', false],
  '020601': ['materials unsuitable for consumption or processing (baking and confectionery)', false],
  '020702': ['wastes from spirits distillation', false],
  '030101': ['waste bark and cork', false],
  '030104': ['sawdust, shavings, cuttings, wood, particle board and veneer containing hazardous substances', true],
  '030105': ['sawdust, shavings, cuttings, wood, particle board and veneer other than 030104', false],
  '040222': ['wastes from processed textile fibres', false],
  '070213': ['waste plastic', false],
  '080111': ['waste paint and varnish containing organic solvents or other hazardous substances', true],
  '080113': ['sludges from paint or varnish containing organic solvents or other hazardous substances', true],
  '080312': ['waste ink containing hazardous substances', true],
  '080318': ['waste printing toner other than those mentioned in 080317', false],
  '100101': ['bottom ash, slag and boiler dust (excluding boiler dust mentioned in 100104)', false],
  '100103': ['fly ash from peat and untreated wood', false],
  '101208': ['waste ceramics, bricks, tiles and construction products (after thermal processing)', false],
  '101314': ['waste concrete and concrete sludge', false],
  '120101': ['ferrous metal filings and turnings', false],
  '120102': ['ferrous metal dust and particles', false],
  '120103': ['non-ferrous metal filings and turnings', false],
  '120109': ['machining emulsions and solutions free of halogens', true],
  '130205': ['mineral-based non-chlorinated engine, gear and lubricating oils', true],
  '140603': ['other solvents and solvent mixtures', true],
  '150101': ['paper and cardboard packaging', false],
  '150102': ['plastic packaging', false],
  '150103': ['wooden packaging', false],
  '150104': ['metallic packaging', false],
  '150107': ['glass packaging', false],
  '150110': ['packaging containing residues of or contaminated by hazardous substances', true],
  '150202': ['absorbents, filter materials, wiping cloths, protective clothing contaminated by hazardous substances', true],
  '160107': ['oil filters', true],
  '160117': ['ferrous metal (end-of-life vehicles)', false],
  '160119': ['plastic (end-of-life vehicles)', false],
  '160214': ['discarded equipment other than those mentioned in 160209 to 160213', false],
  '160601': ['lead batteries', true],
  '170101': ['concrete', false],
  '170102': ['bricks', false],
  '170103': ['tiles and ceramics', false],
  '170107': ['mixtures of concrete, bricks, tiles and ceramics other than those mentioned in 170106', false],
  '170201': ['wood', false],
  '170302': ['bituminous mixtures other than those mentioned in 170301', false],
  '170401': ['copper, bronze, brass', false],
  '170405': ['iron and steel', false],
  '170407': ['mixed metals', false],
  '170411': ['cables other than those mentioned in 170410', false],
  '170504': ['soil and stones other than those mentioned in 170503', false],
  '170604': ['insulation materials other than those mentioned in 170601 and 170603', false],
  '170802': ['gypsum-based construction materials other than those mentioned in 170801', false],
  '170904': ['mixed construction and demolition wastes other than those mentioned in 170901 to 170903', false],
  '190606': ['digestate from anaerobic treatment of animal and vegetable waste', false],
  '190801': ['screenings', false],
  '190805': ['sludges from treatment of urban waste water', false],
  '191202': ['ferrous metal (mechanical treatment of waste)', false],
  '191205': ['glass (mechanical treatment of waste)', false],
  '191212': ['other wastes (including mixtures of materials) from mechanical treatment of wastes other than 191211', false],
  '200101': ['paper and cardboard', false],
  '200108': ['biodegradable kitchen and canteen waste', false],
  '200110': ['clothes', false],
  '200111': ['textiles', false],
  '200125': ['edible oil and fat', false],
  '200136': ['discarded electrical and electronic equipment other than those mentioned in 200121, 200123 and 200135', false],
  '200138': ['wood other than that mentioned in 200137', false],
  '200140': ['metals', false],
  '200201': ['biodegradable waste (garden and park wastes)', false],
  '200307': ['bulky waste', false],
};

const KINDS = new Set(['company', 'ess', 'public_body', 'association', 'farm', 'other']);
const BANDS = new Set(['00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53']);
const UNITS = new Set(['t', 'kg', 'MWh', 'kWh', 'm3', 'L', 'unit']);
const PERIODS = new Set(['year', 'month', 'week', 'day', 'once']);
const FATES = new Set(['landfill', 'incineration', 'energy_recovery', 'recycling', 'reuse', 'composting', 'anaerobic_digestion', 'spreading', 'other']);
const PURITY = new Set(['high', 'medium', 'low']);
const CONF = new Set(['public', 'territory', 'private']);
const NEED_CATS = new Set(['waste_collection', 'purchasing', 'equipment', 'service', 'skills', 'logistics']);
const OPERATION = /^(R([1-9]|1[0-3])|D([1-9]|1[0-5]))$/;

function unitsFor(resourceCode) {
  if (resourceCode.startsWith('material.') || resourceCode === 'gas.co2') return ['t', 'kg'];
  if (resourceCode.startsWith('energy.')) return ['MWh', 'kWh'];
  if (resourceCode.startsWith('water.')) return ['m3', 'L'];
  if (resourceCode.startsWith('packaging.') || resourceCode.startsWith('equipment.')) return ['unit', 't', 'kg'];
  if (resourceCode.startsWith('service.')) return ['unit'];
  return [];
}
const HEAT_RANGES = {
  'energy.heat.low': [-Infinity, 60],
  'energy.heat.medium': [60, 90],
  'energy.heat.high': [90, 150],
  'energy.heat.very_high': [150, Infinity],
};

function luhnValid(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function haversineM(a, b) {
  const R = 6_371_000;
  const rad = (x) => (x * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

function checkKeys(obj, allowed, required, where) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    err(`${where}: doit être un objet`);
    return false;
  }
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) err(`${where}: clé inattendue « ${k} »`);
    if (obj[k] === null) err(`${where}: « ${k} » vaut null (omettre plutôt)`);
  }
  for (const k of required) if (!(k in obj)) err(`${where}: clé obligatoire manquante « ${k} »`);
  return true;
}

function checkQuantity(q, where, resourceCode) {
  if (!checkKeys(q, ['value', 'unit', 'period'], ['value', 'unit', 'period'], where)) return;
  if (typeof q.value !== 'number' || !Number.isFinite(q.value) || q.value <= 0) err(`${where}: quantité ≤ 0 ou invalide`);
  if (!UNITS.has(q.unit)) err(`${where}: unité inconnue ${q.unit}`);
  if (!PERIODS.has(q.period)) err(`${where}: période inconnue ${q.period}`);
  if (resourceCode && RESOURCE_CODES.has(resourceCode) && !unitsFor(resourceCode).includes(q.unit)) {
    err(`${where}: unité ${q.unit} incohérente avec ${resourceCode}`);
  }
}

function uniqueIds(list, where) {
  const seen = new Set();
  for (const x of list) {
    if (seen.has(x.externalId)) err(`${where}: externalId en double ${x.externalId}`);
    seen.add(x.externalId);
  }
  return new Map(list.map((x) => [x.externalId, x]));
}

// ---------------------------------------------------------------------------------------------
// Top level and territory
// ---------------------------------------------------------------------------------------------

checkKeys(demo, ['format', 'formatVersion', 'fictional', 'notice', 'territory', 'actors', 'sites', 'flows', 'needs'],
  ['format', 'formatVersion', 'fictional', 'notice', 'territory', 'actors', 'sites', 'flows', 'needs'], 'racine');
if (demo.format !== 'boucles-territory') err('format doit valoir boucles-territory');
if (demo.formatVersion !== 1) err('formatVersion doit valoir 1');
if (demo.fictional !== true) err('fictional doit valoir true');
if (typeof demo.notice !== 'string' || !/fictif/i.test(demo.notice)) err('notice doit signaler le caractère fictif');

const t = demo.territory;
checkKeys(t, ['code', 'level', 'name', 'communes', 'description'], ['code', 'level', 'name', 'communes'], 'territory');
if (t.code !== 'DEMO-VALBOUCLES') err('territory.code doit valoir DEMO-VALBOUCLES');
if (t.level !== 'custom') err('territory.level doit valoir custom');
if (!/fictif/i.test(t.name)) err('territory.name doit indiquer « fictif »');
if (!/fictif/i.test(t.description ?? '')) err('territory.description doit indiquer « fictif »');

const cogByCode = new Map(communesCog.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
const territoryCommunes = new Set(t.communes);
if (territoryCommunes.size !== t.communes.length) err('territory.communes contient des doublons');
for (const code of t.communes) {
  if (!cogByCode.has(code)) err(`commune ${code} absente de @etalab/decoupage-administratif (COG)`);
}
const sourceEpci = epciCog.find((e) => e.code === '200040954');
if (!sourceEpci) err('EPCI source 200040954 introuvable dans epci.json');
else {
  const members = new Set(sourceEpci.membres.map((m) => m.code));
  for (const code of t.communes) if (!members.has(code)) err(`commune ${code} hors de l’EPCI source 200040954`);
  if (members.size !== territoryCommunes.size) warnings.push(`le territoire reprend ${territoryCommunes.size} des ${members.size} communes de l’EPCI source`);
}

// ---------------------------------------------------------------------------------------------
// communes-positions.json
// ---------------------------------------------------------------------------------------------

checkKeys(positions, ['source', 'communes'], ['source', 'communes'], 'communes-positions');
for (const k of ['title', 'url', 'licence', 'retrieved']) {
  if (typeof positions.source?.[k] !== 'string' || !positions.source[k]) err(`communes-positions.source.${k} manquant`);
}
const posByCode = new Map();
for (const c of positions.communes) {
  checkKeys(c, ['code', 'name', 'lat', 'lon'], ['code', 'name', 'lat', 'lon'], `communes-positions ${c.code}`);
  if (posByCode.has(c.code)) err(`communes-positions: ${c.code} en double`);
  posByCode.set(c.code, c);
  const cog = cogByCode.get(c.code);
  if (!cog) err(`communes-positions: ${c.code} absente du COG`);
  else if (cog.nom !== c.name) err(`communes-positions: nom ${c.name} ≠ COG ${cog.nom}`);
  // Nord (59) lies roughly within 49.9–51.1 N, 2.0–4.3 E.
  if (!(c.lat > 49.9 && c.lat < 51.1 && c.lon > 2.0 && c.lon < 4.3)) err(`communes-positions: ${c.code} hors du département du Nord`);
  if (!territoryCommunes.has(c.code)) err(`communes-positions: ${c.code} n’est pas une commune du territoire`);
}
for (const code of t.communes) if (!posByCode.has(code)) err(`communes-positions: position manquante pour ${code}`);

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

const nafIds = new Set(nafList.map((x) => x.id));
const actorById = uniqueIds(demo.actors, 'actors');
const sirets = new Set();
for (const a of demo.actors) {
  const w = `actor ${a.externalId}`;
  checkKeys(a, ['externalId', 'siret', 'name', 'nafCode', 'kind', 'headcountBand', 'ess', 'contact'],
    ['externalId', 'siret', 'name', 'nafCode', 'kind', 'headcountBand', 'ess'], w);
  if (!/^A\d{3}$/.test(a.externalId)) err(`${w}: externalId inattendu`);
  if (!/^\d{14}$/.test(a.siret ?? '')) err(`${w}: SIRET doit avoir 14 chiffres`);
  else {
    if (!luhnValid(a.siret)) err(`${w}: SIRET ${a.siret} ne passe pas la clé de Luhn`);
    if (!luhnValid(a.siret.slice(0, 9))) err(`${w}: SIREN ${a.siret.slice(0, 9)} ne passe pas la clé de Luhn`);
    if (sirets.has(a.siret)) err(`${w}: SIRET en double`);
    sirets.add(a.siret);
    if (a.siret[0] !== '9') warnings.push(`${w}: SIRET ne commence pas par 9`);
  }
  if (typeof a.name !== 'string' || a.name.length < 3) err(`${w}: nom invalide`);
  if (!/^\d{2}\.\d{2}[A-Z]$/.test(a.nafCode ?? '')) err(`${w}: code NAF mal formé ${a.nafCode}`);
  else if (!nafIds.has(a.nafCode)) err(`${w}: code NAF ${a.nafCode} absent de @socialgouv/codes-naf`);
  if (!KINDS.has(a.kind)) err(`${w}: kind inconnu ${a.kind}`);
  if (!BANDS.has(a.headcountBand)) err(`${w}: tranche d’effectif inconnue ${a.headcountBand}`);
  if (typeof a.ess !== 'boolean') err(`${w}: ess doit être booléen`);
  if (a.kind === 'ess' && a.ess !== true) err(`${w}: kind ess mais ess = false`);
  if (a.contact) {
    checkKeys(a.contact, ['name', 'email', 'phone'], [], `${w}.contact`);
    if (a.contact.email && !/^[a-z0-9._-]+@example\.(org|fr)$/.test(a.contact.email)) err(`${w}: courriel hors example.org / example.fr`);
    if (a.contact.phone && !/^\+33 3 53 48 \d{2} \d{2}$/.test(a.contact.phone)) err(`${w}: téléphone hors de la plage fictive 03 53 48`);
  }
}

// ---------------------------------------------------------------------------------------------
// Sites
// ---------------------------------------------------------------------------------------------

const siteById = uniqueIds(demo.sites, 'sites');
let maxDist = 0;
for (const s of demo.sites) {
  const w = `site ${s.externalId}`;
  checkKeys(s, ['externalId', 'actorExternalId', 'name', 'address', 'communeCode', 'location'],
    ['externalId', 'actorExternalId', 'name', 'address', 'communeCode', 'location'], w);
  if (!actorById.has(s.actorExternalId)) err(`${w}: acteur ${s.actorExternalId} introuvable`);
  if (!territoryCommunes.has(s.communeCode)) err(`${w}: commune ${s.communeCode} hors territoire`);
  if (checkKeys(s.location, ['lat', 'lon'], ['lat', 'lon'], `${w}.location`)) {
    const ref = posByCode.get(s.communeCode);
    if (typeof s.location.lat !== 'number' || typeof s.location.lon !== 'number') err(`${w}: coordonnées non numériques`);
    else if (ref) {
      const d = haversineM(ref, s.location);
      maxDist = Math.max(maxDist, d);
      if (d > 1000) err(`${w}: à ${Math.round(d)} m du point de référence de sa commune (> 1 km)`);
      else if (d > 300) warnings.push(`${w}: à ${Math.round(d)} m du point de référence (> 300 m)`);
    }
  }
}
for (const a of demo.actors) {
  if (!demo.sites.some((s) => s.actorExternalId === a.externalId)) err(`actor ${a.externalId}: aucun site`);
}

// ---------------------------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------------------------

uniqueIds(demo.flows, 'flows');
for (const f of demo.flows) {
  const w = `flow ${f.externalId}`;
  checkKeys(f, ['externalId', 'siteExternalId', 'direction', 'resourceCode', 'wasteCode', 'label', 'quantity',
    'monthsAvailable', 'quality', 'currentFate', 'currentOrigin', 'cost', 'confidentiality'],
  ['externalId', 'siteExternalId', 'direction', 'resourceCode', 'label', 'quantity'], w);
  if (!siteById.has(f.siteExternalId)) err(`${w}: site ${f.siteExternalId} introuvable`);
  if (f.direction !== 'output' && f.direction !== 'input') err(`${w}: direction invalide`);
  if (!RESOURCE_CODES.has(f.resourceCode)) err(`${w}: code ressource inconnu ${f.resourceCode}`);
  if (typeof f.label !== 'string' || !f.label) err(`${w}: libellé manquant`);
  checkQuantity(f.quantity, `${w}.quantity`, f.resourceCode);
  if (f.wasteCode !== undefined) {
    if (!/^\d{6}$/.test(f.wasteCode)) err(`${w}: code déchet mal formé ${f.wasteCode}`);
    else if (!LOW[f.wasteCode]) err(`${w}: code déchet ${f.wasteCode} absent de la liste contrôlée`);
    else if (LOW[f.wasteCode][1] !== Boolean(f.quality?.hazardous)) err(`${w}: quality.hazardous incohérent avec le code ${f.wasteCode}`);
    if (!f.resourceCode.startsWith('material.') && !f.resourceCode.startsWith('packaging.') &&
        !f.resourceCode.startsWith('equipment.') && f.resourceCode !== 'energy.fuels.biomass') {
      err(`${w}: code déchet sur une ressource non matière ${f.resourceCode}`);
    }
  } else if (f.quality?.hazardous) err(`${w}: flux dangereux sans code déchet`);
  if (f.monthsAvailable !== undefined) {
    const m = f.monthsAvailable;
    if (!Array.isArray(m) || m.length === 0) err(`${w}: monthsAvailable vide`);
    else {
      if (m.some((x) => !Number.isInteger(x) || x < 1 || x > 12)) err(`${w}: mois hors 1–12`);
      if (new Set(m).size !== m.length) err(`${w}: mois en double`);
    }
  }
  if (f.quality !== undefined) {
    checkKeys(f.quality, ['temperatureC', 'moisturePct', 'purityGrade', 'hazardous'], [], `${w}.quality`);
    const q = f.quality;
    if (q.moisturePct !== undefined && !(q.moisturePct >= 0 && q.moisturePct <= 100)) err(`${w}: humidité hors 0–100`);
    if (q.purityGrade !== undefined && !PURITY.has(q.purityGrade)) err(`${w}: purityGrade inconnu`);
    if (q.hazardous !== undefined && typeof q.hazardous !== 'boolean') err(`${w}: hazardous doit être booléen`);
    if (q.temperatureC !== undefined) {
      if (typeof q.temperatureC !== 'number') err(`${w}: température non numérique`);
      const r = HEAT_RANGES[f.resourceCode];
      if (r && !(q.temperatureC >= r[0] && q.temperatureC <= r[1])) err(`${w}: ${q.temperatureC} °C incohérent avec ${f.resourceCode}`);
    }
  }
  if (HEAT_RANGES[f.resourceCode] && f.quality?.temperatureC === undefined) err(`${w}: flux de chaleur sans température`);
  if (f.currentFate !== undefined) {
    if (f.direction !== 'output') err(`${w}: currentFate réservé aux sorties`);
    checkKeys(f.currentFate, ['mode', 'operationCode'], ['mode'], `${w}.currentFate`);
    if (!FATES.has(f.currentFate.mode)) err(`${w}: mode de devenir inconnu ${f.currentFate.mode}`);
    if (f.currentFate.operationCode !== undefined && !OPERATION.test(f.currentFate.operationCode)) err(`${w}: code R/D invalide ${f.currentFate.operationCode}`);
  }
  if (f.currentOrigin !== undefined) {
    if (f.direction !== 'input') err(`${w}: currentOrigin réservé aux entrées`);
    checkKeys(f.currentOrigin, ['recycled', 'local'], ['recycled', 'local'], `${w}.currentOrigin`);
    if (typeof f.currentOrigin.recycled !== 'boolean' || typeof f.currentOrigin.local !== 'boolean') err(`${w}: currentOrigin doit contenir des booléens`);
  }
  if (f.cost !== undefined) {
    checkKeys(f.cost, ['amountEur', 'per', 'kind'], ['amountEur', 'per', 'kind'], `${w}.cost`);
    if (!(typeof f.cost.amountEur === 'number' && f.cost.amountEur > 0)) err(`${w}: montant invalide`);
    if (!['unit-of-quantity', 'period'].includes(f.cost.per)) err(`${w}: cost.per invalide`);
    if (!['cost', 'price'].includes(f.cost.kind)) err(`${w}: cost.kind invalide`);
  }
  if (f.confidentiality !== undefined) {
    checkKeys(f.confidentiality, ['quantity', 'cost', 'quality', 'currentFate', 'currentOrigin'], [], `${w}.confidentiality`);
    for (const [k, v] of Object.entries(f.confidentiality)) {
      if (!CONF.has(v)) err(`${w}: confidentialité ${k} = ${v} inconnue`);
      if (k !== 'quantity' && f[k] === undefined) err(`${w}: confidentialité sur ${k} absent`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Needs
// ---------------------------------------------------------------------------------------------

uniqueIds(demo.needs, 'needs');
for (const nd of demo.needs) {
  const w = `need ${nd.externalId}`;
  checkKeys(nd, ['externalId', 'actorExternalId', 'category', 'description', 'resourceCode', 'quantity'],
    ['externalId', 'actorExternalId', 'category', 'description'], w);
  if (!actorById.has(nd.actorExternalId)) err(`${w}: acteur ${nd.actorExternalId} introuvable`);
  if (!NEED_CATS.has(nd.category)) err(`${w}: catégorie inconnue ${nd.category}`);
  if (typeof nd.description !== 'string' || nd.description.length < 10) err(`${w}: description trop courte`);
  if (nd.resourceCode !== undefined && !RESOURCE_CODES.has(nd.resourceCode)) err(`${w}: code ressource inconnu ${nd.resourceCode}`);
  if (nd.quantity !== undefined) checkQuantity(nd.quantity, `${w}.quantity`, nd.resourceCode);
}

// ---------------------------------------------------------------------------------------------
// Volumes and required content (the seeds' worked examples)
// ---------------------------------------------------------------------------------------------

const nA = demo.actors.length;
const nF = demo.flows.length;
if (nA < 60 || nA > 150) err(`nombre d’acteurs ${nA} hors 60–150`);
if (nF < 250 || nF > 400) err(`nombre de flux ${nF} hors 250–400`);

const siteActor = (f) => actorById.get(siteById.get(f.siteExternalId)?.actorExternalId);
const siteCommune = (f) => siteById.get(f.siteExternalId)?.communeCode;
const privateActors = new Set(
  demo.flows.filter((f) => f.confidentiality?.quantity === 'private' || f.confidentiality?.cost === 'private')
    .map((f) => siteActor(f)?.externalId),
);
const share = privateActors.size / nA;
if (share < 0.25 || share > 0.45) err(`part des acteurs avec quantité ou coût privé : ${(share * 100).toFixed(0)} % (attendu ≈ 1/3)`);

const has = (pred, what) => { if (!demo.flows.some(pred)) err(`contenu manquant : ${what}`); };
// Adjacent communes for the CHP example: same commune or within 6 km of reference points.
const near = (c1, c2) => c1 === c2 || haversineM(posByCode.get(c1), posByCode.get(c2)) < 6000;
const chp = demo.flows.find((f) => f.direction === 'output' && f.resourceCode === 'energy.heat.medium' &&
  f.quality?.temperatureC === 65 && f.quantity.unit === 'MWh' && f.monthsAvailable?.length === 12 &&
  siteActor(f)?.nafCode === '35.11Z');
if (!chp) err('contenu manquant : chaleur fatale 65 °C d’une cogénération biomasse, 12 mois');
else {
  const greenhouses = demo.flows.filter((f) => f.direction === 'input' && f.resourceCode === 'energy.heat.medium' &&
    ['01.13Z', '01.30Z'].includes(siteActor(f)?.nafCode) && near(siteCommune(f), siteCommune(chp)));
  if (greenhouses.length < 2) err('contenu manquant : serres voisines de la cogénération ayant besoin de chaleur');
  if (!greenhouses.every((f) => f.monthsAvailable && f.monthsAvailable.includes(1) && !f.monthsAvailable.includes(7))) {
    err('les besoins de chaleur des serres doivent être saisonniers (hiver)');
  }
}
has((f) => f.direction === 'output' && f.resourceCode === 'packaging.glass_bottles' && siteActor(f)?.nafCode === '47.25Z', 'bouteilles usagées de cavistes');
has((f) => f.direction === 'output' && f.resourceCode === 'packaging.glass_bottles' && siteActor(f)?.nafCode === '82.92Z', 'bouteilles lavées (laveur)');
has((f) => f.direction === 'input' && f.resourceCode === 'packaging.glass_bottles' && siteActor(f)?.nafCode === '11.05Z', 'brasserie utilisatrice de bouteilles lavées');
has((f) => f.resourceCode === 'material.wood.clean' && f.wasteCode === '030105', 'chutes de bois 030105');
has((f) => f.resourceCode === 'material.wood.clean' && f.wasteCode === '150103', 'emballages bois 150103');
has((f) => f.wasteCode === '170201', 'bois de chantier 170201');
has((f) => f.direction === 'input' && f.resourceCode === 'energy.fuels.biomass' && siteActor(f)?.kind === 'public_body', 'chaufferie bois publique');
has((f) => f.direction === 'input' && siteActor(f)?.kind === 'ess' && siteActor(f)?.nafCode === '47.79Z', 'ressourcerie');
has((f) => f.wasteCode === '200108', 'biodéchets 200108');
has((f) => f.wasteCode === '020304', 'déchets végétaux agroalimentaires 020304');
has((f) => f.direction === 'input' && siteActor(f)?.nafCode === '35.21Z', 'méthaniseur');
has((f) => f.direction === 'input' && siteActor(f)?.nafCode === '38.21Z', 'plateforme de compostage');
has((f) => f.direction === 'output' && f.resourceCode === 'material.agrifood_byproducts.brewing_distilling' && siteActor(f)?.nafCode === '11.05Z', 'drêches de brasserie');
has((f) => f.direction === 'input' && f.resourceCode === 'material.agrifood_byproducts.brewing_distilling' && siteActor(f)?.kind === 'farm', 'drêches reprises par une ferme');
has((f) => ['170107', '170504'].includes(f.wasteCode), 'inertes 170107 / 170504');
has((f) => siteActor(f)?.nafCode === '08.12Z', 'carrière / sablière');
has((f) => siteActor(f)?.nafCode === '23.63Z', 'centrale à béton');
has((f) => siteActor(f)?.nafCode === '43.11Z', 'démolition');
has((f) => ['10.81Z', '10.31Z'].includes(siteActor(f)?.nafCode), 'sucrerie ou féculerie / transformation de pommes de terre');
has((f) => siteActor(f)?.nafCode?.startsWith('10.51'), 'laiterie');
has((f) => ['120101', '120102'].includes(f.wasteCode), 'ferrailles 120101 / 120102');
has((f) => f.resourceCode === 'material.plastics.pp' && siteActor(f)?.nafCode?.startsWith('22.'), 'plasturgiste (PP)');
has((f) => f.wasteCode === '150101' && siteActor(f)?.nafCode?.startsWith('52.10'), 'cartons d’entrepôt 150101');
has((f) => f.wasteCode === '150102' && siteActor(f)?.nafCode?.startsWith('52.10'), 'films d’entrepôt 150102');
has((f) => f.resourceCode === 'material.sludges.wastewater' && siteActor(f)?.nafCode === '37.00Z', 'boues de STEP');
has((f) => f.resourceCode === 'water.treated_wastewater', 'eaux usées traitées');
has((f) => f.wasteCode === '130205' && f.quality?.hazardous === true && siteActor(f)?.nafCode?.startsWith('45.20') && siteActor(f)?.kind === 'company', 'huiles usagées de garage');
has((f) => f.resourceCode === 'material.agrifood_byproducts.manure' && siteActor(f)?.kind === 'farm', 'fumiers de ferme');
const needCats = new Set(demo.needs.map((x) => x.category));
for (const c of NEED_CATS) if (!needCats.has(c)) err(`aucun besoin de catégorie ${c}`);
const cardboardCollectors = new Set(demo.needs.filter((x) => x.category === 'waste_collection' && x.resourceCode === 'material.paper_cardboard').map((x) => x.actorExternalId));
if (cardboardCollectors.size < 3) err('il faut plusieurs acteurs partageant un besoin de collecte de cartons');
const maintenance = new Set(demo.needs.filter((x) => x.category === 'skills' && /maintenance/i.test(x.description)).map((x) => x.actorExternalId));
if (maintenance.size < 3) err('il faut plusieurs acteurs partageant un besoin de technicien de maintenance');
for (const kind of ['public_body', 'association', 'ess', 'farm', 'company']) {
  if (!demo.actors.some((a) => a.kind === kind)) err(`aucun acteur de type ${kind}`);
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

for (const w of warnings) console.warn(`avertissement : ${w}`);
console.log(`acteurs ${nA}, sites ${demo.sites.length}, flux ${nF}, besoins ${demo.needs.length}, communes ${t.communes.length}`);
console.log(`acteurs avec quantité ou coût privé : ${privateActors.size} (${(share * 100).toFixed(0)} %)`);
console.log(`distance maximale site – point de référence communal : ${Math.round(maxDist)} m`);
if (errors.length) {
  for (const e of errors) console.error(`ERREUR : ${e}`);
  console.error(`${errors.length} erreur(s).`);
  process.exit(1);
}
console.log('OK : territoire-demo.json respecte toutes les règles vérifiées.');
