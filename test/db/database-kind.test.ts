// Guards against a PostgreSQL run that silently fell back to PGlite: CI sets KEIYAKU_EXPECT_PG=15.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('the database under test', () => {
  const expected = process.env.KEIYAKU_EXPECT_PG;

  it(expected ? `is PostgreSQL ${expected}` : 'is PGlite (PostgreSQL 18 in WebAssembly)', async () => {
    const result = await database.handle.executeSql(
      'SELECT version() AS version, current_setting($1) AS num',
      ['server_version_num'],
    );
    const version = String(result.rows[0]!.version);
    const major = Math.floor(Number(result.rows[0]!.num) / 10_000);
    if (expected) {
      expect(database.handle.kind).toBe('postgres');
      expect(version).not.toContain('PGlite');
      expect(major).toBe(Number(expected));
    } else {
      expect(database.handle.kind).toBe('pglite');
      expect(version).toContain('PGlite');
      expect(major).toBe(18);
    }
  });

  it('has every migration applied, with the demo store row in place', async () => {
    const rows = await database.handle.db.execute(sql`select count(*)::int as n from store_settings`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });
});
