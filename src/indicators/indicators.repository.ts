import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addDays } from '../calendar/iso-date';
import { sql } from '../platform/database/sql';
import { DecisionFact, FilingFact, MonthFacts, NoticeFact, PaymentFact, RatingFact } from './domain/service-indicators';
import { SatisfactionRatingEntity } from './satisfaction-rating.entity';

/** Analytical reads may take longer than the statement timeout of ordinary requests. */
const STATEMENT_TIMEOUT = '120s';
/** A later benefit month is due on its 7th day + 5 working days: at most ~20 days after it starts (Tết included). */
const PAYMENT_LOOKBACK_DAYS = 40;

export interface SatisfactionRow {
  dossierId: string;
  centerCode: string;
  rating: number;
  comment: string | null;
  ratedAt: Date;
}

/**
 * SQL of the indicators. Reads the procedure's tables only through the `indicator_*` views of migration
 * 1766000000000; writes only its own tables (ratings). Aggregates and the rating's insert-unless-rated are SQL through
 * the typed helper; the lookup of one rating goes through its entity.
 */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Everything the indicators of [firstDay, lastDay] count, in one read-only transaction. */
  monthFacts(firstDay: string, lastDay: string): Promise<MonthFacts> {
    return this.dataSource.transaction(async (em) => {
      await sql.run(em, 'SET TRANSACTION READ ONLY');
      await sql.run(em, `SET LOCAL statement_timeout = '${STATEMENT_TIMEOUT}'`);
      const range = [firstDay, lastDay];
      const filings = await sql.rows<FilingFact>(
        em,
        `SELECT center_code AS "centerCode", channel, count(*)::int AS count
         FROM indicator_filing WHERE filed_on BETWEEN $1 AND $2 GROUP BY 1, 2`,
        range,
      );
      const decisions = await sql.rows<DecisionFact>(
        em,
        `SELECT center_code AS "centerCode", decided_on::text AS "decidedOn", received_on::text AS "receivedOn",
           clock_steps AS "clockSteps", electronic_result_on::text AS "electronicResultOn"
         FROM indicator_decision WHERE decided_on BETWEEN $1 AND $2`,
        range,
      );
      const notices = await sql.rows<NoticeFact>(
        em,
        `SELECT center_code AS "centerCode", notice_to::text AS "noticeTo", outcome, filed_on::text AS "filedOn"
         FROM indicator_notice_month WHERE notice_to BETWEEN $1 AND $2`,
        range,
      );
      const payments = await sql.rows<PaymentFact>(
        em,
        `SELECT center_code AS "centerCode", month, period_from::text AS "periodFrom", status, paid_at::text AS "paidAt"
         FROM indicator_payment WHERE period_from BETWEEN $1 AND $2`,
        [addDays(firstDay, -PAYMENT_LOOKBACK_DAYS), lastDay],
      );
      const ratings = await sql.rows<RatingFact>(
        em,
        `SELECT center_code AS "centerCode", rating FROM satisfaction_rating WHERE rated_on BETWEEN $1 AND $2`,
        range,
      );
      return { filings, decisions, notices, payments, ratings };
    });
  }

  /** Adds the rating; false when the dossier already has one (one statement: the conflict is the answer). */
  async addRating(
    em: EntityManager,
    row: {
      dossierId: string;
      centerCode: string;
      rating: number;
      comment: string | null;
      ratedAt: Date;
      ratedOn: string;
    },
  ): Promise<boolean> {
    const inserted = await sql.rows<{ dossierId: string }>(
      em,
      `INSERT INTO satisfaction_rating (dossier_id, center_code, rating, comment, rated_at, rated_on)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id AS "dossierId"`,
      [row.dossierId, row.centerCode, row.rating, row.comment, row.ratedAt, row.ratedOn],
    );
    return inserted.length === 1;
  }

  async rating(dossierId: string): Promise<SatisfactionRow | undefined> {
    const rating = await this.dataSource.getRepository(SatisfactionRatingEntity).findOne({
      select: { dossierId: true, centerCode: true, rating: true, comment: true, ratedAt: true },
      where: { dossierId },
    });
    return rating ?? undefined;
  }

  /** The comments of a month, without any link to the dossier or the person (anonymous in reports). */
  comments(firstDay: string, lastDay: string): Promise<{ centerCode: string; rating: number; comment: string }[]> {
    return sql.rows<{ centerCode: string; rating: number; comment: string }>(
      this.dataSource,
      `SELECT center_code AS "centerCode", rating, comment FROM satisfaction_rating
       WHERE rated_on BETWEEN $1 AND $2 AND comment IS NOT NULL ORDER BY center_code, rating, comment`,
      [firstDay, lastDay],
    );
  }

  centers(): Promise<{ code: string; name: string }[]> {
    return sql.rows<{ code: string; name: string }>(
      this.dataSource,
      `SELECT code, name FROM indicator_center ORDER BY code`,
    );
  }
}
