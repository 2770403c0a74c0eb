/**
 * The OpenAPI document served at /api/openapi.json: its header (title, licence, security schemes,
 * tags) and how route schemas become the document. Schemas named with `.meta({ id: 'Actor' })`
 * are written once under `components.schemas` and referred to by `$ref` from the routes; the
 * names of request-side variants end in `Input` (`VerifiedImpactsInput`). Components no route
 * refers to are left out, so the document holds exactly what the API uses (docs/adr/0013).
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export interface OpenApiHeader {
  version: string;
  /** Tags of the API's sections, in the order they are shown. */
  tags: { name: string; description: string }[];
}

/** The options of @fastify/swagger that make Boucles' OpenAPI 3.1 document. */
export function openApiOptions(header: OpenApiHeader): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Boucles API',
        version: header.version,
        description:
          'Territorial circular economy: territories, actors (SIRET), sites, resource flows and needs. Errors carry a message in French and in English; validation errors name every faulty field by its path.',
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      },
      // Paths start with /api: the server is the one that serves the document.
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'boucles_session',
            description: 'Set by POST /api/auth/login; changes also need the X-CSRF-Token header',
          },
          apiKey: { type: 'http', scheme: 'bearer', description: 'A read-only key of one territory (bk_…)' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
      tags: header.tags,
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => withoutUnusedSchemas(jsonSchemaTransformObject(document)),
  };
}

const SCHEMA_REF = '#/components/schemas/';

/**
 * The document with only the component schemas that the rest of the document refers to, directly
 * or through other schemas. The type provider writes every schema of Zod's global registry, each
 * in an output and an input variant, whether a route uses it or not.
 */
export function withoutUnusedSchemas<T extends object>(document: T): T {
  const components = (document as { components?: { schemas?: Record<string, unknown> } }).components;
  const schemas = components?.schemas;
  if (!schemas) return document;
  const used = new Set<string>();
  const pending: unknown[] = [{ ...document, components: { ...components, schemas: {} } }];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...(node as unknown[]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
          const name = decodeURIComponent(value.slice(SCHEMA_REF.length)).replaceAll('~1', '/').replaceAll('~0', '~');
          if (!used.has(name) && name in schemas) {
            used.add(name);
            pending.push(schemas[name]);
          }
        } else {
          pending.push(value);
        }
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } };
}
