import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { openPglite, type Database } from './platform/db/database.js';

const webDir = mkdtempSync(join(tmpdir(), 'boucles-web-'));
let app: FastifyInstance;
let db: Database;

before(async () => {
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Boucles</title><div id="app"></div>');
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("boucles")');
  db = await openPglite();
  ({ app } = await buildApp({ db, reference: new ReferenceCatalog(), webDir }));
});
after(async () => {
  await app.close();
  await db.close();
  rmSync(webDir, { recursive: true, force: true });
});

test('the built web app is served at the root, with its assets', async () => {
  const index = await app.inject({ method: 'GET', url: '/' });
  assert.equal(index.statusCode, 200);
  assert.match(String(index.headers['content-type']), /text\/html/);
  assert.match(index.body, /<title>Boucles<\/title>/);
  const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /javascript/);
});

test("a client-side route of the single-page app is answered with the app's entry point", async () => {
  const page = await app.inject({ method: 'GET', url: '/territoires/DEMO/acteurs?page=2' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<div id="app">/);
});

test('an unknown API route still answers a JSON 404, not the web app', async () => {
  const r = await app.inject({ method: 'GET', url: '/api/nope' });
  assert.equal(r.statusCode, 404);
  assert.equal(r.json().error, 'not_found');
});

test('a path outside the web folder cannot be read', async () => {
  const r = await app.inject({ method: 'GET', url: '/../../../../etc/passwd' });
  assert.doesNotMatch(r.body, /root:/);
});
