import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BenefitMonthEntity } from '../../src/benefits/benefit-month.entity';
import { BenefitProposalEntity } from '../../src/benefits/benefit-proposal.entity';
import { BenefitEntity } from '../../src/benefits/benefit.entity';
import { BenefitRepository, ProposalKind } from '../../src/benefits/benefit.repository';
import { JobSearchNoticeEntity } from '../../src/benefits/job-search-notice.entity';
import { ReportBenefitCountEntity } from '../../src/benefits/report-benefit-count.entity';
import { BenefitPaymentEntity } from '../../src/social-insurance/benefit-payment.entity';
import { PaymentAccountChangeEntity } from '../../src/social-insurance/payment-account-change.entity';
import { PaymentsRepository } from '../../src/social-insurance/payments.repository';
import { SocialInsurancePaymentReportEntity } from '../../src/social-insurance/social-insurance-payment-report.entity';
import { createTestDatabase } from '../support/database';

/**
 * The benefit and payment repositories on the real migrated schema, connected as the service's least-privileged
 * role: the writes that go through the entity repositories keep what the former statements did (coalesced
 * termination fields, only pending proposals, the latest account), and entity timestamps read like utcTimestamp().
 */
describe('benefit and payment persistence (entities and typed statements)', () => {
  let owner: DataSource;
  let app: DataSource;
  let benefits: BenefitRepository;
  let payments: PaymentsRepository;
  let n = 0;

  const months = [1, 2, 3].map((month) => ({
    month,
    from: `2026-0${month}-10`,
    to: `2026-0${month + 1}-09`,
    noticeWindow: { from: `2026-0${month}-10`, to: `2026-0${month}-12` },
  }));

  beforeAll(async () => {
    const { url, appUrl } = await createTestDatabase();
    owner = await new DataSource({ type: 'postgres', url }).initialize();
    app = await new DataSource({
      type: 'postgres',
      url: appUrl,
      entities: [
        BenefitEntity,
        BenefitMonthEntity,
        JobSearchNoticeEntity,
        BenefitProposalEntity,
        ReportBenefitCountEntity,
        BenefitPaymentEntity,
        SocialInsurancePaymentReportEntity,
        PaymentAccountChangeEntity,
      ],
    }).initialize();
    for (const code of ['BP-01', 'BP-02']) {
      await owner.query(`INSERT INTO service_center (code, name, province_name) VALUES ($1, $2, 'Tỉnh Kiểm thử')`, [
        code,
        `Trung tâm ${code}`,
      ]);
    }
    benefits = new BenefitRepository(app);
    payments = new PaymentsRepository(app);
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
  });

  /** A filed dossier (fixture, as the owner) and, unless told otherwise, its benefit with three months. */
  async function dossier(center = 'BP-01', withBenefit = true): Promise<{ id: string; code: string }> {
    n += 1;
    const id = randomUUID();
    const code = `BP-${String(n).padStart(5, '0')}`;
    await owner.query(
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
         application, assessment, termination_date, filed_at, sort_date)
       VALUES ($1, $2, $3, $4, 'online', 'SUBMITTED', 'A', 'a', '{}', '{}', '{}', '2026-01-01', '2026-01-05T03:00:00Z',
         '2026-01-05')`,
      [id, code, String(n).padStart(12, '0'), center],
    );
    if (withBenefit) {
      const created = await app.transaction((em) =>
        benefits.create(
          em,
          {
            dossierId: id,
            centerCode: center,
            personalId: String(n).padStart(12, '0'),
            monthlyBenefit: 3_150_000,
            benefitMonths: 3,
            reservedAfterBenefit: 2,
            resultReturnedOn: '2026-01-10',
          },
          months,
        ),
      );
      expect(created).toBe(true);
    }
    return { id, code };
  }

  const propose = (dossierId: string, kind: ProposalKind, month: number, centerCode = 'BP-01') =>
    app.transaction((em) =>
      benefits.propose(em, {
        id: randomUUID(),
        dossierId,
        centerCode,
        kind,
        month,
        terminationReason: null,
        effectiveDate: '2026-02-10',
        evidence: { months: [month] },
        proposedOn: '2026-02-13',
        proposedAt: new Date('2026-02-13T01:00:00Z'),
      }),
    );

  it('creates a benefit once, with its months and their notice windows', async () => {
    const { id } = await dossier();
    const again = await app.transaction((em) =>
      benefits.create(
        em,
        {
          dossierId: id,
          centerCode: 'BP-02',
          personalId: '000000000000',
          monthlyBenefit: 1,
          benefitMonths: 1,
          reservedAfterBenefit: 0,
          resultReturnedOn: '2026-02-01',
        },
        months,
      ),
    );
    expect(again).toBe(false);
    expect(await benefits.find(id)).toMatchObject({
      dossierId: id,
      centerCode: 'BP-01',
      status: 'active',
      monthlyBenefit: 3_150_000,
      benefitMonths: 3,
      reservedAfterBenefit: 2,
      resultReturnedOn: '2026-01-10',
      terminationReason: null,
      terminationEffectiveDate: null,
      reservedMonths: null,
    });
    expect(await benefits.months(id)).toEqual(months.map((m) => ({ ...m, outcome: null, notice: null })));
  });

  it('records an outcome on the given months only, and keeps the termination once set (Điều 41 k.4)', async () => {
    const { id } = await dossier();
    const at = new Date('2026-03-13T02:00:00.123Z');
    await app.transaction(async (em) => {
      await benefits.setOutcome(em, id, [], 'missed', at);
      await benefits.setOutcome(em, id, [2, 3], 'cancelled', at);
      await benefits.setStatus(em, id, 'suspended');
    });
    expect((await benefits.months(id)).map((m) => m.outcome)).toEqual([null, 'cancelled', 'cancelled']);
    const [outcomeAt] = await owner.query(`SELECT outcome_at FROM benefit_month WHERE dossier_id = $1 AND month = 2`, [
      id,
    ]);
    expect((outcomeAt as { outcome_at: Date }).outcome_at.toISOString()).toBe('2026-03-13T02:00:00.123Z');
    expect(await benefits.find(id)).toMatchObject({ status: 'suspended', terminationReason: null });

    await app.transaction((em) =>
      benefits.setStatus(em, id, 'terminated', {
        reason: 'new_job',
        effectiveDate: '2026-03-01',
        reservedMonths: 1,
        at,
      }),
    );
    // A later status change without a termination leaves the termination as it was.
    await app.transaction((em) => benefits.setStatus(em, id, 'transferred'));
    expect(await benefits.find(id)).toMatchObject({
      status: 'transferred',
      terminationReason: 'new_job',
      terminationEffectiveDate: '2026-03-01',
      reservedMonths: 1,
    });
    const [row] = await owner.query(
      `SELECT terminated_at, updated_at > created_at AS touched FROM benefit WHERE dossier_id = $1`,
      [id],
    );
    expect(row).toEqual({ terminated_at: at, touched: true });
  });

  it('dismisses and moves only pending proposals, and moves only running benefits', async () => {
    const running = await dossier();
    const ended = await dossier();
    expect(await propose(running.id, 'suspend', 1)).toBe(true);
    expect(await propose(running.id, 'suspend', 1)).toBe(false);
    expect(await propose(running.id, 'suspend', 2)).toBe(true);
    expect(await propose(ended.id, 'suspend', 1)).toBe(true);
    const decidedAt = new Date('2026-02-20T00:00:00Z');
    await app.transaction(async (em) => {
      await benefits.closeProposals(em, running.id, 'suspend', decidedAt);
      await benefits.closeProposals(em, ended.id, 'suspend', decidedAt);
    });
    expect(await propose(running.id, 'resume', 3)).toBe(true);
    expect(await propose(ended.id, 'resume', 2)).toBe(true);
    const dismissedAt = new Date('2026-03-02T00:00:00Z');
    await app.transaction(async (em) => {
      await benefits.setStatus(em, ended.id, 'transferred');
      await benefits.dismissProposals(em, ended.id, dismissedAt);
    });

    const moved = await app.transaction((em) => benefits.moveCenter(em, 'BP-01', 'BP-02'));
    expect(moved).toContain(running.id);
    expect(moved).not.toContain(ended.id);
    const rows = (await owner.query(
      `SELECT dossier_id, kind, month, status, center_code, decided_at FROM benefit_proposal
       WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id = $2 DESC, kind, month`,
      [[running.id, ended.id], running.id],
    )) as { kind: string; month: number; status: string; center_code: string; decided_at: Date | null }[];
    expect(
      rows.map(({ kind, month, status, center_code, decided_at }) => [kind, month, status, center_code, decided_at]),
    ).toEqual([
      ['resume', 3, 'pending', 'BP-02', null],
      ['suspend', 1, 'decided', 'BP-01', decidedAt],
      ['suspend', 2, 'decided', 'BP-01', decidedAt],
      ['resume', 2, 'dismissed', 'BP-01', dismissedAt],
      ['suspend', 1, 'decided', 'BP-01', decidedAt],
    ]);
    expect(await benefits.pendingProposals({ dossierId: running.id, limit: 10 })).toEqual([
      expect.objectContaining({ kind: 'resume', month: 3, centerCode: 'BP-02', evidence: { months: [3] } }),
    ]);
  });

  it('reads a notice through its entity as the statements print it', async () => {
    const { id } = await dossier();
    const filedAt = '2026-02-11T03:04:05.678Z';
    await app.transaction((em) =>
      benefits.insertNotice(em, {
        id: randomUUID(),
        dossierId: id,
        month: 2,
        channel: 'online',
        filedAt,
        filedOn: '2026-02-11',
        activities: [
          { employer: 'Công ty A', position: 'Kế toán', contactedOn: '2026-02-05', outcome: 'Chờ phỏng vấn' },
        ],
        note: null,
        portalNoticeCode: null,
        receiptNumber: `${id}-TB02`,
        centerCode: 'BP-01',
        filedBy: 'citizen',
      }),
    );
    const viaEntity = await benefits.notice(id, 2);
    expect(viaEntity?.filedAt).toBe(filedAt);
    const viaStatement = (await benefits.recentNotices('BP-01', 100)).find((x) => x.dossierId === id);
    expect(viaEntity).toEqual(viaStatement);
    expect(await benefits.notice(id, 3)).toBeUndefined();
  });

  it('keeps payment months, reports and the latest corrected account', async () => {
    const { id, code } = await dossier('BP-01', false);
    await app.transaction((em) =>
      payments.expect(em, { id, code, personalId: '079000000001' }, 3_150_000, [
        { month: 1, from: '2026-01-10', to: '2026-02-09' },
        { month: 2, from: '2026-02-10', to: '2026-03-09' },
      ]),
    );
    expect(await payments.dossierOfCode(code)).toBe(id);
    expect(await payments.dossierOfCode('BP-NONE')).toBeUndefined();

    await app.transaction(async (em) => {
      expect(await payments.findReport(em, 'R-1')).toBeUndefined();
      const body = {
        reportId: 'R-1',
        dossierCode: code,
        personalId: '079000000001',
        month: 1,
        amount: 3_000_000,
        status: 'paid' as const,
        paidAt: '2026-02-15',
      };
      const report = { reportId: 'R-1', clientId: 'bhxh', dossierId: id, month: 1, bodySha256: 'abc', body };
      expect(await payments.insertReport(em, report)).toBe(true);
      expect(await payments.insertReport(em, report)).toBe(false);
      await payments.record(em, id, 1, {
        status: 'paid',
        amount: 3_000_000,
        paidAt: '2026-02-15',
        failureReason: null,
        reportId: 'R-1',
      });
      await payments.record(em, id, 2, {
        status: 'failed',
        amount: 3_150_000,
        paidAt: null,
        failureReason: 'Sai số tài khoản',
        reportId: 'R-2',
      });
      expect(await payments.findReport(em, 'R-1')).toEqual({ bodySha256: 'abc', dossierId: id, month: 1 });
    });
    const list = await payments.list(id);
    expect(
      list.map(({ month, amount, status, paidAt, failureReason }) => ({
        month,
        amount,
        status,
        paidAt,
        failureReason,
      })),
    ).toEqual([
      { month: 1, amount: 3_000_000, status: 'paid', paidAt: '2026-02-15', failureReason: null },
      { month: 2, amount: 3_150_000, status: 'failed', paidAt: null, failureReason: 'Sai số tài khoản' },
    ]);
    const [lastReport] = await owner.query(
      `SELECT last_report_id FROM benefit_payment WHERE dossier_id = $1 AND month = 2`,
      [id],
    );
    expect(lastReport).toEqual({ last_report_id: 'R-2' });

    expect(await payments.currentAccount(id)).toBeUndefined();
    const retried = await app.transaction(async (em) => {
      await payments.insertAccountChange(em, {
        dossierId: id,
        account: { method: 'bank', bankCode: 'VCB', accountNumber: '0011001234567', accountHolder: 'NGUYEN VAN A' },
        retryMonths: [],
        changedBy: 'citizen',
      });
      const months = await payments.retryFailed(em, id);
      await payments.insertAccountChange(em, {
        dossierId: id,
        account: { method: 'cash' },
        retryMonths: months,
        changedBy: 'citizen',
      });
      return months;
    });
    expect(retried).toEqual([2]);
    expect(await payments.currentAccount(id)).toEqual({ method: 'cash' });
    const changes = await owner.query(
      `SELECT retry_months FROM payment_account_change WHERE dossier_id = $1 ORDER BY id`,
      [id],
    );
    expect(changes).toEqual([{ retry_months: [] }, { retry_months: [2] }]);
  });
});
