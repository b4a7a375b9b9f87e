import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { utcTimestamp } from '../platform/database/sql-timestamp';
import type { BenefitMonthPlan, MonthOutcome, StoredBenefitStatus, TerminationReason } from './domain/benefit-period';

export interface BenefitRow {
  dossierId: string;
  centerCode: string;
  personalId: string;
  status: StoredBenefitStatus;
  monthlyBenefit: number;
  benefitMonths: number;
  reservedAfterBenefit: number;
  resultReturnedOn: string;
  terminationReason: TerminationReason | null;
  terminationEffectiveDate: string | null;
  reservedMonths: number | null;
}

export interface MonthRow extends BenefitMonthPlan {
  outcome: MonthOutcome | null;
  notice: { filedAt: string; channel: NoticeChannel; receiptNumber: string } | null;
}

export type NoticeChannel = 'online' | 'portal' | 'counter';

/** One contact with an employer, as a notice records it (the `activities` JSON column). */
export interface JobSearchActivity {
  employer: string;
  position: string;
  /** `YYYY-MM-DD`. */
  contactedOn: string;
  outcome: string;
}

export interface NoticeRow {
  id: string;
  dossierId: string;
  month: number;
  channel: NoticeChannel;
  filedAt: string;
  filedOn: string;
  activities: JobSearchActivity[];
  note: string | null;
  portalNoticeCode: string | null;
  receiptNumber: string;
}

/** A benefit month whose notice window closed without a notice (staff queue). */
export interface MissedMonthRow {
  dossierId: string;
  month: number;
  /** `YYYY-MM-DD`: the notice window of the month. */
  windowFrom: string;
  windowTo: string;
  outcome: 'missed' | 'suspended';
  benefitStatus: StoredBenefitStatus;
  centerCode: string;
}

/** Notices and decided proposals counted by month (`YYYY-MM`) and center. */
export interface BenefitReportRow {
  month: string;
  centerCode: string;
  notices: number;
  suspensions: number;
  resumptions: number;
  terminations: number;
}

export type ProposalKind = 'suspend' | 'resume' | 'terminate';

export interface ProposalRow {
  id: string;
  dossierId: string;
  centerCode: string;
  kind: ProposalKind;
  month: number | null;
  terminationReason: string | null;
  effectiveDate: string | null;
  evidence: Record<string, unknown>;
  proposedOn: string;
  proposedAt: string;
}

const BENEFIT = `dossier_id::text AS "dossierId", center_code AS "centerCode", personal_id AS "personalId", status,
  monthly_benefit::float8 AS "monthlyBenefit", benefit_months AS "benefitMonths",
  reserved_after_benefit AS "reservedAfterBenefit", to_char(result_returned_on, 'YYYY-MM-DD') AS "resultReturnedOn",
  termination_reason AS "terminationReason",
  to_char(termination_effective_date, 'YYYY-MM-DD') AS "terminationEffectiveDate", reserved_months AS "reservedMonths"`;

const NOTICE = `id::text AS id, dossier_id::text AS "dossierId", month, channel, ${utcTimestamp('filed_at')} AS "filedAt",
  to_char(filed_on, 'YYYY-MM-DD') AS "filedOn", activities, note, portal_notice_code AS "portalNoticeCode",
  receipt_number AS "receiptNumber"`;

const PROPOSAL = `p.id::text AS id, p.dossier_id::text AS "dossierId", p.center_code AS "centerCode", p.kind,
  NULLIF(p.month, 0) AS month, NULLIF(p.termination_reason, '') AS "terminationReason",
  to_char(p.effective_date, 'YYYY-MM-DD') AS "effectiveDate", p.evidence, to_char(p.proposed_on, 'YYYY-MM-DD') AS "proposedOn",
  ${utcTimestamp('p.proposed_at')} AS "proposedAt"`;

/** The benefit tables (migration 1765300000000). Only the benefits module reads or writes them. */
@Injectable()
export class BenefitRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async create(
    em: EntityManager,
    b: Omit<BenefitRow, 'status' | 'terminationReason' | 'terminationEffectiveDate' | 'reservedMonths'>,
    months: readonly BenefitMonthPlan[],
  ): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO benefit (dossier_id, center_code, personal_id, status, monthly_benefit, benefit_months,
         reserved_after_benefit, result_returned_on)
       VALUES ($1, $2, $3, 'active', $4, $5, $6, $7) ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id`,
      [
        b.dossierId,
        b.centerCode,
        b.personalId,
        b.monthlyBenefit,
        b.benefitMonths,
        b.reservedAfterBenefit,
        b.resultReturnedOn,
      ],
    );
    if (!rows.length) return false;
    for (const m of months) {
      await em.query(
        `INSERT INTO benefit_month (dossier_id, month, period_from, period_to, notice_from, notice_to)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [b.dossierId, m.month, m.from, m.to, m.noticeWindow.from, m.noticeWindow.to],
      );
    }
    return true;
  }

  /**
   * A closed center's running benefits (active or suspended) and their pending proposals go to its successor
   * (src/organisation, in the closing transaction). Returns the dossiers whose benefit moved.
   */
  async moveCenter(em: EntityManager, from: string, to: string): Promise<string[]> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows]: [{ dossier_id: string }[], number] = await em.query(
      `UPDATE benefit SET center_code = $2, updated_at = now()
       WHERE center_code = $1 AND status IN ('active', 'suspended') RETURNING dossier_id`,
      [from, to],
    );
    await em.query(`UPDATE benefit_proposal SET center_code = $2 WHERE center_code = $1 AND status = 'pending'`, [
      from,
      to,
    ]);
    return rows.map((r) => r.dossier_id);
  }

  async find(dossierId: string, em?: EntityManager, forUpdate = false): Promise<BenefitRow | undefined> {
    const [row] = await this.m(em).query(
      `SELECT ${BENEFIT} FROM benefit WHERE dossier_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [dossierId],
    );
    return row;
  }

  /** The benefit a portal notice is for: the person's latest benefit still running. */
  async findCurrentFor(personalId: string): Promise<BenefitRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${BENEFIT} FROM benefit WHERE personal_id = $1 ORDER BY (status IN ('active', 'suspended')) DESC, created_at DESC LIMIT 1`,
      [personalId],
    );
    return row;
  }

  async months(dossierId: string, em?: EntityManager): Promise<MonthRow[]> {
    const rows: {
      month: number;
      from: string;
      to: string;
      noticeFrom: string;
      noticeTo: string;
      outcome: MonthOutcome | null;
      filedAt: string | null;
      channel: NoticeChannel;
      receiptNumber: string;
    }[] = await this.m(em).query(
      `SELECT m.month, to_char(m.period_from, 'YYYY-MM-DD') AS "from", to_char(m.period_to, 'YYYY-MM-DD') AS "to",
              to_char(m.notice_from, 'YYYY-MM-DD') AS "noticeFrom", to_char(m.notice_to, 'YYYY-MM-DD') AS "noticeTo",
              m.outcome, ${utcTimestamp('n.filed_at')} AS "filedAt", n.channel, n.receipt_number AS "receiptNumber"
       FROM benefit_month m LEFT JOIN job_search_notice n ON n.dossier_id = m.dossier_id AND n.month = m.month
       WHERE m.dossier_id = $1 ORDER BY m.month`,
      [dossierId],
    );
    return rows.map((r) => ({
      month: r.month,
      from: r.from,
      to: r.to,
      noticeWindow: { from: r.noticeFrom, to: r.noticeTo },
      outcome: r.outcome,
      notice: r.filedAt ? { filedAt: r.filedAt, channel: r.channel, receiptNumber: r.receiptNumber } : null,
    }));
  }

  /** Inserts the notice; false when the month already has one (the unique key decides, under concurrency too). */
  async insertNotice(em: EntityManager, n: NoticeRow & { centerCode: string; filedBy: string }): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO job_search_notice (id, dossier_id, month, channel, filed_at, filed_on, center_code, activities, note,
         portal_notice_code, receipt_number, filed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (dossier_id, month) DO NOTHING RETURNING id`,
      [
        n.id,
        n.dossierId,
        n.month,
        n.channel,
        n.filedAt,
        n.filedOn,
        n.centerCode,
        JSON.stringify(n.activities),
        n.note,
        n.portalNoticeCode,
        n.receiptNumber,
        n.filedBy,
      ],
    );
    return rows.length > 0;
  }

  async noticeByPortalCode(code: string): Promise<(NoticeRow & { personalId: string }) | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${NOTICE.replace(/\bid::text/, 'n.id::text').replace(/dossier_id::text/, 'n.dossier_id::text')}, b.personal_id AS "personalId"
       FROM job_search_notice n JOIN benefit b ON b.dossier_id = n.dossier_id WHERE n.portal_notice_code = $1`,
      [code],
    );
    return row;
  }

  async notice(dossierId: string, month: number, em?: EntityManager): Promise<NoticeRow | undefined> {
    const [row] = await this.m(em).query(
      `SELECT ${NOTICE} FROM job_search_notice WHERE dossier_id = $1 AND month = $2`,
      [dossierId, month],
    );
    return row;
  }

  async setOutcome(
    em: EntityManager,
    dossierId: string,
    months: number[],
    outcome: MonthOutcome,
    at: Date,
  ): Promise<void> {
    if (!months.length) return;
    await em.query(
      `UPDATE benefit_month SET outcome = $3, outcome_at = $4 WHERE dossier_id = $1 AND month = ANY ($2::int[])`,
      [dossierId, months, outcome, at],
    );
  }

  async setStatus(
    em: EntityManager,
    dossierId: string,
    status: StoredBenefitStatus,
    termination?: { reason: string; effectiveDate: string; reservedMonths: number; at: Date },
  ): Promise<void> {
    await em.query(
      `UPDATE benefit SET status = $2, updated_at = now(),
         termination_reason = coalesce($3, termination_reason),
         termination_effective_date = coalesce($4::date, termination_effective_date),
         reserved_months = coalesce($5, reserved_months), terminated_at = coalesce($6, terminated_at)
       WHERE dossier_id = $1`,
      [
        dossierId,
        status,
        termination?.reason ?? null,
        termination?.effectiveDate ?? null,
        termination?.reservedMonths ?? null,
        termination?.at ?? null,
      ],
    );
  }

  /** A proposal; a second one for the same dossier, kind, month and reason is a no-op (returns false). */
  async propose(em: EntityManager, p: Omit<ProposalRow, 'proposedAt'> & { proposedAt: Date }): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO benefit_proposal (id, dossier_id, center_code, kind, month, termination_reason, effective_date, evidence,
         proposed_on, proposed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (dossier_id, kind, month, termination_reason) DO NOTHING RETURNING id`,
      [
        p.id,
        p.dossierId,
        p.centerCode,
        p.kind,
        p.month ?? 0,
        p.terminationReason ?? '',
        p.effectiveDate,
        JSON.stringify(p.evidence),
        p.proposedOn,
        p.proposedAt,
      ],
    );
    return rows.length > 0;
  }

  /** Dismisses every pending proposal of a benefit (it moved to another province). */
  async dismissProposals(em: EntityManager, dossierId: string, at: Date): Promise<void> {
    await em.query(
      `UPDATE benefit_proposal SET status = 'dismissed', decided_at = $2 WHERE dossier_id = $1 AND status = 'pending'`,
      [dossierId, at],
    );
  }

  /** A benefit of this person still running here (active or suspended, its last month not yet over), if any. */
  async runningFor(personalId: string, em?: EntityManager): Promise<BenefitRow | undefined> {
    const [row] = await this.m(em).query(
      `SELECT ${BENEFIT} FROM benefit b WHERE personal_id = $1 AND status IN ('active', 'suspended')
         AND EXISTS (SELECT 1 FROM benefit_month m WHERE m.dossier_id = b.dossier_id AND m.period_to >= current_date)
       LIMIT 1`,
      [personalId],
    );
    return row;
  }

  /** Closes the pending proposals of a kind (decided) — or every other pending one (dismissed) on termination. */
  async closeProposals(
    em: EntityManager,
    dossierId: string,
    kind: ProposalKind,
    at: Date,
    dismissOthers = false,
  ): Promise<void> {
    await em.query(
      `UPDATE benefit_proposal SET status = CASE WHEN kind = $2 THEN 'decided' ELSE 'dismissed' END, decided_at = $3
       WHERE dossier_id = $1 AND status = 'pending' AND (kind = $2 OR $4::boolean)`,
      [dossierId, kind, at, dismissOthers],
    );
  }

  async pendingProposals(filter: {
    centerCode?: string | null;
    on?: string;
    dossierId?: string;
    limit: number;
  }): Promise<ProposalRow[]> {
    return this.dataSource.query(
      `SELECT ${PROPOSAL} FROM benefit_proposal p
       WHERE p.status = 'pending' AND ($1::text IS NULL OR p.center_code = $1) AND ($2::date IS NULL OR p.proposed_on = $2)
         AND ($3::uuid IS NULL OR p.dossier_id = $3)
       ORDER BY p.proposed_at, p.id LIMIT $4`,
      [filter.centerCode ?? null, filter.on ?? null, filter.dossierId ?? null, filter.limit],
    );
  }

  /** Benefits with a window closed before `today`, no notice and nothing recorded yet (the scheduled work's input). */
  async withClosedWindows(today: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT m.dossier_id::text AS id FROM benefit_month m JOIN benefit b ON b.dossier_id = m.dossier_id
       WHERE m.outcome IS NULL AND m.notice_to < $1 AND b.status IN ('active', 'suspended')
         AND NOT EXISTS (SELECT 1 FROM job_search_notice n WHERE n.dossier_id = m.dossier_id AND n.month = m.month)
       LIMIT $2`,
      [today, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Beneficiaries still receiving (keyset by dossier id), for the daily re-employment sweep. */
  async running(after: string | null, limit: number): Promise<BenefitRow[]> {
    return this.dataSource.query(
      `SELECT ${BENEFIT} FROM benefit WHERE status IN ('active', 'suspended') AND ($1::uuid IS NULL OR dossier_id > $1)
       ORDER BY dossier_id LIMIT $2`,
      [after, limit],
    );
  }

  async recentNotices(centerCode: string | null, limit: number): Promise<NoticeRow[]> {
    return this.dataSource.query(
      `SELECT ${NOTICE} FROM job_search_notice WHERE ($1::text IS NULL OR center_code = $1) ORDER BY filed_at DESC, id LIMIT $2`,
      [centerCode, limit],
    );
  }

  async missedMonths(centerCode: string | null, limit: number): Promise<MissedMonthRow[]> {
    return this.dataSource.query<MissedMonthRow[]>(
      `SELECT m.dossier_id::text AS "dossierId", m.month, to_char(m.notice_from, 'YYYY-MM-DD') AS "windowFrom",
              to_char(m.notice_to, 'YYYY-MM-DD') AS "windowTo", m.outcome, b.status AS "benefitStatus", b.center_code AS "centerCode"
       FROM benefit_month m JOIN benefit b ON b.dossier_id = m.dossier_id
       WHERE m.outcome IN ('missed', 'suspended') AND ($1::text IS NULL OR b.center_code = $1)
       ORDER BY m.notice_to DESC, m.dossier_id LIMIT $2`,
      [centerCode, limit],
    );
  }

  /**
   * Counts by benefit month (YYYY-MM of the notice / decision) and center, from the day counts that triggers keep
   * current with each notice and decided proposal (report_benefit_count, migration 1765700000000).
   */
  async report(from: string, to: string, centerCode: string | null): Promise<BenefitReportRow[]> {
    return this.dataSource.query<BenefitReportRow[]>(
      `SELECT to_char(day, 'YYYY-MM') AS month, center_code AS "centerCode",
              COALESCE(sum(count) FILTER (WHERE kind = 'notices'), 0)::int AS notices,
              COALESCE(sum(count) FILTER (WHERE kind = 'suspensions'), 0)::int AS suspensions,
              COALESCE(sum(count) FILTER (WHERE kind = 'resumptions'), 0)::int AS resumptions,
              COALESCE(sum(count) FILTER (WHERE kind = 'terminations'), 0)::int AS terminations
       FROM report_benefit_count
       WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR center_code = $3)
       GROUP BY 1, 2 HAVING sum(count) > 0 ORDER BY 1, 2`,
      [from, to, centerCode],
    );
  }
}
