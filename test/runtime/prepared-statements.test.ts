import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedStatement, type OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';

const SQUARE = preparedStatement('ordo_test_square', 'select $1::integer * $1::integer as n');
const NOT_A_NUMBER = preparedStatement('ordo_test_not_a_number', 'select $1::text::integer as n');

describe('preparedStatement', () => {
  it('takes the same name and text twice, but not a name for two texts or two names for a text', () => {
    expect(preparedStatement('ordo_test_square', 'select $1::integer * $1::integer as n')).toBe(SQUARE);
    expect(() => preparedStatement('ordo_test_square', 'select 2')).toThrow(TypeError);
    expect(() => preparedStatement('ordo_test_other', SQUARE)).toThrow(TypeError);
  });
});

for (const backend of testDatabases()) {
  describe(`statements run by name (${backend.name})`, () => {
    let database: OrdoDatabase;
    beforeAll(async () => {
      database = await backend.open();
    });
    afterAll(async () => {
      await database.close();
    });

    it('answers as the unnamed statement does, in and out of transactions, over more connections than one', async () => {
      const { db } = database;
      const runs = Array.from({ length: 30 }, (_, i) => db.executeQuery<{ n: number }>(CompiledQuery.raw(SQUARE, [i])));
      expect((await Promise.all(runs)).map((result) => result.rows[0]?.n)).toEqual(Array.from({ length: 30 }, (_, i) => i * i));
      const inside = await db.transaction().execute(async (trx) => {
        const first = await trx.executeQuery<{ n: number }>(CompiledQuery.raw(SQUARE, [7]));
        const second = await trx.executeQuery<{ n: number }>(CompiledQuery.raw(SQUARE, [8]));
        return [first.rows[0]?.n, second.rows[0]?.n];
      });
      expect(inside).toEqual([49, 64]);
    });

    it('keeps a connection usable after a named statement fails, and the statement too', async () => {
      await database.db.connection().execute(async (conn) => {
        await expect(conn.executeQuery(CompiledQuery.raw(NOT_A_NUMBER, ['x']))).rejects.toMatchObject({ code: '22P02' });
        expect((await conn.executeQuery<{ n: number }>(CompiledQuery.raw(NOT_A_NUMBER, ['12']))).rows[0]?.n).toBe(12);
      });
    });

    it.runIf(backend.name === 'postgres')('is prepared once on the connection under its name', async () => {
      const prepared = await database.db.connection().execute(async (conn) => {
        for (let i = 0; i < 3; i += 1) await conn.executeQuery(CompiledQuery.raw(SQUARE, [i]));
        return sql<{ name: string }>`select name from pg_prepared_statements`.execute(conn);
      });
      expect(prepared.rows.map((row) => row.name)).toContain('ordo_test_square');
    });
  });
}
