/**
 * The databases integration tests run on: embedded PGlite always, and the PostgreSQL server of
 * TEST_DATABASE_URL when it is set. Each PostgreSQL run works in a schema of its own, dropped at
 * the end, so test files can run in parallel against one database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<{ db: Database; dispose(): Promise<void> }>;
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'pglite',
      async open() {
        const db = await openPglite();
        await migrate(db);
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      async open() {
        const schema = `test_${randomBytes(6).toString('hex')}`;
        const db = await openPostgres({ connectionString: url, schema, max: 4 });
        await migrate(db);
        return {
          db,
          async dispose() {
            await db.close();
            await dropTestSchema(url, schema);
          },
        };
      },
    });
  }
  return list;
}

/** Drops a schema a test worked in on the PostgreSQL server of `url`. */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
