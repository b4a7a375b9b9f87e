import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { sql } from '../platform/database/sql';
import { utcTimestamp } from '../platform/database/sql-timestamp';
import { BenefitMonthEntity } from './benefit-month.entity';
import { BenefitProposalEntity } from './benefit-proposal.entity';
import { BenefitEntity } from './benefit.entity';
import { JobSearchNoticeEntity } from './job-search-notice.entity';
import type {
  BenefitMonthPlan,
  DateRange,
  MonthOutcome,
  StoredBenefitStatus,
  TerminationReason,
} from './domain/benefit-period';

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

/** What a proposal rests on (the `evidence` JSON column of `benefit_proposal`), by what proposed it. */
export type ProposalEvidence =
  /** A notice in a later month of a suspended benefit: resume (Điều 41 k.3). */
  | { noticeId: string; receiptNumber: string }
  /** A notice window closed without a notice: suspend (Điều 41 k.2). */
  | { noticeWindow: DateRange }
  /** The third consecutive month without a notice: terminate (Điều 41 k.4 đ). */
  | { months: number[] }
  /** The Director decided without a pending proposal (the decision step records one as decided). */
  | { decidedDirectly: true }
  /** The re-employment sweep found contributions of a new employer: terminate (Điều 41 k.4 a). */
  | NewJobEvidence;

export type NewJobEvidence = {
  source: 'social_insurance_registry';
  /** `YYYY-MM`: the first month with contributions. */
  month: string;
  employerName: string;
  employerTaxCode: string;
};

export interface ProposalRow {
  id: string;
  dossierId: string;
  centerCode: string;
  kind: ProposalKind;
  month: number | null;
  terminationReason: string | null;
  effectiveDate: string | null;
  evidence: ProposalEvidence;
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

/**
 * The benefit tables (migration 1765300000000; entities in this folder). Only the benefits module reads or writes
 * them. Simple writes go through the entity repositories; the notice path (find for update, months, insertNotice,
 * propose: the notices benchmark), the ON CONFLICT inserts, the keyset page and the report aggregate stay one typed
 * statement each (sql.rows/one/run).
 */
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
    const rows = await sql.rows<{ dossierId: string }>(
      em,
      `INSERT INTO benefit (dossier_id, center_code, personal_id, status, monthly_benefit, benefit_months,
         reserved_after_benefit, result_returned_on)
       VALUES ($1, $2, $3, 'active', $4, $5, $6, $7) ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id AS "dossierId"`,
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
    if (months.length) {
      await em.getRepository(BenefitMonthEntity).insert(
        months.map((m) => ({
          dossierId: b.dossierId,
          month: m.month,
          periodFrom: m.from,
          periodTo: m.to,
          noticeFrom: m.noticeWindow.from,
          noticeTo: m.noticeWindow.to,
        })),
      );
    }
    return true;
  }

  /**
   * A closed center's running benefits (active or suspended) and their pending proposals go to its successor
   * (src/organisation, in the closing transaction). Returns the dossiers whose benefit moved.
   */
  async moveCenter(em: EntityManager, from: string, to: string): Promise<string[]> {
    const rows = await sql.rows<{ dossierId: string }>(
      em,
      `UPDATE benefit SET center_code = $2, updated_at = now()
       WHERE center_code = $1 AND status IN ('active', 'suspended') RETURNING dossier_id::text AS "dossierId"`,
      [from, to],
    );
    await em.getRepository(BenefitProposalEntity).update({ centerCode: from, status: 'pending' }, { centerCode: to });
    return rows.map((r) => r.dossierId);
  }

  async find(dossierId: string, em?: EntityManager, forUpdate = false): Promise<BenefitRow | undefined> {
    return sql.one<BenefitRow>(
      this.m(em),
      `SELECT ${BENEFIT} FROM benefit WHERE dossier_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [dossierId],
    );
  }

  /** The benefit a portal notice is for: the person's latest benefit still running. */
  async findCurrentFor(personalId: string): Promise<BenefitRow | undefined> {
    return sql.one<BenefitRow>(
      this.dataSource,
      `SELECT ${BENEFIT} FROM benefit WHERE personal_id = $1 ORDER BY (status IN ('active', 'suspended')) DESC, created_at DESC LIMIT 1`,
      [personalId],
    );
  }

  async months(dossierId: string, em?: EntityManager): Promise<MonthRow[]> {
    const rows = await sql.rows<{
      month: number;
      from: string;
      to: string;
      noticeFrom: string;
      noticeTo: string;
      outcome: MonthOutcome | null;
      /** The notice's columns: null when the month has none (LEFT JOIN). */
      filedAt: string | null;
      channel: NoticeChannel | null;
      receiptNumber: string | null;
    }>(
      this.m(em),
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
      notice:
        r.filedAt && r.channel && r.receiptNumber
          ? { filedAt: r.filedAt, channel: r.channel, receiptNumber: r.receiptNumber }
          : null,
    }));
  }

  /** Inserts the notice; false when the month already has one (the unique key decides, under concurrency too). */
  async insertNotice(em: EntityManager, n: NoticeRow & { centerCode: string; filedBy: string }): Promise<boolean> {
    const rows = await sql.rows<{ id: string }>(
      em,
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
    return sql.one<NoticeRow & { personalId: string }>(
      this.dataSource,
      `SELECT ${NOTICE.replace(/\bid::text/, 'n.id::text').replace(/dossier_id::text/, 'n.dossier_id::text')}, b.personal_id AS "personalId"
       FROM job_search_notice n JOIN benefit b ON b.dossier_id = n.dossier_id WHERE n.portal_notice_code = $1`,
      [code],
    );
  }

  async notice(dossierId: string, month: number, em?: EntityManager): Promise<NoticeRow | undefined> {
    const n = await this.m(em).getRepository(JobSearchNoticeEntity).findOneBy({ dossierId, month });
    return n ? noticeRow(n) : undefined;
  }

  async setOutcome(
    em: EntityManager,
    dossierId: string,
    months: number[],
    outcome: MonthOutcome,
    at: Date,
  ): Promise<void> {
    if (!months.length) return;
    await em.getRepository(BenefitMonthEntity).update({ dossierId, month: In(months) }, { outcome, outcomeAt: at });
  }

  async setStatus(
    em: EntityManager,
    dossierId: string,
    status: StoredBenefitStatus,
    termination?: { reason: string; effectiveDate: string; reservedMonths: number; at: Date },
  ): Promise<void> {
    await em.getRepository(BenefitEntity).update(
      { dossierId },
      {
        status,
        updatedAt: () => 'now()',
        ...(termination && {
          terminationReason: termination.reason,
          terminationEffectiveDate: termination.effectiveDate,
          reservedMonths: termination.reservedMonths,
          terminatedAt: termination.at,
        }),
      },
    );
  }

  /** A proposal; a second one for the same dossier, kind, month and reason is a no-op (returns false). */
  async propose(em: EntityManager, p: Omit<ProposalRow, 'proposedAt'> & { proposedAt: Date }): Promise<boolean> {
    const rows = await sql.rows<{ id: string }>(
      em,
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
    await em
      .getRepository(BenefitProposalEntity)
      .update({ dossierId, status: 'pending' }, { status: 'dismissed', decidedAt: at });
  }

  /** A benefit of this person still running here (active or suspended, its last month not yet over), if any. */
  async runningFor(personalId: string, em?: EntityManager): Promise<BenefitRow | undefined> {
    return sql.one<BenefitRow>(
      this.m(em),
      `SELECT ${BENEFIT} FROM benefit b WHERE personal_id = $1 AND status IN ('active', 'suspended')
         AND EXISTS (SELECT 1 FROM benefit_month m WHERE m.dossier_id = b.dossier_id AND m.period_to >= current_date)
       LIMIT 1`,
      [personalId],
    );
  }

  /** Closes the pending proposals of a kind (decided) — or every other pending one (dismissed) on termination. */
  async closeProposals(
    em: EntityManager,
    dossierId: string,
    kind: ProposalKind,
    at: Date,
    dismissOthers = false,
  ): Promise<void> {
    // One statement for both outcomes (decided for the kind, dismissed for the others), as the decision step ran it.
    await sql.run(
      em,
      `UPDATE benefit_proposal SET status = CASE WHEN kind = $2 THEN 'decided' ELSE 'dismissed' END, decided_at = $3
       WHERE dossier_id = $1 AND status = 'pending' AND (kind = $2 OR $4::boolean)`,
      [dossierId, kind, at, dismissOthers],
    );
  }

  /** Pending proposals, oldest first, optionally of one center, day or dossier. */
  async pendingProposals(filter: {
    centerCode?: string | null;
    on?: string;
    dossierId?: string;
    limit: number;
  }): Promise<ProposalRow[]> {
    return sql.rows<ProposalRow>(
      this.dataSource,
      `SELECT ${PROPOSAL} FROM benefit_proposal p
       WHERE p.status = 'pending' AND ($1::text IS NULL OR p.center_code = $1) AND ($2::date IS NULL OR p.proposed_on = $2)
         AND ($3::uuid IS NULL OR p.dossier_id = $3)
       ORDER BY p.proposed_at, p.id LIMIT $4`,
      [filter.centerCode ?? null, filter.on ?? null, filter.dossierId ?? null, filter.limit],
    );
  }

  /** Benefits with a window closed before `today`, no notice and nothing recorded yet (the scheduled work's input). */
  async withClosedWindows(today: string, limit: number): Promise<string[]> {
    const rows = await sql.rows<{ id: string }>(
      this.dataSource,
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
    return sql.rows<BenefitRow>(
      this.dataSource,
      `SELECT ${BENEFIT} FROM benefit WHERE status IN ('active', 'suspended') AND ($1::uuid IS NULL OR dossier_id > $1)
       ORDER BY dossier_id LIMIT $2`,
      [after, limit],
    );
  }

  async recentNotices(centerCode: string | null, limit: number): Promise<NoticeRow[]> {
    return sql.rows<NoticeRow>(
      this.dataSource,
      `SELECT ${NOTICE} FROM job_search_notice WHERE ($1::text IS NULL OR center_code = $1) ORDER BY filed_at DESC, id LIMIT $2`,
      [centerCode, limit],
    );
  }

  async missedMonths(centerCode: string | null, limit: number): Promise<MissedMonthRow[]> {
    return sql.rows<MissedMonthRow>(
      this.dataSource,
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
    return sql.rows<BenefitReportRow>(
      this.dataSource,
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

/** A notice entity as the views carry it (timestamps RFC 3339 UTC with milliseconds, like utcTimestamp()). */
function noticeRow(n: JobSearchNoticeEntity): NoticeRow {
  return {
    id: n.id,
    dossierId: n.dossierId,
    month: n.month,
    channel: n.channel,
    filedAt: n.filedAt.toISOString(),
    filedOn: n.filedOn,
    activities: n.activities,
    note: n.note,
    portalNoticeCode: n.portalNoticeCode,
    receiptNumber: n.receiptNumber,
  };
}
