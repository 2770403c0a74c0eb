/**
 * Measures how long each page of the demo territory takes to become interactive in headless
 * Chromium on this machine: from navigation start until its heading is shown and nothing is left
 * loading. Figures go to bench/results/web-pages.json; the test checks that every page got there,
 * not how fast (shared machines are noisy: times are reported, not asserted).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { after, before, test } from 'node:test';
import { start, type Harness } from './harness.js';

const RESULTS = new URL('../../../../bench/results/', import.meta.url);
const PAGES = ['', '/carte', '/acteurs', '/synergies', '/suivi', '/metabolisme', '/import'];

let h: Harness;
before(async () => {
  h = await start();
});
after(() => h.close());

test('every page of the demo territory becomes interactive, and the times are recorded', async () => {
  const results: { page: string; runs: number[]; medianMs: number }[] = [];
  for (const suffix of PAGES) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Signed in as the demo territories' facilitator (the harness's default).
      const page = await h.newPage();
      await page.goto(`${h.origin}/t/DEMO-VALBOUCLES${suffix}`);
      await page.locator('main h1').waitFor();
      // Interactive: nothing says it is still loading (live regions that report counts stay).
      await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Chargement'), undefined, {
        timeout: 60_000,
      });
      runs.push(await page.evaluate(() => Math.round(performance.now())));
      await page.context().close();
    }
    const sorted = [...runs].sort((a, b) => a - b);
    results.push({ page: `/t/DEMO-VALBOUCLES${suffix}`, runs, medianMs: sorted[1] as number });
  }
  mkdirSync(RESULTS, { recursive: true });
  const doc = {
    benchmark: 'web-pages',
    description:
      'Time from navigation start to interactive (heading shown, nothing loading) for each page of the demo territory, headless Chromium, 3 runs each, server on in-memory PGlite on the same machine',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    target: { maxMs: 2000 },
    pages: results,
  };
  writeFileSync(new URL('web-pages.json', RESULTS), `${JSON.stringify(doc, null, 2)}\n`);
  for (const r of results) console.log(`  ${r.page}: median ${r.medianMs} ms (${r.runs.join(', ')})`);
  assert.equal(results.length, PAGES.length);
  assert.ok(results.every((r) => r.runs.every((ms) => ms > 0)));
});
