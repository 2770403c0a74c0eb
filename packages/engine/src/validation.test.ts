import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as z from 'zod';
import { actorInputSchema, aggregateInputSchema, flowInputSchema, needInputSchema, siteInputSchema } from './records/index.js';
import { territoryDocumentSchema, territoryInputSchema } from './schemas.js';
import { compatibilityRuleSchema } from './synergy/rules.js';
import { parseBilingual, type ValidationIssue } from './validation.js';

/** A regular expression shown as such: /^\d{14}$/, \d, [0-9], (?:…). */
const REGEX = /\/\^|\$\/|\\d|\\w|\[0-9|\[a-z|\(\?:|\{\d+,\d*\}/;
/** Zod's wording, English or its French locale's. */
const ZOD_ENGLISH = /\b(?:Invalid|Expected|expected string|received|Too (?:big|small)|must match|Unrecognized key|Required)\b/;
const ZOD_FRENCH = /Entrée invalide|Chaîne de caractères invalide|motif|Trop (?:grand|petit)|Option invalide|Clé(?:s)? non reconnue/;

const SITE = '0d9c6a39-0d59-4c8e-9c1b-6c3cde7a1a11';

/** Bad inputs touching every kind of check the schemas make. */
const BAD: [string, z.ZodType, unknown][] = [
  [
    'actor',
    actorInputSchema,
    {
      name: '',
      kind: 'entreprise',
      siret: '123 456',
      nafCode: '1071C',
      headcountBand: 'douze',
      ess: 'oui',
      contact: { email: 'pas-une-adresse', phone: 'appeler le standard' },
      extra: 1,
    },
  ],
  ['site', siteInputSchema, { actorId: 'pas-un-uuid', name: 'x'.repeat(301), communeCode: '5935', location: { lat: 'nord', lon: 200 } }],
  [
    'flow',
    flowInputSchema,
    {
      siteId: SITE,
      direction: 'sortie',
      resourceCode: 'Bois Propre',
      wasteCode: '20 01 01*',
      label: '',
      quantity: { value: -3, unit: '', period: 'decade' },
      monthsAvailable: [0, 13, 2.5],
      quality: { temperatureC: 'chaud', moisturePct: 140, purityGrade: 'top' },
      currentFate: { mode: 'burn', operationCode: 'R99' },
      confidentiality: { label: 'secret', colour: 'public' },
    },
  ],
  ['need', needInputSchema, { actorId: SITE, category: 'autre', description: 42, resourceCode: 'A.B' }],
  ['territory', territoryInputSchema, { code: '!!', level: 'pays', name: 'T', communes: ['1', '2A0044'] }],
  [
    'aggregate',
    aggregateInputSchema,
    {
      label: 'x',
      kind: 'output',
      family: 'nope',
      quantity: { value: 'beaucoup', unit: 't', period: 'year' },
      year: 1800,
      source: { title: '', url: 'pas une url' },
      estimate: 'non',
    },
  ],
  ['document', territoryDocumentSchema, { territory: { code: 'T' }, actors: 'aucun' }],
  ['rule', compatibilityRuleSchema, { id: 'Règle N°1' }],
];

function issuesOf(schema: z.ZodType, input: unknown): ValidationIssue[] {
  const r = parseBilingual(schema, input);
  assert.equal(r.ok, false);
  return r.ok ? [] : r.issues;
}

test('no French message given for bad inputs holds a regular expression or Zod’s wording, English or French', () => {
  let count = 0;
  for (const [what, schema, input] of BAD) {
    for (const i of issuesOf(schema, input)) {
      count++;
      const where = `${what} ${i.path} (${i.code}): « ${i.message.fr} »`;
      assert.doesNotMatch(i.message.fr, REGEX, where);
      assert.doesNotMatch(i.message.fr, ZOD_ENGLISH, where);
      assert.doesNotMatch(i.message.fr, ZOD_FRENCH, where);
      assert.doesNotMatch(i.message.en, REGEX, `${what} ${i.path}: "${i.message.en}"`);
      assert.notEqual(i.message.fr, i.message.en, `${where}: the French message is not the English one`);
    }
  }
  assert.ok(count > 30, `${count} issues checked`);
});

test('a malformed SIRET says in user terms that 14 digits are expected, in French and in English', () => {
  const [siret] = issuesOf(actorInputSchema, { name: 'Verrerie', kind: 'company', siret: '123' }).filter((i) => i.path === 'siret');
  assert.equal(siret?.message.fr, 'SIRET : 14 chiffres attendus, sans espace');
  assert.equal(siret?.message.en, 'SIRET: 14 digits expected, without spaces');
});

test('a waste code, a commune code and a NAF code that do not fit their pattern say what is expected, with an example', () => {
  const flow = issuesOf(flowInputSchema, {
    siteId: SITE,
    direction: 'output',
    resourceCode: 'material.wood',
    wasteCode: '20 01 01',
    label: 'Bois',
  });
  assert.match(flow.find((i) => i.path === 'wasteCode')?.message.fr ?? '', /^code déchet : 6 chiffres attendus.*200101/);
  const site = issuesOf(siteInputSchema, { actorId: SITE, name: 'Site', communeCode: '5935' });
  assert.match(site.find((i) => i.path === 'communeCode')?.message.fr ?? '', /^code commune INSEE : 5 chiffres attendus/);
  const actor = issuesOf(actorInputSchema, { name: 'A', kind: 'company', nafCode: '1071C' });
  assert.match(actor.find((i) => i.path === 'nafCode')?.message.fr ?? '', /^code NAF : .*10\.71C/);
});

test('types, bounds, choices and unknown fields are said in French words', () => {
  const issues = issuesOf(flowInputSchema, {
    siteId: SITE,
    direction: 'sortie',
    resourceCode: 'material.wood',
    label: '',
    quantity: { value: -3, unit: 't', period: 'year' },
    quality: { temperatureC: 'chaud' },
    colour: 'bleu',
  });
  const fr = (path: string) => issues.find((i) => i.path === path)?.message.fr;
  assert.equal(fr('direction'), 'valeur attendue parmi : output, input');
  assert.equal(fr('label'), 'ne doit pas être vide');
  assert.equal(fr('quantity.value'), 'doit être supérieur à 0');
  assert.equal(fr('quality.temperatureC'), 'un nombre attendu, reçu un texte');
  assert.equal(fr(''), 'champ inconnu : colour');
  const missing = issuesOf(siteInputSchema, { name: 'Site', communeCode: '59350' });
  assert.deepEqual(
    missing.map((i) => [i.path, i.code, i.message.fr, i.message.en]),
    [['actorId', 'required', 'champ obligatoire', 'required field']],
  );
});
