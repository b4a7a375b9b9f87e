import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrations } from '../../migrations';
import { runMigrations } from '../../src/platform/database/migrate';

/** Two instances starting together on an empty database (docker-compose: app and app-2) migrate it once. */
describe('runMigrations from two instances at once', () => {
  it('applies every migration once: one instance applies them, the other finds them applied', async () => {
    const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
    const name = `tctn_lock_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const [a, b] = await Promise.all([runMigrations(url.toString()), runMigrations(url.toString())]);
    expect([a.length, b.length].sort((x, y) => x - y)).toEqual([0, migrations.length]);
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM schema_migrations`);
      expect(rows).toEqual([{ n: migrations.length }]);
    } finally {
      await db.end();
    }
  });
});
