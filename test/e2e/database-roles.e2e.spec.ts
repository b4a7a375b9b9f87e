import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { excessPrivileges } from '../../src/platform/database/roles';
import { startRuntime } from '../../src/platform/embedded/runtime';
import { createTestDatabase } from '../support/database';
import { productionEnv } from '../support/production-env';

/** The service's database role cannot rewrite history: only the owner (or a superuser) could, and it is neither. */
describe('the application database role (least privilege)', () => {
  let owner: Client;
  let app: Client;
  let urls: { url: string; appUrl: string };

  beforeAll(async () => {
    urls = await createTestDatabase();
    owner = new Client({ connectionString: urls.url });
    app = new Client({ connectionString: urls.appUrl });
    await owner.connect();
    await app.connect();
    await app.query(
      `INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, prev_hash, hash)
       VALUES (now(), 'system', NULL, 'test', 'test', '1', '{}', repeat('0', 64), repeat('a', 64))`,
    );
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
  });

  it('is neither a superuser nor the owner of any table', async () => {
    expect(await excessPrivileges(urls.appUrl)).toEqual([]);
    expect((await excessPrivileges(urls.url)).join()).toMatch(/superuser/);
  });

  it.each([
    ['UPDATE audit_log SET action = $$x$$', /permission denied/],
    ['DELETE FROM audit_log', /permission denied/],
    ['TRUNCATE audit_log', /permission denied/],
    ['ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be (the )?owner/],
    ['DROP TRIGGER audit_log_no_update_delete ON audit_log', /must be (the )?owner/],
    ['SET session_replication_role = replica', /permission denied/],
    ['UPDATE audit_checkpoint SET head_hash = repeat($$b$$, 64)', /permission denied/],
    ['DELETE FROM audit_checkpoint', /permission denied/],
    ['TRUNCATE audit_checkpoint', /permission denied/],
    ['DROP TABLE audit_checkpoint', /must be (the )?owner/],
    ['ALTER TABLE dossier ADD COLUMN x int', /must be (the )?owner/],
    ['DELETE FROM schema_migrations', /permission denied/],
    ['CREATE TABLE shadow (id int)', /permission denied/],
  ])('refuses %s', async (sql, error) => {
    await expect(app.query(sql)).rejects.toThrow(error);
  });

  it('may read and append to the audit log, and read and write the working tables', async () => {
    expect((await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(1);
    await app.query(`UPDATE service_center SET name = name WHERE false`);
    await app.query(`DELETE FROM idempotency_key WHERE false`);
  });

  it('gets the same rights on a table a later migration creates (default privileges)', async () => {
    await owner.query('CREATE TABLE later_feature (id bigserial PRIMARY KEY, note text)');
    await app.query(`INSERT INTO later_feature (note) VALUES ('ghi chú')`);
    await app.query(`UPDATE later_feature SET note = 'sửa'`);
    await expect(app.query('ALTER TABLE later_feature DISABLE TRIGGER ALL')).rejects.toThrow(/must be (the )?owner/);
  });

  it('with SANDBOX=off the service refuses to start on a superuser connection, naming the problem', async () => {
    const production = await productionEnv();
    try {
      const config = loadConfig({
        ...production.env,
        PORT: '0',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'tctn-roles-')),
        DATABASE_URL: urls.url,
        DATABASE_MIGRATION_URL: urls.url,
      });
      await expect(startRuntime(config, () => undefined)).rejects.toThrow(
        /DATABASE_URL must connect as the application's least-privileged role.*is a superuser/,
      );
    } finally {
      await production.stop();
    }
  });
});
