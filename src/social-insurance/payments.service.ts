import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { DossierReader } from '../dossiers/dossier-reader';
import type { DossierRecord } from '../dossiers/dossier.repository';
import type { PaymentDto } from '../dossiers/dto/application.dto';
import { assertDossierAccess } from '../dossiers/domain/dossier-access';
import type { Caller, CitizenCaller } from '../identity';
import { vnd, vnDate } from '../notifications/notification-templates';
import { NotificationService } from '../notifications/notification.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { canonicalJson } from '../platform/json/canonical-json';
import type { PaymentReportDto } from './dto/payment-report.dto';
import { BenefitPaymentRow, PaymentsRepository } from './payments.repository';
import { SocialInsuranceOutbox } from './social-insurance-outbox';
import { applicationAccount, PaymentAccount } from './social-insurance-event';

/** A month as the citizen and staff see it (API: `GET /api/v1/dossiers/{id}/payments`). */
export interface PaymentView {
  month: number;
  from: string;
  to: string;
  amount: number;
  status: 'pending' | 'paid' | 'failed';
  paidAt?: string;
  failureReason?: string;
}

const view = (r: BenefitPaymentRow): PaymentView => ({
  month: r.month,
  from: r.from,
  to: r.to,
  amount: r.amount,
  status: r.status,
  ...(r.paidAt ? { paidAt: r.paidAt } : {}),
  ...(r.failureReason && r.status === 'failed' ? { failureReason: r.failureReason } : {}),
});

/** Statuses after which the office pays and the citizen may correct the account. */
const PAYING = new Set(['APPROVED', 'RESULT_RETURNED']);

/**
 * Payments: the office's reports (idempotent on its report id; a paid month is final), the months as the citizen
 * and staff see them, and the citizen's correction of the payment account (audited, sent to the office with the
 * failed months to pay again). Each writes its change, its outgoing events, its notifications and its audit row in
 * one transaction.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: PaymentsRepository,
    private readonly dossiers: DossierReader,
    private readonly outbox: SocialInsuranceOutbox,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(
    clientId: string,
    body: PaymentReportDto,
    requestId?: string,
  ): Promise<{ status: 200 | 201; body: PaymentView }> {
    const canonical = {
      reportId: body.reportId,
      dossierCode: body.dossierCode,
      personalId: body.personalId,
      month: body.month,
      amount: body.amount,
      status: body.status,
      ...(body.paidAt !== undefined ? { paidAt: body.paidAt } : {}),
      ...(body.failureReason !== undefined ? { failureReason: body.failureReason.normalize('NFC') } : {}),
    };
    const bodySha256 = createHash('sha256').update(canonicalJson(canonical)).digest('hex');

    return this.dataSource.transaction(async (em) => {
      const earlier = await this.payments.findReport(em, body.reportId);
      if (earlier) return this.repeat(earlier, bodySha256, em);
      if (body.status === 'paid' && body.paidAt && body.paidAt > this.clock.today())
        throw DomainError.validation([
          { field: 'paidAt', code: 'in_future', message: 'Ngày chi trả không được sau hôm nay.' },
        ]);
      const month = await this.payments.lockMonth(em, body.dossierCode, body.month);
      if (!month || month.personalId !== body.personalId)
        throw DomainError.notFound('Không có tháng hưởng này của hồ sơ và số định danh cá nhân đã gửi.');
      if (month.status === 'paid')
        throw new DomainError(ErrorCode.Conflict, 'Tháng này đã được báo cáo chi trả; không ghi nhận báo cáo khác.', {
          month: body.month,
        });
      if (
        !(await this.payments.insertReport(em, {
          reportId: body.reportId,
          clientId,
          dossierId: month.dossierId,
          month: body.month,
          bodySha256,
          body: canonical,
        }))
      )
        throw DomainError.conflict('Báo cáo cùng mã đang được ghi nhận; vui lòng gửi lại.');
      await this.payments.record(em, month.dossierId, body.month, {
        status: body.status,
        amount: body.amount,
        paidAt: body.status === 'paid' ? body.paidAt! : null,
        failureReason: body.status === 'failed' ? canonical.failureReason! : null,
        reportId: body.reportId,
      });
      await this.notifications.notify(
        em,
        month.personalId,
        body.status === 'paid' ? 'payment_paid' : 'payment_failed',
        body.status === 'paid'
          ? { dossierId: month.dossierId, month: body.month, amount: vnd(body.amount), paidAt: vnDate(body.paidAt!) }
          : { dossierId: month.dossierId, month: body.month, reason: canonical.failureReason! },
        { dedupeKey: `payment-report:${body.reportId}` },
      );
      await this.audit.append(em, {
        actorType: 'client',
        actorId: clientId,
        action: `payment.${body.status}`,
        entityType: 'dossier',
        entityId: month.dossierId,
        data: {
          dossierCode: body.dossierCode,
          month: body.month,
          amount: body.amount,
          reportId: body.reportId,
          requestId: requestId ?? null,
        },
      });
      const [row] = (await this.payments.list(month.dossierId, em)).filter((r) => r.month === body.month);
      return { status: 201 as const, body: view(row) };
    });
  }

  private async repeat(
    earlier: { bodySha256: string; dossierId: string; month: number },
    bodySha256: string,
    em: import('typeorm').EntityManager,
  ): Promise<{ status: 200; body: PaymentView }> {
    if (earlier.bodySha256 !== bodySha256)
      throw new DomainError(ErrorCode.IdempotencyMismatch, 'Mã báo cáo này đã được dùng cho một báo cáo khác.', {});
    const [row] = (await this.payments.list(earlier.dossierId, em)).filter((r) => r.month === earlier.month);
    return { status: 200, body: view(row) };
  }

  async list(principal: Caller, dossierId: string): Promise<PaymentView[]> {
    await this.visible(principal, dossierId);
    return (await this.payments.list(dossierId)).map(view);
  }

  /** The account the office pays to now: the latest correction, else the application's. */
  async account(principal: Caller, dossierId: string): Promise<PaymentAccount> {
    const dossier = await this.visible(principal, dossierId);
    return (await this.payments.currentAccount(dossier.id)) ?? applicationAccount(dossier);
  }

  async correctAccount(
    citizen: CitizenCaller,
    dossierId: string,
    body: PaymentDto,
  ): Promise<{ paymentAccount: PaymentAccount; retryMonths: number[]; payments: PaymentView[] }> {
    const dossier = assertDossierAccess(citizen, await this.dossiers.find(dossierId), 'read');
    if (!PAYING.has(dossier.status))
      throw new DomainError(
        ErrorCode.InvalidTransition,
        'Chỉ cập nhật tài khoản nhận tiền khi hồ sơ đã có quyết định hưởng trợ cấp.',
        { status: dossier.status },
      );
    const account: PaymentAccount =
      body.method === 'cash'
        ? { method: 'cash' }
        : {
            method: 'bank',
            bankCode: body.bankCode,
            accountNumber: body.accountNumber,
            accountHolder: body.accountHolder?.normalize('NFC'),
          };
    const now = this.clock.now().toISOString();
    return this.dataSource.transaction(async (em) => {
      const retryMonths = await this.payments.retryFailed(em, dossier.id);
      await this.payments.insertAccountChange(em, {
        dossierId: dossier.id,
        account,
        retryMonths,
        changedBy: citizen.personalId,
      });
      await this.outbox.enqueue(em, {
        type: 'payment_account_change',
        occurredAt: now,
        dossierCode: dossier.code,
        personalId: dossier.personalId,
        fullName: dossier.fullName,
        paymentAccount: account,
        retryMonths,
      });
      await this.audit.append(em, {
        occurredAt: now,
        actorType: 'citizen',
        actorId: citizen.personalId,
        action: 'payment.account_changed',
        entityType: 'dossier',
        entityId: dossier.id,
        data: {
          code: dossier.code,
          method: account.method,
          bankCode: account.bankCode ?? null,
          // The audit keeps the last digits only: enough to tell accounts apart.
          accountNumberEnding: account.accountNumber?.slice(-4) ?? null,
          retryMonths,
          requestId: citizen.requestId ?? null,
        },
      });
      return { paymentAccount: account, retryMonths, payments: (await this.payments.list(dossier.id, em)).map(view) };
    });
  }

  /** A citizen sees their own dossiers (404 otherwise); staff those of their center (province-level: all). */
  private async visible(principal: Caller, dossierId: string): Promise<DossierRecord> {
    return assertDossierAccess(principal, await this.dossiers.find(dossierId), 'read');
  }
}
