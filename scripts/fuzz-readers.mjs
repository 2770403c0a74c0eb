#!/usr/bin/env node
// Runs the readers' fuzz campaign (apps/server/src/interchange/fuzz-campaign.test.ts) for longer
// than the test suite does: `node scripts/fuzz-readers.mjs [seconds=600] [seed]`. The time is
// shared between CSV, XLSX and JSON. Inputs that fail are saved in
// apps/server/src/interchange/fuzz-corpus/<format>/ (commit them: they are replayed first).
import { spawnSync } from 'node:child_process';

const seconds = Number(process.argv[2] ?? process.env.FUZZ_SECONDS ?? 600);
const seed = process.argv[3] ?? process.env.FUZZ_SEED ?? String(Date.now() % 1_000_000_007);
if (!(seconds > 0)) {
  console.error('usage: node scripts/fuzz-readers.mjs [seconds] [seed]');
  process.exit(2);
}
const build = spawnSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
if (build.status !== 0) console.error('the build reported errors; running with what was emitted');
console.log(`fuzzing the readers for ${seconds} s, seed ${seed}`);
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'apps/server/dist/interchange/fuzz-campaign.test.js'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SECONDS: String(seconds), FUZZ_SEED: seed },
});
process.exit(run.status ?? 1);
