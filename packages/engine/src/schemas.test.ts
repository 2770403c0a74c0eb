import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorInputSchema, flowInputSchema, siteInputSchema } from './records/index.js';
import { territoryDocumentSchema, territoryInputSchema } from './schemas.js';
import { parseBilingual } from './validation.js';

const SITE = '0d9c6a39-0d59-4c8e-9c1b-6c3cde7a1a11';

function issuesOf(result: ReturnType<typeof parseBilingual>) {
  assert.equal(result.ok, false);
  return result.ok ? [] : result.issues;
}

test('a SIRET with a wrong check digit is reported on its field in French and in English', () => {
  const [issue, ...others] = issuesOf(parseBilingual(actorInputSchema, { name: 'Verrerie', kind: 'company', siret: '73282932000075' }));
  assert.deepEqual(others, []);
  assert.equal(issue?.path, 'siret');
  assert.equal(issue?.code, 'invalid_siret');
  assert.match(issue?.message.fr ?? '', /clé de contrôle/);
  assert.match(issue?.message.en ?? '', /check digit/);
});

test('every faulty field of an input is reported at once, each by its path', () => {
  const issues = issuesOf(
    parseBilingual(flowInputSchema, {
      siteId: SITE,
      direction: 'sideways',
      resourceCode: 'material.wood.clean',
      label: '',
      quantity: { value: -3, unit: 't', period: 'year' },
      monthsAvailable: [1, 13],
    }),
  );
  const paths = issues.map((i) => i.path).sort();
  assert.deepEqual(paths, ['direction', 'label', 'monthsAvailable[1]', 'quantity.value']);
  for (const i of issues) {
    assert.ok(i.message.fr.length > 0 && i.message.en.length > 0);
    assert.notEqual(i.message.fr, i.message.en, `${i.path} has a French message distinct from the English one`);
  }
});

test('a missing required field is reported as required', () => {
  const issues = issuesOf(parseBilingual(actorInputSchema, { kind: 'company' }));
  assert.deepEqual(
    issues.map((i) => [i.path, i.code]),
    [['name', 'required']],
  );
});

test('unknown fields are refused rather than silently dropped', () => {
  const issues = issuesOf(parseBilingual(actorInputSchema, { name: 'A', kind: 'farm', sirett: '1' }));
  assert.equal(issues[0]?.code, 'unrecognized_keys');
});

test('a current fate on an input flow and a current origin on an output flow are refused', () => {
  const base = { siteId: SITE, resourceCode: 'material.wood.clean', label: 'Bois' };
  const a = issuesOf(parseBilingual(flowInputSchema, { ...base, direction: 'input', currentFate: { mode: 'landfill' } }));
  assert.deepEqual(
    a.map((i) => i.code),
    ['fate_on_input'],
  );
  const b = issuesOf(parseBilingual(flowInputSchema, { ...base, direction: 'output', currentOrigin: { recycled: false, local: true } }));
  assert.deepEqual(
    b.map((i) => i.code),
    ['origin_on_output'],
  );
});

test('a cost per unit without a quantity is refused', () => {
  const issues = issuesOf(
    parseBilingual(flowInputSchema, {
      siteId: SITE,
      direction: 'output',
      resourceCode: 'material.wood.clean',
      label: 'Bois',
      cost: { amountEur: 40, per: 'unit-of-quantity', kind: 'cost' },
    }),
  );
  assert.deepEqual(
    issues.map((i) => i.path),
    ['cost.per'],
  );
});

test('a month listed twice is refused', () => {
  const issues = issuesOf(
    parseBilingual(flowInputSchema, {
      siteId: SITE,
      direction: 'output',
      resourceCode: 'energy.heat.medium',
      label: 'Chaleur',
      monthsAvailable: [1, 2, 2],
    }),
  );
  assert.deepEqual(
    issues.map((i) => [i.path, i.code]),
    [['monthsAvailable', 'duplicate']],
  );
});

test('coordinates outside France are refused, and both WGS84 and Lambert-93 at once too', () => {
  const base = { actorId: SITE, name: 'Usine', communeCode: '59350' };
  const swapped = issuesOf(parseBilingual(siteInputSchema, { ...base, location: { lat: 3.06, lon: 50.63 } }));
  assert.deepEqual(
    swapped.map((i) => [i.path, i.code]),
    [['location', 'outside_france']],
  );
  const both = issuesOf(
    parseBilingual(siteInputSchema, { ...base, location: { lat: 50.63, lon: 3.06 }, lambert93: { x: 704_000, y: 7_059_000 } }),
  );
  assert.deepEqual(
    both.map((i) => i.code),
    ['conflicting_coordinates'],
  );
});

test('a custom perimeter must list its communes; an EPCI may leave them to the COG', () => {
  const custom = issuesOf(parseBilingual(territoryInputSchema, { code: 'PERIM-1', level: 'custom', name: 'Périmètre' }));
  assert.deepEqual(
    custom.map((i) => i.code),
    ['communes_required'],
  );
  assert.equal(parseBilingual(territoryInputSchema, { code: '200041960', level: 'epci', name: 'CC' }).ok, true);
});

test('a territory document of an unknown format version is refused at formatVersion', () => {
  const issues = issuesOf(
    parseBilingual(territoryDocumentSchema, {
      format: 'boucles-territory',
      formatVersion: 99,
      territory: { code: 'X', level: 'custom', name: 'X', communes: ['59350'] },
      actors: [],
      sites: [],
      flows: [],
    }),
  );
  assert.deepEqual(
    issues.map((i) => i.path),
    ['formatVersion'],
  );
});
