import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sql } from '../platform/database/sql';
import { utcTimestamp } from '../platform/database/sql-timestamp';
import { BenefitPaymentEntity } from './benefit-payment.entity';
import { PaymentAccountChangeEntity } from './payment-account-change.entity';
import type { PaymentAccount } from './social-insurance-event';
import { PaymentReportBody, SocialInsurancePaymentReportEntity } from './social-insurance-payment-report.entity';

export type PaymentStatus = 'pending' | 'paid' | 'failed';

export interface BenefitPaymentRow {
  month: number;
  from: string;
  to: string;
  amount: number;
  status: PaymentStatus;
  paidAt: string | null;
  failureReason: string | null;
  updatedAt: string;
}

const COLUMNS = `month, to_char(period_from, 'YYYY-MM-DD') AS "from", to_char(period_to, 'YYYY-MM-DD') AS "to",
  amount::int AS amount, status, to_char(paid_at, 'YYYY-MM-DD') AS "paidAt", failure_reason AS "failureReason",
  ${utcTimestamp('updated_at')} AS "updatedAt"`;

/**
 * Tables `benefit_payment`, `social_insurance_payment_report` and `payment_account_change` (entities in this folder).
 * Lookups by key, the report's outcome and the account corrections go through the entity repositories; the ON CONFLICT
 * inserts, the row lock, the UPDATE … RETURNING and the month rows as the views print them stay typed statements.
 */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** The approved months, expected (pending) until the office reports them; existing months are left as they are. */
  async expect(
    em: EntityManager,
    dossier: { id: string; code: string; personalId: string },
    monthlyAmount: number,
    months: { month: number; from: string; to: string }[],
  ): Promise<void> {
    for (const m of months) {
      await sql.run(
        em,
        `INSERT INTO benefit_payment (dossier_id, dossier_code, personal_id, month, period_from, period_to, amount, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') ON CONFLICT (dossier_id, month) DO NOTHING`,
        [dossier.id, dossier.code, dossier.personalId, m.month, m.from, m.to, monthlyAmount],
      );
    }
  }

  async list(dossierId: string, em?: EntityManager): Promise<BenefitPaymentRow[]> {
    return sql.rows<BenefitPaymentRow>(
      this.m(em),
      `SELECT ${COLUMNS} FROM benefit_payment WHERE dossier_id = $1 ORDER BY month`,
      [dossierId],
    );
  }

  /** The month as the office names it (dossier code, month), locked for the report's transaction. */
  async lockMonth(
    em: EntityManager,
    dossierCode: string,
    month: number,
  ): Promise<(BenefitPaymentRow & { dossierId: string; personalId: string }) | undefined> {
    return sql.one<BenefitPaymentRow & { dossierId: string; personalId: string }>(
      em,
      `SELECT ${COLUMNS}, dossier_id::text AS "dossierId", personal_id AS "personalId"
       FROM benefit_payment WHERE dossier_code = $1 AND month = $2 FOR UPDATE`,
      [dossierCode, month],
    );
  }

  async dossierOfCode(dossierCode: string): Promise<string | undefined> {
    const row = await this.dataSource
      .getRepository(BenefitPaymentEntity)
      .findOne({ select: { dossierId: true, month: true }, where: { dossierCode } });
    return row?.dossierId;
  }

  async record(
    em: EntityManager,
    dossierId: string,
    month: number,
    outcome: {
      status: 'paid' | 'failed';
      amount: number;
      paidAt: string | null;
      failureReason: string | null;
      reportId: string;
    },
  ): Promise<void> {
    await em.getRepository(BenefitPaymentEntity).update(
      { dossierId, month },
      {
        status: outcome.status,
        amount: outcome.amount,
        paidAt: outcome.paidAt,
        failureReason: outcome.failureReason,
        lastReportId: outcome.reportId,
        updatedAt: () => 'now()',
      },
    );
  }

  /** Failed months asked of the office again: pending until it reports. Returns the months. */
  async retryFailed(em: EntityManager, dossierId: string): Promise<number[]> {
    const rows = await sql.rows<{ month: number }>(
      em,
      `UPDATE benefit_payment SET status = 'pending', updated_at = now()
       WHERE dossier_id = $1 AND status = 'failed' RETURNING month`,
      [dossierId],
    );
    return rows.map((r) => r.month).sort((a, b) => a - b);
  }

  async findReport(
    em: EntityManager,
    reportId: string,
  ): Promise<{ bodySha256: string; dossierId: string; month: number } | undefined> {
    const row = await em.getRepository(SocialInsurancePaymentReportEntity).findOne({
      select: { reportId: true, bodySha256: true, dossierId: true, month: true },
      where: { reportId },
    });
    return row ? { bodySha256: row.bodySha256, dossierId: row.dossierId, month: row.month } : undefined;
  }

  /** False when the report id was already recorded (a concurrent repeat). */
  async insertReport(
    em: EntityManager,
    report: {
      reportId: string;
      clientId: string;
      dossierId: string;
      month: number;
      bodySha256: string;
      body: PaymentReportBody;
    },
  ): Promise<boolean> {
    const rows = await sql.rows<{ reportId: string }>(
      em,
      `INSERT INTO social_insurance_payment_report (report_id, client_id, dossier_id, month, body_sha256, body)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (report_id) DO NOTHING RETURNING report_id AS "reportId"`,
      [report.reportId, report.clientId, report.dossierId, report.month, report.bodySha256, report.body],
    );
    return rows.length > 0;
  }

  async insertAccountChange(
    em: EntityManager,
    change: { dossierId: string; account: PaymentAccount; retryMonths: number[]; changedBy: string },
  ): Promise<void> {
    await em.getRepository(PaymentAccountChangeEntity).insert({
      dossierId: change.dossierId,
      account: change.account,
      retryMonths: change.retryMonths,
      changedBy: change.changedBy,
    });
  }

  /** The latest corrected account, if the citizen corrected it. */
  async currentAccount(dossierId: string, em?: EntityManager): Promise<PaymentAccount | undefined> {
    const row = await this.m(em)
      .getRepository(PaymentAccountChangeEntity)
      .findOne({ select: { id: true, account: true }, where: { dossierId }, order: { id: 'DESC' } });
    return row?.account;
  }
}
