import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { utcTimestamp } from '../platform/database/sql-timestamp';
import type { PaymentAccount } from './social-insurance-event';

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

/** Tables `benefit_payment`, `social_insurance_payment_report` and `payment_account_change`. */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The approved months, expected (pending) until the office reports them; existing months are left as they are. */
  async expect(
    em: EntityManager,
    dossier: { id: string; code: string; personalId: string },
    monthlyAmount: number,
    months: { month: number; from: string; to: string }[],
  ): Promise<void> {
    for (const m of months) {
      await em.query(
        `INSERT INTO benefit_payment (dossier_id, dossier_code, personal_id, month, period_from, period_to, amount, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') ON CONFLICT (dossier_id, month) DO NOTHING`,
        [dossier.id, dossier.code, dossier.personalId, m.month, m.from, m.to, monthlyAmount],
      );
    }
  }

  async list(dossierId: string, em?: EntityManager): Promise<BenefitPaymentRow[]> {
    return (em ?? this.dataSource.manager).query(
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
    const [row] = await em.query(
      `SELECT ${COLUMNS}, dossier_id::text AS "dossierId", personal_id AS "personalId"
       FROM benefit_payment WHERE dossier_code = $1 AND month = $2 FOR UPDATE`,
      [dossierCode, month],
    );
    return row;
  }

  async dossierOfCode(dossierCode: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT dossier_id::text AS id FROM benefit_payment WHERE dossier_code = $1 LIMIT 1`,
      [dossierCode],
    );
    return row?.id;
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
    await em.query(
      `UPDATE benefit_payment SET status = $3, amount = $4, paid_at = $5, failure_reason = $6, last_report_id = $7,
         updated_at = now()
       WHERE dossier_id = $1 AND month = $2`,
      [dossierId, month, outcome.status, outcome.amount, outcome.paidAt, outcome.failureReason, outcome.reportId],
    );
  }

  /** Failed months asked of the office again: pending until it reports. Returns the months. */
  async retryFailed(em: EntityManager, dossierId: string): Promise<number[]> {
    const [rows]: [{ month: number }[], number] = await em.query(
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
    const [row] = await em.query(
      `SELECT body_sha256 AS "bodySha256", dossier_id::text AS "dossierId", month
       FROM social_insurance_payment_report WHERE report_id = $1`,
      [reportId],
    );
    return row;
  }

  /** False when the report id was already recorded (a concurrent repeat). */
  async insertReport(
    em: EntityManager,
    report: { reportId: string; clientId: string; dossierId: string; month: number; bodySha256: string; body: object },
  ): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO social_insurance_payment_report (report_id, client_id, dossier_id, month, body_sha256, body)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (report_id) DO NOTHING RETURNING report_id`,
      [report.reportId, report.clientId, report.dossierId, report.month, report.bodySha256, report.body],
    );
    return rows.length > 0;
  }

  async insertAccountChange(
    em: EntityManager,
    change: { dossierId: string; account: PaymentAccount; retryMonths: number[]; changedBy: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO payment_account_change (dossier_id, account, retry_months, changed_by) VALUES ($1, $2, $3, $4)`,
      [change.dossierId, change.account, change.retryMonths, change.changedBy],
    );
  }

  /** The latest corrected account, if the citizen corrected it. */
  async currentAccount(dossierId: string, em?: EntityManager): Promise<PaymentAccount | undefined> {
    const [row] = await (em ?? this.dataSource.manager).query(
      `SELECT account FROM payment_account_change WHERE dossier_id = $1 ORDER BY id DESC LIMIT 1`,
      [dossierId],
    );
    return row?.account;
  }
}
