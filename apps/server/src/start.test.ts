// A first start killed anywhere (as `kill -9` or a power cut would) is completed by the next one:
// the server runs as a real child process, killed on the spot at a named point of its start
// (BOUCLES_FAULT_AT, faults.ts), then started again; the database must then hold the whole demo —
// both territories, every demo account — once, on PGlite and on PostgreSQL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dropTestSchema } from './testing/databases.js';
import { openPglite, openPostgres, type Database } from './platform/db/database.js';
import { DEMO_ACCOUNTS, readDemoDocument, readNeighbourDemoDocument } from './modules/demo/demo.js';
import type { FaultPoint } from './platform/faults.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'boucles-start-'));
after(() => rmSync(root, { recursive: true, force: true }));

interface Target {
  name: 'pglite' | 'postgres';
  env: NodeJS.ProcessEnv;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

function pgliteTarget(): Target {
  const dataDir = mkdtempSync(join(root, 'd-'));
  return {
    name: 'pglite',
    env: { BOUCLES_DATA_DIR: dataDir, DATABASE_URL: '' },
    open: () => openPglite({ dataDir: join(dataDir, 'pglite') }),
    dispose: async () => undefined,
  };
}

function postgresTarget(url: string): Target {
  const schema = `test_start_${randomBytes(5).toString('hex')}`;
  return {
    name: 'postgres',
    env: { BOUCLES_DATA_DIR: mkdtempSync(join(root, 'd-')), DATABASE_URL: url, DATABASE_SCHEMA: schema },
    open: () => openPostgres({ connectionString: url, schema, max: 2 }),
    dispose: () => dropTestSchema(url, schema),
  };
}

/** Starts the server; resolves when it listens (then stops it with SIGTERM) or when it dies. */
function start(target: Target, fault?: FaultPoint): Promise<{ listened: boolean; signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      ...target.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BOUCLES_LOG: '0',
      BOUCLES_DEMO: '1',
      BOUCLES_DEMO_PASSWORD: 'mot de passe de démonstration',
      BOUCLES_FAULT_AT: fault ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let listened = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no outcome after 120 s: ${out}`));
    }, 120_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (!listened && /écoute sur http/.test(out)) {
        listened = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ listened, signal, out });
    });
  });
}

async function assertWholeDemo(db: Database): Promise<void> {
  const docs = [readDemoDocument(), readNeighbourDemoDocument()] as { territory: { code: string }; actors: unknown[]; flows: unknown[] }[];
  const territories = await db.query<{ code: string; actors: number; flows: number }>(
    `SELECT t.code, (SELECT count(*)::int FROM actor a WHERE a.territory_id = t.id) AS actors, (SELECT count(*)::int FROM flow f WHERE f.territory_id = t.id) AS flows FROM territory t ORDER BY t.code`,
  );
  assert.deepEqual(
    territories,
    docs
      .map((d) => ({ code: d.territory.code, actors: d.actors.length, flows: d.flows.length }))
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
  );
  const emails = (await db.query<{ email: string }>('SELECT email FROM app_user ORDER BY email')).map((r) => r.email);
  assert.deepEqual(emails, DEMO_ACCOUNTS.map((a) => a.email).sort());
  const roles = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM user_role');
  assert.equal(
    roles[0]?.n,
    DEMO_ACCOUNTS.reduce((sum, a) => sum + a.roles.length, 0),
  );
  const [meta] = await db.query<{ value: { state: string } }>(`SELECT value FROM app_meta WHERE key = 'demo'`);
  assert.equal(meta?.value.state, 'done');
}

const cases: { target: () => Target; fault: FaultPoint }[] = [
  { target: pgliteTarget, fault: 'pglite-init' },
  { target: pgliteTarget, fault: 'demo-territory-loaded' },
  { target: pgliteTarget, fault: 'demo-account-created' },
];
const url = process.env.TEST_DATABASE_URL;
if (url) {
  cases.push(
    { target: () => postgresTarget(url), fault: 'migration-applied' },
    { target: () => postgresTarget(url), fault: 'demo-territory-loaded' },
    { target: () => postgresTarget(url), fault: 'demo-account-created' },
  );
}

describe('a first start killed on the spot', { concurrency: 2 }, () => {
  for (const c of cases) {
    const target = c.target();
    test(`at ${c.fault} on ${target.name} is completed by the next start, with the whole demo loaded once`, async () => {
      try {
        const killed = await start(target, c.fault);
        assert.equal(killed.signal, 'SIGKILL', `the first start was killed at ${c.fault}: ${killed.out}`);
        assert.equal(killed.listened, false);
        const second = await start(target);
        assert.ok(second.listened, `the second start listens: ${second.out}`);
        const db = await target.open();
        try {
          await assertWholeDemo(db);
        } finally {
          await db.close();
        }
      } finally {
        await target.dispose();
      }
    });
  }
});
