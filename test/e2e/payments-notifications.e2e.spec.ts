import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { NotificationService } from '../../src/notifications/notification.service';
import { LegalContextService } from '../../src/eligibility/legal-context.service';
import { CLOCK, Clock } from '../../src/platform/clock/clock';
import { AfterDecisionTuningModule, eventually } from '../support/after-decision';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { attachTerminationProof } from '../support/attachments';

interface Payment {
  month: number;
  from: string;
  to: string;
  amount: number;
  status: string;
  paidAt?: string;
  failureReason?: string;
}

/**
 * After the decision, end to end on the sandbox office, the sandbox mailbox (real SMTP to smtp-server) and the
 * sandbox SMS gateway (real HTTP): approval → the office receives the decision → pays month 1 on its first working
 * day and reports it → the citizen sees it and got an e-mail and an SMS; a bad account fails, the citizen corrects
 * it and the month is paid.
 */
describe('paid and told (social insurance office, notifications)', () => {
  let t: TestApp;
  let clock: Clock;
  const realNow = () => new Date();
  const api = () => request(t.baseUrl);

  beforeAll(async () => {
    t = await startTestApp({}, [AfterDecisionTuningModule.forRoot()]);
    clock = t.app.get(CLOCK);
  });
  beforeEach(() => {
    clock.now = realNow;
  });
  afterAll(async () => {
    clock.now = realNow;
    await t.close();
  });

  async function approve(resident: ReturnType<typeof residents>[0], overrides: Record<string, unknown> = {}) {
    const token = await citizenBearer(t, resident.personalId);
    const filed = (
      await api()
        .post('/api/v1/dossiers')
        .set(auth(token))
        .send(applicationFor(resident, 'DNA-BH', overrides))
        .expect(201)
    ).body;
    await attachTerminationProof(t.baseUrl, filed.id, token);
    let version = filed.version;
    for (const [role, center, body] of [
      ['receiver', 'DNA-BH', { action: 'receive' }],
      ['reviewer', 'DNA-BH', { action: 'start_review' }],
      ['reviewer', 'DNA-BH', { action: 'complete_review', recommendation: 'approve' }],
      ['center_head', 'DNA-BH', { action: 'propose' }],
      ['director', '', { action: 'approve' }],
    ] as const) {
      const staff = await staffBearer(t, `${role}.paid`, role, center || null);
      const res = await api()
        .post(`/api/v1/staff/dossiers/${filed.id}/actions`)
        .set(auth(staff))
        .send({ ...body, expectedVersion: version });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    return { id: filed.id as string, code: filed.code as string };
  }

  const officeEvents = async (code: string) =>
    (await api().get(`/sandbox/social-insurance/events?dossierCode=${code}`).expect(200)).body as {
      type: string;
      payload: any;
    }[];

  /** Moves the service's clock to the given Vietnamese date (noon). */
  const setToday = (date: string) => {
    const at = new Date(`${date}T05:00:00Z`);
    clock.now = () => new Date(at);
  };

  const payments = async (id: string, personalId: string): Promise<Payment[]> =>
    (
      await api()
        .get(`/api/v1/dossiers/${id}/payments`)
        .set(auth(await citizenBearer(t, personalId)))
        .expect(200)
    ).body;

  const mailTo = async (to: string) =>
    (
      await api()
        .get(`/sandbox/mailbox.json?to=${encodeURIComponent(to)}`)
        .expect(200)
    ).body;
  const smsTo = async (to: string) =>
    (
      await api()
        .get(`/sandbox/sms.json?to=${encodeURIComponent(to)}`)
        .expect(200)
    ).body;

  it('approve → the office gets the decision → month 1 paid on its first working day → the citizen sees it, by e-mail and SMS', async () => {
    const resident = residents('cap-zone-1')[0];
    const email = 'paid.told@example.vn';
    const phone = '0912000111';
    const dossier = await approve(resident, { email, phone });

    // Before any report: every approved month is expected, pending.
    const expected = await payments(dossier.id, resident.personalId);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected.every((p) => p.status === 'pending' && p.amount > 0)).toBe(true);
    expect(expected.map((p) => p.month)).toEqual(expected.map((_, i) => i + 1));

    // The office receives the approval only with its signed decision.
    const [approval] = await eventually(async () => {
      const events = await officeEvents(dossier.code);
      return events.length ? events : undefined;
    }, 'the approval at the office');
    const decision = (
      await api()
        .get(`/api/v1/dossiers/${dossier.id}/decision`)
        .set(auth(await citizenBearer(t, resident.personalId)))
        .expect(200)
    ).body;
    expect(approval.type).toBe('approval');
    expect(approval.payload).toMatchObject({
      personalId: resident.personalId,
      fullName: resident.fullName,
      decision: { number: decision.number, sha256: decision.sha256 },
      benefit: { monthlyAmount: expected[0].amount },
      paymentAccount: { method: 'bank', accountNumber: '0123456789' },
    });
    expect(approval.payload.benefit.months).toEqual(expected.map((p) => ({ month: p.month, from: p.from, to: p.to })));

    // Nothing is paid before the month's first working day.
    const { calendar } = await t.app.get(LegalContextService).current();
    const payDay = calendar.nextWorkingDayOnOrAfter(expected[0].from);
    const dayBefore = new Date(Date.parse(`${payDay}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);
    setToday(dayBefore);
    expect((await api().post('/sandbox/social-insurance/pay-due').expect(200)).body.reported).toBe(0);
    setToday(payDay);
    expect((await api().post('/sandbox/social-insurance/pay-due').expect(200)).body.reported).toBe(1);

    const after = await payments(dossier.id, resident.personalId);
    expect(after[0]).toMatchObject({ month: 1, status: 'paid', amount: expected[0].amount, paidAt: payDay });
    expect(after.slice(1).every((p) => p.status === 'pending')).toBe(true);

    // Told by e-mail (real SMTP into the sandbox mailbox) and by SMS (real HTTP to the sandbox gateway).
    const mails = await eventually(async () => {
      const m = await mailTo(email);
      return m.some((x: any) => x.subject === 'Đã chi trả trợ cấp tháng 1') ? m : undefined;
    }, 'the payment e-mail');
    const paidMail = mails.find((x: any) => x.subject === 'Đã chi trả trợ cấp tháng 1');
    expect(paidMail.text).toContain(`Chào bạn ${resident.fullName}`);
    const amountText = String(expected[0].amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    expect(paidMail.text).toContain(amountText);
    const sms = await eventually(async () => {
      const s = await smsTo(phone);
      return s.some((x: any) => x.text.startsWith('Đã chi trả trợ cấp tháng 1')) ? s : undefined;
    }, 'the payment SMS');
    expect(sms.find((x: any) => x.text.startsWith('Đã chi trả')).text).toContain(amountText);
    // Status changes were told too: received, decided.
    expect(mails.map((m: any) => m.subject)).toEqual(
      expect.arrayContaining([
        `Hồ sơ ${dossier.code} đã được tiếp nhận`,
        `Hồ sơ ${dossier.code}: bạn được hưởng trợ cấp thất nghiệp`,
      ]),
    );

    const list = await eventually(async () => {
      const l = (
        await api()
          .get('/api/v1/me/notifications')
          .set(auth(await citizenBearer(t, resident.personalId)))
          .expect(200)
      ).body as any[];
      const paid = l.filter((n) => n.template === 'payment_paid');
      return paid.length === 2 && paid.every((n) => n.status === 'sent') ? l : undefined;
    }, 'both payment notifications sent');
    expect(
      list
        .filter((n) => n.template === 'payment_paid')
        .map((n) => n.channel)
        .sort(),
    ).toEqual(['email', 'sms']);
    expect(list.find((n) => n.template === 'payment_paid').sentAt).toEqual(expect.any(String));
  });

  it('a bad account fails; the citizen corrects it (audited, sent to the office) and the month is paid', async () => {
    const resident = residents('eligible')[0];
    const phone = '0912000222';
    const dossier = await approve(resident, {
      phone,
      email: 'bad.account@example.vn',
      payment: {
        method: 'bank',
        bankCode: 'VCB',
        accountNumber: '9876540000',
        accountHolder: resident.fullName.toUpperCase(),
      },
    });
    await eventually(async () => ((await officeEvents(dossier.code)).length ? true : undefined), 'the approval');
    const [first] = await payments(dossier.id, resident.personalId);
    const { calendar } = await t.app.get(LegalContextService).current();
    setToday(calendar.nextWorkingDayOnOrAfter(first.from));
    await api().post('/sandbox/social-insurance/pay-due').expect(200);

    const failed = (await payments(dossier.id, resident.personalId))[0];
    expect(failed).toMatchObject({
      month: 1,
      status: 'failed',
      failureReason: expect.stringContaining('Số tài khoản'),
    });
    await eventually(async () => {
      const s = await smsTo(phone);
      return s.some((x: any) => x.text.startsWith('Chưa chi trả được trợ cấp tháng 1')) ? true : undefined;
    }, 'the failed-payment SMS');

    // Someone else's dossier is not found; a malformed account names the field.
    const other = await citizenBearer(t, residents('cap-zone-1')[0].personalId);
    await api().get(`/api/v1/dossiers/${dossier.id}/payments`).set(auth(other)).expect(404);
    const token = await citizenBearer(t, resident.personalId);
    const bad = await api()
      .post(`/api/v1/dossiers/${dossier.id}/payment-account`)
      .set(auth(token))
      .send({ method: 'bank', bankCode: 'VCB', accountNumber: '12ab', accountHolder: 'X Y' })
      .expect(400);
    expect(bad.body.errors.map((e: any) => e.field)).toContain('accountNumber');

    const corrected = await api()
      .post(`/api/v1/dossiers/${dossier.id}/payment-account`)
      .set(auth(token))
      .send({
        method: 'bank',
        bankCode: 'BIDV',
        accountNumber: '31410001234567',
        accountHolder: resident.fullName.toUpperCase(),
      })
      .expect(200);
    expect(corrected.body.retryMonths).toEqual([1]);
    expect(corrected.body.payments[0].status).toBe('pending');

    const change = await eventually(async () => {
      const events = await officeEvents(dossier.code);
      return events.find((e) => e.type === 'payment_account_change');
    }, 'the account change at the office');
    expect(change.payload).toMatchObject({
      retryMonths: [1],
      paymentAccount: { bankCode: 'BIDV', accountNumber: '31410001234567' },
    });
    await api().post('/sandbox/social-insurance/pay-due').expect(200);
    expect((await payments(dossier.id, resident.personalId))[0]).toMatchObject({ month: 1, status: 'paid' });

    const staff = await staffBearer(t, 'receiver.paid', 'receiver', 'DNA-BH');
    expect(
      (await api().get(`/api/v1/dossiers/${dossier.id}/payments`).set(auth(staff)).expect(200)).body[0].status,
    ).toBe('paid');
  });

  it('the office client reports payments and nothing else; a repeated report is answered again, a changed one refused', async () => {
    const clients = (await api().get('/sandbox/clients').expect(200)).body as {
      clientId: string;
      clientSecret: string;
    }[];
    const tokenOf = async (scope: string) => {
      const c = clients.find((x) => x.clientId === (scope === 'portal' ? 'portal-sandbox' : 'bhxh-sandbox'))!;
      return (
        await api()
          .post('/api/v1/auth/clients/token')
          .send({ clientId: c.clientId, clientSecret: c.clientSecret })
          .expect(200)
      ).body.accessToken as string;
    };
    const office = await tokenOf('social_insurance');
    const portal = await tokenOf('portal');
    await api().post('/api/v1/portal/dossiers').set(auth(office)).send({}).expect(403);
    await api().post('/api/v1/social-insurance/payments').set(auth(portal)).send({}).expect(403);
    const citizen = await citizenBearer(t, residents('cap-zone-1')[0].personalId);
    await api().post('/api/v1/social-insurance/payments').set(auth(citizen)).send({}).expect(403);

    const reported = (await api().get('/sandbox/social-insurance/payments').expect(200)).body as { body: any }[];
    const paid = reported.find((p) => p.body.status === 'paid')!.body;
    await api().post('/api/v1/social-insurance/payments').set(auth(office)).send(paid).expect(200);
    const conflict = await api()
      .post('/api/v1/social-insurance/payments')
      .set(auth(office))
      .send({ ...paid, amount: paid.amount + 1 })
      .expect(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    const missing = await api()
      .post('/api/v1/social-insurance/payments')
      .set(auth(office))
      .send({ ...paid, reportId: 'X-1', status: 'paid', paidAt: undefined })
      .expect(400);
    expect(missing.body.errors.map((e: any) => e.field)).toContain('paidAt');
  });

  it('a notification that cannot be made never breaks the caller’s transaction', async () => {
    const db = t.app.get(DataSource);
    const notifications = t.app.get(NotificationService);
    const resident = residents('cap-zone-1')[0];
    const committed = await db.transaction(async (em) => {
      // No such dossier, then a template value missing: nothing is queued, nothing is thrown.
      expect(await notifications.notify(em, resident.personalId, 'payment_paid', { dossierId: randomUUID() })).toEqual(
        [],
      );
      const [own] = await em.query(`SELECT id::text AS id FROM dossier WHERE personal_id = $1 LIMIT 1`, [
        resident.personalId,
      ]);
      expect(await notifications.notify(em, resident.personalId, 'payment_paid', { dossierId: own.id })).toEqual([]);
      const [row] = await em.query(`SELECT 1 AS ok`);
      return row.ok;
    });
    expect(committed).toBe(1);
  });
  it('the sandbox SMS gateway records an implausible part count as none, never a server error', async () => {
    for (const [i, segments] of [3_000_000_000, -1, 2.5, 'x'].entries()) {
      await api()
        .post('/sandbox/sms/messages')
        .set('Idempotency-Key', `segments-probe-${i}`)
        .send({ to: '0912000999', text: `thử ${i}`, segments })
        .expect(201);
    }
    const recorded = (await smsTo('0912000999')) as { segments: number | null }[];
    expect(recorded.map((m) => m.segments)).toEqual([null, null, null, null]);
  });
});
