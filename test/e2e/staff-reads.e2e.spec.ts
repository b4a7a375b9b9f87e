import { Client } from 'pg';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/** Issue #14: staff reads of registry data in the citizen's data-access log; searches by personal ID off the URL. */
describe('staff reads of a dossier', () => {
  let t: TestApp;
  let db: Client;
  const person = residents('eligible')[0];
  let citizen: string;
  let dossierId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    citizen = await citizenBearer(t, person.personalId);
    dossierId = (
      await request(t.baseUrl).post('/api/v1/dossiers').set(auth(citizen)).send(applicationFor(person)).expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);

  it("logs a staff member's and an administrator's view of the dossier as reads of the citizen's registry data", async () => {
    const reviewer = await staffBearer(t, 'td.reads', 'reviewer', 'DNA-BH');
    const admin = await staffBearer(t, 'qt.reads', 'admin', null);
    await api().get(`/api/v1/staff/dossiers/${dossierId}`).set(auth(reviewer)).expect(200);
    await api().get(`/api/v1/staff/dossiers/${dossierId}`).set(auth(admin)).expect(200);
    const { rows } = await db.query(
      `SELECT actor_type, actor_id, source, purpose FROM data_access_log
        WHERE subject_personal_id = $1 AND purpose = 'dossier_review' ORDER BY actor_id, source`,
      [person.personalId],
    );
    expect(rows).toEqual([
      { actor_type: 'staff', actor_id: 'qt.reads', source: 'population', purpose: 'dossier_review' },
      { actor_type: 'staff', actor_id: 'qt.reads', source: 'social_insurance', purpose: 'dossier_review' },
      { actor_type: 'staff', actor_id: 'td.reads', source: 'population', purpose: 'dossier_review' },
      { actor_type: 'staff', actor_id: 'td.reads', source: 'social_insurance', purpose: 'dossier_review' },
    ]);
    const history = await api().get('/api/v1/me/data-access').set(auth(citizen)).expect(200);
    expect(history.body.items).toContainEqual(
      expect.objectContaining({ actorType: 'staff', actorId: 'td.reads', purpose: 'dossier_review' }),
    );
    // Another center's officer is refused and nothing is logged for them.
    const other = await staffBearer(t, 'tn.reads.dx', 'receiver', 'DNA-DX');
    await api().get(`/api/v1/staff/dossiers/${dossierId}`).set(auth(other)).expect(403);
    const { rows: others } = await db.query(`SELECT 1 FROM data_access_log WHERE actor_id = 'tn.reads.dx'`);
    expect(others).toEqual([]);
  });

  it('searches the queue by personal ID with the query in the body, like the GET', async () => {
    const receiver = await staffBearer(t, 'tn.reads', 'receiver', 'DNA-BH');
    const posted = await api()
      .post('/api/v1/staff/dossiers/search')
      .set(auth(receiver))
      .send({ q: person.personalId, limit: '10' })
      .expect(200);
    expect(posted.body.items.map((i: { id: string }) => i.id)).toEqual([dossierId]);
    const got = await api()
      .get(`/api/v1/staff/dossiers?q=${person.personalId}&limit=10`)
      .set(auth(receiver))
      .expect(200);
    expect(posted.body).toEqual(got.body);
    const bad = await api().post('/api/v1/staff/dossiers/search').set(auth(receiver)).send({ q: 'x', cursor: '%%' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cursor', 'q']);
    await api().post('/api/v1/staff/dossiers/search').set(auth(citizen)).send({}).expect(403);
  });
});
