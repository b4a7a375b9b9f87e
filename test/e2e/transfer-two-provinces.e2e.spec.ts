import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { signPackage, TransferPackage } from '../../src/transfers/domain/transfer-package';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { beneficiary, eventually, PEER_CLIENT, startProvince } from '../support/two-provinces';

/**
 * Issue #20 acceptance: two instances as two provinces (Đồng Nai 075 and TP. Hồ Chí Minh 079), each with its own
 * database and object store. A beneficiary of Đồng Nai asks to move; the center refuses once (reason back to the
 * citizen), then approves; the signed package reaches Hồ Chí Minh, which opens the benefit from the next window;
 * Đồng Nai marks it transferred and stops its windows; the citizen files the next notice in Hồ Chí Minh. A repeat of
 * the package makes no second beneficiary, and a package signed by an unknown key is refused.
 */
describe('moving a benefit between two provinces', () => {
  let dn: Awaited<ReturnType<typeof startProvince>>;
  let hcm: Awaited<ReturnType<typeof startProvince>>;

  beforeAll(async () => {
    const [dnPort, hcmPort] = [await findFreePort(), await findFreePort()];
    [dn, hcm] = await Promise.all([
      startProvince('075', dnPort, { '079': hcmPort }),
      startProvince('079', hcmPort, { '075': dnPort }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await request(hcm?.t.baseUrl).delete('/sandbox/clock');
    await Promise.all([dn?.close(), hcm?.close()]);
  });

  it('hands the beneficiary over and the next notice is filed in the receiving province', async () => {
    const a = () => request(dn.t.baseUrl);
    const b = () => request(hcm.t.baseUrl);
    // Each province accepts the federation's client credentials (scope peer_province).
    const early = await b().post('/api/v1/auth/clients/token').send(PEER_CLIENT);
    expect({ status: early.status, body: early.body }).toMatchObject({ status: 200 });
    const { citizen, token, id } = await beneficiary(dn.t);
    const headDn = await staffBearer(dn.t, 'center_head.test', 'center_head', 'DNA-BH');

    // The provinces on offer are the configured peers; an unlisted one is a 400 naming the field.
    expect((await a().get('/api/v1/transfers/provinces').set(auth(token)).expect(200)).body).toEqual([
      { provinceCode: '079', name: 'TP. Hồ Chí Minh' },
    ]);
    const ask = {
      toProvince: '079',
      reason: 'Chuyển về sống cùng gia đình',
      newAddress: '12 Nguyễn Huệ, TP. Hồ Chí Minh',
    };
    const unlisted = await a()
      .post(`/api/v1/dossiers/${id}/transfer`)
      .set(auth(token))
      .send({ ...ask, toProvince: '001' })
      .expect(400);
    expect(unlisted.body.errors).toEqual([expect.objectContaining({ field: 'toProvince', code: 'unknown_province' })]);
    // Someone else's dossier is not found.
    const other = await citizenBearer(dn.t, '075190000099');
    await a().post(`/api/v1/dossiers/${id}/transfer`).set(auth(other)).send(ask).expect(404);

    // First request: refused by the center with a reason the citizen reads; the benefit stays.
    const first = (await a().post(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).send(ask).expect(201)).body;
    expect(first).toMatchObject({ status: 'requested', toProvince: { provinceCode: '079' } });
    await a().post(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).send(ask).expect(409);
    const queue = (await a().get('/api/v1/staff/transfers').set(auth(headDn)).expect(200)).body;
    expect(queue.map((r: { id: string }) => r.id)).toContain(first.id);
    const reviewer = await staffBearer(dn.t, 'reviewer.test', 'reviewer', 'DNA-BH');
    await a().post(`/api/v1/staff/transfers/${first.id}/approve`).set(auth(reviewer)).expect(403);
    await a()
      .post(`/api/v1/staff/transfers/${first.id}/refuse`)
      .set(auth(headDn))
      .send({ reason: 'Chưa có xác nhận nơi cư trú mới.' })
      .expect(200);
    const refused = (await a().get(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).expect(200)).body;
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'Chưa có xác nhận nơi cư trú mới.' });
    expect((await a().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(200)).body.status).not.toBe(
      'transferred',
    );

    // Second request: approved; the package is delivered and accepted.
    const second = (await a().post(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).send(ask).expect(201)).body;
    const approved = (await a().post(`/api/v1/staff/transfers/${second.id}/approve`).set(auth(headDn)).expect(200))
      .body;
    expect(approved).toMatchObject({ status: 'approved', handOverFromMonth: expect.any(Number) });
    await a().post(`/api/v1/staff/transfers/${second.id}/approve`).set(auth(headDn)).expect(409);
    const done = await eventually(async () => {
      const r = (await a().get(`/api/v1/dossiers/${id}/transfer`).set(auth(token)).expect(200)).body;
      return r.status === 'accepted' ? r : undefined;
    }, 'the receiving province to accept').catch(async (error: Error) => {
      const jobs = await dn.db.query(`SELECT status, attempts, last_error FROM job WHERE queue = 'transfers.send'`);
      throw new Error(`${error.message}: ${JSON.stringify(jobs.rows)}`);
    });
    const from = approved.handOverFromMonth as number;

    // Sending side: transferred, no next notice, months from the hand-over cancelled here, a notice refused.
    const sent = (await a().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(200)).body;
    expect(sent).toMatchObject({ status: 'transferred', nextNotice: null });
    expect(
      sent.months.filter((m: { month: number }) => m.month >= from).map((m: { state: string }) => m.state),
    ).toEqual(sent.months.filter((m: { month: number }) => m.month >= from).map(() => 'cancelled'));
    await a()
      .post(`/api/v1/dossiers/${id}/job-search-notices`)
      .set(auth(token))
      .send({ month: from, activities: [activity(sent.months[from - 1].noticeWindow.from)] })
      .expect(409);
    // ...and its social insurance office and the portal heard of it.
    const [office] = (
      await dn.db.query(
        `SELECT payload FROM job WHERE queue = 'social-insurance.send' AND payload->>'type' = 'transfer_out'`,
      )
    ).rows;
    expect(office.payload).toMatchObject({ personalId: citizen.personalId, month: from });
    await eventually(async () => {
      const { rows } = await dn.db.query(
        `SELECT status FROM job WHERE queue = 'social-insurance.send' AND payload->>'type' = 'transfer_out'`,
      );
      return rows[0]?.status === 'done' ? true : undefined;
    }, 'the office to receive transfer_out');
    const portalDn = (await dn.db.query(`SELECT payload FROM job WHERE queue = 'portal.deliver' ORDER BY id`)).rows;
    expect(portalDn.map((r) => r.payload.benefit?.event).filter(Boolean)).toEqual(
      expect.arrayContaining(['transfer_requested', 'transfer_refused', 'transfer_approved', 'transferred']),
    );

    // Receiving side: the same person logs in there and finds the dossier and the months from the hand-over.
    const tokenB = await citizenBearer(hcm.t, citizen.personalId);
    const list = (await b().get('/api/v1/dossiers').set(auth(tokenB)).expect(200)).body;
    const items = Array.isArray(list) ? list : list.items;
    expect(items).toHaveLength(1);
    const moved = items[0];
    expect(moved.code).toBe(done.receivingDossierCode);
    const there = (await b().get(`/api/v1/dossiers/${moved.id}/benefit`).set(auth(tokenB)).expect(200)).body;
    expect(there.monthlyBenefit).toBe(sent.monthlyBenefit);
    expect(there.months.map((m: { month: number }) => m.month)[0]).toBe(from);
    expect(there.months.map((m: { noticeWindow: unknown }) => m.noticeWindow)).toEqual(
      sent.months
        .filter((m: { month: number }) => m.month >= from)
        .map((m: { noticeWindow: unknown }) => m.noticeWindow),
    );
    const [officeB] = (
      await hcm.db.query(
        `SELECT payload FROM job WHERE queue = 'social-insurance.send' AND payload->>'type' = 'transfer_in'`,
      )
    ).rows;
    expect(officeB.payload.benefit.months).toHaveLength(there.months.length);
    const portalB = (await hcm.db.query(`SELECT payload FROM job WHERE queue = 'portal.deliver'`)).rows;
    expect(portalB.map((r) => r.payload.benefit?.event)).toContain('transfer_received');

    // Both dossiers' histories tell the citizen what happened, in Vietnamese.
    const labels = async (api: typeof a, dossierId: string, t: string) =>
      (
        (await api().get(`/api/v1/dossiers/${dossierId}`).set(auth(t)).expect(200)).body.history as {
          actionLabel: string;
        }[]
      ).map((e) => e.actionLabel);
    expect(await labels(a, id, token)).toEqual(
      expect.arrayContaining([
        'Đề nghị chuyển nơi hưởng',
        'Trung tâm không đồng ý chuyển nơi hưởng',
        'Đã chuyển nơi hưởng sang tỉnh khác',
      ]),
    );
    expect(await labels(b, moved.id, tokenB)).toEqual(['Nhận hồ sơ chuyển nơi hưởng từ tỉnh khác']);

    // The next notice, in its window, is filed in Hồ Chí Minh.
    const window = there.months[0].noticeWindow;
    await b().put('/sandbox/clock').send({ today: window.from }).expect(200);
    const tokenLater = await citizenBearer(hcm.t, citizen.personalId);
    const notice = await b()
      .post(`/api/v1/dossiers/${moved.id}/job-search-notices`)
      .set(auth(tokenLater))
      .send({ month: from, activities: [activity(window.from)] })
      .expect(201);
    expect(notice.body).toMatchObject({ month: from, channel: 'online' });

    // The same package again (a retry after a lost answer): the same dossier, never a second beneficiary.
    const jws = (await dn.db.query(`SELECT package_jws FROM transfer_request WHERE id = $1`, [second.id])).rows[0]
      .package_jws;
    const peerToken = (await b().post('/api/v1/auth/clients/token').send(PEER_CLIENT).expect(200)).body.accessToken;
    const repeat = await b().post('/api/v1/transfers/packages').set(auth(peerToken)).send({ package: jws }).expect(200);
    expect(repeat.body).toMatchObject({ status: 'accepted', dossierCode: moved.code });
    const count = await hcm.db.query(`SELECT count(*)::int AS n FROM benefit WHERE personal_id = $1`, [
      citizen.personalId,
    ]);
    expect(count.rows[0].n).toBe(1);

    // Another package for the same person (a new package id, genuinely signed by Đồng Nai) while the benefit runs in
    // Hồ Chí Minh: refused as already a beneficiary there, and a repeat gets the same refusal.
    const dnKey = createPrivateKey(readFileSync(join(dn.t.runtime.config.dataDir, 'transfer-signing-key.pem')));
    const kid = (await b().get('/api/v1/transfers/keys').expect(200)).body.keys[0].kid as string;
    const dnKid = (await a().get('/api/v1/transfers/keys').expect(200)).body.keys[0].kid as string;
    expect(dnKid).not.toBe(kid);
    const again = await signPackage(
      {
        ...(JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString()) as TransferPackage),
        packageId: randomUUID(),
      },
      dnKey,
      dnKid,
    );
    for (let i = 0; i < 2; i++) {
      const r = await b().post('/api/v1/transfers/packages').set(auth(peerToken)).send({ package: again }).expect(422);
      expect(r.body.errors).toEqual([expect.objectContaining({ field: 'package', code: 'already_beneficiary' })]);
    }

    // A package signed with a key Đồng Nai never published is refused with the reason; a citizen cannot deliver one.
    const forged = await signPackage(
      JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString()) as TransferPackage,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
      'forged',
    );
    const refusedForged = await b()
      .post('/api/v1/transfers/packages')
      .set(auth(peerToken))
      .send({ package: forged })
      .expect(422);
    expect(refusedForged.body.errors).toEqual([expect.objectContaining({ field: 'package', code: 'unknown_sender' })]);
    await b().post('/api/v1/transfers/packages').set(auth(tokenLater)).send({ package: forged }).expect(403);
  }, 240_000);
});

function activity(contactedOn: string) {
  return { employer: 'Công ty TNHH Minh Phát', position: 'Nhân viên kho', contactedOn, outcome: 'interviewed' };
}
