// The embedded database in its worker thread behaves as the in-process one (transactions,
// PostgreSQL error fields), and a long statement no longer stops the process's event loop.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openPgliteInWorker, type Database } from './database.js';

const dir = mkdtempSync(join(tmpdir(), 'boucles-worker-db-'));
let db: Database;
before(async () => {
  db = await openPgliteInWorker({ dataDir: join(dir, 'pglite') });
  await db.exec('CREATE TABLE t (id int PRIMARY KEY, label text NOT NULL)');
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a transaction commits when its function resolves and rolls back when it throws', async () => {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO t VALUES ($1, $2)', [1, 'gardé']);
  });
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES ($1, $2)', [2, 'annulé']);
      throw new Error('stop');
    }),
    /stop/,
  );
  assert.deepEqual(await db.query('SELECT id, label FROM t ORDER BY id'), [{ id: 1, label: 'gardé' }]);
});

test('errors keep their PostgreSQL code and constraint, which services turn into answers', async () => {
  await assert.rejects(db.query('INSERT INTO t VALUES (1, $1)', ['doublon']), (e: Error & { code?: string; constraint?: string }) => {
    assert.equal(e.code, '23505');
    assert.equal(e.constraint, 't_pkey');
    return true;
  });
  await assert.rejects(
    db.transaction(async (tx) => tx.query('INSERT INTO t VALUES (1, $1)', ['doublon'])),
    (e: Error & { code?: string }) => e.code === '23505',
  );
  assert.equal(
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t'))[0]?.n,
    1,
    'the database still works after a failed transaction',
  );
});

test('statements outside a transaction wait for it to end, and see only what it committed', async () => {
  let release!: () => void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  const tx = db.transaction(async (t) => {
    await t.query('INSERT INTO t VALUES (3, $1)', ['pendant']);
    await hold;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  let seen: unknown[] | undefined;
  const outside = db.query('SELECT id FROM t WHERE id = 3').then((rows) => (seen = rows));
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(seen, undefined, 'the outside statement waits');
  release();
  await tx;
  await outside;
  assert.deepEqual(seen, [{ id: 3 }]);
});

test('a long statement leaves the event loop free', async () => {
  let worstGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await db.query('SELECT count(*) FROM generate_series(1, 5000000) a, generate_series(1, 3) b');
  const took = performance.now() - started;
  clearInterval(ticker);
  assert.ok(took > 300, `the statement is long enough to tell (${Math.round(took)} ms)`);
  assert.ok(worstGap < took / 2, `the event loop kept turning: worst gap ${Math.round(worstGap)} ms during ${Math.round(took)} ms`);
});

test('a backup of the worker’s database is a whole archive', async () => {
  const path = join(dir, 'copie.tar.gz');
  await db.backup(path);
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  assert.equal(bytes[0], 0x1f);
  assert.equal(bytes[1], 0x8b);
});
