import { createHash } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { attachTerminationProof } from '../support/attachments';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('dossier lifecycle over HTTP', () => {
  let t: TestApp;
  let db: Client;
  const eligible = residents('eligible');
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    tokens.receiver = await staffBearer(t, 'tn.bh', 'receiver', 'DNA-BH');
    tokens.reviewer = await staffBearer(t, 'td.bh', 'reviewer', 'DNA-BH');
    tokens.head = await staffBearer(t, 'gd.bh', 'center_head', 'DNA-BH');
    tokens.director = await staffBearer(t, 'giamdoc', 'director', null);
    tokens.otherReceiver = await staffBearer(t, 'tn.dx', 'receiver', 'DNA-DX');
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);
  const act = (id: string, token: string, body: Record<string, unknown>) =>
    api().post(`/api/v1/staff/dossiers/${id}/actions`).set(auth(token)).send(body);

  it('files, moves through every stage with a supplement pause, and records history, audit and portal events', async () => {
    const citizen = eligible[0];
    const token = await citizenBearer(t, citizen.personalId);
    const filed = await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201);
    expect(filed.body).toMatchObject({
      status: 'SUBMITTED',
      portalStatusCode: 1,
      version: 1,
      channel: 'online',
      personalId: citizen.personalId,
    });
    expect(filed.body.code).toMatch(/^DNA-BH-\d{8}-\d{5}$/);
    expect(filed.body.applicant.fullName).toBe(citizen.fullName);
    expect(filed.body.assessment.eligible).toBe(true);
    expect(filed.body.history).toEqual([
      expect.objectContaining({ action: 'submit', status: 'SUBMITTED', statusLabel: 'Mới nộp, chờ tiếp nhận' }),
    ]);
    const id = filed.body.id;

    const upload = await api()
      .post(`/api/v1/dossiers/${id}/attachments`)
      .set(auth(token))
      .field('kind', 'termination_proof')
      .attach('file', PDF, 'quyet-dinh-thoi-viec.pdf')
      .expect(201);
    expect(upload.body).toMatchObject({
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const back = await api().get(`/api/v1/dossiers/${id}/attachments/${upload.body.id}`).set(auth(token)).expect(200);
    expect(Buffer.from(back.body)).toEqual(PDF);

    let d = (await act(id, tokens.receiver, { action: 'receive', expectedVersion: 1 }).expect(200)).body;
    expect(d).toMatchObject({ status: 'RECEIVED', portalStatusCode: 2, version: 2 });
    expect(d.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    d = (await act(id, tokens.reviewer, { action: 'start_review', expectedVersion: 2 }).expect(200)).body;
    d = (
      await act(id, tokens.reviewer, {
        action: 'request_supplement',
        expectedVersion: 3,
        items: ['Bản sao quyết định thôi việc có chứng thực'],
      }).expect(200)
    ).body;
    expect(d).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', portalStatusCode: 5 });
    const mine = (await api().get(`/api/v1/dossiers/${id}`).set(auth(token)).expect(200)).body;
    expect(mine.supplementRequest.items).toEqual(['Bản sao quyết định thôi việc có chứng thực']);
    d = (
      await api()
        .post(`/api/v1/dossiers/${id}/supplement`)
        .set(auth(token))
        .send({ expectedVersion: 4, note: 'Đã bổ sung bản sao' })
        .expect(200)
    ).body;
    expect(d.status).toBe('IN_REVIEW');
    d = (
      await act(id, tokens.reviewer, {
        action: 'complete_review',
        expectedVersion: 5,
        recommendation: 'approve',
      }).expect(200)
    ).body;
    expect(d.review.reemployment.contributedAfterTermination).toBe(false);
    d = (await act(id, tokens.head, { action: 'propose', expectedVersion: 6 }).expect(200)).body;
    d = (await act(id, tokens.director, { action: 'approve', expectedVersion: 7 }).expect(200)).body;
    expect(d).toMatchObject({ status: 'APPROVED', portalStatusCode: 9 });
    d = (await act(id, tokens.receiver, { action: 'return_result', expectedVersion: 8 }).expect(200)).body;
    expect(d).toMatchObject({ status: 'RESULT_RETURNED', portalStatusCode: 10, version: 9 });
    expect(d.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'receive',
      'start_review',
      'request_supplement',
      'supplement',
      'complete_review',
      'propose',
      'approve',
      'return_result',
    ]);

    const outbox = await db.query(
      `SELECT payload, hold AS "heldFor" FROM job WHERE queue = 'portal.deliver' AND key = $1 ORDER BY id`,
      [id],
    );
    expect(outbox.rows.map((r) => r.payload.portalStatusCode)).toEqual([1, 2, 4, 5, 4, 4, 4, 9, 10]);
    // The approval event waits for the signed decision and then carries it (added when the decision is issued).
    expect(outbox.rows[7].heldFor === 'decision-approval' || outbox.rows[7].payload.decision?.number).toBeTruthy();
    expect(outbox.rows.filter((r) => r.heldFor).length).toBeLessThanOrEqual(1);
    expect(outbox.rows[0].payload).toMatchObject({
      dossierCode: filed.body.code,
      personalId: citizen.personalId,
      procedureCode: '1.001978',
      status: 'SUBMITTED',
    });
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.action)).toContain('dossier.approve');
    const events = await db.query(`SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1`, [id]);
    expect(events.rows[0].n).toBe(9);
  });

  it('creates exactly one dossier from 50 concurrent filings with one Idempotency-Key, and 409s a different body', async () => {
    const citizen = eligible[1];
    const token = await citizenBearer(t, citizen.personalId);
    const body = applicationFor(citizen);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api().post('/api/v1/dossiers').set(auth(token)).set('Idempotency-Key', 'k-50').send(body),
      ),
    );
    expect(responses.map((r) => r.status).every((s) => s === 201)).toBe(true);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const count = await db.query(`SELECT count(*)::int AS n FROM dossier WHERE personal_id = $1`, [citizen.personalId]);
    expect(count.rows[0].n).toBe(1);
    const other = await api()
      .post('/api/v1/dossiers')
      .set(auth(token))
      .set('Idempotency-Key', 'k-50')
      .send({ ...body, phone: '0987654321' });
    expect(other.status).toBe(409);
  });

  it('refuses a second open dossier naming the open one, and a termination date in the future', async () => {
    const citizen = eligible[1];
    const token = await citizenBearer(t, citizen.personalId);
    const again = await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen));
    expect(again.status).toBe(409);
    expect(again.body.openDossierCode).toMatch(/^DNA-BH-/);
    const future = await api()
      .post('/api/v1/dossiers')
      .set(auth(await citizenBearer(t, eligible[2].personalId)))
      .send(applicationFor(eligible[2], 'DNA-BH', { terminationDate: '2099-01-01' }));
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'terminationDate', code: 'in_future' })]);
  });

  it.each([
    [{ payment: { method: 'bank' } }, 'payment.accountNumber'],
    [{ declarationAccepted: false }, 'declarationAccepted'],
    [{ fullName: 'Kẻ Mạo Danh' }, 'fullName'],
    [{ centerCode: 'XX-99' }, 'centerCode'],
    [{ terminationReason: 'fired_for_fun' }, 'terminationReason'],
  ])('answers a bad application with 400 naming the field and writes nothing (%#)', async (override, field) => {
    const citizen = eligible[3];
    const token = await citizenBearer(t, citizen.personalId);
    const res = await api()
      .post('/api/v1/dossiers')
      .set(auth(token))
      .send(applicationFor(citizen, 'DNA-BH', override));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const count = await db.query(`SELECT count(*)::int AS n FROM dossier WHERE personal_id = $1`, [citizen.personalId]);
    expect(count.rows[0].n).toBe(0);
  });

  it('keeps internal staff notes and staff names inside the service; notes for the citizen reach the citizen and the portal', async () => {
    const citizen = eligible[12];
    const token = await citizenBearer(t, citizen.personalId);
    const id = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201)).body
      .id;
    await attachTerminationProof(t.baseUrl, id, token);
    await act(id, tokens.receiver, {
      action: 'receive',
      expectedVersion: 1,
      note: 'Gọi điện xác minh với công ty, chưa liên lạc được',
    }).expect(200);
    await act(id, tokens.reviewer, {
      action: 'start_review',
      expectedVersion: 2,
      note: 'Xin chào, hồ sơ đang được thẩm định',
      noteVisibility: 'citizen',
    }).expect(200);
    await act(id, tokens.reviewer, {
      action: 'request_supplement',
      expectedVersion: 3,
      items: ['Bản sao hợp đồng'],
      note: 'Bạn bổ sung giúp bản sao hợp đồng',
    }).expect(200);
    await act(id, tokens.reviewer, { action: 'start_review', expectedVersion: 4, noteVisibility: 'secret' }).expect(
      400,
    );

    const mine = (await api().get(`/api/v1/dossiers/${id}`).set(auth(token)).expect(200)).body;
    const notes = mine.history.map((h: { action: string; note: string | null }) => [h.action, h.note]);
    expect(notes).toEqual([
      ['submit', null],
      ['receive', null],
      ['start_review', 'Xin chào, hồ sơ đang được thẩm định'],
      ['request_supplement', 'Bạn bổ sung giúp bản sao hợp đồng'],
    ]);
    expect(mine.history[1].actorName).toBe('Cán bộ tiếp nhận');
    expect(mine.history[2].actorName).toBe('Cán bộ thẩm định');
    expect(JSON.stringify(mine)).not.toContain('Gọi điện xác minh');

    const staff = (await api().get(`/api/v1/staff/dossiers/${id}`).set(auth(tokens.head)).expect(200)).body;
    expect(staff.history[1]).toMatchObject({
      note: 'Gọi điện xác minh với công ty, chưa liên lạc được',
      noteVisibility: 'internal',
    });

    const { rows } = await db.query(`SELECT payload FROM job WHERE queue = 'portal.deliver' AND key = $1 ORDER BY id`, [
      id,
    ]);
    const sent = rows.map((r: { payload: Record<string, any> }) => r.payload);
    expect(sent.map((p: Record<string, any>) => p.note ?? null)).toEqual([
      null,
      null,
      'Xin chào, hồ sơ đang được thẩm định',
      'Bạn bổ sung giúp bản sao hợp đồng',
    ]);
    for (const p of sent.slice(1)) expect(p.actor).toEqual({ type: 'staff', role: expect.any(String) });
  });

  it('gives exactly one success and 19 × 409 to 20 concurrent receives with the same version', async () => {
    const citizen = eligible[4];
    const citizenToken = await citizenBearer(t, citizen.personalId);
    const filed = await api()
      .post('/api/v1/dossiers')
      .set(auth(citizenToken))
      .send(applicationFor(citizen))
      .expect(201);
    await attachTerminationProof(t.baseUrl, filed.body.id, citizenToken);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => act(filed.body.id, tokens.receiver, { action: 'receive', expectedVersion: 1 })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it('hides a dossier from another citizen (404) and forbids staff of another center (403)', async () => {
    const owner = eligible[5];
    const filed = await api()
      .post('/api/v1/dossiers')
      .set(auth(await citizenBearer(t, owner.personalId)))
      .send(applicationFor(owner))
      .expect(201);
    const stranger = await citizenBearer(t, eligible[6].personalId);
    await api().get(`/api/v1/dossiers/${filed.body.id}`).set(auth(stranger)).expect(404);
    await api().post(`/api/v1/dossiers/${filed.body.id}/withdraw`).set(auth(stranger)).send({}).expect(404);
    await api().get(`/api/v1/staff/dossiers/${filed.body.id}`).set(auth(tokens.otherReceiver)).expect(403);
    await act(filed.body.id, tokens.otherReceiver, { action: 'receive', expectedVersion: 1 }).expect(403);
    const staffView = (
      await api().get(`/api/v1/staff/dossiers/${filed.body.id}`).set(auth(tokens.receiver)).expect(200)
    ).body;
    expect(staffView.allowedActions.map((a: { action: string }) => a.action)).toEqual([
      'receive',
      'request_supplement',
      'reject_intake',
    ]);
    const withdrawn = await api()
      .post(`/api/v1/dossiers/${filed.body.id}/withdraw`)
      .set(auth(await citizenBearer(t, owner.personalId)))
      .send({})
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', portalStatusCode: 7 });
  });

  it('rejects empty, oversized and disguised uploads with 400 and stores nothing', async () => {
    const citizen = eligible[7];
    const token = await citizenBearer(t, citizen.personalId);
    const filed = await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201);
    const url = `/api/v1/dossiers/${filed.body.id}/attachments`;
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200, 1)]);
    for (const [bytes, name, code] of [
      [Buffer.alloc(0), 'rong.pdf', 'empty'],
      [exe, 'hop-dong.pdf', 'unsupported_type'],
      [Buffer.alloc(10 * 1024 * 1024 + 1, 0x25), 'lon.pdf', 'too_large'],
    ] as const) {
      const res = await api().post(url).set(auth(token)).field('kind', 'other').attach('file', bytes, name);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code })]);
    }
    await api().post(url).set(auth(token)).send({ kind: 'other' }).expect(400);
    const count = await db.query(`SELECT count(*)::int AS n FROM attachment WHERE dossier_id = $1`, [filed.body.id]);
    expect(count.rows[0].n).toBe(0);
  });

  it('serves the work queue by due date with search without diacritics and keyset pages', async () => {
    const res = await api().get('/api/v1/staff/dossiers?limit=2').set(auth(tokens.receiver)).expect(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.nextCursor).toBeTruthy();
    const next = await api()
      .get(`/api/v1/staff/dossiers?limit=2&cursor=${res.body.nextCursor}`)
      .set(auth(tokens.receiver))
      .expect(200);
    expect(next.body.items[0].id).not.toBe(res.body.items[0].id);
    const folded = eligible[0].fullName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    const found = await api()
      .get(`/api/v1/staff/dossiers?q=${encodeURIComponent(folded)}`)
      .set(auth(tokens.receiver))
      .expect(200);
    expect(found.body.items.map((i: { personalId: string }) => i.personalId)).toContain(eligible[0].personalId);
    const byId = await api()
      .get(`/api/v1/staff/dossiers?q=${eligible[1].personalId}`)
      .set(auth(tokens.receiver))
      .expect(200);
    expect(byId.body.items).toHaveLength(1);
    const other = await api().get('/api/v1/staff/dossiers').set(auth(tokens.otherReceiver)).expect(200);
    expect(other.body.items).toHaveLength(0);
    await api().get('/api/v1/staff/dossiers?status=NOPE').set(auth(tokens.receiver)).expect(400);
  });

  it('takes dossiers from the national portal idempotently on portalDossierCode', async () => {
    const clients = (await api().get('/sandbox/clients').expect(200)).body;
    const token = (await api().post('/api/v1/auth/clients/token').send(clients[0]).expect(200)).body.accessToken;
    const citizen = eligible[8];
    const body = {
      portalDossierCode: 'G22.99-261126-0001',
      personalId: citizen.personalId,
      submittedAt: new Date().toISOString(),
      application: applicationFor(citizen, 'DNA-DX'),
    };
    const first = await api().post('/api/v1/portal/dossiers').set(auth(token)).send(body).expect(201);
    expect(first.body).toMatchObject({
      channel: 'portal',
      portalDossierCode: 'G22.99-261126-0001',
      centerCode: 'DNA-DX',
    });
    const repeat = await api().post('/api/v1/portal/dossiers').set(auth(token)).send(body).expect(200);
    expect(repeat.body.id).toBe(first.body.id);
    await api().post('/api/v1/portal/dossiers').set(auth('not-a-token')).send(body).expect(401);
    const bad = await api()
      .post('/api/v1/portal/dossiers')
      .set(auth(token))
      .send({ ...body, personalId: '12345' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('personalId');
  });

  it('files at the counter with identity from the registry', async () => {
    const citizen = eligible[9];
    const res = await api()
      .post('/api/v1/staff/dossiers')
      .set(auth(tokens.receiver))
      .send({ personalId: citizen.personalId, application: applicationFor(citizen) })
      .expect(201);
    expect(res.body).toMatchObject({
      channel: 'counter',
      applicant: expect.objectContaining({ fullName: citizen.fullName }),
    });
    await api()
      .post('/api/v1/staff/dossiers')
      .set(auth(tokens.reviewer))
      .send({ personalId: citizen.personalId, application: applicationFor(citizen) })
      .expect(403);
  });
});
