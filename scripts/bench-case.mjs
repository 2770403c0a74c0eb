#!/usr/bin/env node
/* global fetch, setTimeout -- Node.js 20 globals */
// One benchmark case, run in its own process by run-benchmarks.mjs; prints one JSON line.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  actorInputSchema,
  allocate,
  buildAccounts,
  checkFlowReferences,
  distanceMetres,
  indicators as metabolismIndicators,
  sankey,
  syntheticMetabolismInput,
  findCandidateTable,
  findCandidateTableAllPairs,
  flowInputSchema,
  loadSolver,
  parseBilingual,
  seededRandom,
  syntheticRegion,
} from '@boucles/engine';
import { loadCompatibilityRules, loadMetabolismFamilies, ReferenceCatalog } from '@boucles/reference-data';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildApp,
  createServices,
  migrate,
  openPglite,
  openPostgres,
  readDemoDocument,
  readNeighbourDemoDocument,
  rowsOfFiles,
  SYSTEM,
  writeWorkbookFile,
} from '@boucles/server';
import pg from 'pg';

const [name, rawParams] = process.argv.slice(2);

/** Drops the schema a PostgreSQL case worked in. */
async function dropSchema(url, schema) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
const params = JSON.parse(rawParams ?? '{}');
const reference = new ReferenceCatalog();
const demo = readDemoDocument();
let extra = {};

async function validateFlows({ flows }) {
  // Warm the catalogue (file loading is not what is measured).
  reference.resource('material');
  reference.wasteCode('010101');
  reference.unit('t');
  reference.period('year');
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
    const report = await services.territoryDocuments.importNew(SYSTEM, demo);
    const seconds = (performance.now() - t0) / 1000;
    extra = report.created;
    return seconds;
  } finally {
    await db.close();
    if (database === 'postgres') await dropSchema(url, schema);
  }
}

/** A workbook of `flows` flow rows (and the actors and sites they hang from), imported all or nothing. */
/** Writes the workbook of `flows` flow rows that import-xlsx reads (run in its own process first, so its memory is not counted). */
async function writeBenchWorkbook({ flows, path }) {
  const communes = demo.territory.communes;
  const actors = Math.max(1, Math.round(flows / 100));
  const sites = actors * 2;
  const resources = [
    ['material.wood.clean', 't', '030105'],
    ['material.paper_cardboard', 't', '150101'],
    ['energy.heat.medium', 'MWh', null],
    ['material.plastics.pp', 't', '070213'],
    ['water.process', 'm3', null],
  ];
  function* actorRows() {
    for (let i = 0; i < actors; i++) yield [`A${i}`, null, `Entreprise ${i}`, '16.10A', 'entreprise', '11', 'non', null, null, null];
  }
  function* siteRows() {
    for (let i = 0; i < sites; i++)
      yield [`S${i}`, `A${i >> 1}`, `Site ${i}`, `${i} rue de la Paix`, communes[i % communes.length], null, null, null, null];
  }
  function* flowRows() {
    for (let i = 0; i < flows; i++) {
      const [code, unit, waste] = resources[i % resources.length];
      yield [
        `F${i}`,
        `S${i % sites}`,
        i % 2 ? 'sortant' : 'entrant',
        code,
        i % 2 ? waste : null,
        `Flux ${i}`,
        10 + (i % 500),
        unit,
        'an',
        '1-12',
        code.startsWith('energy') ? 70 : null,
        null,
        null,
        null,
        i % 2 ? 'recyclage' : null,
        null,
        i % 2 ? null : 'non',
        i % 2 ? null : 'oui',
        12.5,
        'par_unite',
        'cout',
        'territoire',
        'prive',
        null,
        null,
        null,
        null,
        null,
        null,
      ];
    }
  }
  const t0 = performance.now();
  await writeWorkbookFile(path, [
    { name: 'acteurs', rows: actorRows() },
    { name: 'sites', rows: siteRows() },
    { name: 'flux', rows: flowRows() },
  ]);
  extra = { fileMB: Math.round(statSync(path).size / 1e5) / 10 };
  return (performance.now() - t0) / 1000;
}

async function importXlsx({ flows, database, path }) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  // PGlite on disk, as `npm start` runs it (in memory, the whole database would sit in the process).
  const dataDir = mkdtempSync(join(tmpdir(), 'boucles-bench-pglite-'));
  const db = database === 'pglite' ? await openPglite({ dataDir }) : await openPostgres({ connectionString: url, schema, max: 2 });
  try {
    const communes = demo.territory.communes;
    await migrate(db);
    const services = createServices(db, reference);
    await services.territoryData.createTerritory(SYSTEM, { code: 'BENCH', level: 'custom', name: 'Bench', communes });
    const t0 = performance.now();
    const report = await services.territoryImports.import(SYSTEM, 'BENCH', rowsOfFiles([{ path }]), 'all-or-nothing');
    const seconds = (performance.now() - t0) / 1000;
    if (report.issueCount) throw new Error(`bench file has errors: ${JSON.stringify(report.issues.slice(0, 3))}`);
    extra = {
      fileMB: Math.round(statSync(path).size / 1e5) / 10,
      created: report.counts.flux.created,
      rowsPerSecond: Math.round(flows / seconds),
    };
    return seconds;
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (database === 'postgres') await dropSchema(url, schema);
  }
}

/** The candidate stage of synergy detection on a synthetic region, indexed or all pairs. */
/**
 * The straightforward way, as one would first write it: for every output flow, every rule it
 * matches and every input resource of the rule, measure every input flow, sort, keep k. The
 * benchmark runs it beside the engine's k-d tree search on the same region (same candidates).
 */
function naiveCandidates(sites, flows, rules, k) {
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const inputs = flows.filter((f) => f.direction === 'input');
  const matches = (rule, code) => code === rule || code.startsWith(`${rule}.`);
  let count = 0;
  for (const o of flows) {
    const so = siteById.get(o.siteId);
    if (o.direction !== 'output' || !so?.location) continue;
    for (const rule of rules) {
      if (
        !rule.output.resources.some((r) => matches(r, o.resourceCode)) &&
        !(o.wasteCode && (rule.output.wasteCodes ?? []).includes(o.wasteCode))
      )
        continue;
      for (const resource of rule.input.resources) {
        const found = [];
        for (const i of inputs) {
          if (i.siteId === o.siteId || !matches(resource, i.resourceCode)) continue;
          const si = siteById.get(i.siteId);
          if (!si?.location) continue;
          const km = distanceMetres(so.location, si.location) / 1000;
          if (km <= rule.maxDistanceKm) found.push({ id: i.id, km });
        }
        found.sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
        count += Math.min(k, found.length);
      }
    }
  }
  return count;
}

async function candidates({ sites, method }) {
  const region = syntheticRegion(sites, seededRandom(1));
  const rules = loadCompatibilityRules().rules;
  const t0 = performance.now();
  const count =
    method === 'naive'
      ? naiveCandidates(region.sites, region.flows, rules, 10)
      : (method === 'all-pairs' ? findCandidateTableAllPairs : findCandidateTable)(region.sites, region.flows, rules).count;
  const seconds = (performance.now() - t0) / 1000;
  extra = { flows: region.flows.length, rules: rules.length, candidates: count };
  return seconds;
}

/**
 * Allocation of contested supplies (LP with HiGHS) on a seeded random sparse problem: supplies and
 * demands clustered around towns of Zipf-distributed size on a 200 km square, each of one of
 * `resources` resources; each supply is paired with its `perSupply` nearest demands of the same
 * resource within 50 km, with a benefit per unit falling with distance (some ≤ 0) and, on one pair
 * in five, a capacity. Components are thus towns and groups of nearby towns, per resource.
 * `resources: 1, towns: 1` gives one large component (a stress case). Solver loading is not timed.
 */
async function allocation({ supplies, demands, perSupply, resources = 12, towns = 60 }) {
  const random = seededRandom(7);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: towns }, (_, i) => ({
    x: random() * 200,
    y: random() * 200,
    weight: 1 / (i + 1),
    spreadKm: 1 + 6 * random(),
  }));
  const totalWeight = centres.reduce((sum, c) => sum + c.weight, 0);
  const resourceWeights = Array.from({ length: resources }, (_, r) => 1 / (r + 1));
  const totalResourceWeight = resourceWeights.reduce((a, b) => a + b, 0);
  const pick = (weights, total) => {
    let u = random() * total;
    for (let k = 0; k < weights.length; k++) if ((u -= weights[k]) < 0) return k;
    return weights.length - 1;
  };
  const townWeights = centres.map((c) => c.weight);
  const place = (prefix, k) => {
    const c = centres[pick(townWeights, totalWeight)];
    return {
      id: `${prefix}${k}`,
      quantity: Math.round(1 + 999 * random() ** 3),
      x: c.x + c.spreadKm * gaussian(),
      y: c.y + c.spreadKm * gaussian(),
      resource: pick(resourceWeights, totalResourceWeight),
    };
  };
  const supplyFlows = Array.from({ length: supplies }, (_, k) => place('S', k));
  const demandFlows = Array.from({ length: demands }, (_, k) => place('D', k));
  const demandsByResource = Array.from({ length: resources }, () => []);
  for (const d of demandFlows) demandsByResource[d.resource].push(d);
  const baseBenefit = Array.from({ length: resources }, () => 0.5 + 2 * random());
  const pairs = [];
  for (const s of supplyFlows) {
    const near = demandsByResource[s.resource]
      .map((d) => ({ d, km: Math.hypot(d.x - s.x, d.y - s.y) }))
      .filter((c) => c.km <= 50)
      .sort((a, b) => a.km - b.km || (a.d.id < b.d.id ? -1 : 1))
      .slice(0, perSupply);
    for (const { d, km } of near) {
      const pair = {
        id: `${s.id}-${d.id}`,
        supplyId: s.id,
        demandId: d.id,
        benefitPerUnit: Math.round((baseBenefit[s.resource] * (0.8 + 0.4 * random()) - 0.03 * km) * 1000) / 1000,
      };
      if (random() < 0.2) pair.maxQuantity = Math.round(1 + 300 * random());
      pairs.push(pair);
    }
  }
  const problem = {
    supplies: supplyFlows.map(({ id, quantity }) => ({ id, quantity })),
    demands: demandFlows.map(({ id, quantity }) => ({ id, quantity })),
    pairs,
  };
  const solver = await loadSolver();
  const t0 = performance.now();
  const result = allocate(solver, problem);
  const seconds = (performance.now() - t0) / 1000;
  extra = {
    pairs: pairs.length,
    components: result.components.total,
    componentsSolvedByLp: result.components.solvedByLp,
    largestComponentPairs: result.components.largestPairs,
    objective: Math.round(result.objective),
    status: result.status,
    wasmMemoryMB: Math.round(solver.memoryBytes / 2 ** 20),
  };
  return seconds;
}

/**
 * Territorial metabolism on a synthetic territory of `sites` establishments (~5 flows each, yearly
 * quantities in t, MWh, m3 or units, fates with local flags and partners, origins, 9 aggregates):
 * flow accounts of the three layers, every indicator, and the Sankey graph of the material layer.
 * Generating the territory is not timed. The engine's default family mapping is used.
 */
async function metabolism({ sites }) {
  const input = syntheticMetabolismInput(sites, seededRandom(3));
  const t0 = performance.now();
  const families = loadMetabolismFamilies();
  const accounts = buildAccounts(input, families);
  const list = metabolismIndicators(accounts);
  const graph = sankey(accounts, 'material');
  const seconds = (performance.now() - t0) / 1000;
  const closure = list.find((i) => i.id === 'local_loop_closure' && i.layer === 'material' && !i.family);
  extra = {
    flows: input.flows.length,
    aggregates: input.aggregates.length,
    notCounted: accounts.notCounted.length,
    indicators: list.length,
    sankeyNodes: graph.nodes.length,
    sankeyLinks: graph.links.length,
    materialLocalLoopClosurePct: closure?.value == null ? null : Math.round(closure.value * 100) / 100,
  };
  return seconds;
}

/**
 * What access control costs a request: the same API read (GET …/actors?limit=50, then the
 * metabolism) as a facilitator with a session cookie, as a read-only API key, and the metabolism
 * as a reader (statistical disclosure control applied) — and one sign-in (Argon2id verification).
 * `who` picks the principal; every case runs `requests` requests on the demo territory.
 */
async function apiAccess({ who, requests, path }) {
  const db = await openPglite();
  await migrate(db);
  const { app, services } = await buildApp({ db, reference });
  await services.territoryDocuments.importNew(SYSTEM, demo);
  await services.territoryDocuments.importNew(SYSTEM, readNeighbourDemoDocument());
  const password = 'mot de passe de banc d’essai';
  const role = who === 'reader' ? 'reader' : 'facilitator';
  const user = await services.accounts.createUser(SYSTEM, {
    email: `${who}@example.org`,
    displayName: who,
    password,
    roles: [{ territoryCode: 'DEMO-VALBOUCLES', role }],
  });
  let headers = {};
  if (who === 'apiKey')
    headers = { authorization: `Bearer ${(await services.accounts.createApiKey(SYSTEM, 'DEMO-VALBOUCLES', 'banc')).key}` };
  else {
    const session = await services.accounts.startSession(user.id);
    headers = { cookie: `boucles_session=${session.token}` };
  }
  const url = `/api/territories/DEMO-VALBOUCLES/${path}`;
  if (who === 'login') {
    const t0 = performance.now();
    for (let i = 0; i < requests; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
      if (r.statusCode !== 200) throw new Error(`login ${r.statusCode}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    extra = { perRequestMs: Math.round((seconds / requests) * 1000 * 10) / 10 };
    await app.close();
    await db.close();
    return seconds;
  }
  const warm = await app.inject({ method: 'GET', url, headers });
  if (warm.statusCode !== 200) throw new Error(`${url}: ${warm.statusCode} ${warm.body.slice(0, 200)}`);
  const t0 = performance.now();
  for (let i = 0; i < requests; i++) await app.inject({ method: 'GET', url, headers });
  const seconds = (performance.now() - t0) / 1000;
  extra = { perRequestMs: Math.round((seconds / requests) * 1000 * 10) / 10, bytes: warm.body.length };
  await app.close();
  await db.close();
  return seconds;
}

/**
 * Issue 12: 200 connections hammer /api/health for `seconds` while a facilitator imports a CSV of
 * `rows` actors through the API into the demo territory, on a real server process (PGlite in a
 * fresh data folder, or PostgreSQL). Imports follow one another (new rows each time) until the
 * load ends, so that an import runs during the whole window. Reports errors, timeouts, non-2xx
 * answers, exact latency percentiles of /api/health, and each import's duration and outcome.
 */
async function loadDuringImport({ database, rows = 100_000, seconds = 60, connections = 200 }) {
  const { spawn } = await import('node:child_process');
  const { writeFileSync, createReadStream } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const autocannon = (await import('autocannon')).default;
  const dataDir = mkdtempSync(join(tmpdir(), 'boucles-load-'));
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const password = 'mot de passe du banc de charge';
  // BENCH_SERVER_MAIN: another build's server (e.g. an older commit's, to compare side by side).
  const main = process.env.BENCH_SERVER_MAIN ?? fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));
  const server = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BOUCLES_LOG: '0',
      BOUCLES_DATA_DIR: dataDir,
      BOUCLES_DEMO: '1',
      BOUCLES_DEMO_PASSWORD: password,
      DATABASE_URL: database === 'postgres' ? url : '',
      DATABASE_SCHEMA: database === 'postgres' ? schema : '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (c) => {
      out += c.toString();
      const m = /écoute sur (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'animatrice@demo.example.org', password }),
    });
    if (login.status !== 200) throw new Error(`login ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = await login.json();
    let batch = 0;
    const writeCsv = () => {
      const path = join(dataDir, `acteurs-${batch}.csv`);
      const lines = ['id_acteur;raison_sociale;type;code_naf'];
      for (let i = 0; i < rows; i++) lines.push(`L${batch}-${i};Établissement ${batch}-${i};entreprise;16.10A`);
      writeFileSync(path, `${lines.join('\r\n')}\r\n`);
      batch++;
      return path;
    };
    const imports = [];
    let stop = false;
    const importLoop = (async () => {
      let path = writeCsv();
      while (!stop) {
        const t0 = performance.now();
        const r = await fetch(`${base}/api/territories/DEMO-VALBOUCLES/imports?mode=all-or-nothing&sheet=acteurs`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', cookie, 'x-csrf-token': csrfToken, origin: base },
          body: createReadStream(path),
          duplex: 'half',
        });
        const body = await r.json();
        imports.push({
          status: r.status,
          written: body.written ?? false,
          created: body.counts?.acteurs?.created ?? null,
          seconds: Math.round((performance.now() - t0) / 100) / 10,
        });
        if (!stop) path = writeCsv();
      }
    })();
    // Let the first import start reading before the load begins.
    await new Promise((r) => setTimeout(r, 500));
    const times = [];
    let busy = 0;
    const instance = autocannon({
      url: `${base}/api/health`,
      connections,
      duration: seconds,
      timeout: 10,
      setupClient: (client) =>
        client.on('body', (body) => {
          if (body.includes('"busy":true')) busy++;
        }),
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
    // Beside the load: a facilitator's read that needs the database, every 250 ms, to show how
    // long a request waits for the database while an import holds it.
    const reads = [];
    let reading = true;
    const readLoop = (async () => {
      while (reading) {
        const t0 = performance.now();
        const r = await fetch(`${base}/api/territories/DEMO-VALBOUCLES/actors?limit=1`, { headers: { cookie } });
        await r.arrayBuffer();
        reads.push({ ok: r.status === 200, ms: performance.now() - t0 });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const result = await instance;
    reading = false;
    await readLoop;
    stop = true;
    const loadEnded = performance.now();
    await importLoop;
    times.sort((a, b) => a - b);
    const pct = (p) => Math.round((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN) * 10) / 10;
    extra = {
      database,
      connections,
      seconds,
      rowsPerImport: rows,
      requests: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: Math.round((times.at(-1) ?? NaN) * 10) / 10 },
      healthSaidBusy: busy,
      databaseReads: (() => {
        const ms = reads.map((r) => r.ms).sort((a, b) => a - b);
        const at = (p) => Math.round(ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? NaN);
        return {
          count: reads.length,
          failed: reads.filter((r) => !r.ok).length,
          p50Ms: at(50),
          p95Ms: at(95),
          maxMs: Math.round(ms.at(-1) ?? NaN),
        };
      })(),
      imports,
      lastImportEndedAfterLoadS: Math.round((performance.now() - loadEnded) / 100) / 10,
    };
    return seconds;
  } finally {
    await new Promise((resolve) => {
      server.removeAllListeners('exit');
      server.once('exit', resolve);
      server.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
    if (database === 'postgres') await dropSchema(url, schema);
  }
}

const cases = {
  'load-during-import': loadDuringImport,
  'api-access': apiAccess,
  candidates,
  allocation,
  metabolism,
  'validate-flows': validateFlows,
  'load-demo': loadDemo,
  'write-bench-workbook': writeBenchWorkbook,
  'import-xlsx': importXlsx,
};
const run = cases[name];
if (!run) throw new Error(`unknown case ${name}`);
const seconds = await run(params);
const peakMemoryMB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ seconds, peakMemoryMB, extra }));
