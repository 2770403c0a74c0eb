// /api/health answers within about a second even when the database is held by a long statement.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import { buildApp } from './app.js';
import { openPglite, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';

test('health says the database is busy instead of waiting for a long statement, and ok otherwise', async () => {
  const inner = await openPglite();
  await migrate(inner);
  let slow = false;
  const db: Database = {
    ...inner,
    kind: inner.kind,
    ping: async () => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 4000));
      return inner.ping();
    },
  };
  const { app } = await buildApp({ db, reference: new ReferenceCatalog() });
  try {
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/health' })).json(), { status: 'ok', database: 'pglite' });
    slow = true;
    const started = performance.now();
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    const took = performance.now() - started;
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { status: 'ok', database: 'pglite', busy: true });
    assert.ok(took < 2500, `answered in ${Math.round(took)} ms`);
  } finally {
    await app.close();
    await inner.close();
  }
});
