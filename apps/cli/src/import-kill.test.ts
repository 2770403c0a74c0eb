// Killing the process in the middle of an import leaves the database as it was before: the CLI
// runs as a real child process, is killed with SIGKILL while it writes, and the database is read
// afterwards, on PGlite (its files) and on PostgreSQL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openPglite, openPostgres, writeWorkbookFile, type Database } from '@boucles/server';
import pg from 'pg';

const BIN = fileURLToPath(new URL('../bin/boucles.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'boucles-kill-'));
const workbook = join(dir, 'gros.xlsx');
const FLOWS = 30_000;
after(() => rmSync(dir, { recursive: true, force: true }));

before(async () => {
  function* actors() {
    for (let i = 0; i < 300; i++) yield [`A${i}`, null, `Entreprise ${i}`, null, 'entreprise'];
  }
  function* sites() {
    for (let i = 0; i < 300; i++) yield [`S${i}`, `A${i}`, `Site ${i}`, null, '59350'];
  }
  function* flows() {
    for (let i = 0; i < FLOWS; i++) yield [`F${i}`, `S${i % 300}`, 'sortant', 'material.wood.clean', null, `Flux ${i}`, 10, 't', 'an'];
  }
  await writeWorkbookFile(workbook, [
    { name: 'acteurs', rows: actors() },
    { name: 'sites', rows: sites() },
    { name: 'flux', rows: flows() },
  ]);
  writeFileSync(
    join(dir, 'territoire.json'),
    JSON.stringify({
      format: 'boucles-territory',
      formatVersion: 1,
      territory: { code: 'KILL', level: 'custom', name: 'Kill', communes: ['59350'] },
      actors: [],
      sites: [],
      flows: [],
    }),
  );
});

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Runs the import and kills it with SIGKILL once it has written a first batch of flows. */
function importKilledWhileWriting(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', workbook, '--territory', 'KILL'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let killed = false;
    const watch = (c: Buffer): void => {
      out += c.toString();
      if (!killed && /écriture : [1-9]\d* lignes/.test(out)) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`the import ended before it could be killed: ${out}`)),
    );
  });
}

async function counts(db: Database): Promise<number[]> {
  const n = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;
  return [await n('territory'), await n('actor'), await n('site'), await n('flow')];
}

test('an import killed while it writes leaves the embedded database as it was', { timeout: 180_000 }, async () => {
  const env = { BOUCLES_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  assert.equal((await cli(['load', join(dir, 'territoire.json')], env)).code, 0);
  const out = await importKilledWhileWriting(env);
  assert.match(out, /écriture : \d+ lignes/);
  let db = await openPglite({ dataDir: join(dir, 'data', 'pglite') });
  try {
    assert.deepEqual(await counts(db), [1, 0, 0, 0]);
  } finally {
    await db.close();
  }
  // Killed once every row is staged, just before the final transaction: still nothing in the territory.
  const staged = await cli(['import', workbook, '--territory', 'KILL', '--no-progress'], { ...env, BOUCLES_FAULT_AT: 'import-staged' });
  assert.equal(staged.code, null, staged.out);
  db = await openPglite({ dataDir: join(dir, 'data', 'pglite') });
  try {
    assert.deepEqual(await counts(db), [1, 0, 0, 0]);
    const [stage] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_stage');
    assert.ok((stage?.n ?? 0) > 0, 'the staged rows were left behind, invisible');
  } finally {
    await db.close();
  }
  // and the database still takes the whole import afterwards
  const again = await cli(['import', workbook, '--territory', 'KILL'], env);
  assert.equal(again.code, 0, again.out);
  const after = await openPglite({ dataDir: join(dir, 'data', 'pglite') });
  try {
    assert.deepEqual(await counts(after), [1, 300, 300, FLOWS]);
  } finally {
    await after.close();
  }
});

test(
  'an import killed while it writes leaves the PostgreSQL database as it was',
  { timeout: 180_000, skip: !process.env.TEST_DATABASE_URL },
  async () => {
    const url = process.env.TEST_DATABASE_URL ?? '';
    const schema = `kill_${randomBytes(5).toString('hex')}`;
    const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema };
    try {
      assert.equal((await cli(['load', join(dir, 'territoire.json')], env)).code, 0);
      await importKilledWhileWriting(env);
      const db = await openPostgres({ connectionString: url, schema, max: 1 });
      try {
        assert.deepEqual(await counts(db), [1, 0, 0, 0]);
      } finally {
        await db.close();
      }
    } finally {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  },
);
