// The data folder has one owner, backups restore what they saved, and migrations back up first.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { dropTestSchema } from '../../testing/databases.js';
import { backupStore, restoreStore } from './backup.js';
import { acquireDataLock, DataFolderBusyError, LOCK_FILE } from './data-lock.js';
import { migrate, readMigrations } from './migrate.js';
import { isInitialised, migrateWithBackup, openStore } from './store.js';

const root = mkdtempSync(join(tmpdir(), 'boucles-store-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = (): string => join(root, `d${++n}`);

/** A child process that takes the lock on `dir` and waits until killed. */
function holder(dir: string): Promise<{ pid: number; kill(signal?: NodeJS.Signals): Promise<void> }> {
  const url = new URL('./data-lock.js', import.meta.url).href;
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { acquireDataLock } from ${JSON.stringify(url)}; acquireDataLock(${JSON.stringify(dir)}, 'server').setUrl('http://127.0.0.1:3999'); console.log('pris'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({
        pid: child.pid as number,
        kill: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill(signal);
          }),
      }),
    );
    child.once('error', reject);
  });
}

describe('the lock on the data folder', { concurrency: true }, () => {
  test('refuses a second process while the first holds the folder, naming the server, its address and what to do', async () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    const other = await holder(dir);
    try {
      assert.throws(
        () => acquireDataLock(dir, 'import'),
        (e: unknown) => {
          assert.ok(e instanceof DataFolderBusyError);
          assert.equal(e.owner.pid, other.pid);
          assert.match(e.fr, /utilisé par le serveur Boucles/);
          assert.match(e.fr, /http:\/\/127\.0\.0\.1:3999/);
          assert.match(e.fr, /arrêtez le serveur/);
          return true;
        },
      );
    } finally {
      await other.kill();
    }
  });

  test('is taken over from a process that was killed without releasing it', async () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    const other = await holder(dir);
    await other.kill('SIGKILL');
    assert.ok(existsSync(join(dir, LOCK_FILE)), 'a killed process leaves its lock behind');
    const lock = acquireDataLock(dir, 'import');
    assert.equal(lock.owner.pid, process.pid);
    lock.release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false, 'released on close');
  });

  test('keeps a second store of the same process out, and lets it in once the first is closed', async () => {
    const dir = folder();
    const first = await openStore({ dataDir: dir }, 'server');
    await assert.rejects(openStore({ dataDir: dir }, 'import'), DataFolderBusyError);
    await first.close();
    const second = await openStore({ dataDir: dir }, 'import');
    assert.deepEqual(await second.db.query('SELECT 1 AS one'), [{ one: 1 }]);
    await second.close();
  });
});

describe('the embedded database', { concurrency: true }, () => {
  test('is initialised beside its place and renamed into it, and what an interrupted initialisation left is cleared', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'pglite.init-999999'), { recursive: true });
    writeFileSync(join(dir, 'pglite.init-999999', 'PG_VERSION'), '17');
    mkdirSync(join(dir, 'pglite'), { recursive: true }); // an empty folder, as a killed initdb may leave
    const store = await openStore({ dataDir: dir }, 'server');
    await store.close();
    assert.ok(isInitialised(join(dir, 'pglite')));
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('pglite')),
      ['pglite'],
    );
  });

  test('a backup restores the data it held, and the replaced database is kept aside', async () => {
    const dir = folder();
    let store = await openStore({ dataDir: dir }, 'server');
    await migrate(store.db);
    await store.db.exec(`INSERT INTO app_meta (key, value) VALUES ('marque', '"avant"')`);
    await store.close();
    const path = await backupStore({ dataDir: dir });
    assert.match(path, /sauvegardes\/boucles-.*\.tar\.gz$/);
    store = await openStore({ dataDir: dir }, 'server');
    await store.db.exec(`UPDATE app_meta SET value = '"après"' WHERE key = 'marque'`);
    await store.close();
    const { keptAs } = await restoreStore({ dataDir: dir }, path);
    assert.ok(keptAs && existsSync(keptAs));
    store = await openStore({ dataDir: dir }, 'server');
    assert.deepEqual(await store.db.query(`SELECT value FROM app_meta WHERE key = 'marque'`), [{ value: 'avant' }]);
    await store.close();
  });

  test('a restoration refuses a file that is not a backup, and changes nothing', async () => {
    const dir = folder();
    const store = await openStore({ dataDir: dir }, 'server');
    await migrate(store.db);
    await store.close();
    const junk = join(root, 'pas-une-sauvegarde.tar.gz');
    writeFileSync(junk, Buffer.concat([Buffer.from([0x1f, 0x8b]), randomBytes(200)]));
    await assert.rejects(restoreStore({ dataDir: dir }, junk), /archive illisible|ne contient pas de base/);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('pglite')),
      ['pglite'],
    );
    const again = await openStore({ dataDir: dir }, 'server');
    assert.ok((await again.db.query('SELECT 1 FROM schema_migrations')).length > 0);
    await again.close();
  });

  test('migrations that change a database holding data are preceded by a backup; a new database needs none', async () => {
    const dir = folder();
    const store = await openStore({ dataDir: dir }, 'server');
    try {
      await migrateWithBackup(store, () => undefined);
      assert.equal(existsSync(store.backupDir), false, 'no backup of an empty, new database');
      // Undo one migration that nothing else depends on (the import staging table), as if it were new.
      const staging = readMigrations().find((m) => m.version === '0006_import_staging');
      assert.ok(staging, 'the staging migration exists');
      await store.db.exec(`DELETE FROM schema_migrations WHERE version = '${staging.version}'`);
      await store.db.exec('DROP TABLE import_stage');
      const lines: string[] = [];
      const applied = await migrateWithBackup(store, (l) => lines.push(l));
      assert.deepEqual(applied, [staging.version]);
      const backups = readdirSync(store.backupDir);
      assert.equal(backups.length, 1);
      assert.match(backups[0] as string, /^avant-migration-.*\.tar\.gz$/);
      assert.ok(lines.some((l) => l.startsWith('Sauvegarde avant migration')));
    } finally {
      await store.close();
    }
  });
});

const url = process.env.TEST_DATABASE_URL;
describe('backups on PostgreSQL', { skip: url ? false : 'TEST_DATABASE_URL not set' }, () => {
  test('pg_dump of the configured schema restores with pg_restore, all of it', async () => {
    const schema = `test_backup_${randomBytes(5).toString('hex')}`;
    const config = { databaseUrl: url, schema, dataDir: folder() };
    try {
      let store = await openStore(config, 'server');
      await migrate(store.db);
      await store.db.exec(`INSERT INTO app_meta (key, value) VALUES ('marque', '"avant"')`);
      await store.close();
      const path = await backupStore(config);
      assert.match(path, /\.dump$/);
      store = await openStore(config, 'server');
      await store.db.exec(`UPDATE app_meta SET value = '"après"' WHERE key = 'marque'`);
      await store.close();
      await restoreStore(config, path);
      store = await openStore(config, 'server');
      assert.deepEqual(await store.db.query(`SELECT value FROM app_meta WHERE key = 'marque'`), [{ value: 'avant' }]);
      await store.close();
    } finally {
      await dropTestSchema(url as string, schema);
    }
  });
});
