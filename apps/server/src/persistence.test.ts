// Data written through the API survives a restart of the server, even one killed with SIGKILL,
// on the embedded database: the server runs as a real child process here.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ReferenceCatalog } from '@boucles/reference-data';
import { createServices } from './app.js';
import { openPglite } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'boucles-persist-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BOUCLES_DATA_DIR: dataDir, BOUCLES_DEMO: '0', BOUCLES_LOG: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const EMAIL = 'persistance@example.org';
const PASSWORD = 'un mot de passe assez long';
let session: { cookie: string; csrf: string } = { cookie: '', csrf: '' };

/** The administrator is created in the data folder before the server first starts, as `boucles admin create` does. */
async function createAdmin(): Promise<void> {
  const db = await openPglite({ dataDir: join(dataDir, 'pglite') });
  try {
    await migrate(db);
    await createServices(db, new ReferenceCatalog()).accounts.createAdmin({ email: EMAIL, displayName: 'Persistance', password: PASSWORD });
  } finally {
    await db.close();
  }
}

async function signIn(url: string): Promise<void> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  assert.equal(r.status, 200);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  session = { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

async function post(url: string, body: unknown): Promise<{ status: number; body: { id?: string } }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as { id?: string } };
}

test('data written through the API is still there after the server is killed with SIGKILL and restarted', async () => {
  await createAdmin();
  const first = await start();
  try {
    await signIn(first.url);
    const t = await post(`${first.url}/api/territories`, { code: 'PERSIST', level: 'custom', name: 'Persistance', communes: ['59350'] });
    assert.equal(t.status, 201);
    const a = await post(`${first.url}/api/territories/PERSIST/actors`, {
      name: 'Écrit avant le SIGKILL',
      kind: 'company',
      siret: '73282932000074',
    });
    assert.equal(a.status, 201);
  } finally {
    await killed(first.child);
  }

  const second = await start();
  try {
    // The session survives the restart: it lives in the database, not in the process.
    const r = await fetch(`${second.url}/api/territories/PERSIST/actors`, { headers: { cookie: session.cookie } });
    const list = (await r.json()) as { total: number; items: { name: string; siret: string }[] };
    assert.equal(list.total, 1);
    assert.equal(list.items[0]?.name, 'Écrit avant le SIGKILL');
    assert.equal(list.items[0]?.siret, '73282932000074');
    // and the restarted server still writes
    const b = await post(`${second.url}/api/territories/PERSIST/actors`, { name: 'Écrit après', kind: 'farm' });
    assert.equal(b.status, 201);
  } finally {
    await killed(second.child);
  }
});
