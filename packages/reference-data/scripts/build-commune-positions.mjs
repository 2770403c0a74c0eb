#!/usr/bin/env node
// Builds data/commune-positions.json: one reference point (latitude, longitude, WGS84) for every current
// commune (`commune-actuelle`) and municipal arrondissement (`arrondissement-municipal`) of the COG used by
// @etalab/decoupage-administratif (COG 2026).
//
// Plain Node (>= 18), no dependencies. Usage:
//   node packages/reference-data/scripts/build-commune-positions.mjs           # build + validate + report
//   node packages/reference-data/scripts/build-commune-positions.mjs --check   # validate only, write nothing
//
// No coordinate is written by hand here. Every point comes from ./sources/commune-positions/laposte-2022/*.txt,
// a page-by-page transcription of Coercive/FranceCities `2022_france_cities/france_cities.csv` (La Poste,
// Base officielle des codes postaux, field `coordonnees_gps`, first line of each INSEE code; list of communes of
// the COG 2022). See ./sources/commune-positions/README.md. The join is on the INSEE code only.
// Nothing is interpolated: a COG 2026 code absent from the source is listed in `missing`.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = join(here, 'sources', 'commune-positions');
const PAGES = join(SRC, 'laposte-2022');
const OUT = join(here, '..', 'data', 'commune-positions.json');
const CHECK_ONLY = process.argv.includes('--check');

const errors = [];
const fail = (msg) => errors.push(msg);

// ---------------------------------------------------------------------------------------------------------------
// 1. Read the transcription pages and check their integrity (contiguous row IDs, one line per row).
// ---------------------------------------------------------------------------------------------------------------
const source = new Map(); // INSEE code -> [lat, lon] | null (no point in the source)
let expectedFirst = 1;
const pageFiles = readdirSync(PAGES)
  .filter((f) => /^p\d{3}\.txt$/.test(f))
  .sort();
pageFiles.forEach((file, i) => {
  if (file !== `p${String(i).padStart(3, '0')}.txt`)
    fail(`page files not contiguous: expected p${String(i).padStart(3, '0')}.txt, got ${file}`);
  const lines = readFileSync(join(PAGES, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = /^# ids (\d+) (\d+)$/.exec(lines[0] ?? '');
  if (!header) {
    fail(`${file}: missing "# ids FIRST LAST" header`);
    return;
  }
  const first = Number(header[1]);
  const last = Number(header[2]);
  const rows = lines.filter((l) => !l.startsWith('#'));
  if (first !== expectedFirst) fail(`${file}: first id ${first}, expected ${expectedFirst}`);
  if (rows.length !== last - first + 1) fail(`${file}: ${rows.length} rows for ids ${first}-${last}`);
  expectedFirst = last + 1;
  for (const row of rows) {
    const m = /^([0-9][0-9AB][0-9]{3}) (?:(-?\d{1,3}\.\d{1,5}) (-?\d{1,3}\.\d{1,5})|-)$/.exec(row);
    if (!m) {
      fail(`${file}: malformed row "${row}"`);
      continue;
    }
    const [, code, lat, lon] = m;
    if (source.has(code)) fail(`${file}: duplicate code ${code}`);
    source.set(code, lat === undefined ? null : [Number(lat), Number(lon)]);
  }
});
const sourceRows = expectedFirst - 1;

// ---------------------------------------------------------------------------------------------------------------
// 2. Validation boxes: France (metropole) and one box per département / overseas territory.
// ---------------------------------------------------------------------------------------------------------------
const METRO = { minLat: 41.3, maxLat: 51.15, minLon: -5.3, maxLon: 9.6 };
const depBoxes = new Map();
for (const line of readFileSync(join(SRC, 'departement-bboxes.txt'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [dep, minLon, minLat, maxLon, maxLat] = line.trim().split(/\s+/);
  depBoxes.set(dep, { minLon: +minLon, minLat: +minLat, maxLon: +maxLon, maxLat: +maxLat });
}
const MARGIN = 0.02; // degrees (~2 km): the boxes are rounded to 3 decimals and points may sit on a border
const inBox = (b, lat, lon, m = 0) => lat >= b.minLat - m && lat <= b.maxLat + m && lon >= b.minLon - m && lon <= b.maxLon + m;

// ---------------------------------------------------------------------------------------------------------------
// 3. Join on the COG 2026 list.
// ---------------------------------------------------------------------------------------------------------------
const require = createRequire(import.meta.url);
const cog = require('@etalab/decoupage-administratif/data/communes.json');
const targets = cog.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal');
const currentCodes = new Set(targets.map((c) => c.code));

// Communes of the source (COG 2022) that are no longer current communes: absorbed by a commune nouvelle.
const deleguees = cog.filter((c) => c.type === 'commune-deleguee' || c.type === 'commune-associee');
const absorbedInto = new Map(); // chef-lieu code -> [former commune codes present in the source]
for (const d of deleguees) {
  if (d.code === d.chefLieu || currentCodes.has(d.code) || !source.has(d.code)) continue;
  if (!absorbedInto.has(d.chefLieu)) absorbedInto.set(d.chefLieu, []);
  absorbedInto.get(d.chefLieu).push(d.code);
}

const round4 = (x) => Math.round(x * 1e4) / 1e4;
const positions = {};
const missing = [];
const mergedSince = [];
for (const c of [...targets].sort((a, b) => a.code.localeCompare(b.code))) {
  const p = source.get(c.code);
  if (!p) {
    missing.push(c.code);
    continue;
  }
  const [lat, lon] = p;
  const dep = c.departement;
  const box = depBoxes.get(dep);
  if (!box) fail(`${c.code}: no validation box for département ${dep}`);
  else if (!inBox(box, lat, lon, MARGIN)) fail(`${c.code} ${c.nom}: [${lat}, ${lon}] outside the box of département ${dep}`);
  if (dep.length === 2 && !inBox(METRO, lat, lon)) fail(`${c.code} ${c.nom}: [${lat}, ${lon}] outside metropolitan France`);
  positions[c.code] = [round4(lat), round4(lon)];
  if (absorbedInto.has(c.code)) mergedSince.push(c.code);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Report and write.
// ---------------------------------------------------------------------------------------------------------------
const placed = Object.keys(positions).length;
console.log(
  `source rows transcribed: ${sourceRows} (${source.size} codes, ${[...source.values()].filter((v) => !v).length} without a point)`,
);
console.log(
  `COG 2026 targets: ${targets.length} (${targets.filter((c) => c.type === 'commune-actuelle').length} communes, ${targets.filter((c) => c.type === 'arrondissement-municipal').length} arrondissements municipaux)`,
);
console.log(`placed: ${placed}   missing: ${missing.length}`);
console.log(`communes nouvelles since the source's COG (point of the chef-lieu used): ${mergedSince.length}`);
if (missing.length) {
  const names = new Map(targets.map((c) => [c.code, c.nom]));
  const shown = missing.slice(0, 60).map((code) => `${code} ${names.get(code)}`);
  console.log(`missing: ${shown.join(', ')}${missing.length > 60 ? `, … (+${missing.length - 60})` : ''}`);
}

if (errors.length) {
  console.error(`\n${errors.length} error(s):\n  ${errors.slice(0, 100).join('\n  ')}`);
  process.exit(1);
}

const doc = {
  id: 'commune-positions',
  version: 'COG 2026',
  sources: [
    {
      what: 'latitude/longitude of each commune and municipal arrondissement (field coordonnees_gps), joined on the INSEE code',
      title:
        'La Poste — Base officielle des codes postaux (laposte_hexasmal), as compiled with the INSEE COG 2022 list in Coercive/FranceCities, 2022_france_cities/france_cities.csv',
      url: 'https://github.com/Coercive/FranceCities/blob/2217cc14ceee7e5c561a8b7999a30a7bd98a8284/2022_france_cities/france_cities.csv',
      licence:
        'ODbL 1.0 (La Poste, Base officielle des codes postaux, https://datanova.laposte.fr/datasets/laposte-hexasmal); INSEE COG: Licence Ouverte 2.0; compilation repository: MIT',
    },
    {
      what: 'list of current communes and municipal arrondissements (COG 2026) the points are joined to',
      title: '@etalab/decoupage-administratif 6.0.0, data/communes.json',
      url: 'https://github.com/etalab/decoupage-administratif',
      licence: 'Licence Ouverte 2.0 (INSEE, Code officiel géographique)',
    },
  ],
  note:
    'Each point is the GPS point published by La Poste in its Base officielle des codes postaux (a point inside ' +
    'the commune, close to its centroid / main settlement), not a town-hall address; good to the kilometre. When a ' +
    'commune has several postal-code lines, the point of the first line was taken. Coordinates are rounded to 4 ' +
    'decimals (transcribed from the source truncated to 5). The source list is the COG 2022: for a commune nouvelle ' +
    'created after 2022, the INSEE code of the new commune is that of its chef-lieu, so the point is that of the ' +
    `former chef-lieu commune (${mergedSince.length} such codes: ${mergedSince.join(', ')}). Paris, Lyon and Marseille ` +
    '(75056, 69123, 13055) carry the point of their 1st arrondissement, as in the source. Three points of the ' +
    'source were not in the 2022 La Poste base and were added by the compiler near the church (55138 Culey, ' +
    '76095 Bihorel, 76601 Saint-Lucien). Codes absent from the source are listed in `missing` and have no position ' +
    "(nothing is interpolated): the collectivités d'outre-mer and New Caledonia (975, 977, 978, 984, 986, 987, 988), " +
    'which the La Poste base does not cover, and metropolitan communes whose code does not exist in the COG 2022 ' +
    '(communes rétablies or communes nouvelles that took a new code after 2022). Derived from an ODbL database: ' +
    'this file is shared under the ODbL 1.0.',
  positions,
  missing,
};

// Hand-written serialisation: one commune per line, coordinates always printed with 4 decimals.
const json =
  '{\n' +
  `  "id": ${JSON.stringify(doc.id)},\n` +
  `  "version": ${JSON.stringify(doc.version)},\n` +
  `  "sources": ${JSON.stringify(doc.sources, null, 2).replace(/\n/g, '\n  ')},\n` +
  `  "note": ${JSON.stringify(doc.note)},\n` +
  '  "positions": {\n' +
  Object.entries(positions)
    .map(([code, [lat, lon]]) => `    "${code}": [${lat.toFixed(4)}, ${lon.toFixed(4)}]`)
    .join(',\n') +
  '\n  },\n' +
  `  "missing": ${JSON.stringify(missing)}\n` +
  '}\n';
JSON.parse(json); // sanity: valid JSON

if (CHECK_ONLY) console.log('check only: nothing written');
else {
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} KiB)`);
}
