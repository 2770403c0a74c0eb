// The hostile files of issue 12 through the API, in every import mode: a 400 « fichier illisible »
// with where and what, never a dead process nor a 500, and nothing written.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { openPglite, type Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { signedIn, type TestClient } from '../../testing/auth.js';
import { stopIdleParseWorkers } from './source.js';

let app: FastifyInstance;
let admin: TestClient;
let db: Database;
const upload = (payload: Buffer | string, mode: string) =>
  admin.inject({
    method: 'POST',
    url: `/api/territories/HOSTILE/imports?mode=${mode}&sheet=acteurs`,
    headers: { 'content-type': 'text/csv' },
    payload,
  });
const actors = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM actor'))[0]?.n;

before(async () => {
  db = await openPglite();
  await migrate(db);
  const built = await buildApp({ db, reference: new ReferenceCatalog(), maxUploadBytes: 64 * 1024 * 1024 });
  app = built.app;
  admin = await signedIn(app, built.services);
  const t = await admin.inject({
    method: 'POST',
    url: '/api/territories',
    payload: { code: 'HOSTILE', level: 'custom', name: 'Hostile', communes: ['59350'] },
  });
  assert.equal(t.statusCode, 201, t.body);
});
after(async () => {
  await app.close();
  await db.close();
  await stopIdleParseWorkers();
});

const MODES = ['dry-run', 'all-or-nothing', 'valid-rows'];

test('the tiny CSV with a quote never closed answers 400 « fichier illisible » at row 2, column B, in every mode, and writes nothing', async () => {
  for (const mode of MODES) {
    const r = await upload('siret;nom\n1;"x', mode);
    assert.equal(r.statusCode, 400, r.body);
    const body = r.json() as { error: string; message: { fr: string; en: string } };
    assert.equal(body.error, 'unreadable_file');
    assert.match(body.message.fr, /ligne 2, colonne 2 \(B\) : un guillemet \("\) ouvert/);
  }
  assert.equal(await actors(), 0);
});

test('a cell of 2 MB, a 20 MB line without a break and 16,385 columns answer 400 in every mode', async () => {
  const files = [
    `id_acteur;raison_sociale;type\nA1;${'x'.repeat(2 * 1024 * 1024)};entreprise\n`,
    'id_acteur;'.repeat(2 * 1024 * 1024),
    `id_acteur;raison_sociale;type\n${'A1;'.repeat(16_385)}\n`,
  ];
  for (const file of files) {
    for (const mode of MODES) {
      const r = await upload(file, mode);
      assert.equal(r.statusCode, 400, `${mode}: ${r.body.slice(0, 300)}`);
      assert.equal((r.json() as { error: string }).error, 'unreadable_file');
    }
  }
  assert.equal(await actors(), 0);
});

test('a valid-rows import of a sheet 16,384 columns wide gives back its rejected row', async () => {
  const header = ['id_acteur', 'raison_sociale', 'type', ...Array.from({ length: 16_381 }, () => '')].join(';');
  const row = ['A1', '', 'entreprise', ...Array.from({ length: 16_381 }, () => '')].join(';');
  const r = await upload(`${header}\n${row}\n`, 'valid-rows');
  assert.equal(r.statusCode, 200, r.body.slice(0, 300));
  const report = r.json() as { counts: { acteurs: { rejected: number } }; rejectedFile: string | null };
  assert.equal(report.counts.acteurs.rejected, 1);
  assert.ok(report.rejectedFile);
});
