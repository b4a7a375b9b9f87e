import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { utcTimestamp } from '../../platform/database/sql-timestamp';
import type { PaymentReportDto } from '../../social-insurance/dto/payment-report.dto';
import type { SocialInsuranceEvent } from '../../social-insurance/social-insurance-event';
import { SandboxSocialInsurancePaymentEntity } from './sandbox-social-insurance-payment.entity';

/** One event as the sandbox office shows it (arrival order, how many times it came). */
export interface SandboxOfficeEvent {
  seq: number;
  eventId: string;
  personalId: string;
  dossierCode: string;
  type: string;
  deliveries: number;
  receivedAt: string;
  payload: SocialInsuranceEvent;
}

/** One payment attempt as the sandbox office shows it, with the report it sends. */
export type SandboxOfficePayment = Pick<
  SandboxSocialInsurancePaymentEntity,
  'reportId' | 'dossierCode' | 'month' | 'attempt' | 'status' | 'reported' | 'body'
>;

/**
 * Tables sandbox_social_insurance_event and sandbox_social_insurance_payment: what the sandbox office received and
 * what it paid. The two upserts (a repeated event counts the repeat; an attempt already made is kept) and the event
 * list (timestamps formatted for the page) stay hand-written; the rest goes through the entity repository.
 */
@Injectable()
export class SandboxOfficeRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(SandboxSocialInsurancePaymentEntity)
    private readonly payments: Repository<SandboxSocialInsurancePaymentEntity>,
  ) {}

  async recordEvent(eventId: string, payload: SocialInsuranceEvent): Promise<{ duplicate: boolean }> {
    const row = await sql.one<{ inserted: boolean }>(
      this.dataSource,
      `INSERT INTO sandbox_social_insurance_event (event_id, personal_id, dossier_code, type, payload)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (event_id) DO UPDATE SET deliveries = sandbox_social_insurance_event.deliveries + 1
       RETURNING (xmax = 0) AS inserted`,
      [eventId, payload.personalId, payload.dossierCode, payload.type, payload],
    );
    return { duplicate: !row?.inserted };
  }

  /** In arrival order, all or one dossier's (at most 1000). */
  events(dossierCode: string | null): Promise<SandboxOfficeEvent[]> {
    return sql.rows<SandboxOfficeEvent>(
      this.dataSource,
      `SELECT id::int AS seq, event_id AS "eventId", personal_id AS "personalId", dossier_code AS "dossierCode", type,
         deliveries, ${utcTimestamp('received_at')} AS "receivedAt", payload
       FROM sandbox_social_insurance_event WHERE ($1::text IS NULL OR dossier_code = $1) ORDER BY id LIMIT 1000`,
      [dossierCode],
    );
  }

  /** All attempts, or one dossier's, by dossier, month and attempt. */
  listPayments(dossierCode: string | null): Promise<SandboxOfficePayment[]> {
    return this.payments.find({
      select: {
        reportId: true,
        dossierCode: true,
        month: true,
        attempt: true,
        status: true,
        reported: true,
        body: true,
      },
      where: dossierCode === null ? {} : { dossierCode },
      order: { dossierCode: 'ASC', month: 'ASC', attempt: 'ASC' },
    });
  }

  /** Records an attempt unless it is already there (a second run of the same day pays nothing twice). */
  async addPayment(attempt: { attempt: number; body: PaymentReportDto }): Promise<void> {
    const { body } = attempt;
    await sql.run(
      this.dataSource,
      `INSERT INTO sandbox_social_insurance_payment (report_id, dossier_code, month, attempt, status, body)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [body.reportId, body.dossierCode, body.month, attempt.attempt, body.status, body],
    );
  }

  async markReported(reportId: string): Promise<void> {
    await this.payments.update({ reportId }, { reported: true });
  }
}
