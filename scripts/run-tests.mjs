#!/usr/bin/env node
// Runs every compiled test file (`*.test.js` under each workspace's dist/) with Node's test runner.
// Integration tests also run on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// [workspace, folder of its compiled tests]: the web app's end-to-end tests compile to dist-test/
// (its dist/ is the built app).
const roots = [
  ['packages/engine', 'dist'],
  ['packages/reference-data', 'dist'],
  ['apps/server', 'dist'],
  ['apps/cli', 'dist'],
  ['apps/web', 'dist-test'],
];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.js')) files.push(path);
  }
}
for (const [root, folder] of roots) {
  try {
    walk(join(root, folder));
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}
if (files.length === 0) {
  console.error('no test files found: did the build run?');
  process.exit(1);
}
console.log(
  `${files.length} test files; PostgreSQL: ${process.env.TEST_DATABASE_URL ? 'yes (TEST_DATABASE_URL)' : 'no (set TEST_DATABASE_URL to also test on PostgreSQL)'}`,
);
// Two files at a time (Node's default is one fewer than the cores: one, here): many tests wait on
// child processes, PostgreSQL or Chromium, so two overlap well on this 2-core machine (18.5 min
// of tests took 14 in one run side by side). BOUCLES_TEST_CONCURRENCY changes it.
const concurrency = Number(process.env.BOUCLES_TEST_CONCURRENCY ?? 2);
const args = ['--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...files.sort()];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
