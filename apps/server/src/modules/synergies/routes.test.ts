import { signedIn, type TestClient } from '../../testing/auth.js';
import { SYSTEM } from '../../platform/access/access.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AnalysisResult } from '@boucles/engine';
import { loadCompatibilityRules, ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { readDemoDocument } from '../demo/index.js';
import { testDatabases } from '../../testing/databases.js';

const reference = new ReferenceCatalog();
const CODE = 'DEMO-VALBOUCLES';

for (const target of testDatabases()) {
  describe(`synergy analyses of the demo territory on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let admin: TestClient;
    before(async () => {
      ({ db, dispose } = await target.open());
      const built = await buildApp({ db, reference });
      app = built.app;
      admin = await signedIn(app, built.services);
      await built.services.territoryDocuments.importNew(SYSTEM, readDemoDocument());
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    test('an analysis runs on the stored territory and is stored with the engine, rule and factor versions', async () => {
      const post = await admin.inject({ method: 'POST', url: `/api/territories/${CODE}/analyses`, payload: { objective: 'co2' } });
      assert.equal(post.statusCode, 201, post.body);
      const run = post.json<{
        id: string;
        engineVersion: string;
        rulesVersion: string;
        rulesSource: string;
        impactFactorsVersion: string;
        summary: AnalysisResult['summary'];
      }>();
      assert.equal(run.rulesVersion, loadCompatibilityRules().version);
      assert.equal(run.rulesSource, 'built-in');
      assert.match(run.engineVersion, /^\d+\.\d+\.\d+$/);
      assert.ok(run.summary.proposed > 0 && run.summary.rejected > 0);
      assert.equal(post.headers.location, `/api/territories/${CODE}/analyses/${run.id}`);

      const got = await admin.inject({ method: 'GET', url: `/api/territories/${CODE}/analyses/latest` });
      assert.equal(got.statusCode, 200);
      const { result } = got.json<{ result: AnalysisResult }>();
      assert.equal(result.synergies.length, run.summary.proposed);
      // The seeds' examples are found in the demo territory.
      const rules = new Set(result.synergies.map((s) => s.ruleId));
      for (const rule of ['heat-medium-to-greenhouses', 'glass-bottles-washing-reuse', 'clean-wood-to-biomass-boiler'])
        assert.ok(rules.has(rule), `a synergy under ${rule}`);
      const heat = result.synergies.find((s) => s.ruleId === 'heat-medium-to-greenhouses');
      assert.ok(heat && heat.explanation.fr.length > 50 && heat.explanation.en.length > 50);
      // Ranked by score.
      for (let i = 1; i < result.synergies.length; i++)
        assert.ok((result.synergies[i - 1]?.score.value ?? 0) >= (result.synergies[i]?.score.value ?? 0));
      assert.ok(result.mutualisations.length > 0, 'the demo needs make at least one mutualisation');

      const list = await admin.inject({ method: 'GET', url: `/api/territories/${CODE}/analyses` });
      assert.deepEqual(
        list.json<{ items: { id: string }[] }>().items.map((i) => i.id),
        [run.id],
      );
    });

    test('rules given with the request replace the built-in ones, and bad rules are refused by field', async () => {
      const only = loadCompatibilityRules().rules.filter((r) => r.family === 'glass');
      const ok = await admin.inject({
        method: 'POST',
        url: `/api/territories/${CODE}/analyses`,
        payload: { rules: { version: 'essai-1', rules: only } },
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const id = ok.json<{ id: string }>().id;
      const { result, rulesSource } = (await admin.inject({ method: 'GET', url: `/api/territories/${CODE}/analyses/${id}` })).json<{
        result: AnalysisResult;
        rulesSource: string;
      }>();
      assert.equal(rulesSource, 'request');
      assert.equal(result.rulesVersion, 'essai-1');
      assert.ok(result.synergies.every((s) => s.family === 'glass'));

      const bad = await admin.inject({
        method: 'POST',
        url: `/api/territories/${CODE}/analyses`,
        payload: { rules: { version: 'x', rules: [{ ...only[0], maxDistanceKm: -1 }] }, k: 0 },
      });
      assert.equal(bad.statusCode, 400);
      const paths = bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path);
      assert.ok(paths.includes('rules.rules[0].maxDistanceKm') && paths.includes('k'), paths.join(' '));
    });

    test('an unknown territory or analysis answers 404', async () => {
      assert.equal((await admin.inject({ method: 'POST', url: '/api/territories/NOPE/analyses', payload: {} })).statusCode, 404);
      assert.equal(
        (await admin.inject({ method: 'GET', url: `/api/territories/${CODE}/analyses/00000000-0000-4000-8000-000000000000` })).statusCode,
        404,
      );
      assert.equal((await admin.inject({ method: 'GET', url: `/api/territories/${CODE}/analyses/not-an-id` })).statusCode, 404);
    });
  });
}
