import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_UNITS, NEED_CATEGORIES } from '@boucles/engine';
import { ReferenceCatalog } from './catalog.js';
import { loadMutualisationParameters, type MutualisationNote } from './mutualisation.js';

const catalog = new ReferenceCatalog();
const file = loadMutualisationParameters();

/** Every note of the file, with where it is. */
function notes(): [string, MutualisationNote][] {
  const out: [string, MutualisationNote][] = [
    ['minMembers', file.minMembersNote],
    ['smallStreams.radius', file.smallStreams.radiusNote],
  ];
  for (const [c, e] of Object.entries(file.categories))
    out.push([`${c}.radius`, e.radiusNote], [`${c}.saving`, e.saving.costReductionRate]);
  out.push(['smallStreams.saving', file.smallStreams.saving.costReductionRate]);
  for (const t of file.smallStreams.thresholds) out.push([`threshold ${t.resourceCode}`, t]);
  return out;
}

test('the mutualisation parameters name every source once, each with a key, a title, an http(s) URL and a licence', () => {
  assert.equal(file.id, 'mutualisation-parameters');
  const keys = file.sources.map((s) => s.key);
  assert.equal(new Set(keys).size, keys.length, 'source keys are unique');
  for (const s of file.sources) assert.ok(s.key && s.title && s.what && /^https?:\/\//.test(s.url) && s.licence, JSON.stringify(s));
});

test('every source key a figure cites resolves, and a figure without a source is marked as an estimate with a rationale in both languages', () => {
  const keys = new Set(file.sources.map((s) => s.key));
  for (const [where, n] of notes()) {
    for (const k of n.sources) assert.ok(keys.has(k), `${where}: source ${k}`);
    if (n.sources.length === 0) assert.equal(n.estimate, true, `${where} has no source, so it must be an estimate`);
    assert.ok(n.rationale.fr.length > 0 && n.rationale.en.length > 0, `${where}: rationale`);
  }
});

test('every need category has a positive radius and a saving method in both languages; rates are null or between 0 and 1', () => {
  assert.ok(Number.isInteger(file.minMembers) && file.minMembers >= 2);
  assert.deepEqual(Object.keys(file.categories).sort(), [...NEED_CATEGORIES].sort());
  const savings = [...Object.values(file.categories).map((c) => c.saving), file.smallStreams.saving];
  for (const c of Object.values(file.categories)) assert.ok(c.radiusKm > 0);
  assert.ok(file.smallStreams.radiusKm > 0);
  for (const s of savings) {
    assert.ok(s.method.fr.length > 0 && s.method.en.length > 0);
    const r = s.costReductionRate.value;
    assert.ok(r === null || (r >= 0 && r <= 1), String(r));
  }
});

test('the small-stream thresholds name existing taxonomy classes, once each, in the base unit of their dimension', () => {
  const codes = file.smallStreams.thresholds.map((t) => t.resourceCode);
  assert.equal(new Set(codes).size, codes.length);
  for (const t of file.smallStreams.thresholds) {
    const cls = catalog.resource(t.resourceCode);
    assert.ok(cls, `${t.resourceCode} is in the resource taxonomy`);
    assert.ok(catalog.unit(t.unit), `${t.resourceCode}: unit ${t.unit}`);
    const base: Partial<Record<string, string>> = BASE_UNITS;
    assert.equal(t.unit, base[cls.dimension], `${t.resourceCode}: base unit of ${cls.dimension}`);
    assert.ok(t.maxAnnualQuantity > 0);
  }
});

test('a threshold worked out from a weekly volume and a bulk density matches its derivation', () => {
  for (const t of file.smallStreams.thresholds) {
    const d = t.derivation;
    if (!d) continue;
    const { litresPerWeek, weeksPerYear, bulkDensityTonnesPerM3 } = d;
    assert.ok(litresPerWeek !== undefined && weeksPerYear !== undefined && bulkDensityTonnesPerM3 !== undefined, t.resourceCode);
    assert.equal(weeksPerYear, catalog.period('week')?.perYear, 'weeks per year as in units.json');
    const worked = (litresPerWeek / 1000) * weeksPerYear * bulkDensityTonnesPerM3;
    assert.ok(Math.abs(worked - t.maxAnnualQuantity) < 0.01, `${t.resourceCode}: ${worked} vs ${t.maxAnnualQuantity}`);
  }
});
