import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { migrationDirs, readMigrations } from './platform/db/migrate.js';
import { MODULES } from './modules.js';

const MODULES_DIR = fileURLToPath(new URL('./modules/', import.meta.url));

test('migrations are read from the platform and each module folder, numbered once across all of them', () => {
  const dirs = migrationDirs();
  assert.ok(dirs.some((d) => d.endsWith(join('platform', 'db', 'migrations'))));
  assert.ok(dirs.some((d) => d.endsWith(join('modules', 'territories', 'migrations'))));
  const versions = readMigrations().map((m) => m.version);
  assert.deepEqual(versions, [...versions].sort(), 'applied in the order of their numbers');
  assert.equal(new Set(versions.map((v) => v.slice(0, 4))).size, versions.length, 'each number once');
  assert.deepEqual(versions.slice(0, 7), [
    '0001_territory_model',
    '0002_import_runs',
    '0003_synergy_analyses',
    '0004_metabolism',
    '0005_accounts',
    '0006_import_staging',
    '0007_relationships',
  ]);
});

test('two migrations of the same number in different folders are refused, naming both files', () => {
  const root = mkdtempSync(join(tmpdir(), 'boucles-migrations-'));
  try {
    for (const m of ['a', 'b']) {
      mkdirSync(join(root, m));
      writeFileSync(join(root, m, `0042_from_${m}.sql`), 'SELECT 1;');
    }
    assert.throws(
      () => readMigrations([join(root, 'a'), join(root, 'b')]),
      /two migrations have the number 0042: .*0042_from_a\.sql and .*0042_from_b\.sql/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('every module folder with routes is registered once in the module list', () => {
  const names = MODULES.map((m) => m.name);
  assert.equal(new Set(names).size, names.length, 'a module is listed twice');
  const folders = readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const name of names) assert.ok(folders.includes(name), `module ${name} has no folder src/modules/${name}`);
  // The demo module has no routes: it loads the demo territory through the other modules' services.
  assert.deepEqual(folders.filter((f) => !names.includes(f as (typeof names)[number])).sort(), ['demo']);
});
