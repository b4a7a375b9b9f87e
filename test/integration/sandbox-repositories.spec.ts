import { DataSource } from 'typeorm';
import { SandboxMailEntity } from '../../src/sandbox/notifications/sandbox-mail.entity';
import { SandboxNotificationsRepository } from '../../src/sandbox/notifications/sandbox-notifications.repository';
import { SandboxSmsEntity } from '../../src/sandbox/notifications/sandbox-sms.entity';
import { SandboxPortalEventEntity } from '../../src/sandbox/portal/sandbox-portal-event.entity';
import { SandboxPortalEventsRepository } from '../../src/sandbox/portal/sandbox-portal-events.repository';
import { SandboxClockEntity } from '../../src/sandbox/sandbox-clock.entity';
import { SandboxClockRepository } from '../../src/sandbox/sandbox-clock.repository';
import { SandboxOfficeRepository } from '../../src/sandbox/social-insurance/sandbox-office.repository';
import { SandboxSocialInsuranceEventEntity } from '../../src/sandbox/social-insurance/sandbox-social-insurance-event.entity';
import { SandboxSocialInsurancePaymentEntity } from '../../src/sandbox/social-insurance/sandbox-social-insurance-payment.entity';
import type { PaymentReportDto } from '../../src/social-insurance/dto/payment-report.dto';
import type { SocialInsuranceEvent } from '../../src/social-insurance/social-insurance-event';
import { createTestDatabase } from '../support/database';

const RFC3339_MS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A timestamp the repository formatted lies between two instants taken around the write (1 s of clock slack). */
function within(text: string, before: number, after: number): boolean {
  const t = Date.parse(text);
  return RFC3339_MS_UTC.test(text) && t >= before - 1000 && t <= after + 1000;
}

/**
 * The sandbox repositories on PostgreSQL with the real migrations, connected as the service's least-privileged role:
 * deduplication by key counts repeats and keeps the first body, lists filter and order as the pages expect, the
 * office pays an attempt once, and the clock's single row round-trips.
 */
describe('sandbox repositories (sandbox_* tables)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const { appUrl } = await createTestDatabase();
    dataSource = await new DataSource({
      type: 'postgres',
      url: appUrl,
      entities: [
        SandboxClockEntity,
        SandboxMailEntity,
        SandboxSmsEntity,
        SandboxPortalEventEntity,
        SandboxSocialInsuranceEventEntity,
        SandboxSocialInsurancePaymentEntity,
      ],
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('clock: no row means offset 0; setting it twice keeps one row with the last offset', async () => {
    const clock = new SandboxClockRepository(dataSource.getRepository(SandboxClockEntity));
    expect(await clock.offset()).toBe(0);
    await clock.setOffset(3 * 86_400_000);
    await clock.setOffset(-40 * 86_400_000);
    expect(await clock.offset()).toBe(-3_456_000_000);
    expect(await dataSource.getRepository(SandboxClockEntity).count()).toBe(1);
  });

  it('portal events: a repeated Idempotency-Key counts the repeat and keeps the first body; lists in arrival order', async () => {
    const events = new SandboxPortalEventsRepository(dataSource);
    const before = Date.now();
    expect(await events.record('k-1', { dossierCode: 'HS-0001', status: 'received', portalStatusCode: 2 })).toEqual({
      duplicate: false,
    });
    expect(await events.record('k-2', { dossierCode: 'HS-0002', status: 'received' })).toEqual({ duplicate: false });
    expect(await events.record('k-1', { dossierCode: 'HS-0001', status: 'changed' })).toEqual({ duplicate: true });
    expect(await events.record('k-3', { dossierCode: 'HS-0001', status: 'accepted' })).toEqual({ duplicate: false });
    const after = Date.now();

    const mine = await events.list('HS-0001', 100);
    expect(mine.map((e) => [e.idempotencyKey, e.status, e.portalStatusCode, e.deliveries])).toEqual([
      ['k-1', 'received', 2, 2],
      ['k-3', 'accepted', null, 1],
    ]);
    expect(mine[0].seq).toBeLessThan(mine[1].seq);
    expect(mine[0].payload).toEqual({ dossierCode: 'HS-0001', status: 'received', portalStatusCode: 2 });
    expect(within(mine[0].receivedAt, before, after) && within(mine[0].lastReceivedAt, before, after)).toBe(true);

    // Without a dossier code: the latest two arrivals, still in arrival order.
    expect((await events.list(undefined, 2)).map((e) => e.idempotencyKey)).toEqual(['k-2', 'k-3']);

    // Whatever a client sent as the status code, the list still reads (a code that is not a number shows as none).
    await events.record('k-4', { dossierCode: 'HS-0004', status: 'received', portalStatusCode: 'hai' });
    await events.record('k-5', { dossierCode: 'HS-0004', status: 'received', portalStatusCode: 99999999999 });
    expect((await events.list('HS-0004', 10)).map((e) => e.portalStatusCode)).toEqual([null, null]);
  });

  it('mail and SMS: filtered by recipient, newest first; a repeated SMS message ID only counts the repeat', async () => {
    const received = new SandboxNotificationsRepository(dataSource, dataSource.getRepository(SandboxMailEntity));
    const before = Date.now();
    await received.addMail({ from: 'a@x.vn', to: ['b@x.vn'], subject: 'Một', text: 'thư một', rawSize: 10 });
    await received.addMail({ from: null, to: ['c@x.vn', 'b@x.vn'], subject: null, text: 'thư hai', rawSize: 20 });
    await received.addMail({ from: 'a@x.vn', to: ['c@x.vn'], subject: 'Ba', text: 'thư ba', rawSize: 30 });
    const after = Date.now();

    const toB = await received.mails('b@x.vn');
    expect(toB.map((m) => [m.from, m.to, m.subject, m.text])).toEqual([
      [null, ['c@x.vn', 'b@x.vn'], null, 'thư hai'],
      ['a@x.vn', ['b@x.vn'], 'Một', 'thư một'],
    ]);
    expect(toB.every((m) => typeof m.id === 'number' && within(m.receivedAt, before, after))).toBe(true);
    expect((await received.mails(null)).map((m) => m.text)).toEqual(['thư ba', 'thư hai', 'thư một']);

    const sms = { to: '0912345678', text: 'Xin chào', encoding: 'GSM7', segments: 1 };
    expect(await received.recordSms({ messageId: 's-1', ...sms })).toEqual({ duplicate: false });
    expect(await received.recordSms({ messageId: 's-1', ...sms, text: 'khác' })).toEqual({ duplicate: true });
    expect(
      await received.recordSms({ messageId: 's-2', to: '0987654321', text: 'Khác', encoding: null, segments: null }),
    ).toEqual({ duplicate: false });
    const log = await received.sms('0912345678');
    expect(log).toEqual([
      {
        id: expect.any(Number),
        messageId: 's-1',
        to: '0912345678',
        text: 'Xin chào',
        encoding: 'GSM7',
        segments: 1,
        deliveries: 2,
        receivedAt: expect.stringMatching(RFC3339_MS_UTC),
      },
    ]);
    expect((await received.sms(null)).map((m) => m.messageId)).toEqual(['s-2', 's-1']);
  });

  it('social insurance office: events deduplicated by event ID; an attempt is recorded once and marked reported', async () => {
    const office = new SandboxOfficeRepository(
      dataSource,
      dataSource.getRepository(SandboxSocialInsurancePaymentEntity),
    );
    const event = (eventId: string, dossierCode: string): SocialInsuranceEvent => ({
      eventId,
      type: 'approval',
      occurredAt: '2027-01-04T02:00:00.000Z',
      dossierCode,
      personalId: '001090000001',
      fullName: 'Nguyễn Văn An',
    });
    expect(await office.recordEvent('e-1', event('e-1', 'HS-A'))).toEqual({ duplicate: false });
    expect(await office.recordEvent('e-1', event('e-1', 'HS-A'))).toEqual({ duplicate: true });
    expect(await office.recordEvent('e-2', event('e-2', 'HS-B'))).toEqual({ duplicate: false });
    const forA = await office.events('HS-A');
    expect(forA.map((e) => [e.eventId, e.personalId, e.type, e.deliveries, e.payload.fullName])).toEqual([
      ['e-1', '001090000001', 'approval', 2, 'Nguyễn Văn An'],
    ]);
    expect((await office.events(null)).map((e) => e.eventId)).toEqual(['e-1', 'e-2']);

    const report = (dossierCode: string, month: number, attempt: number, amount: number): PaymentReportDto => ({
      reportId: `BHXH-${dossierCode}-T${month}-L${attempt}`,
      dossierCode,
      personalId: '001090000001',
      month,
      amount,
      status: 'paid',
      paidAt: '2027-02-01',
    });
    await office.addPayment({ attempt: 1, body: report('HS-B', 1, 1, 100) });
    await office.addPayment({ attempt: 2, body: report('HS-A', 2, 2, 300) });
    await office.addPayment({ attempt: 1, body: report('HS-A', 2, 1, 200) });
    await office.addPayment({ attempt: 1, body: report('HS-A', 1, 1, 400) });
    // The same attempt again (a second run on the same day): the first is kept.
    await office.addPayment({ attempt: 1, body: report('HS-A', 1, 1, 999) });

    const all = await office.listPayments(null);
    expect(all.map((p) => [p.dossierCode, p.month, p.attempt, p.body.amount, p.reported])).toEqual([
      ['HS-A', 1, 1, 400, false],
      ['HS-A', 2, 1, 200, false],
      ['HS-A', 2, 2, 300, false],
      ['HS-B', 1, 1, 100, false],
    ]);
    await office.markReported('BHXH-HS-A-T2-L1');
    const a = await office.listPayments('HS-A');
    expect(a.map((p) => [p.reportId, p.reported])).toEqual([
      ['BHXH-HS-A-T1-L1', false],
      ['BHXH-HS-A-T2-L1', true],
      ['BHXH-HS-A-T2-L2', false],
    ]);
    // What GET /sandbox/social-insurance/payments sends: these fields and no others.
    expect(Object.keys(JSON.parse(JSON.stringify(a[0])) as object).sort()).toEqual(
      ['attempt', 'body', 'dossierCode', 'month', 'reportId', 'reported', 'status'].sort(),
    );
  });
});
