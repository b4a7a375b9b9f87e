import { DataSource } from 'typeorm';
import { sql } from '../../src/platform/database/sql';
import { createTestDatabase } from '../support/database';

/** The one typed SQL helper: rows, the first row, affected counts, and the connection it runs on. */
describe('sql helper (src/platform/database/sql.ts)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    await sql.run(dataSource, `CREATE TABLE sql_helper_probe (id int PRIMARY KEY, label text NOT NULL)`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  beforeEach(async () => {
    await sql.run(dataSource, `TRUNCATE sql_helper_probe`);
  });

  it('counts the rows an INSERT, UPDATE and DELETE touch, and returns RETURNING rows with their aliases', async () => {
    expect(await sql.run(dataSource, `INSERT INTO sql_helper_probe VALUES (1, 'a'), (2, 'b'), (3, 'c')`)).toBe(3);
    expect(await sql.run(dataSource, `UPDATE sql_helper_probe SET label = 'x' WHERE id >= $1`, [2])).toBe(2);
    const updated = await sql.execute<{ id: number; newLabel: string }>(
      dataSource,
      `UPDATE sql_helper_probe SET label = label || '!' WHERE id = ANY($1::int[]) RETURNING id, label AS "newLabel"`,
      [[1, 3]],
    );
    expect(updated.affected).toBe(2);
    expect(updated.rows.sort((a, b) => a.id - b.id)).toEqual([
      { id: 1, newLabel: 'a!' },
      { id: 3, newLabel: 'x!' },
    ]);
    expect(await sql.run(dataSource, `DELETE FROM sql_helper_probe WHERE id = 99`)).toBe(0);
    expect(await sql.run(dataSource, `DELETE FROM sql_helper_probe`)).toBe(3);
  });

  it('gives every row, or the first one, or undefined when there is none', async () => {
    await sql.run(dataSource, `INSERT INTO sql_helper_probe VALUES (1, 'a'), (2, 'b')`);
    expect(await sql.rows<{ id: number }>(dataSource, `SELECT id FROM sql_helper_probe ORDER BY id`)).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(
      await sql.one<{ label: string }>(dataSource.manager, `SELECT label FROM sql_helper_probe WHERE id = $1`, [2]),
    ).toEqual({
      label: 'b',
    });
    expect(await sql.one(dataSource, `SELECT 1 FROM sql_helper_probe WHERE id = 7`)).toBeUndefined();
  });

  it("runs on a transaction's connection: a rolled-back write is gone, a committed one stays", async () => {
    await expect(
      dataSource.transaction(async (em) => {
        await sql.run(em, `INSERT INTO sql_helper_probe VALUES (1, 'rolled back')`);
        expect(await sql.rows(em, `SELECT 1 FROM sql_helper_probe`)).toHaveLength(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await dataSource.transaction((em) => sql.run(em, `INSERT INTO sql_helper_probe VALUES (2, 'kept')`));
    const runner = dataSource.createQueryRunner();
    try {
      expect(await sql.rows(runner, `SELECT id, label FROM sql_helper_probe`)).toEqual([{ id: 2, label: 'kept' }]);
    } finally {
      await runner.release();
    }
  });

  it('returns its pooled connection after each statement, also when the statement fails', async () => {
    const pool = (dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } }).master;
    for (let i = 0; i < 30; i++) {
      await expect(sql.run(dataSource, `SELECT * FROM no_such_table_${i % 3}`)).rejects.toThrow(/does not exist/);
      await sql.one(dataSource, `SELECT 1 AS one`);
    }
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
