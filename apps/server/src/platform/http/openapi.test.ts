import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { openPglite, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { withoutUnusedSchemas } from './openapi.js';

describe('the served OpenAPI document', () => {
  let db: Database;
  let app: FastifyInstance;
  let document: { components: { schemas: Record<string, unknown> } };
  let source: string;

  before(async () => {
    db = await openPglite();
    await migrate(db);
    ({ app } = await buildApp({ db, reference: new ReferenceCatalog() }));
    const answer = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(answer.statusCode, 200);
    source = answer.body;
    document = answer.json();
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  test('validates with Redocly: no structural error, every $ref resolves, every component is used', async () => {
    const config = await createConfig({ extends: ['recommended'], rules: { 'no-unused-components': 'error' } });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`);
    assert.deepEqual(errors, []);
  });

  test('names the records a client needs as components', () => {
    for (const name of ['Error', 'Territory', 'Actor', 'Site', 'Flow', 'Need', 'Aggregate', 'Me', 'SynergyCase', 'ImportReport']) {
      assert.ok(document.components.schemas[name], name);
    }
  });
});

describe('withoutUnusedSchemas', () => {
  test('keeps the schemas referred to, directly or through another schema, and drops the others', () => {
    const document = {
      paths: { '/a': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } },
      components: {
        securitySchemes: { session: { type: 'apiKey' } },
        schemas: {
          A: { type: 'object', properties: { b: { type: 'array', items: { $ref: '#/components/schemas/B' } } } },
          B: { type: 'object', properties: { self: { $ref: '#/components/schemas/B' } } },
          C: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } },
        },
      },
    };
    const pruned = withoutUnusedSchemas(document);
    assert.deepEqual(Object.keys(pruned.components.schemas), ['A', 'B']);
    assert.deepEqual(pruned.components.securitySchemes, document.components.securitySchemes);
    assert.deepEqual(pruned.paths, document.paths);
  });

  test('leaves a document without component schemas as it is', () => {
    const document = { paths: {} };
    assert.equal(withoutUnusedSchemas(document), document);
  });
});
