import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { attachTerminationProof } from '../support/attachments';

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const activity = (contactedOn: string) => ({
  employer: 'Công ty TNHH Minh Phát',
  position: 'Nhân viên kho',
  contactedOn,
  outcome: 'interviewed',
});

/**
 * The benefit period end to end over HTTP with the sandbox clock (issue #18 acceptance): approve → return the result →
 * notice in month 1 → month 2 missed → suspended by decision → notice in month 3 (portal) → resumed → month 4 missed
 * and suspended again → terminated for a new job with reserved months; every step in the citizen's view and delivered
 * to the portal in order, and each decision a signed PDF of its own.
 */
describe('the benefit period', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await request(t.baseUrl).delete('/sandbox/clock');
    await t.close();
  });

  it('walks notices, a missed month, suspension, resumption and termination with reserved months', async () => {
    const api = () => request(t.baseUrl);
    const citizen = residents('over-144-months')[0];
    // Tokens are checked against the service's (moved) clock: mint fresh ones after each move.
    let token = await citizenBearer(t, citizen.personalId);
    const id = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201)).body
      .id;
    await attachTerminationProof(t.baseUrl, id, token);
    let director = await staffBearer(t, 'director.test', 'director', null);
    const receiver = await staffBearer(t, 'receiver.test', 'receiver', 'DNA-BH');
    let version = 1;
    const act = async (staff: string, body: Record<string, unknown>, status = 200) => {
      const res = await api()
        .post(`/api/v1/staff/dossiers/${id}/actions`)
        .set(auth(staff))
        .send({ ...body, expectedVersion: version });
      expect({ action: body.action, status: res.status, body: res.body }).toMatchObject({ status });
      if (res.status === 200) version = res.body.version;
      return res;
    };
    for (const [role, center, body] of [
      ['receiver', 'DNA-BH', { action: 'receive' }],
      ['reviewer', 'DNA-BH', { action: 'start_review' }],
      ['reviewer', 'DNA-BH', { action: 'complete_review', recommendation: 'approve' }],
      ['center_head', 'DNA-BH', { action: 'propose' }],
      ['director', '', { action: 'approve' }],
    ] as const) {
      await act(await staffBearer(t, `${role}.test`, role, center || null), body);
    }
    await api().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(404);
    await act(receiver, { action: 'return_result' });

    const benefit = async () => (await api().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(200)).body;
    const start = await benefit();
    expect(start.months.length).toBe(12);
    expect(start).toMatchObject({ monthlyBenefit: expect.any(Number), nextNotice: { month: 1 } });
    const [m1, m2, m3, m4, m5] = start.months;
    const other = await citizenBearer(t, residents('eligible')[0].personalId);
    await api().get(`/api/v1/dossiers/${id}/benefit`).set(auth(other)).expect(404);
    expect(
      (await api().get(`/api/v1/dossiers/${id}/benefit`).set(auth(director)).expect(200)).body.months,
    ).toHaveLength(12);

    const clock = async (today: string) => {
      await api().put('/sandbox/clock').send({ today }).expect(200);
      token = await citizenBearer(t, citizen.personalId);
      director = await staffBearer(t, 'director.test', 'director', null);
    };
    const notice = (month: number, on: string) =>
      api()
        .post(`/api/v1/dossiers/${id}/job-search-notices`)
        .set(auth(token))
        .send({ month, activities: [activity(on)] });

    // Month 1, inside its window; twice is a conflict; month 2 before its window is refused with the reason.
    await clock(m1.noticeWindow.from);
    const filed = await notice(1, m1.noticeWindow.from).expect(201);
    expect(filed.body).toMatchObject({ month: 1, channel: 'online', receiptNumber: expect.any(String) });
    await notice(1, m1.noticeWindow.from).expect(409);
    const early = await notice(2, m1.noticeWindow.from).expect(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'month', code: 'outside_notice_window' })]);
    expect((await benefit()).months[0].state).toBe('notified');

    // Month 2's window closes without a notice: the scheduled work marks it missed and proposes a suspension.
    const afterWindow2 = new Date(Date.parse(`${m2.noticeWindow.to}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await clock(afterWindow2);
    const proposal = await eventually(
      async () => {
        const r = await api().get('/api/v1/staff/benefits/proposals').set(auth(director)).expect(200);
        return r.body.find((p: { dossierId: string; kind: string }) => p.dossierId === id && p.kind === 'suspend');
      },
      'the suspension proposal',
      10_000,
    );
    expect(proposal).toMatchObject({ month: 2 });
    expect((await benefit()).months[1].state).toBe('missed');

    // The Director decides the day's proposals in a batch: suspended, with a decision.
    const batch = await api()
      .post('/api/v1/staff/benefits/proposals/decide')
      .set(auth(director))
      .send({ ids: [proposal.id] })
      .expect(200);
    expect(batch.body).toMatchObject({ decided: 1 });
    const suspended = await benefit();
    expect(suspended.status).toBe('suspended');
    expect(suspended.months[1].state).toBe('suspended');
    version = (await api().get(`/api/v1/staff/dossiers/${id}`).set(auth(director)).expect(200)).body.version;
    await act(director, { action: 'resume' }, 409);

    // Month 3's notice arrives from Cổng DVCQG (idempotent), and the Director resumes the benefit.
    await clock(m3.noticeWindow.from);
    const clients = (await api().get('/sandbox/clients').expect(200)).body;
    const portal = (await api().post('/api/v1/auth/clients/token').send(clients[0]).expect(200)).body.accessToken;
    const portalNotice = {
      portalNoticeCode: `TB-${id.slice(0, 8)}-3`,
      personalId: citizen.personalId,
      month: 3,
      submittedAt: (await api().get('/sandbox/clock').expect(200)).body.now,
      activities: [activity(m3.noticeWindow.from)],
    };
    const first = await api()
      .post('/api/v1/portal/job-search-notices')
      .set(auth(portal))
      .send(portalNotice)
      .expect(201);
    const again = await api()
      .post('/api/v1/portal/job-search-notices')
      .set(auth(portal))
      .send(portalNotice)
      .expect(200);
    expect(again.body.id).toBe(first.body.id);
    await act(director, { action: 'resume' });
    expect((await benefit()).status).toBe('active');

    // Month 4 is missed too: a second suspension, with its own decision (not taken for the first one).
    const afterWindow4 = new Date(Date.parse(`${m4.noticeWindow.to}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await clock(afterWindow4);
    const second = await eventually(
      async () => {
        const r = await api().get('/api/v1/staff/benefits/proposals').set(auth(director)).expect(200);
        return r.body.find(
          (p: { dossierId: string; kind: string; month: number }) =>
            p.dossierId === id && p.kind === 'suspend' && p.month === 4,
        );
      },
      'the second suspension proposal',
      10_000,
    );
    await api()
      .post('/api/v1/staff/benefits/proposals/decide')
      .set(auth(director))
      .send({ ids: [second.id] })
      .expect(200);
    expect((await benefit()).months[3].state).toBe('suspended');
    version = (await api().get(`/api/v1/staff/dossiers/${id}`).set(auth(director)).expect(200)).body.version;

    // Terminated for a new job from the first day of month 5: months 5–12 cancelled, 8 × 12 reserved (k.5); the
    // suspended month 4 is neither paid nor reserved.
    await act(director, { action: 'terminate', terminationReason: 'not_a_reason', effectiveDate: m5.from }, 400);
    await act(director, { action: 'terminate', terminationReason: 'new_job', effectiveDate: m5.from });
    const ended = await benefit();
    expect(ended.status).toBe('terminated');
    expect(ended.reservedMonths).toBe(8 * 12);
    expect(ended.months.slice(4).every((m: { state: string }) => m.state === 'cancelled')).toBe(true);
    expect(ended.nextNotice).toBeNull();
    await notice(5, m5.noticeWindow.from).expect(409);

    // The citizen's history and the portal show every step in order.
    const history = (await api().get(`/api/v1/dossiers/${id}`).set(auth(token)).expect(200)).body.history;
    const actions = history.map((h: { action: string }) => h.action);
    const benefitSteps = [
      'return_result',
      'job_search_notice',
      'notice_missed',
      'suspend',
      'job_search_notice',
      'resume',
      'notice_missed',
      'suspend',
      'terminate',
    ];
    expect(actions.filter((a: string) => benefitSteps.includes(a))).toEqual(benefitSteps);
    const code = (await api().get(`/api/v1/dossiers/${id}`).set(auth(token))).body.code;
    const delivered = await eventually(async () => {
      const events = (await api().get('/sandbox/portal/events').query({ dossierCode: code }).expect(200)).body;
      return events.filter((e: any) => e.payload.benefit).length >= 9 ? events : undefined;
    }, 'the portal events');
    expect(delivered.filter((e: any) => e.payload.benefit).map((e: any) => e.payload.benefit.event)).toEqual([
      'benefit_started',
      'job_search_notice',
      'notice_missed',
      'suspended',
      'job_search_notice',
      'resumed',
      'notice_missed',
      'suspended',
      'terminated',
    ]);

    // Each Director decision is its own signed document (Nghị định 30 form), numbered in the authority's register,
    // listed with the benefit and valid for pdfsig.
    const documents = await eventually(async () => {
      const docs = (await benefit()).documents;
      return docs.length >= 4 ? docs : undefined;
    }, 'the four benefit decisions');
    expect(documents.map((d: { kind: string }) => d.kind.replace(/-\d+$/, '')).sort()).toEqual([
      'decision-resumption',
      'decision-suspension',
      'decision-suspension',
      'decision-termination',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'tctn-benefit-'));
    const expected: Record<string, string[]> = {
      'decision-suspension': ['Về việc tạm dừng hưởng trợ cấp thất nghiệp', 'tháng hưởng thứ', 'Khoản 2 Điều 41'],
      'decision-resumption': ['Về việc tiếp tục hưởng trợ cấp thất nghiệp', 'tháng hưởng thứ 3', 'Khoản 3 Điều 41'],
      'decision-termination': [
        'Về việc chấm dứt hưởng trợ cấp thất nghiệp',
        `${8 * 12} tháng`,
        'Điểm a khoản 4 Điều 41',
      ],
    };
    for (const doc of documents) {
      expect(doc).toMatchObject({ number: expect.stringMatching(/^\d+\/QĐ-/), kind: expect.stringMatching(/-\d+$/) });
      const pdf = await api()
        .get(doc.downloadUrl)
        .set(auth(token))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const file = join(dir, `${doc.kind}.pdf`);
      writeFileSync(file, pdf.body);
      expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
      for (const words of expected[doc.kind.replace(/-\d+$/, '')]) expect(text).toContain(words);
      expect(text).toContain('Luật Việc làm số 74/2025/QH15');
      expect(text).toContain('Nghị định số 374/2025/NĐ-CP');
      const verified = (await api().get(`/api/v1/public/decisions/${doc.verificationCode}`).expect(200)).body;
      expect(verified).toMatchObject({
        valid: true,
        decisionNumber: doc.number,
        documentKind: doc.kind,
        title: doc.title,
      });
    }
    expect(new Set(documents.map((d: { number: string }) => d.number)).size).toBe(4);
    const suspensions = documents.filter((d: { kind: string }) => d.kind.startsWith('decision-suspension-'));
    expect(suspensions).toHaveLength(2);

    // Staff work: the center's queues of notices received and of missed months, and the period's counts.
    const head = await staffBearer(t, 'head.queues', 'center_head', 'DNA-BH');
    const elsewhere = await staffBearer(t, 'head.other', 'center_head', 'DNA-DX');
    const notices = (await api().get('/api/v1/staff/benefits/notices').set(auth(head)).expect(200)).body;
    expect(
      notices
        .filter((n: { dossierId: string }) => n.dossierId === id)
        .map((n: { month: number }) => n.month)
        .sort(),
    ).toEqual([1, 3]);
    expect((await api().get('/api/v1/staff/benefits/notices').set(auth(elsewhere)).expect(200)).body).toEqual([]);
    const missed = (await api().get('/api/v1/staff/benefits/missed').set(auth(head)).expect(200)).body;
    expect(
      missed
        .filter((m: { dossierId: string }) => m.dossierId === id)
        .map((m: { month: number; outcome: string }) => `${m.month} ${m.outcome}`)
        .sort(),
    ).toEqual(['2 suspended', '4 suspended']);
    const report = (await api().get('/api/v1/staff/reports/benefits').set(auth(head)).expect(200)).body as Record<
      string,
      number
    >[];
    const total = (key: string) => report.reduce((sum, row) => sum + Number(row[key]), 0);
    expect({
      notices: total('notices'),
      suspensions: total('suspensions'),
      resumptions: total('resumptions'),
      terminations: total('terminations'),
    }).toEqual({
      notices: 2,
      suspensions: 2,
      resumptions: 1,
      terminations: 1,
    });
    await api().get('/api/v1/staff/reports/benefits?from=2026-13-01').set(auth(head)).expect(400);
  });
});
