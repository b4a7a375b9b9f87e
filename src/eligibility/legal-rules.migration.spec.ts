import { DataSource } from 'typeorm';
import { LegalRules1764100000000 } from '../../migrations/1764100000000-legal-rules';
import { createTestDatabase } from '../../test/support/database';

describe('migration LegalRules1764100000000', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  async function tables(): Promise<string[]> {
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name IN ('legal_parameter', 'working_calendar_day') ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  }

  it('is reversible', async () => {
    const migration = new LegalRules1764100000000();
    const runner = dataSource.createQueryRunner();
    try {
      expect(await tables()).toEqual(['legal_parameter', 'working_calendar_day']);
      await migration.down(runner);
      expect(await tables()).toEqual([]);
      await migration.up(runner);
      expect(await tables()).toEqual(['legal_parameter', 'working_calendar_day']);
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM working_calendar_day`);
      expect(count).toBeGreaterThan(100);
    } finally {
      await runner.release();
    }
  });

  it('keeps one value per key, zone and date, null zones included', async () => {
    const insert = `INSERT INTO legal_parameter (key, zone, value, effective_from, legal_basis, created_by)
                    VALUES ('base_salary', NULL, 1, '2019-07-01', 'x', 'test')`;
    await expect(dataSource.query(insert)).rejects.toMatchObject({ code: '23505' });
  });
});
