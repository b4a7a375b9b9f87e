import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { migrations } from '../../migrations';
import { OPEN_STATUSES } from '../../src/dossiers/domain/dossier-status';
import { createTestDatabase } from '../support/database';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

describe('npm run migration:run / migration:revert', () => {
  it('reverts the last migration and applies it again on a real database', async () => {
    const { url } = await createTestDatabase();
    const migrate = (...args: string[]) =>
      run(process.execPath, ['-r', '@swc-node/register', join(root, 'scripts', 'migrate.ts'), ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url },
      });
    const count = async () => {
      const db = new Client({ connectionString: url });
      await db.connect();
      const { rows } = await db.query('SELECT count(*)::int AS n FROM schema_migrations');
      await db.end();
      return rows[0].n;
    };
    expect(await count()).toBe(migrations.length);
    expect((await migrate('revert')).stdout).toContain('reverted');
    expect(await count()).toBe(migrations.length - 1);
    expect((await migrate('run')).stdout).toContain('applied:');
    expect(await count()).toBe(migrations.length);
    expect((await migrate('run')).stdout).toContain('up to date');
  }, 60000);
});

describe('the schema agrees with the workflow table', () => {
  it('counts as open (one open dossier per person) exactly the statuses OPEN_STATUSES names', async () => {
    const { url } = await createTestDatabase();
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT pg_get_expr(d.adbin, d.adrelid) AS expr FROM pg_attrdef d
         JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
         WHERE d.adrelid = 'dossier'::regclass AND a.attname = 'is_open'`,
      );
      const inExpression = [...rows[0].expr.matchAll(/'([A-Z_]+)'/g)].map((m: RegExpMatchArray) => m[1]).sort();
      expect(inExpression).toEqual([...OPEN_STATUSES].sort());
    } finally {
      await db.end();
    }
  });
});
