import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadResourceTaxonomy } from './catalog.js';
import { loadMetabolismFamilies, metabolismFamilyOf } from './metabolism.js';

const file = loadMetabolismFamilies();
const codes = new Set(loadResourceTaxonomy().entries.map((e) => e.code));

test('the metabolism families are the five of the flow accounts, each labelled in French and English', () => {
  assert.equal(file.id, 'metabolism-families');
  assert.deepEqual(
    file.families.map((f) => f.code),
    ['agrifood', 'construction_minerals', 'energy_carriers', 'manufactured', 'wastes'],
  );
  for (const f of file.families) assert.ok(f.labelFr && f.labelEn, f.code);
  assert.equal(file.families.find((f) => f.code === 'wastes')?.labelFr, 'Déchets');
  assert.ok(file.rule.fr.length > 0 && file.rule.en.length > 0);
});

test('the file names its sources, each with what it grounds, a title, an http(s) URL and a licence', () => {
  assert.ok(file.sources.length >= 3);
  for (const s of file.sources) assert.ok(s.what && s.title && /^https?:\/\//.test(s.url) && s.licence, JSON.stringify(s));
});

test('every prefix is a code of the resource taxonomy, listed once, with a known family', () => {
  const families = new Set(file.families.map((f) => f.code));
  const seen = new Set<string>();
  for (const p of file.prefixes) {
    assert.ok(codes.has(p.resource), `${p.resource} is not in the taxonomy`);
    assert.ok(!seen.has(p.resource), `${p.resource} is listed twice`);
    seen.add(p.resource);
    assert.ok(families.has(p.family), `${p.resource}: family ${p.family}`);
  }
});

test('every top-level class of the taxonomy has its own line', () => {
  const roots = loadResourceTaxonomy()
    .entries.filter((e) => e.parent === null)
    .map((e) => e.code);
  for (const r of roots)
    assert.ok(
      file.prefixes.some((p) => p.resource === r),
      r,
    );
});

test('every taxonomy code maps to a family', () => {
  for (const code of codes) assert.ok(metabolismFamilyOf(code), code);
});

test('the most specific prefix wins', () => {
  assert.equal(metabolismFamilyOf('material.construction.inert'), 'construction_minerals');
  assert.equal(metabolismFamilyOf('material.construction.mixed'), 'wastes');
  assert.equal(metabolismFamilyOf('material.chemicals.solvents'), 'manufactured');
  assert.equal(metabolismFamilyOf('material.chemicals.waste_oils'), 'energy_carriers');
  assert.equal(metabolismFamilyOf('material.wood.clean'), 'manufactured');
  assert.equal(metabolismFamilyOf('energy.fuels.biomass'), 'energy_carriers');
  assert.equal(metabolismFamilyOf('material.agrifood_byproducts.manure'), 'agrifood');
  assert.equal(metabolismFamilyOf('material'), 'manufactured');
  // A prefix matches whole segments only.
  assert.equal(metabolismFamilyOf('materials'), undefined);
});
