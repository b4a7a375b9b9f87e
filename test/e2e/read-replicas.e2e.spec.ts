import { Client } from 'pg';
import request from 'supertest';
import { createTestDatabase } from '../support/database';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * DATABASE_REPLICA_URLS: the replica here is a second database with the same migrations, which only gets the rows
 * the test copies into it (a replica that has not caught up yet), so a read served by it is told apart from one
 * served by the primary.
 */
describe('read replicas', () => {
  let t: TestApp;
  let primary: Client;
  let replica: Client;
  let replicaName: string;
  const person = residents('eligible')[0];
  let dossierId: string;
  let receiver: string;
  let director: string;
  const api = () => request(t.baseUrl);
  // A period around now wide enough for the filing day in Hà Nội time whatever the hour in UTC.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  /** The replica catches up: the primary's rows of these tables copied as they are. */
  async function replicate(...tables: string[]): Promise<void> {
    for (const table of tables) {
      const columns = (
        await replica.query(
          `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS list
             FROM information_schema.columns WHERE table_name = $1 AND is_generated = 'NEVER'`,
          [table],
        )
      ).rows[0].list;
      const { rows } = await primary.query(`SELECT row_to_json(x) AS r FROM ${table} x`);
      for (const { r } of rows) {
        await replica.query(
          `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_record(null::${table}, $1)
           ON CONFLICT DO NOTHING`,
          [r],
        );
      }
    }
  }

  beforeAll(async () => {
    const second = await createTestDatabase();
    replicaName = second.name;
    replica = new Client({ connectionString: second.url });
    replica.on('error', () => undefined); // ended by the outage test
    await replica.connect();
    t = await startTestApp({ DATABASE_REPLICA_URLS: ` ${second.appUrl} ,` });
    primary = new Client({ connectionString: t.databaseUrl });
    await primary.connect();
    receiver = await staffBearer(t, 'tn.replica', 'receiver', 'DNA-BH');
    director = await staffBearer(t, 'gd.replica', 'director', null);
    const citizen = await citizenBearer(t, person.personalId);
    dossierId = (await api().post('/api/v1/dossiers').set(auth(citizen)).send(applicationFor(person)).expect(201)).body
      .id;
  });
  afterAll(async () => {
    await primary?.end();
    await replica?.end().catch(() => undefined);
    await t?.close();
  });

  it('writes on the primary only, and reads the dossier after writing it from the primary', async () => {
    expect((await primary.query(`SELECT count(*)::int AS n FROM dossier`)).rows).toEqual([{ n: 1 }]);
    expect((await replica.query(`SELECT count(*)::int AS n FROM dossier`)).rows).toEqual([{ n: 0 }]);
    const own = await api().get(`/api/v1/staff/dossiers/${dossierId}`).set(auth(receiver)).expect(200);
    expect(own.body.id).toBe(dossierId);
  });

  it('serves the staff queue, its counts and the leadership summary from the replica', async () => {
    const queue = async () =>
      (await api().get('/api/v1/staff/dossiers').set(auth(receiver)).expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      );
    const counts = async () =>
      (await api().get('/api/v1/staff/dossiers/counts').set(auth(receiver)).expect(200)).body.byStatus.SUBMITTED ?? 0;
    const filed = async () =>
      (
        await api()
          .get(`/api/v1/reports/summary?from=${day(-1)}&to=${day(2)}`)
          .set(auth(director))
          .expect(200)
      ).body.filed.total;
    expect(await queue()).toEqual([]);
    expect(await counts()).toBe(0);
    expect(await filed()).toBe(0);

    await replicate('service_center', 'dossier', 'dossier_event');
    expect(await queue()).toEqual([dossierId]);
    expect(await counts()).toBe(1);
    expect(await filed()).toBe(1);
  });

  it("connects to the replica as the application's own role", async () => {
    const { rows } = await replica.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = $1 AND application_name = 'tro-cap-that-nghiep'`,
      [replicaName],
    );
    expect(rows).toEqual([{ usename: new URL(t.appDatabaseUrl).username }]);
  });

  it('reads from the primary while the replica refuses connections, and the writes go on', async () => {
    const counts = async () =>
      (await api().get('/api/v1/staff/dossiers/counts').set(auth(receiver)).expect(200)).body.byStatus.SUBMITTED ?? 0;
    // A second filing reaches the primary only: the replica (one dossier) lags behind the primary (two).
    const other = residents('eligible')[1];
    await api()
      .post('/api/v1/dossiers')
      .set(auth(await citizenBearer(t, other.personalId)))
      .send(applicationFor(other))
      .expect(201);
    expect(await counts()).toBe(1);

    const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${replicaName} ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [replicaName],
      );
      expect(await counts()).toBe(2);
      await api().get(`/api/v1/staff/dossiers`).set(auth(receiver)).expect(200);
    } finally {
      await admin.query(`ALTER DATABASE ${replicaName} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });
});
