// The engine does no I/O: this test reads the engine's own sources (tests may do I/O) and checks
// that every module they import is on the short list of pure dependencies.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
// highs: HiGHS compiled to WebAssembly, a pure computation library (linear programming for the
// allocation of contested supplies, docs/adr/0007). Its loader reads its own .wasm file in Node;
// the engine's code calls no I/O itself.
const ALLOWED = new Set(['zod', 'proj4', 'highs']);

test('the engine imports nothing but its own modules, zod, proj4 and highs', () => {
  const offenders: string[] = [];
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  assert.ok(files.length > 5, 'engine sources found');
  for (const file of files) {
    const text = readFileSync(`${SRC}/${file}`, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('./') || spec.startsWith('../')) continue;
      if (!ALLOWED.has(spec)) offenders.push(`${file}: ${spec}`);
    }
    if (/\bprocess\.|\bDate\.now\(|\bMath\.random\(|\bfetch\(/.test(text))
      offenders.push(`${file}: uses the process, the clock, randomness or the network`);
  }
  assert.deepEqual(offenders, []);
});
