#!/usr/bin/env node
// `npm run bench`: runs each benchmark case in a child process of its own (so that its peak memory
// is its own) and writes one JSON file per benchmark to bench/results/<name>.json.
// Figures are timings on a shared machine: compare ratios measured in the same run, not absolutes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const CASE = fileURLToPath(new URL('./bench-case.mjs', import.meta.url));
const OUT = fileURLToPath(new URL('../bench/results/', import.meta.url));
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** BENCH_ONLY=load-during-import,metabolism runs those benchmarks only. */
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((x) => x.trim()) : null;
const wanted = (name) => ONLY === null || ONLY.includes(name);

function machine() {
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    commit,
  };
}

function runCase(name, params, repeat = REPEAT) {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const r = spawnSync(process.execPath, [CASE, name, JSON.stringify(params)], { encoding: 'utf8', env: process.env });
    if (r.status !== 0) throw new Error(`case ${name} failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const seconds = runs.map((x) => x.seconds).sort((a, b) => a - b);
  return {
    name,
    params,
    runs: repeat,
    seconds: { min: seconds[0], median: seconds[Math.floor(seconds.length / 2)], max: seconds[seconds.length - 1] },
    peakMemoryMB: Math.max(...runs.map((x) => x.peakMemoryMB)),
    extra: runs[0].extra ?? {},
  };
}

function write(name, description, cases) {
  mkdirSync(OUT, { recursive: true });
  const doc = { benchmark: name, description, date: new Date().toISOString(), machine: machine(), cases };
  writeFileSync(`${OUT}/${name}.json`, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`bench/results/${name}.json`);
  for (const c of cases) {
    console.log(
      `  ${c.name} ${JSON.stringify(c.params)}: median ${c.seconds.median.toFixed(3)} s, peak ${c.peakMemoryMB} MB${c.ratio ? `, ratio ${c.ratio.toFixed(2)} (${c.ratioOf})` : ''}`,
    );
  }
}

// 1. Validation of flows: schema + reference checks, the work every import and API call does.
if (wanted('validate-flows')) {
  const cases = [1_000, 10_000, 100_000].map((n) => runCase('validate-flows', { flows: n }));
  const base = cases[0];
  for (const c of cases) {
    c.ratio = c.seconds.median / base.seconds.median;
    c.ratioOf = `time relative to ${base.params.flows} flows`;
  }
  write('validate-flows', 'Structural and reference validation of flow inputs (engine + reference catalogue), in memory', cases);
}

// 2. Loading the demo territory (106 actors, 114 sites, 379 flows, 106 needs) in one transaction.
if (wanted('load-demo')) {
  const cases = [runCase('load-demo', { database: 'pglite' })];
  if (process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL) {
    const pg = runCase('load-demo', { database: 'postgres' });
    pg.ratio = pg.seconds.median / cases[0].seconds.median;
    pg.ratioOf = 'PostgreSQL time / PGlite time, same run';
    cases.push(pg);
  }
  write('load-demo', 'Check and load the demo territory document into an empty database, all or nothing', cases);
}

// 3. Importing an XLSX of 100,000 flow rows (1,000 actors, 2,000 sites), all or nothing.
//    Target (issue 3): under 60 s and under 1 GB of memory. The workbook is written first, in a process of its own.
if (wanted('import-xlsx')) {
  const flows = Number(process.env.BENCH_IMPORT_FLOWS ?? 100_000);
  const dir = mkdtempSync(join(os.tmpdir(), 'boucles-bench-'));
  const path = join(dir, 'flux.xlsx');
  try {
    const written = runCase('write-bench-workbook', { flows, path });
    const cases = [runCase('import-xlsx', { flows, database: 'pglite', path })];
    if (process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL) {
      const pgCase = runCase('import-xlsx', { flows, database: 'postgres', path });
      pgCase.ratio = pgCase.seconds.median / cases[0].seconds.median;
      pgCase.ratioOf = 'PostgreSQL time / PGlite time, same run';
      cases.push(pgCase);
    }
    for (const c of cases) delete c.params.path; // a temporary file, not a parameter worth keeping
    for (const c of cases) c.targets = { maxSeconds: 60, maxPeakMemoryMB: 1024, met: c.seconds.max < 60 && c.peakMemoryMB < 1024 };
    write(
      'import-xlsx',
      `Import of an XLSX workbook of ${flows} flow rows into an empty territory, all or nothing (file ${written.extra.fileMB} MB)`,
      cases,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 3b. Access control: the same reads as a facilitator (session cookie) and as an API key (public
//     fields), the metabolism as a facilitator and as a reader (disclosure control), and sign-in
//     (Argon2id). Ratios are taken side by side in this run.
if (wanted('api-access')) {
  const requests = 200;
  const session = runCase('api-access', { who: 'facilitator', requests, path: 'actors?limit=50' });
  const key = runCase('api-access', { who: 'apiKey', requests, path: 'actors?limit=50' });
  key.ratio = key.seconds.median / session.seconds.median;
  key.ratioOf = 'API key time / session time, same run';
  const full = runCase('api-access', { who: 'facilitator', requests: 20, path: 'metabolism' });
  const reader = runCase('api-access', { who: 'reader', requests: 20, path: 'metabolism' });
  reader.ratio = reader.seconds.median / full.seconds.median;
  reader.ratioOf = 'reader (disclosure control) time / facilitator time, same run';
  const login = runCase('api-access', { who: 'login', requests: 20, path: '' });
  write(
    'api-access',
    'Access control on the demo territory: 200 reads of 50 actors with a session or an API key, 20 metabolism reads as facilitator or reader (disclosure control), 20 sign-ins (Argon2id, 19 MiB, t=2)',
    [session, key, full, reader, login],
  );
}

// 4. Synergy detection, candidate stage: indexed search (k-d trees) on synthetic regions of 10k,
//    100k and 1M sites (~5 flows each), and the 10k case against all pairs in the same run.
//    Targets (issue 4): 100k sites in 5 s or less; 1M in 60 s or less and 8 GB or less; cost close
//    to linear in the number of sites (reported: seconds per 1,000 sites, relative to 10k).
if (wanted('candidates')) {
  const sizes = (process.env.BENCH_CANDIDATE_SITES ?? '10000,100000,1000000').split(',').map(Number);
  const cases = [];
  let perSiteBase = null;
  for (const sites of sizes) {
    const indexed = runCase('candidates', { sites, method: 'indexed' }, sites >= 1_000_000 ? 1 : REPEAT);
    const perSite = indexed.seconds.median / sites;
    perSiteBase ??= perSite;
    indexed.secondsPerThousandSites = perSite * 1000;
    indexed.linearity = { ratio: perSite / perSiteBase, of: `seconds per site relative to ${sizes[0]} sites (1 = linear)` };
    if (sites === 100_000) indexed.targets = { maxSeconds: 5, met: indexed.seconds.median <= 5 };
    if (sites === 1_000_000)
      indexed.targets = { maxSeconds: 60, maxPeakMemoryMB: 8192, met: indexed.seconds.median <= 60 && indexed.peakMemoryMB <= 8192 };
    cases.push(indexed);
    if (sites <= 10_000) {
      // Two references: the engine's all-pairs scan (same sharing of searches per site, no index),
      // and the straightforward loop over every output flow, rule and input flow.
      for (const method of ['all-pairs', 'naive']) {
        const other = runCase('candidates', { sites, method }, 1);
        other.ratio = other.seconds.median / indexed.seconds.median;
        other.ratioOf = `${method} time / indexed time, same run`;
        other.sameCandidates = other.extra.candidates === indexed.extra.candidates;
        cases.push(other);
      }
    }
  }
  write(
    'candidates',
    'Candidate stage of substitution synergies (k = 10 nearest inputs per output flow and input resource) on synthetic regions (establishments clustered in Zipf-sized towns, ~5 flows each by activity), the 59 built-in compatibility rules; result as typed columns',
    cases,
  );
}

// 5. Allocation of contested supplies (LP with HiGHS, per connected component) on a seeded random
//    sparse problem: 10,000 supplies × 10,000 demands, 5 nearby candidate demands per supply.
//    Target: under 10 s (solver loading excluded). One run.
if (wanted('allocation')) {
  const c = runCase('allocation', { supplies: 10_000, demands: 10_000, perSupply: 5 }, 1);
  c.targets = { maxSeconds: 10, met: c.seconds.max < 10 };
  write(
    'allocation',
    'Allocation of contested supplies by linear programming (HiGHS in WebAssembly), one LP per connected component, on a seeded random problem of flows clustered around towns, 12 resources',
    [c],
  );
}

// 6. Territorial metabolism: flow accounts of three layers, every indicator and the material
//    layer's Sankey graph for a synthetic territory of 100,000 establishments (~500,000 flows).
//    Target: under 2 s (generating the territory excluded). One run.
if (wanted('metabolism')) {
  const c = runCase('metabolism', { sites: 100_000 }, 1);
  c.targets = { maxSeconds: 2, met: c.seconds.max < 2 };
  write(
    'metabolism',
    'Territorial metabolism (buildAccounts + indicators + sankey of the material layer) on a synthetic territory of establishments in Zipf-sized towns, ~5 flows each with yearly quantities, fates and origins, plus 9 aggregates',
    [c],
  );
}

// 7. Issue 12: 200 connections on /api/health for 60 s while 100,000-row imports run through the
//    API, on PGlite and (when configured) PostgreSQL, each server a real process of its own.
//    Targets: 0 errors on each database; p95 of /api/health under 200 ms on PGlite. One run each.
if (wanted('load-during-import')) {
  const rows = Number(process.env.BENCH_LOAD_ROWS ?? 100_000);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const cases = [runCase('load-during-import', { database: 'pglite', rows, seconds, connections: 200 }, 1)];
  if (process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL)
    cases.push(runCase('load-during-import', { database: 'postgres', rows, seconds, connections: 200 }, 1));
  for (const c of cases) {
    const e = c.extra;
    const failedImports = e.imports.filter((i) => i.status !== 200 || !i.written).length;
    c.targets = {
      errors: 0,
      ...(c.params.database === 'pglite' ? { maxP95Ms: 200 } : {}),
      met: e.errors === 0 && e.non2xx === 0 && failedImports === 0 && (c.params.database !== 'pglite' || e.latencyMs.p95 < 200),
    };
  }
  if (cases[1]) {
    cases[1].ratio = cases[1].extra.latencyMs.p95 / cases[0].extra.latencyMs.p95;
    cases[1].ratioOf = 'PostgreSQL p95 of /api/health / PGlite p95, same run';
  }
  write(
    'load-during-import',
    `/api/health under ${200} connections for ${seconds} s while imports of ${rows} actor rows run one after another through the API (CSV, all or nothing); latency percentiles exact from every response`,
    cases,
  );
}
