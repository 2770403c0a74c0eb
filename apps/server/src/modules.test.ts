import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { MIGRATIONS_DIR, PLATFORM_MIGRATIONS } from './platform/db/migrate.js';
import { MODULES } from './modules.js';

const MODULES_DIR = fileURLToPath(new URL('./modules/', import.meta.url));

test('every migration file is owned by exactly one module or by the platform', () => {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
  const owners = new Map<string, string[]>();
  for (const m of MODULES) for (const f of m.migrations) owners.set(f, [...(owners.get(f) ?? []), m.name]);
  for (const f of PLATFORM_MIGRATIONS) owners.set(f, [...(owners.get(f) ?? []), 'platform']);
  for (const f of files) assert.equal(owners.get(f)?.length, 1, `${f} is owned by ${owners.get(f)?.join(', ') ?? 'nobody'}`);
  for (const f of owners.keys()) assert.ok(files.includes(f), `${f} is declared but is not in migrations/`);
});

test('every module folder with routes is registered once in the module list', () => {
  const names = MODULES.map((m) => m.name);
  assert.equal(new Set(names).size, names.length, 'a module is listed twice');
  const folders = readdirSync(MODULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const name of names) assert.ok(folders.includes(name), `module ${name} has no folder src/modules/${name}`);
  // The demo module has no routes: it loads the demo territory through the other modules' services.
  assert.deepEqual(folders.filter((f) => !names.includes(f as (typeof names)[number])).sort(), ['demo']);
});
