import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseBilingual } from '../validation.js';
import { compatibilityRulesFileSchema } from './rules.js';

const shipped = JSON.parse(readFileSync(new URL('../../../reference-data/data/compatibility-rules.json', import.meta.url), 'utf8')) as {
  rules: { id: string }[];
};

test('the shipped compatibility rules follow the schema a --rules file must follow', () => {
  const r = parseBilingual(compatibilityRulesFileSchema, shipped);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues.slice(0, 3)));
});

test('a rules file with a duplicate rule or a rule without input is refused, naming the field', () => {
  const first = shipped.rules[0] as Record<string, unknown>;
  const r = parseBilingual(compatibilityRulesFileSchema, {
    version: 'x',
    rules: [first, first, { ...first, id: 'other', input: { resources: [] } }],
  });
  assert.equal(r.ok, false);
  const paths = r.ok ? [] : r.issues.map((i) => i.path);
  assert.ok(paths.includes('rules[1].id'), paths.join(' '));
  assert.ok(
    paths.some((p) => p.startsWith('rules[2].input.resources')),
    paths.join(' '),
  );
});
