import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../../testing/databases.js';
import { migrate, readMigrations, splitStatements } from './migrate.js';

test('migrations are split into statements at semicolons ending a line, comments dropped', () => {
  assert.deepEqual(splitStatements("-- a comment\nCREATE TABLE a (x int);\nCREATE TABLE b (y text DEFAULT ';');\n"), [
    'CREATE TABLE a (x int)',
    "CREATE TABLE b (y text DEFAULT ';')",
  ]);
});

for (const target of testDatabases()) {
  describe(`migrations on ${target.name}`, () => {
    test('running the migrations again applies nothing and keeps the data', async () => {
      const { db, dispose } = await target.open(); // already migrated once
      try {
        await db.query(`INSERT INTO territory (code, level, name) VALUES ('KEEP', 'custom', 'Gardé')`);
        assert.deepEqual(await migrate(db), []);
        const rows = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(
          rows.map((r) => r.version),
          readMigrations().map((m) => m.version),
        );
        assert.equal((await db.query('SELECT 1 FROM territory WHERE code = $1', ['KEEP'])).length, 1);
      } finally {
        await dispose();
      }
    });

    test('a migration changed after it was applied stops the start with a clear error', async () => {
      const { db, dispose } = await target.open();
      try {
        const [first, ...rest] = readMigrations();
        assert.ok(first);
        await assert.rejects(migrate(db, [{ ...first, checksum: 'edited' }, ...rest]), /was changed after it was applied/);
      } finally {
        await dispose();
      }
    });

    test('a row cannot point at a parent of another territory, whatever the application does', async () => {
      const { db, dispose } = await target.open();
      try {
        const [a] = await db.query<{ id: string }>(`INSERT INTO territory (code, level, name) VALUES ('A', 'custom', 'A') RETURNING id`);
        const [b] = await db.query<{ id: string }>(`INSERT INTO territory (code, level, name) VALUES ('B', 'custom', 'B') RETURNING id`);
        const [actor] = await db.query<{ id: string }>(
          `INSERT INTO actor (territory_id, name, kind) VALUES ($1, 'X', 'company') RETURNING id`,
          [a?.id],
        );
        await assert.rejects(
          db.query(`INSERT INTO site (territory_id, actor_id, name, commune_code) VALUES ($1, $2, 'S', '59350')`, [b?.id, actor?.id]),
          /foreign key/,
        );
        await db.query(`INSERT INTO territory_commune (territory_id, commune_code) VALUES ($1, '59350')`, [a?.id]);
        await db.query(`INSERT INTO site (territory_id, actor_id, name, commune_code) VALUES ($1, $2, 'S', '59350')`, [a?.id, actor?.id]);
        await assert.rejects(
          db.query(`INSERT INTO site (territory_id, actor_id, name, commune_code) VALUES ($1, $2, 'S', '59009')`, [a?.id, actor?.id]),
          /foreign key/,
          'a site must be in a commune of its territory',
        );
      } finally {
        await dispose();
      }
    });
  });
}
