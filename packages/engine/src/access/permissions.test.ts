// The table of roles and permissions: what the role definitions of docs/access.md promise holds
// whatever entries are added, and docs/access.md shows exactly the table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { permissionsMarkdown } from './docs.js';
import {
  atLeast,
  PERMISSION_DEFINITIONS,
  PERMISSIONS,
  platformAdministratorHolds,
  PRINCIPAL_DEFINITIONS,
  ROLE_DEFINITIONS,
  roleStanding,
  ROLES,
  STANDING_DEFINITIONS,
  STANDINGS,
  standingHolds,
  strongest,
  type Standing,
} from './permissions.js';

const held = (s: Standing) => PERMISSIONS.filter((p) => standingHolds(s, p));

test('the territory administrator holds everything the facilitator holds, and the facilitator everything a contributor holds', () => {
  for (const [strong, weak] of [
    ['manage', 'facilitate'],
    ['facilitate', 'contribute'],
  ] as const) {
    assert.deepEqual(
      held(weak).filter((p) => !standingHolds(strong, p)),
      [],
      `${strong} lacks what ${weak} holds`,
    );
  }
});

test('only administrators manage a territory, and only the platform administrator the platform', () => {
  assert.deepEqual(
    STANDINGS.filter((s) => standingHolds(s, 'territory:manage')),
    ['manage'],
  );
  assert.deepEqual(
    STANDINGS.filter((s) => standingHolds(s, 'platform:manage')),
    [],
  );
  assert.ok(platformAdministratorHolds('platform:manage'));
});

test('the platform administrator holds every permission', () => {
  assert.deepEqual(
    PERMISSIONS.filter((p) => !platformAdministratorHolds(p)),
    [],
  );
});

test('readers see no record and change nothing; API keys see public fields and aggregates only', () => {
  const changes = (p: string) => p.startsWith('territory:') || p.startsWith('platform:');
  assert.deepEqual(
    held('read').filter((p) => p.startsWith('records:') || changes(p)),
    [],
  );
  assert.ok(standingHolds('read', 'aggregates:read') && standingHolds('read', 'synergies:read'));
  const key = held(PRINCIPAL_DEFINITIONS.apiKey.standing);
  assert.deepEqual(
    key.filter((p) => p === 'records:all' || p === 'records:own' || p.startsWith('synergies:') || changes(p)),
    [],
  );
  assert.ok(key.includes('records:public') && key.includes('aggregates:read'));
});

test('a contributor edits its own actors’ records and sees their synergies, not every record nor the territory’s facilitation', () => {
  const mine = held('contribute');
  assert.ok(mine.includes('records:own') && mine.includes('synergies:read'));
  assert.deepEqual(
    mine.filter((p) => p === 'records:all' || p.startsWith('territory:') || p.startsWith('platform:')),
    [],
  );
});

test('each role gives a standing of the table; only the contributor speaks for one actor', () => {
  for (const r of ROLES) assert.ok(STANDING_DEFINITIONS[roleStanding(r)], r);
  assert.deepEqual(
    ROLES.filter((r) => ROLE_DEFINITIONS[r].forActor),
    ['contributor'],
  );
  const ranks = ROLES.map((r) => STANDING_DEFINITIONS[roleStanding(r)].rank);
  assert.deepEqual(
    ranks,
    [...ranks].sort((a, b) => b - a),
    'roles are listed strongest first',
  );
});

test('the strongest of several roles wins, and standings are ordered strongest first', () => {
  assert.deepEqual(STANDINGS, ['manage', 'facilitate', 'contribute', 'read', 'public']);
  assert.equal(strongest(['read', 'contribute']), 'contribute');
  assert.equal(strongest(['read', 'manage', 'facilitate']), 'manage');
  assert.equal(strongest([]), undefined);
  assert.ok(atLeast('facilitate', 'contribute'));
  assert.ok(!atLeast('read', 'contribute'));
  assert.ok(!atLeast(undefined, 'public'));
});

test('every role, principal and permission has its French and English label and description', () => {
  const texts = [
    ...Object.values(ROLE_DEFINITIONS),
    ...Object.values(PRINCIPAL_DEFINITIONS),
    ...Object.values(PERMISSION_DEFINITIONS),
    ...Object.values(STANDING_DEFINITIONS),
  ];
  for (const d of texts) {
    for (const t of [d.label, d.description]) {
      assert.ok(t.fr.trim().length > 2 && t.en.trim().length > 2, JSON.stringify(t));
    }
  }
});

test('docs/access.md shows the table as it is (node scripts/generate-docs.mjs)', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../../docs/access.md', import.meta.url)), 'utf8');
  const start = doc.indexOf('<!-- permissions:start -->');
  const end = doc.indexOf('<!-- permissions:end -->');
  assert.ok(start >= 0 && end > start, 'the markers are in docs/access.md');
  const shown = doc
    .slice(start, end)
    .split('\n')
    .filter((l) => !l.startsWith('<!--'))
    .join('\n');
  assert.equal(shown, permissionsMarkdown(), 'docs/access.md is out of date: run node scripts/generate-docs.mjs');
});
