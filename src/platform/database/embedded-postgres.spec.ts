import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps rows across a stop and a start on the same data folder', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tctn-pg-restart-')), 'pg');
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.url, 'CREATE TABLE kept (value text)');
    await query(first.url, 'INSERT INTO kept VALUES ($1)', ['Nguyễn Thị Ánh']);
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'Nguyễn Thị Ánh' }]);
    } finally {
      await second.stop();
    }
  });
});
