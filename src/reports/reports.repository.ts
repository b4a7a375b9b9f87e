import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CenterDirectory } from '../dossiers/center-directory';
import { sql } from '../platform/database/sql';
import { OpenDossierGroup } from './domain/due-buckets';
import { ReportPeriod, periodSlices } from './domain/report-period';
import {
  CenterRow,
  DecidedGroupRow,
  EmployerRow,
  FiledGroupRow,
  ReasonCountRow,
  SummaryRows,
  TOP_EMPLOYERS,
} from './domain/report-summary';
import { ReceiptDecisionPair } from './domain/working-day-span';
import { replicaQuery, replicaReadOnly } from '../platform/database/read-replica';

/**
 * Rows of the summary tables in the period and scope. Parameters: $1 the whole months (first days), $2..$5 two
 * inclusive day ranges (an unused one is empty), $6 the centers. Month rows for the whole months, day rows for the
 * days at either end (see periodSlices).
 */
const IN_SLICES = `center_code = ANY($6::text[]) AND (
  (grain = 'm' AND period = ANY($1::date[]))
  OR (grain = 'd' AND (period BETWEEN $2::date AND $3::date OR period BETWEEN $4::date AND $5::date)))`;

/** The filing cohort by each dimension; center and month come from the totals. Groups that sum to 0 are left out. */
export const SUMMARY_FILED_SQL = `
  WITH s AS (
    SELECT center_code, to_char(period, 'YYYY-MM') AS month, dimension, key, detail, sum(count) AS n
    FROM report_filed_count WHERE ${IN_SLICES}
    GROUP BY 1, 2, 3, 4, 5
  ), k AS (
    SELECT dimension, key, detail, sum(n) AS n FROM s GROUP BY 1, 2, 3 HAVING sum(n) > 0
  )
  SELECT dimension, key, max(detail) AS label, sum(n)::int AS count FROM k GROUP BY 1, 2
  UNION ALL
  SELECT 'center', center_code, NULL, sum(n)::int FROM s WHERE dimension = 'total' GROUP BY center_code HAVING sum(n) > 0
  UNION ALL
  SELECT 'month', month, NULL, sum(n)::int FROM s WHERE dimension = 'total' GROUP BY month HAVING sum(n) > 0`;

/** Top employers: the name shown is the most frequent spelling (ties: the first in sort order, as mode()). */
export const SUMMARY_EMPLOYERS_SQL = `
  WITH s AS (
    SELECT key, name, max(tax_code) AS tax_code, sum(count) AS n
    FROM report_employer_count WHERE ${IN_SLICES}
    GROUP BY key, name HAVING sum(count) > 0
  )
  SELECT max(tax_code) AS "taxCode", (array_agg(name ORDER BY n DESC, name))[1] AS name, sum(n)::int AS count
  FROM s GROUP BY key
  ORDER BY sum(n) DESC, min(name), key
  LIMIT ${TOP_EMPLOYERS}`;

export const SUMMARY_DECIDED_SQL = `
  SELECT dimension, outcome, key, note, sum(count)::int AS count, sum(on_time)::int AS "onTime",
    sum(with_due_date)::int AS "withDueDate", sum(monthly_benefit)::float8 AS "monthlyBenefit",
    sum(benefit_months)::float8 AS "benefitMonths", sum(benefit_amount)::float8 AS "benefitAmount"
  FROM report_decided_count WHERE ${IN_SLICES}
  GROUP BY dimension, outcome, key, note HAVING sum(count) > 0`;

/** Receipt date × decision date (day rows only): $1, $2 the period, $3 the centers. */
export const SUMMARY_SPANS_SQL = `
  SELECT received_day::text AS "receivedDate", decided_day::text AS "decidedDate", sum(count)::int AS count
  FROM report_decision_span
  WHERE center_code = ANY($3::text[]) AND decided_day BETWEEN $1::date AND $2::date
  GROUP BY 1, 2 HAVING sum(count) > 0`;

export const SUMMARY_RECEIVED_SQL = `
  SELECT COALESCE(sum(count), 0)::int AS count FROM report_received_count WHERE ${IN_SLICES}`;

export const SUMMARY_INTAKE_REFUSALS_SQL = `
  SELECT reason, sum(count)::int AS count FROM report_intake_refusal_count WHERE ${IN_SLICES}
  GROUP BY reason HAVING sum(count) > 0`;

/** The center code of the province-wide rows of report_employer_count and report_decision_span. */
export const PROVINCE = '*';

/** The parameters of IN_SLICES. */
export function sliceParams(period: ReportPeriod, centers: readonly string[]): unknown[] {
  const { months, dayRanges } = periodSlices(period);
  const empty = { from: '2000-01-02', to: '2000-01-01' };
  const [a = empty, b = empty] = dayRanges;
  return [months, a.from, a.to, b.from, b.to, centers];
}

/**
 * Read-only SQL behind the reports and the open-dossier gauges. Every figure comes from the summary tables that
 * triggers keep current in the transaction of each change (migration 1765700000000), never from the dossier rows.
 */
@Injectable()
export class ReportsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly centerDirectory: CenterDirectory,
  ) {}

  /**
   * Every query of the summary, in one read-only snapshot (the figures agree with each other), on a read replica
   * when there is one (docs/operations.md).
   */
  summaryRows(period: ReportPeriod, centerCode: string | null): Promise<SummaryRows> {
    return replicaReadOnly(this.dataSource, async (em) => {
      await sql.run(em, 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const centers = await this.centersIn(em);
      const params = sliceParams(period, centerCode ? [centerCode] : centers.map((c) => c.code));
      // Employers and spans are also kept province-wide, under the center code '*'.
      const wide = centerCode ? [centerCode] : [PROVINCE];
      const q = <T extends object>(text: string, values: unknown[] = params): Promise<T[]> =>
        sql.rows<T>(em, text, values);
      return {
        filed: await q<FiledGroupRow>(SUMMARY_FILED_SQL),
        employers: await q<EmployerRow>(SUMMARY_EMPLOYERS_SQL, sliceParams(period, wide)),
        decided: await q<DecidedGroupRow>(SUMMARY_DECIDED_SQL),
        spans: await q<ReceiptDecisionPair>(SUMMARY_SPANS_SQL, [period.from, period.to, wide]),
        received: (await q<{ count: number }>(SUMMARY_RECEIVED_SQL))[0]?.count ?? 0,
        intakeRefusals: await q<ReasonCountRow>(SUMMARY_INTAKE_REFUSALS_SQL),
        centers,
      };
    });
  }

  centers(): Promise<CenterRow[]> {
    return this.centersIn(this.dataSource.manager);
  }

  /** Every center, closed ones too (their past figures still count), by code; read through the dossiers module. */
  private async centersIn(em: EntityManager): Promise<CenterRow[]> {
    const centers = await this.centerDirectory.list(em);
    return centers
      .map(({ code, name }) => ({ code, name }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  async centerExists(code: string): Promise<boolean> {
    return (await this.centerDirectory.find(code)) !== undefined;
  }

  /** Open dossiers by center, status and due date (the summary kept by the dossier triggers). */
  openDossierGroups(): Promise<OpenDossierGroup[]> {
    return replicaQuery(
      this.dataSource,
      `SELECT center_code AS "centerCode", status, due_date::text AS "dueDate", count
       FROM report_open_count WHERE count > 0`,
    );
  }
}
