import request from 'supertest';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { auth, staffBearer } from '../support/tokens';
import { beneficiary, eventually, PEER_CLIENT, startProvince } from '../support/two-provinces';

/**
 * Issue #20 failure handling: the receiving province is down while the transfer is sent (retried with backoff,
 * nothing lost, delivered once it is up, one beneficiary however many times the package arrives), and a package the
 * receiver refuses (the reason comes back, the benefit stays where it was).
 */
describe('a transfer while the receiving province is down', () => {
  let dn: Awaited<ReturnType<typeof startProvince>>;
  let hcm: Awaited<ReturnType<typeof startProvince>> | undefined;
  let dnPort: number;
  let hcmPort: number;

  beforeAll(async () => {
    [dnPort, hcmPort] = [await findFreePort(), await findFreePort()];
    // 077 is configured at Hồ Chí Minh's address too, so a package for it reaches a province that is not 077.
    dn = await startProvince('075', dnPort, { '079': hcmPort, '077': hcmPort });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([dn?.close(), hcm?.close()]);
  });

  it('retries until the receiver is up, then hands over exactly once; a refused package leaves the benefit', async () => {
    const a = () => request(dn.t.baseUrl);
    const head = await staffBearer(dn.t, 'center_head.test', 'center_head', 'DNA-BH');
    const { citizen, token, id } = await beneficiary(dn.t);
    const ask = {
      toProvince: '079',
      reason: 'Chuyển về sống cùng gia đình',
      newAddress: '12 Nguyễn Huệ, TP. Hồ Chí Minh',
    };
    const req = (await a().post(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).send(ask).expect(201)).body;
    await a().post(`/api/v1/staff/transfers/${req.id}/approve`).set(auth(head)).expect(200);

    // Hồ Chí Minh is down: the delivery fails and is retried; the request waits, the benefit stays here.
    await eventually(async () => {
      const { rows } = await dn.db.query(`SELECT attempts, last_error FROM job WHERE queue = 'transfers.send'`);
      return rows[0]?.attempts >= 3 && /network error/.test(rows[0].last_error) ? rows[0] : undefined;
    }, 'three failed attempts');
    expect((await a().get(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).expect(200)).body.status).toBe(
      'approved',
    );
    expect((await a().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(200)).body.status).not.toBe(
      'transferred',
    );

    // A second transfer approved while Hồ Chí Minh is down, whose benefit the Director then terminates: when the
    // receiver is back there is nothing left to hand over, the request is cancelled and nothing arrives there.
    const ended = await beneficiary(dn.t, 'exactly-12-months');
    const endedReq = (
      await a().post(`/api/v1/dossiers/${ended.id}/transfer`).set(auth(ended.token)).send(ask).expect(201)
    ).body;
    await a().post(`/api/v1/staff/transfers/${endedReq.id}/approve`).set(auth(head)).expect(200);
    const director = await staffBearer(dn.t, 'director.test', 'director', null);
    const version = (await a().get(`/api/v1/staff/dossiers/${ended.id}`).set(auth(director)).expect(200)).body.version;
    const today = (await a().get(`/api/v1/dossiers/${ended.id}/benefit`).set(auth(ended.token)).expect(200)).body.today;
    await a()
      .post(`/api/v1/staff/dossiers/${ended.id}/actions`)
      .set(auth(director))
      .send({ action: 'terminate', terminationReason: 'own_request', effectiveDate: today, expectedVersion: version })
      .expect(200);

    // Hồ Chí Minh comes up on its address: the next attempt delivers it.
    hcm = await startProvince('079', hcmPort, { '075': dnPort });
    const done = await eventually(async () => {
      const r = (await a().get(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).expect(200)).body;
      return r.status === 'accepted' ? r : undefined;
    }, 'the delivery once the receiver is up');
    expect((await a().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(200)).body.status).toBe(
      'transferred',
    );
    const cancelled = await eventually(async () => {
      const r = (await a().get(`/api/v1/dossiers/${ended.id}/transfer`).set(auth(ended.token)).expect(200)).body;
      return r.status === 'cancelled' ? r : undefined;
    }, 'the transfer of the terminated benefit to be cancelled');
    expect(cancelled.refusalReason).toMatch(/đã chấm dứt/);
    expect((await a().get(`/api/v1/dossiers/${ended.id}/benefit`).set(auth(ended.token)).expect(200)).body.status).toBe(
      'terminated',
    );
    const jobs = (await dn.db.query(`SELECT status FROM job WHERE queue = 'transfers.send'`)).rows;
    expect(jobs).toEqual([{ status: 'done' }, { status: 'done' }]);

    // The same package arriving again, several times at once (retries racing a lost answer): one beneficiary.
    const jws = (await dn.db.query(`SELECT package_jws FROM transfer_request WHERE id = $1`, [req.id])).rows[0]
      .package_jws;
    const b = () => request(hcm!.t.baseUrl);
    const peer = (await b().post('/api/v1/auth/clients/token').send(PEER_CLIENT).expect(200)).body.accessToken;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() => b().post('/api/v1/transfers/packages').set(auth(peer)).send({ package: jws })),
    );
    expect(answers.map((r) => [r.status, r.body.dossierCode])).toEqual(
      answers.map(() => [200, done.receivingDossierCode]),
    );
    const counts = await hcm.db.query(
      `SELECT (SELECT count(*)::int FROM benefit WHERE personal_id = $1) AS benefits,
              (SELECT count(*)::int FROM dossier WHERE personal_id = $1) AS dossiers`,
      [citizen.personalId],
    );
    expect(counts.rows[0]).toEqual({ benefits: 1, dossiers: 1 });
    const endedThere = await hcm.db.query(`SELECT count(*)::int AS n FROM transfer_incoming WHERE personal_id = $1`, [
      ended.citizen.personalId,
    ]);
    expect(endedThere.rows[0].n).toBe(0);

    // A package the receiver refuses (addressed to 077, delivered to 079): the reason comes back, the benefit stays.
    const other = await beneficiary(dn.t, 'cap-zone-1');
    const wrong = (
      await a()
        .post(`/api/v1/dossiers/${other.id}/transfer`)
        .set(auth(other.token))
        .send({ ...ask, toProvince: '077' })
        .expect(201)
    ).body;
    await a().post(`/api/v1/staff/transfers/${wrong.id}/approve`).set(auth(head)).expect(200);
    const rejected = await eventually(async () => {
      const r = (await a().get(`/api/v1/dossiers/${other.id}/transfer`).set(auth(other.token)).expect(200)).body;
      return r.status === 'rejected' ? r : undefined;
    }, 'the refusal to come back');
    expect(rejected.refusalReason).toMatch(/không gửi cho tỉnh này/);
    const stays = (await a().get(`/api/v1/dossiers/${other.id}/benefit`).set(auth(other.token)).expect(200)).body;
    expect(['active', 'not_started']).toContain(stays.status);
    expect(stays.nextNotice).not.toBeNull();
    const none = await hcm.db.query(`SELECT count(*)::int AS n FROM benefit WHERE personal_id = $1`, [
      other.citizen.personalId,
    ]);
    expect(none.rows[0].n).toBe(0);
  }, 300_000);
});
