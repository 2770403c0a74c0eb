/**
 * The analysis of a stored territory depends on what the territory holds, not on the order its
 * records were loaded in nor on the identifiers the database drew for them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seededRandom, type AnalysisResult } from '@boucles/engine';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../app.js';
import { SYSTEM } from '../../platform/access/access.js';
import type { Database } from '../../platform/db/database.js';
import { signedIn, type TestClient } from '../../testing/auth.js';
import { testDatabases } from '../../testing/databases.js';
import { readDemoDocument } from '../demo/index.js';

const reference = new ReferenceCatalog();
const FIRST = 'DEMO-VALBOUCLES';
const SECOND = 'DEMO-VALBOUCLES-BIS';

type Records = 'actors' | 'sites' | 'flows' | 'needs' | 'aggregates';
type Document = { territory: { code: string } } & Record<Records, unknown[]>;

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The demo document under another code, every list of records in another order. */
function reordered(code: string, seed: number): Document {
  const doc = readDemoDocument() as Document;
  const random = seededRandom(seed);
  const lists = Object.fromEntries(
    (['actors', 'sites', 'flows', 'needs', 'aggregates'] as const).map((name) => [name, shuffled(doc[name], random)]),
  );
  return { ...doc, ...lists, territory: { ...doc.territory, code } };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Per record of the territory, its content key: the document's external ID, kind first. */
async function contentKeys(services: Services, code: string): Promise<Map<string, string>> {
  const page = { limit: 100000, offset: 0 };
  const keys = new Map<string, string>();
  const add = (kind: string, records: readonly { id: string; externalId: string | null }[]): void => {
    for (const r of records) {
      assert.ok(r.externalId, `${kind} ${r.id} has an external ID`);
      keys.set(r.id, `${kind}:${r.externalId}`);
    }
  };
  add('actor', (await services.territoryData.listActors(SYSTEM, code, {}, page)).items);
  add('site', (await services.territoryData.listSites(SYSTEM, code, {}, page)).items);
  add('flow', (await services.territoryData.listFlows(SYSTEM, code, {}, page)).items);
  add('need', (await services.territoryData.listNeeds(SYSTEM, code, {}, page)).items);
  assert.equal(new Set(keys.values()).size, keys.size, 'content keys are unique');
  return keys;
}

for (const target of testDatabases()) {
  describe(`determinism of synergy analyses on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let admin: TestClient;
    before(async () => {
      ({ db, dispose } = await target.open());
      const built = await buildApp({ db, reference });
      app = built.app;
      services = built.services;
      admin = await signedIn(app, services);
      await services.territoryDocuments.importNew(SYSTEM, readDemoDocument());
      await services.territoryDocuments.importNew(SYSTEM, reordered(SECOND, 13));
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    /** The stored result of a new analysis, with every record ID replaced by its content key. */
    async function analysedByContent(code: string, objective: 'co2' | 'cost'): Promise<{ text: string; result: AnalysisResult }> {
      const post = await admin.inject({ method: 'POST', url: `/api/territories/${code}/analyses`, payload: { objective } });
      assert.equal(post.statusCode, 201, post.body);
      const got = await admin.inject({ method: 'GET', url: `/api/territories/${code}/analyses/${post.json<{ id: string }>().id}` });
      assert.equal(got.statusCode, 200);
      const { result } = got.json<{ result: AnalysisResult }>();
      const keys = await contentKeys(services, code);
      const text = JSON.stringify(result).replace(UUID, (id) => {
        const key = keys.get(id);
        assert.ok(key, `${id} is a record of ${code}`);
        return key;
      });
      return { text, result };
    }

    test('the same territory document loaded twice, its records in another order and under other IDs, gives byte-identical ranked results', async () => {
      for (const objective of ['co2', 'cost'] as const) {
        const first = await analysedByContent(FIRST, objective);
        const second = await analysedByContent(SECOND, objective);
        assert.ok(first.result.synergies.length > 0 && first.result.rejected.length > 0 && first.result.mutualisations.length > 0);
        // Loaded apart, the two territories' records share no ID: only their content can match.
        assert.notEqual(JSON.stringify(first.result), JSON.stringify(second.result));
        let at = 0;
        while (at < first.text.length && first.text[at] === second.text[at]) at++;
        assert.ok(
          first.text === second.text,
          `${objective}: the results differ from character ${at}:\n…${first.text.slice(Math.max(0, at - 200), at + 200)}\n…${second.text.slice(Math.max(0, at - 200), at + 200)}`,
        );
      }
    });
  });
}
