import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { distanceMetres, isInFrance } from '@boucles/engine';
import { dataPath, readJson } from './files.js';
import {
  loadCommunePositions,
  loadCompatibilityRules,
  loadCommunes,
  loadDepartements,
  loadEpci,
  loadHeadcountBands,
  loadNaf,
  loadRegions,
  loadResourceTaxonomy,
  loadUnits,
  loadWasteList,
  loadWasteOperations,
  ReferenceCatalog,
} from './catalog.js';

const catalog = new ReferenceCatalog();

test('every data file names its sources, each with a title, a URL and a licence', () => {
  const files = readdirSync(dataPath('')).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 6, files.join(', '));
  for (const f of files) {
    const doc = readJson(dataPath(f)) as { sources?: { title?: string; url?: string; licence?: string }[] };
    assert.ok(Array.isArray(doc.sources) && doc.sources.length > 0, `${f} has sources`);
    for (const s of doc.sources) {
      assert.ok(s.title && s.url?.startsWith('http') && s.licence, `${f}: source ${JSON.stringify(s)}`);
    }
  }
});

test('the COG has 34,969 current communes and 45 municipal arrondissements, 1,255 EPCI, 109 départements, 26 régions', () => {
  const communes = loadCommunes();
  assert.equal(communes.filter((c) => c.type === 'commune-actuelle').length, 34_969);
  assert.equal(communes.filter((c) => c.type === 'arrondissement-municipal').length, 45);
  assert.equal(loadEpci().length, 1255);
  assert.equal(loadDepartements().length, 109);
  assert.equal(loadRegions().length, 26);
});

test('the members of an EPCI and of a département are found by level and code', () => {
  const pevele = catalog.territoryCommunes('epci', '200041960');
  assert.ok(pevele && pevele.length > 30);
  assert.ok(catalog.territoryCommunes('departement', '59')?.includes('59350')); // Lille
  assert.deepEqual(catalog.territoryCommunes('commune', '59350'), ['59350']);
  assert.equal(catalog.territoryCommunes('epci', '000000000'), undefined);
  assert.equal(catalog.territoryName('region', '32'), 'Hauts-de-France');
});

test('NAF rév. 2 has 21 sections and 732 sub-classes, each sub-class in its section', () => {
  const naf = loadNaf();
  assert.equal(naf.filter((n) => n.level === 'section').length, 21);
  assert.equal(naf.filter((n) => n.level === 'subclass').length, 732);
  assert.equal(naf.filter((n) => n.level === 'division').length, 88);
  assert.equal(catalog.nafEntry('10.71C')?.section, 'C');
  assert.equal(catalog.nafEntry('01.11Z')?.section, 'A');
  assert.equal(catalog.nafEntry('84.11Z')?.section, 'O');
  assert.equal(catalog.nafCode('10.71'), undefined, 'only sub-classes are activity codes');
});

test('the European List of Waste has every code once, six digits, in a known chapter and sub-chapter', () => {
  const list = loadWasteList();
  assert.equal(list.chapters.length, 20);
  assert.ok(list.entries.length >= 830 && list.entries.length <= 850, `${list.entries.length} entries`);
  const codes = new Set(list.entries.map((e) => e.code));
  assert.equal(codes.size, list.entries.length);
  const chapters = new Set(list.chapters.map((c) => c.code));
  const subChapters = new Set(list.subChapters.map((c) => c.code));
  for (const e of list.entries) {
    assert.match(e.code, /^\d{6}$/);
    assert.ok(chapters.has(e.chapter) && e.code.startsWith(e.chapter), `${e.code} chapter`);
    assert.ok(subChapters.has(e.subChapter) && e.code.startsWith(e.subChapter), `${e.code} sub-chapter`);
    assert.ok(e.labelEn.length > 0, `${e.code} English label`);
  }
  const hazardous = list.entries.filter((e) => e.hazardous).length;
  assert.ok(hazardous > 350 && hazardous < 450, `${hazardous} hazardous`);
  assert.equal(catalog.wasteCode('130205')?.hazardous, true); // mineral engine oils
  assert.equal(catalog.wasteCode('200108')?.hazardous, false); // biodegradable kitchen waste
});

test('recovery and disposal operations are R0–R13 and D1–D15', () => {
  const codes = loadWasteOperations().entries.map((o) => o.code);
  for (let i = 0; i <= 13; i++) assert.ok(codes.includes(`R${i}`), `R${i}`);
  for (let i = 1; i <= 15; i++) assert.ok(codes.includes(`D${i}`), `D${i}`);
});

test('the resource taxonomy is a tree whose waste codes all exist and whose units are known', () => {
  const { entries } = loadResourceTaxonomy();
  const codes = new Set(entries.map((e) => e.code));
  assert.equal(codes.size, entries.length);
  const roots = entries
    .filter((e) => e.parent === null)
    .map((e) => e.code)
    .sort();
  assert.deepEqual(roots, ['energy', 'equipment', 'gas', 'material', 'packaging', 'service', 'water']);
  for (const e of entries) {
    if (e.parent !== null) {
      assert.ok(codes.has(e.parent), `${e.code}: parent ${e.parent}`);
      assert.ok(e.code.startsWith(`${e.parent}.`), `${e.code} is named under its parent`);
    }
    assert.ok(catalog.unit(e.defaultUnit), `${e.code}: unit ${e.defaultUnit}`);
    for (const w of e.wasteCodes) assert.ok(catalog.wasteCode(w), `${e.code}: waste code ${w}`);
  }
});

test('units convert to their base unit and periods to a yearly rate', () => {
  const { units, periods } = loadUnits();
  for (const u of units) assert.ok(u.toBase > 0, u.code);
  assert.equal(catalog.unit('kg')?.toBase, 0.001);
  assert.equal(catalog.unit('GJ')?.toBase, 1 / 3.6);
  assert.equal(periods.find((p) => p.code === 'month')?.perYear, 12);
  assert.equal(catalog.period('once')?.perYear, null);
});

test('nearly every commune has a reference point, in France, and Lille is where it should be', () => {
  const { positions, missing = [] } = loadCommunePositions();
  const communes = loadCommunes();
  const placed = communes.filter((c) => positions[c.code]);
  assert.ok(placed.length >= 34_900, `${placed.length} placed`);
  assert.equal(placed.length + missing.length, communes.length);
  for (const c of placed) {
    const p = catalog.communePosition(c.code);
    assert.ok(p && isInFrance(p), `${c.code} ${JSON.stringify(p)}`);
  }
  const lille = catalog.communePosition('59350');
  assert.ok(lille && distanceMetres(lille, { lat: 50.63, lon: 3.06 }) < 3000);
  assert.equal(catalog.siteDistanceLimitKm('59350'), 40);
  assert.equal(catalog.siteDistanceLimitKm('97411'), undefined, 'overseas communes are not checked');
});

test('every compatibility rule names existing resources and waste codes, and says when its figures are estimates', () => {
  const { rules } = loadCompatibilityRules();
  assert.ok(rules.length >= 35, `${rules.length} rules`);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  for (const r of rules) {
    for (const code of [...r.output.resources, ...r.input.resources]) assert.ok(catalog.resource(code), `${r.id}: resource ${code}`);
    for (const w of r.output.wasteCodes ?? []) assert.ok(catalog.wasteCode(w), `${r.id}: waste code ${w}`);
    assert.ok(r.maxDistanceKm > 0, r.id);
    assert.ok(r.rationale.fr && r.rationale.en, r.id);
    assert.ok(['forbidden', 'authorised_receiver_only', 'allowed'].includes(r.conditions.hazardous), r.id);
    if (r.sources.length === 0) assert.equal(r.estimate, true, `${r.id} has no source, so it must be marked as an estimate`);
  }
  const families = new Set(rules.map((r) => r.family));
  for (const f of ['waste_heat', 'glass', 'biomass', 'organic', 'construction', 'metal']) assert.ok(families.has(f), f);
});

test('headcount bands are the sixteen INSEE codes', () => {
  assert.equal(loadHeadcountBands().entries.length, 16);
  assert.equal(catalog.headcountBand('12')?.min, 20);
});
