#!/usr/bin/env node
// One benchmark case, run in its own process by run-benchmarks.mjs; prints one JSON line.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { actorInputSchema, checkFlowReferences, flowInputSchema, parseBilingual } from '@boucles/engine';
import { ReferenceCatalog } from '@boucles/reference-data';
import { createServices, migrate, openPglite, openPostgres, readDemoDocument } from '@boucles/server';
import pg from 'pg';

const [name, rawParams] = process.argv.slice(2);
const params = JSON.parse(rawParams ?? '{}');
const reference = new ReferenceCatalog();
const demo = readDemoDocument();
let extra = {};

async function validateFlows({ flows }) {
  // Warm the catalogue (file loading is not what is measured).
  reference.resource('material'); reference.wasteCode('010101'); reference.unit('t'); reference.period('year');
  void actorInputSchema;
  const source = demo.flows;
  const inputs = Array.from({ length: flows }, (_, i) => {
    const { siteExternalId: _s, ...f } = source[i % source.length];
    return { ...f, externalId: `F${i}`, siteId: '0d9c6a39-0d59-4c8e-9c1b-6c3cde7a1a11' };
  });
  const t0 = performance.now();
  let invalid = 0;
  for (const input of inputs) {
    const r = parseBilingual(flowInputSchema, input);
    if (!r.ok || checkFlowReferences(r.value, reference).length) invalid++;
  }
  const seconds = (performance.now() - t0) / 1000;
  extra = { invalid, flowsPerSecond: Math.round(flows / seconds) };
  return seconds;
}

async function loadDemo({ database }) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const db = database === 'pglite' ? await openPglite() : await openPostgres({ connectionString: url, schema, max: 2 });
  try {
    await migrate(db);
    const services = createServices(db, reference);
    services.territoryDocuments.check(demo); // warm the reference tables
    const t0 = performance.now();
    const report = await services.territoryDocuments.importNew(demo);
    const seconds = (performance.now() - t0) / 1000;
    extra = report.created;
    return seconds;
  } finally {
    await db.close();
    if (database === 'postgres') {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  }
}

const cases = { 'validate-flows': validateFlows, 'load-demo': loadDemo };
const run = cases[name];
if (!run) throw new Error(`unknown case ${name}`);
const seconds = await run(params);
const peakMemoryMB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ seconds, peakMemoryMB, extra }));
