// Security headers (ADR 0010): every answer carries a Content-Security-Policy fit for the built web
// app, refuses framing, MIME sniffing and referrers; an export that fails answers an error, never
// an attachment.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from './app.js';
import { SYSTEM } from './platform/access/access.js';
import { signedIn, type TestClient } from './testing/auth.js';
import { testDatabases } from './testing/databases.js';

const reference = new ReferenceCatalog();
const CODE = 'ENTETES';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  return new Map(
    String(header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts): parts is [string, ...string[]] => parts[0] !== undefined && parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

for (const target of testDatabases()) {
  describe(`security headers on ${target.name}`, () => {
    const webDir = mkdtempSync(join(tmpdir(), 'boucles-entetes-'));
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let httpsApp: FastifyInstance;
    let services: Services;
    let facilitator: TestClient;
    let reader: TestClient;
    let admin: TestClient;

    before(async () => {
      writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Boucles</title><div id="app"></div>');
      mkdirSync(join(webDir, 'assets'));
      writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("boucles")');
      const opened = await target.open();
      dispose = opened.dispose;
      ({ app, services } = await buildApp({ db: opened.db, reference, webDir }));
      ({ app: httpsApp } = await buildApp({ db: opened.db, reference, webDir, publicUrl: 'https://boucles.example.org' }));
      await services.territoryData.createTerritory(SYSTEM, { code: CODE, level: 'custom', name: 'En-têtes', communes: ['59350'] });
      facilitator = await signedIn(app, services, { roles: [{ territoryCode: CODE, role: 'facilitator' }] });
      reader = await signedIn(app, services, { roles: [{ territoryCode: CODE, role: 'reader' }] });
      admin = await signedIn(app, services, { isAdmin: true });
    });
    after(async () => {
      await app.close();
      await httpsApp.close();
      await dispose();
      rmSync(webDir, { recursive: true, force: true });
    });

    test('the web app, its assets, the OpenAPI document and the API answer with a Content-Security-Policy that allows only the app itself and MapLibre’s workers', async () => {
      for (const url of ['/', '/t/DEMO/carte', '/assets/app.js', '/api/health', '/api/openapi.json', '/api/nope']) {
        const r = await app.inject({ method: 'GET', url });
        assert.equal(r.statusCode, url === '/api/nope' ? 404 : 200, `${url}: still served`);
        const csp = directives(r.headers['content-security-policy']);
        assert.deepEqual(csp.get('default-src'), ["'self'"], url);
        assert.deepEqual(csp.get('script-src'), ["'self'"], `${url}: no inline or foreign script`);
        assert.deepEqual(csp.get('style-src'), ["'self'"], `${url}: no inline style sheet`);
        assert.deepEqual(csp.get('object-src'), ["'none'"], url);
        assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], url);
        assert.deepEqual(csp.get('base-uri'), ["'self'"], url);
        assert.ok(csp.get('worker-src')?.includes('blob:'), `${url}: MapLibre starts its workers from blob: URLs`);
        assert.ok(csp.get('child-src')?.includes('blob:'), url);
        assert.ok(csp.get('img-src')?.includes('data:') && csp.get('img-src')?.includes('blob:'), url);
        assert.ok(!csp.has('upgrade-insecure-requests'), `${url}: plain HTTP (local use) is not upgraded`);
        assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
        assert.equal(r.headers['x-frame-options'], 'DENY', url);
        assert.equal(r.headers['referrer-policy'], 'no-referrer', url);
        assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin', url);
        assert.equal(r.headers['strict-transport-security'], undefined, `${url}: no HSTS over plain HTTP`);
      }
    });

    test('behind an HTTPS public address, requests are upgraded and Strict-Transport-Security is sent', async () => {
      const r = await httpsApp.inject({ method: 'GET', url: '/' });
      assert.ok(directives(r.headers['content-security-policy']).has('upgrade-insecure-requests'));
      assert.match(String(r.headers['strict-transport-security']), /max-age=31536000/);
    });

    test('an export that fails answers an error without an attachment header, and one that works is an attachment', async () => {
      const failing: [TestClient, string, number][] = [
        [admin, `/api/territories/NEXISTE-PAS/export?format=csv&sheet=flux`, 404],
        [admin, `/api/territories/NEXISTE-PAS/export?format=json`, 404],
        [admin, `/api/territories/NEXISTE-PAS/export?format=xlsx`, 404],
        [admin, `/api/territories/NEXISTE-PAS/export?format=geojson`, 404],
        [reader, `/api/territories/${CODE}/export?format=csv`, 403],
        [reader, `/api/territories/${CODE}/metabolism/export?format=csv`, 403],
        [reader, `/api/audit/export?territory=${CODE}`, 403],
        [admin, `/api/territories/${CODE}/export?format=pdf`, 400],
      ];
      for (const [client, url, status] of failing) {
        const r = await client.inject({ method: 'GET', url });
        assert.equal(r.statusCode, status, `${url}: ${r.body.slice(0, 200)}`);
        assert.equal(r.headers['content-disposition'], undefined, `${url}: an error is not a download`);
        assert.match(String(r.headers['content-type']), /application\/json/, url);
        assert.ok(r.json<{ message: { fr: string } }>().message.fr, url);
      }
      const ok = await facilitator.inject({ method: 'GET', url: `/api/territories/${CODE}/export?format=csv` });
      assert.equal(ok.statusCode, 200);
      assert.match(String(ok.headers['content-disposition']), /^attachment; filename="ENTETES-?.*\.csv"$/);
    });
  });
}
